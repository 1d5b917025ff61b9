import { ChangeDetectionStrategy, Component, computed, input, output, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { ChartCanvas } from '../../../ui/chart-frame/chart-canvas';
import { CHART_FRAME } from '../../../ui/chart-frame/chart-frame';
import { RateTrendsView, TREND_RATE_LABELS, TrendRate } from '../outcomes-view-model';
import {
  RateLegendEntry,
  SMALL_N,
  TREND_RATES,
  rateTrendConfig,
  rateTrendLegend,
  rateTrendRows,
  rateTrendSummary,
} from './rate-trend-config';

/**
 * Completion, response, remission and reliable improvement by admission month, each with its
 * 95 % Wilson interval as a shaded band, gaps where no episode could be counted and hollow
 * points where a rate rests on few episodes. The legend names the dash and shape of each rate
 * and lets a reader show or hide it (the bands of four rates overlap); the table behind the
 * chart has every rate, interval and n.
 */
@Component({
  selector: 'app-rate-trend-chart',
  imports: [CHART_FRAME, ChartCanvas, MatButtonModule],
  templateUrl: './rate-trend-chart.html',
  styleUrls: [
    '../../../ui/chart-frame/data-table.scss',
    '../../../ui/chart-frame/chart-legend.scss',
    './rate-trend-chart.scss',
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RateTrendChart {
  readonly trends = input.required<RateTrendsView>();
  readonly dark = input(false);
  /** A month's cell asks for its episodes: `month:<rate>:<YYYY-MM>` (see drill-keys.ts). */
  readonly drill = output<string>();

  /** Rates the reader has hidden with the legend: local to this chart, not in the URL. */
  protected readonly hidden = signal<ReadonlySet<TrendRate>>(new Set());

  protected readonly config = computed(() =>
    rateTrendConfig(this.trends(), { dark: this.dark(), hidden: this.hidden() }),
  );
  protected readonly summary = computed(() => rateTrendSummary(this.trends()));
  protected readonly rows = computed(() => rateTrendRows(this.trends()));
  protected readonly legend = computed(() => rateTrendLegend(this.dark()));
  protected readonly caption = computed(
    () =>
      `Outcome rates by admission month (${this.trends().instrument}): ` +
      'rate (95 % interval), n episodes',
  );
  protected readonly rates = TREND_RATES;
  protected readonly rateLabels = TREND_RATE_LABELS;
  protected readonly smallN = SMALL_N;

  protected shown(rate: TrendRate): boolean {
    return !this.hidden().has(rate);
  }

  protected toggle(rate: TrendRate): void {
    this.hidden.update((hidden) => {
      const next = new Set(hidden);
      if (!next.delete(rate)) next.add(rate);
      return next;
    });
  }

  protected dashArray(entry: RateLegendEntry): string | null {
    return entry.dash.length ? entry.dash.join(' ') : null;
  }
}
