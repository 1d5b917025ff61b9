import { ChartConfiguration, ChartDataset, TooltipItem } from 'chart.js';
import { LevelDurationView } from './flows-view-model';
import { flowsPalette } from './flows-chart-palette';
import { formatNumber, plural, span } from './flows-format';

/*
 * Time spent at each level as a horizontal box plot, one row per level, over the program's
 * expected length: pure functions of the view model, with the words and table rows that carry
 * the same numbers.
 */

/** A floating bar's [from, to] days, a median point, or nothing for a row without data. */
export type TimeInLevelDatum = [number, number] | { x: number | null; y: string } | null;
export type TimeInLevelChartType = 'bar' | 'scatter';
export type TimeInLevelConfig = ChartConfiguration<
  TimeInLevelChartType,
  TimeInLevelDatum[],
  string
>;

export const EXPECTED_LABEL = 'Expected length';
export const RANGE_LABEL = 'Shortest to longest';
export const IQR_LABEL = 'Middle half (IQR)';
export const MEDIAN_LABEL = 'Median';

/** Room per level row, so two levels and five levels are equally legible. */
export function timeInLevelHeight(rows: number): number {
  return 72 + 56 * Math.max(rows, 1);
}

export function timeInLevelConfig(
  durations: readonly LevelDurationView[],
  dark = false,
): TimeInLevelConfig {
  const palette = flowsPalette(dark);
  const labels = durations.map((d) => d.label);
  // Drawn back to front by `order` (highest first): band, whisker, box, then the median on top.
  // `grouped: false` lays the four on the same row instead of side by side.
  const datasets: ChartDataset<TimeInLevelChartType, TimeInLevelDatum[]>[] = [
    {
      type: 'bar',
      label: EXPECTED_LABEL,
      data: durations.map((d) =>
        d.expectedDays ? [d.expectedDays.min, d.expectedDays.max] : null,
      ),
      backgroundColor: palette.expectedFill,
      borderColor: palette.expected,
      borderWidth: 1,
      borderSkipped: false,
      grouped: false,
      barPercentage: 1,
      categoryPercentage: 0.9,
      pointStyle: 'rect',
      order: 3,
    },
    {
      type: 'bar',
      label: RANGE_LABEL,
      data: durations.map((d) =>
        d.minDays !== undefined && d.maxDays !== undefined ? [d.minDays, d.maxDays] : null,
      ),
      backgroundColor: palette.whisker,
      // Same colour as the fill: the bar looks no different, and the legend's line takes its
      // colour and width from the border.
      borderColor: palette.whisker,
      borderWidth: 1,
      grouped: false,
      // A line, not a box: the range is a whisker either side of the IQR box.
      barThickness: 4,
      pointStyle: 'line',
      order: 2,
    },
    {
      type: 'bar',
      label: IQR_LABEL,
      data: durations.map((d) =>
        d.q1Days !== undefined && d.q3Days !== undefined ? [d.q1Days, d.q3Days] : null,
      ),
      backgroundColor: palette.boxFill,
      borderColor: palette.box,
      borderWidth: 2,
      borderSkipped: false,
      grouped: false,
      barPercentage: 0.5,
      categoryPercentage: 0.9,
      pointStyle: 'rect',
      order: 1,
    },
    {
      type: 'scatter',
      label: MEDIAN_LABEL,
      // One point per row, empty where there is no median, so index-mode tooltips line up.
      data: durations.map((d) => ({ x: d.medianDays ?? null, y: d.label })),
      borderColor: palette.median,
      backgroundColor: palette.median,
      pointBorderColor: palette.median,
      pointBackgroundColor: palette.median,
      pointBorderWidth: 3,
      pointHoverBorderWidth: 3,
      // A vertical stroke across the box, the usual mark of a median.
      pointStyle: 'line',
      pointRotation: 90,
      pointRadius: 12,
      pointHoverRadius: 12,
      pointHitRadius: 8,
      showLine: false,
      order: 0,
    },
  ];
  return {
    type: 'bar',
    data: { labels, datasets },
    options: {
      indexAxis: 'y',
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      interaction: { mode: 'index', axis: 'y', intersect: false },
      scales: {
        x: {
          type: 'linear',
          beginAtZero: true,
          title: { display: true, text: 'Days at the level', color: palette.text },
          ticks: { color: palette.text, precision: 0 },
          grid: { color: palette.grid },
          border: { color: palette.axis },
        },
        y: {
          type: 'category',
          // A second line with the count, so a row with no box still says why it is empty.
          ticks: { color: palette.text, callback: (_value, index) => rowTick(durations[index]) },
          grid: { display: false },
          border: { color: palette.axis },
        },
      },
      plugins: {
        legend: {
          display: true,
          position: 'bottom',
          labels: { color: palette.text, usePointStyle: true, boxHeight: 8 },
        },
        tooltip: {
          callbacks: {
            title: (items) => rowTitle(durations[items[0]?.dataIndex ?? -1]),
            label: (item) => datumTooltip(item),
          },
        },
      },
    },
  };
}

