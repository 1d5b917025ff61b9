import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { ChartCanvas } from '../../../ui/chart-frame/chart-canvas';
import { CHART_FRAME } from '../../../ui/chart-frame/chart-frame';
import { journeyChartConfig } from './journey-chart-config';
import { JourneyLegendEntry, journeyLegend } from './journey-legend';
import { scoreRows, stayRows } from './journey-tables';
import { JourneyTimelineView } from './journey-timeline-view';

/**
 * One client's stays in swimlanes by level of care with the primary measure laid over them,
 * and the same stays and scores as tables one click away. The chart's text alternative is the
 * journey summary; the legend under it names every mark by shape and dash as well as colour.
 */
@Component({
  selector: 'app-journey-chart',
  imports: [CHART_FRAME, ChartCanvas],
  templateUrl: './journey-chart.html',
  styleUrls: [
    '../../../ui/chart-frame/data-table.scss',
    '../../../ui/chart-frame/chart-legend.scss',
    './journey-chart.scss',
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class JourneyChart {
  readonly view = input.required<JourneyTimelineView>();
  readonly dark = input(false);

  protected readonly config = computed(() => journeyChartConfig(this.view(), this.dark()));
  protected readonly legend = computed(() => journeyLegend(this.view(), this.dark()));
  protected readonly stays = computed(() => stayRows(this.view()));
  protected readonly scores = computed(() => scoreRows(this.view()));
  protected readonly caption = computed(() => `${this.view().name}: stays and scores`);
  protected readonly scoreName = computed(
    () => this.view().measure?.shortName ?? 'Primary measure',
  );

  protected dashArray(entry: JourneyLegendEntry): string | null {
    return entry.dash.length ? entry.dash.join(' ') : null;
  }
}
