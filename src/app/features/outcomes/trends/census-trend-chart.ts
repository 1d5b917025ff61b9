import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { ChartCanvas } from '../../../ui/chart-frame/chart-canvas';
import { CHART_FRAME } from '../../../ui/chart-frame/chart-frame';
import { CensusTrendView } from '../outcomes-view-model';
import {
  censusLegend,
  censusTrendConfig,
  censusTrendRows,
  censusTrendSummary,
} from './census-trend-config';

/**
 * Clients at each level of care over time, stacked so the top edge is the whole census. The
 * legend carries each level's count on the latest day and the table every day's counts, so
 * neither the colours nor the stacked heights have to be read off the canvas.
 */
@Component({
  selector: 'app-census-trend-chart',
  imports: [CHART_FRAME, ChartCanvas],
  templateUrl: './census-trend-chart.html',
  styleUrls: [
    '../../../ui/chart-frame/data-table.scss',
    '../../../ui/chart-frame/chart-legend.scss',
    './census-trend-chart.scss',
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CensusTrendChart {
  readonly census = input.required<CensusTrendView>();
  readonly dark = input(false);

  protected readonly config = computed(() => censusTrendConfig(this.census(), this.dark()));
  protected readonly summary = computed(() => censusTrendSummary(this.census()));
  protected readonly rows = computed(() => censusTrendRows(this.census()));
  protected readonly legend = computed(() => censusLegend(this.census(), this.dark()));
  protected readonly last = computed(() => this.census().points.at(-1));
  protected readonly caption = computed(() => {
    const points = this.census().points;
    const range =
      points.length > 1 ? `, ${points[0].label} to ${points[points.length - 1].label}` : '';
    return `Clients at each level of care${range}`;
  });
}
