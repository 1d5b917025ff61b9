import { SMALL_GROUP_SIZE } from '../../../domain/outcomes/breakdown';
import {
  ChartConfiguration,
  ChartDataset,
  PointStyle,
  ScriptableContext,
  TooltipItem,
} from 'chart.js';
import { Proportion } from '../../../domain/stats/wilson';
import {
  RateTrendsView,
  TREND_RATE_LABELS,
  TrendMonthView,
  TrendRate,
} from '../outcomes-view-model';
import { labelRange, percentValue, wholePercent } from './trend-format';
import { trendsPalette, withAlpha } from './trends-chart-palette';

/*
 * The four outcome rates by admission month, each with its 95 % Wilson interval: pure functions
 * of the view model, with the sentence, tooltip lines, legend and table rows that carry the same
 * numbers, so the specs can check everything the chart says without a canvas.
 *
 * The interval is a translucent band (Chart.js Filler between a low and a high line dataset)
 * rather than a floating bar: a band reads as "the rate is somewhere in here" along the whole
 * trend, and it keeps every rate on the month's centre, where its line point is; four grouped
 * floating bars per month would sit beside the points they belong to and crowd a year of
 * months. Bands of four rates can overlap, so the legend lets a reader show one rate at a time.
 * A band needs two neighbouring months to span, so a month with a rate between two gaps (or at
 * the end beside a gap) shows its interval as a vertical whisker instead: a translucent stroke
 * from low to high, sized on the y scale.
 */

export type RateTrendDatum = number | null;
export type RateTrendConfig = ChartConfiguration<'line', RateTrendDatum[], string>;
export type RateTrendDataset = ChartDataset<'line', RateTrendDatum[]>;

/** Drawing and legend order. */
export const TREND_RATES: readonly TrendRate[] = [
  'completion',
  'response',
  'remission',
  'reliableImprovement',
];

/** A rate that rests on fewer episodes than this is drawn as a hollow point. */
export const SMALL_N = SMALL_GROUP_SIZE;

/** How each rate differs without colour: a dash pattern and a point shape. */
export const RATE_STYLES: Readonly<
  Record<TrendRate, { readonly dash: readonly number[]; readonly pointStyle: PointStyle }>
> = {
  completion: { dash: [], pointStyle: 'circle' },
  response: { dash: [6, 4], pointStyle: 'rect' },
  remission: { dash: [2, 3], pointStyle: 'triangle' },
  reliableImprovement: { dash: [10, 3, 2, 3], pointStyle: 'rectRot' },
};

/**
 * What a dataset draws: a rate's line, the low or high edge of its interval band, or the
 * whiskers of months whose interval no band can reach.
 */
export interface RateDatasetRole {
  readonly rate: TrendRate;
  readonly part: 'line' | 'low' | 'high' | 'whisker';
}

/** Width of a lone month's whisker, about the width a band shows at a point. */
const WHISKER_WIDTH = 10;

export interface RateTrendOptions {
  readonly dark?: boolean;
  /** Rates the reader has hidden; their line and band are kept (so colours stay put) but not drawn. */
  readonly hidden?: ReadonlySet<TrendRate>;
}

/** A rate's value in percent, or null (a gap) when there is none: n = 0 or unreadable counts. */
function hasRate(p: Proportion): p is Proportion & { rate: number; low: number; high: number } {
  return (
    !p.invalid && p.n > 0 && p.rate !== undefined && p.low !== undefined && p.high !== undefined
  );
}

/** A month with a rate whose neighbours have none: no band segment can reach it. */
export function isLoneMonth(
  months: readonly TrendMonthView[],
  rate: TrendRate,
  i: number,
): boolean {
  const counted = (j: number) => j >= 0 && j < months.length && hasRate(months[j].rates[rate]);
  return counted(i) && !counted(i - 1) && !counted(i + 1);
}

function series(months: readonly TrendMonthView[], rate: TrendRate, part: RateDatasetRole['part']) {
  return months.map((m, i) => {
    const p = m.rates[rate];
    if (!hasRate(p)) return null;
    if (part === 'whisker') {
      return isLoneMonth(months, rate, i) ? percentValue((p.low + p.high) / 2) : null;
    }
    return percentValue(p[part === 'line' ? 'rate' : part]);
  });
}

/**
 * A lone month's whisker: a 'line' point turned upright, half as long as the interval is tall
 * on the y scale, centred on the interval's middle.
 */
export function whiskerRadius(
  months: readonly TrendMonthView[],
  rate: TrendRate,
): (context: ScriptableContext<'line'>) => number {
  return (context) => {
    const p = months[context.dataIndex]?.rates[rate];
    const y = context.chart.scales['y'];
    if (!p || !hasRate(p) || !y) return 0;
    return (
      Math.abs(y.getPixelForValue(percentValue(p.low)) - y.getPixelForValue(percentValue(p.high))) /
      2
    );
  };
}

