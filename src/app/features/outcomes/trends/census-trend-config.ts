import { ChartConfiguration, ChartDataset, TooltipItem } from 'chart.js';
import { LevelOfCare } from '../../../domain/models';
import { CensusPointView, CensusTrendView } from '../outcomes-view-model';
import { daysBetween, gapWords, plural } from './trend-format';
import { trendsPalette, withAlpha } from './trends-chart-palette';

/*
 * Clients at each level of care over time as a stacked area chart: pure functions of the view
 * model, with the sentence, legend and table rows that carry the same numbers.
 */

export type CensusTrendConfig = ChartConfiguration<'line', number[], string>;
export type CensusTrendDataset = ChartDataset<'line', number[]>;

/** Clients at a level on a day; a level missing from `byLevel` had nobody there. */
export function countAt(point: CensusPointView, level: LevelOfCare): number {
  return point.byLevel[level] ?? 0;
}

export function censusTrendConfig(census: CensusTrendView, dark = false): CensusTrendConfig {
  const palette = trendsPalette(dark);
  // The view lists levels most intensive first; that level is the bottom of the stack, so the
  // stack reads up the ladder from PHP to aftercare, in the legend's and the table's order.
  const datasets: CensusTrendDataset[] = census.levels.map(({ level, label }, i) => ({
    type: 'line',
    label,
    data: census.points.map((p) => countAt(p, level)),
    borderColor: palette.levels[level],
    backgroundColor: withAlpha(palette.levels[level], palette.areaAlpha),
    borderWidth: 2,
    // The first area fills down to the axis, each later one down to the area below it.
    fill: i === 0 ? 'origin' : '-1',
    pointRadius: census.points.length > 30 ? 0 : 2.5,
    pointHoverRadius: 5,
    pointBackgroundColor: palette.levels[level],
    tension: 0,
  }));
  return {
    type: 'line',
    data: { labels: census.points.map((p) => p.label), datasets },
    options: {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      layout: { padding: { top: 4, right: 8 } },
      interaction: { mode: 'index', axis: 'x', intersect: false },
      scales: {
        x: {
          type: 'category',
          ticks: { color: palette.text, maxRotation: 0, autoSkipPadding: 12 },
          grid: { color: palette.grid },
          border: { color: palette.axis },
        },
        y: {
          type: 'linear',
          stacked: true,
          beginAtZero: true,
          title: { display: true, text: 'Clients', color: palette.text },
          ticks: { color: palette.text, precision: 0 },
          grid: { color: palette.grid },
          border: { color: palette.axis },
        },
      },
      plugins: {
        // The HTML legend carries the latest counts; the canvas legend stays off even if
        // another route has registered it in Chart.js's global registry.
        legend: { display: false },
        tooltip: {
          callbacks: {
            title: (items) => census.points[items[0]?.dataIndex ?? -1]?.label ?? '',
            label: (item: TooltipItem<'line'>) => censusTooltipLabel(census, item),
            footer: (items) => {
              const point = census.points[items[0]?.dataIndex ?? -1];
              return point ? `Total: ${point.total}` : '';
            },
          },
        },
      },
    },
  };
}

/** "IOP: 22". The stacked height is not the level's count, so the count is read from the view. */
export function censusTooltipLabel(
  census: CensusTrendView,
  item: Pick<TooltipItem<'line'>, 'datasetIndex' | 'dataIndex'>,
): string {
  const level = census.levels[item.datasetIndex];
  const point = census.points[item.dataIndex];
  return level && point ? `${level.label}: ${countAt(point, level.level)}` : '';
}

function breakdown(census: CensusTrendView, point: CensusPointView): string {
  return census.levels.map(({ level, label }) => `${label} ${countAt(point, level)}`).join(', ');
}

export const NO_CENSUS_SUMMARY = 'No census to show for this period.';

/**
 * "Census on 2 Mar 2026: 41 clients (PHP 6, IOP 22, Outpatient 11, Aftercare 2); 12 weeks
 * earlier, on 8 Dec 2025: 35."
 */
export function censusTrendSummary(census: CensusTrendView): string {
  const points = census.points;
  if (points.length === 0) return NO_CENSUS_SUMMARY;
  const last = points[points.length - 1];
  const now = `Census on ${last.label}: ${plural(last.total, 'client')}`;
  const levels = census.levels.length ? ` (${breakdown(census, last)})` : '';
  if (points.length === 1) return `${now}${levels}.`;
  const first = points[0];
  const gap = gapWords(daysBetween(first.day, last.day));
  return `${now}${levels}; ${gap} earlier, on ${first.label}: ${first.total}.`;
}

export interface CensusLegendEntry {
  readonly level: LevelOfCare;
  readonly label: string;
  readonly colour: string;
  readonly fill: string;
  /** Clients at the level on the last day. */
  readonly count: number;
}

/** The legend: each level's colour with its count on the latest day. */
export function censusLegend(census: CensusTrendView, dark = false): CensusLegendEntry[] {
  const palette = trendsPalette(dark);
  const last = census.points[census.points.length - 1];
  return census.levels.map(({ level, label }) => ({
    level,
    label,
    colour: palette.levels[level],
    fill: withAlpha(palette.levels[level], palette.areaAlpha),
    count: last ? countAt(last, level) : 0,
  }));
}

export interface CensusTrendRow {
  readonly day: string;
  readonly label: string;
  /** One count per level, in the view's level order. */
  readonly counts: readonly number[];
  readonly total: number;
}

export function censusTrendRows(census: CensusTrendView): CensusTrendRow[] {
  return census.points.map((p) => ({
    day: p.day,
    label: p.label,
    counts: census.levels.map(({ level }) => countAt(p, level)),
    total: p.total,
  }));
}
