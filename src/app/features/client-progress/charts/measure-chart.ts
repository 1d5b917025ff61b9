import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { ChartCanvas } from '../../../ui/chart-frame/chart-canvas';
import { CHART_FRAME } from '../../../ui/chart-frame/chart-frame';
import {
  DayRange,
  MeasureView,
  PhaseView,
  ProgressEvent,
  TransitionMarker,
} from '../progress-view-model';
import { dayLabel } from './chart-format';
import {
  LegendEntry,
  measureChartConfig,
  measureLegend,
  measureTableRows,
} from './measure-chart-config';

/**
 * One measure over time (scores, severity bands, reliable change, expected recovery, levels of
 * care and events), with a data table of the same numbers one click away for anyone who cannot
 * use the canvas. The page supplies the heading; the chart's text alternative is the measure's
 * summary sentence.
 */
@Component({
  selector: 'app-measure-chart',
  imports: [CHART_FRAME, ChartCanvas],
  templateUrl: './measure-chart.html',
  styleUrls: [
    '../../../ui/chart-frame/data-table.scss',
    '../../../ui/chart-frame/chart-legend.scss',
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MeasureChart {
  readonly measure = input.required<MeasureView>();
  readonly phases = input<readonly PhaseView[]>([]);
  readonly transitions = input<readonly TransitionMarker[]>([]);
  readonly events = input<readonly ProgressEvent[]>([]);
  readonly range = input.required<DayRange>();
  readonly dark = input(false);

  protected readonly config = computed(() =>
    measureChartConfig(this.measure(), {
      phases: this.phases(),
      transitions: this.transitions(),
      events: this.events(),
      range: this.range(),
      dark: this.dark(),
    }),
  );
  protected readonly legend = computed(() =>
    measureLegend(this.measure(), this.events(), this.dark()),
  );
  protected readonly rows = computed(() => measureTableRows(this.measure(), this.range()));
  protected readonly caption = computed(() => {
    const { from, to } = this.range();
    return `${this.measure().shortName} scores, ${dayLabel(from)} to ${dayLabel(to)}`;
  });

  protected dashArray(entry: LegendEntry): string | null {
    return entry.dash.length ? entry.dash.join(' ') : null;
  }
}