/** The datasets in drawing order, each with the role it plays (tooltips and specs read it). */
export function rateTrendRoles(): RateDatasetRole[] {
  return [
    // Bands first: `fill: '-1'` fills a high edge down to the dataset just before it, its low.
    ...TREND_RATES.flatMap((rate) => [
      { rate, part: 'low' as const },
      { rate, part: 'high' as const },
    ]),
    ...TREND_RATES.map((rate) => ({ rate, part: 'whisker' as const })),
    ...TREND_RATES.map((rate) => ({ rate, part: 'line' as const })),
  ];
}

export function rateTrendConfig(
  trends: RateTrendsView,
  options: RateTrendOptions = {},
): RateTrendConfig {
  const palette = trendsPalette(options.dark);
  const hidden = options.hidden ?? new Set<TrendRate>();
  const roles = rateTrendRoles();
  const datasets: RateTrendDataset[] = roles.map(({ rate, part }) => {
    const colour = palette.rates[rate];
    const label = TREND_RATE_LABELS[rate];
    const data = series(trends.months, rate, part);
    if (part === 'whisker') {
      const radius = whiskerRadius(trends.months, rate);
      return {
        type: 'line',
        label: `${label} 95 % interval (single month)`,
        data,
        showLine: false,
        pointStyle: 'line',
        pointRotation: 90,
        pointRadius: radius,
        pointHoverRadius: radius,
        pointHitRadius: 0,
        pointBorderWidth: WHISKER_WIDTH,
        pointHoverBorderWidth: WHISKER_WIDTH,
        // Twice the band's opacity: a narrow stroke at the band's would all but vanish.
        pointBorderColor: withAlpha(colour, palette.bandAlpha * 2),
        borderColor: withAlpha(colour, palette.bandAlpha * 2),
        backgroundColor: withAlpha(colour, palette.bandAlpha * 2),
        fill: false,
        hidden: hidden.has(rate),
        order: 1,
      };
    }
    if (part !== 'line') {
      return {
        type: 'line',
        label: `${label} 95 % interval (${part})`,
        data,
        borderColor: 'transparent',
        borderWidth: 0,
        backgroundColor: withAlpha(colour, palette.bandAlpha),
        pointRadius: 0,
        pointHoverRadius: 0,
        pointHitRadius: 0,
        fill: part === 'high' ? '-1' : false,
        spanGaps: false,
        tension: 0,
        hidden: hidden.has(rate),
        // Drawn under every line.
        order: 1,
      };
    }
    const small = trends.months.map((m) => m.rates[rate].n > 0 && m.rates[rate].n < SMALL_N);
    return {
      type: 'line',
      label,
      data,
      borderColor: colour,
      backgroundColor: colour,
      borderWidth: 2,
      borderDash: [...RATE_STYLES[rate].dash],
      fill: false,
      spanGaps: false,
      tension: 0,
      pointStyle: RATE_STYLES[rate].pointStyle,
      pointRadius: 4.5,
      pointHoverRadius: 6.5,
      pointBorderWidth: 2,
      pointBorderColor: colour,
      // Hollow (the surface showing through) where the rate rests on few episodes.
      pointBackgroundColor: small.map((s) => (s ? palette.surface : colour)),
      hidden: hidden.has(rate),
      order: 0,
    };
  });
  return {
    type: 'line',
    data: { labels: trends.months.map((m) => m.label), datasets },
    options: {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      layout: { padding: { top: 4, right: 8 } },
      interaction: { mode: 'index', axis: 'x', intersect: false },
      scales: {
        x: {
          type: 'category',
          // Half a month of room at each end, so the first and last points and their bands or
          // whiskers are not cut by the plot's edge.
          offset: true,
          title: { display: true, text: 'Admission month', color: palette.text },
          ticks: { color: palette.text, maxRotation: 0, autoSkipPadding: 12 },
          grid: { color: palette.grid },
          border: { color: palette.axis },
        },
        y: {
          type: 'linear',
          min: 0,
          max: 100,
          title: { display: true, text: 'Rate (%)', color: palette.text },
          ticks: { color: palette.text, stepSize: 20, callback: (value) => `${value} %` },
          grid: { color: palette.grid },
          border: { color: palette.axis },
        },
      },
      plugins: {
        // The component draws its own HTML legend (dash, shape, hollow points, show/hide). The
        // Chart.js registry is global, so the canvas legend is switched off even though this
        // route does not register it: another route's registration would otherwise show it.
        legend: { display: false },
        tooltip: {
          // Band edges are read out with their rate, not as lines of their own.
          filter: (item) => roles[item.datasetIndex]?.part === 'line',
          callbacks: {
            title: (items) => trends.months[items[0]?.dataIndex ?? -1]?.label ?? '',
            label: (item: TooltipItem<'line'>) => {
              const role = roles[item.datasetIndex];
              const month = trends.months[item.dataIndex];
              return role && month ? rateTooltip(role.rate, month.rates[role.rate]) : '';
            },
          },
        },
      },
    },
  };
}