export function rowTick(d: LevelDurationView | undefined): string[] {
  if (!d) return [];
  return [d.label, d.n > 0 ? `${d.n} finished` : 'none finished'];
}

function rowTitle(d: LevelDurationView | undefined): string {
  return d ? `${d.label}: ${plural(d.n, 'finished stay')}, ${d.ongoing} still there` : '';
}

function datumTooltip(item: TooltipItem<TimeInLevelChartType>): string {
  const raw = item.raw as TimeInLevelDatum;
  if (Array.isArray(raw)) return `${item.dataset.label}: ${span(raw[0], raw[1])} days`;
  if (raw && raw.x !== null) return `${item.dataset.label}: ${formatNumber(raw.x)} days`;
  return `${item.dataset.label}: none`;
}

/**
 * "IOP: median 56 days (IQR 30–63) over 5 finished stays; expected 56–84; 2 shorter, 3 within,
 * 0 longer; 13 still there".
 */
export function levelSummary(d: LevelDurationView): string {
  const parts: string[] = [];
  if (d.medianDays !== undefined) {
    const iqr =
      d.q1Days !== undefined && d.q3Days !== undefined ? ` (IQR ${span(d.q1Days, d.q3Days)})` : '';
    parts.push(
      `median ${formatNumber(d.medianDays)} days${iqr} over ${plural(d.n, 'finished stay')}`,
    );
  } else {
    parts.push('no finished stays yet');
  }
  if (d.expectedDays) {
    parts.push(`expected ${span(d.expectedDays.min, d.expectedDays.max)}`);
    if (d.n > 0) parts.push(`${d.shorter} shorter, ${d.within} within, ${d.longer} longer`);
  }
  if (d.ongoing > 0) parts.push(`${d.ongoing} still there`);
  return `${d.label}: ${parts.join('; ')}`;
}

export function timeInLevelSummary(durations: readonly LevelDurationView[]): string {
  if (durations.length === 0) return 'No stays at any level in this cohort yet';
  return `Days at each level. ${durations.map(levelSummary).join('. ')}`;
}

export interface TimeInLevelRow {
  readonly level: string;
  readonly finished: string;
  readonly ongoing: string;
  readonly median: string;
  readonly iqr: string;
  readonly range: string;
  readonly expected: string;
  readonly comparison: string;
}

const NONE = '—';

export function timeInLevelRows(durations: readonly LevelDurationView[]): TimeInLevelRow[] {
  return durations.map((d) => ({
    level: d.label,
    finished: String(d.n),
    ongoing: String(d.ongoing),
    median: d.medianDays !== undefined ? formatNumber(d.medianDays) : NONE,
    iqr: d.q1Days !== undefined && d.q3Days !== undefined ? span(d.q1Days, d.q3Days) : NONE,
    range: d.minDays !== undefined && d.maxDays !== undefined ? span(d.minDays, d.maxDays) : NONE,
    expected: d.expectedDays ? span(d.expectedDays.min, d.expectedDays.max) : NONE,
    comparison: d.expectedDays && d.n > 0 ? `${d.shorter} / ${d.within} / ${d.longer}` : NONE,
  }));
}