/** "Response: 48 % (95 % CI 35–61 %, n = 52)"; a rate without episodes says so. */
export function rateTooltip(rate: TrendRate, p: Proportion): string {
  return `${TREND_RATE_LABELS[rate]}: ${rateText(p)}`;
}

function rateText(p: Proportion): string {
  if (p.invalid) return 'counts could not be read';
  if (!hasRate(p)) return `no episodes to count (n = ${p.n})`;
  return `${wholePercent(p.rate)} % (95 % CI ${wholePercent(p.low)}–${wholePercent(p.high)} %, n = ${p.n})`;
}

/** "48 % (35–61 %), n = 52": a table cell. */
export function rateCell(p: Proportion): string {
  if (p.invalid) return '—, counts could not be read';
  if (!hasRate(p)) return `—, n = ${p.n}`;
  return `${wholePercent(p.rate)} % (${wholePercent(p.low)}–${wholePercent(p.high)} %), n = ${p.n}`;
}

export interface RateTrendRow {
  readonly month: string;
  readonly label: string;
  readonly cells: readonly {
    readonly rate: TrendRate;
    readonly text: string;
    readonly n: number;
  }[];
}

/** One row per admission month, one cell per rate in `TREND_RATES` order. */
export function rateTrendRows(trends: RateTrendsView): RateTrendRow[] {
  return trends.months.map((m) => ({
    month: m.month,
    label: m.label,
    cells: TREND_RATES.map((rate) => ({ rate, text: rateCell(m.rates[rate]), n: m.rates[rate].n })),
  }));
}

export const NO_MONTHS_SUMMARY = 'No finished episodes in these months.';

/**
 * The chart's text alternative: per rate where it started and ended over the months it could be
 * counted in, e.g. "Outcome rates by admission month (PHQ-9), Jan 2026 – Oct 2026: completion
 * from 67 % (n = 12) to 80 % (n = 20); response …. Points from fewer than 10 episodes are
 * hollow." A first or last value not in the first or last month names its month.
 */
export function rateTrendSummary(trends: RateTrendsView): string {
  const months = trends.months;
  if (months.length === 0) return NO_MONTHS_SUMMARY;
  const first = months[0];
  const last = months[months.length - 1];
  const range = labelRange(first.label, last.label);
  const head = `Outcome rates by admission month (${trends.instrument}), ${range}`;
  const counted = (rate: TrendRate) => months.filter((m) => hasRate(m.rates[rate]));
  if (TREND_RATES.every((rate) => counted(rate).length === 0)) {
    return `${head}: no finished episodes in these months.`;
  }
  // The month is named unless it is the end of the range the sentence already named.
  const point = (m: TrendMonthView, rate: TrendRate, named: boolean) => {
    const p = m.rates[rate];
    return `${wholePercent(p.rate!)} % (${named ? `${m.label}, ` : ''}n = ${p.n})`;
  };
  const parts = TREND_RATES.map((rate) => {
    const name = TREND_RATE_LABELS[rate].toLowerCase();
    const withRate = counted(rate);
    if (withRate.length === 0) return `${name}: no episodes to count`;
    const from = withRate[0];
    const to = withRate[withRate.length - 1];
    if (from === to) return `${name} ${point(from, rate, months.length > 1)}`;
    return `${name} from ${point(from, rate, from !== first)} to ${point(to, rate, to !== last)}`;
  });
  const notes: string[] = [];
  const anySmall = months.some((m) =>
    TREND_RATES.some((rate) => m.rates[rate].n > 0 && m.rates[rate].n < SMALL_N),
  );
  if (anySmall) notes.push(`Points from fewer than ${SMALL_N} episodes are hollow`);
  const anyGap = months.some((m) => TREND_RATES.some((rate) => !hasRate(m.rates[rate])));
  if (anyGap) notes.push('gaps are months with no episodes to count');
  const note = notes.join('; ');
  const tail = note ? ` ${note.charAt(0).toUpperCase()}${note.slice(1)}.` : '';
  return `${head}: ${parts.join('; ')}.${tail}`;
}

/** An entry of the HTML legend: how a rate's line looks, so it can be named without colour. */
export interface RateLegendEntry {
  readonly rate: TrendRate;
  readonly label: string;
  readonly colour: string;
  /** SVG stroke-dasharray; empty for solid. */
  readonly dash: readonly number[];
  readonly marker: PointStyle;
}

export function rateTrendLegend(dark = false): RateLegendEntry[] {
  const palette = trendsPalette(dark);
  return TREND_RATES.map((rate) => ({
    rate,
    label: TREND_RATE_LABELS[rate],
    colour: palette.rates[rate],
    dash: RATE_STYLES[rate].dash,
    marker: RATE_STYLES[rate].pointStyle,
  }));
}
