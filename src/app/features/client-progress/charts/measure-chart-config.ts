import { ChartConfiguration, ChartDataset, PointStyle } from 'chart.js';
import { RELIABLE_CHANGE_LABELS } from '../../../domain/progress/measure-summary';
import {
  DayRange,
  ExpectedPoint,
  MeasurePoint,
  MeasureView,
  PhaseView,
  ProgressEvent,
  ProgressEventKind,
  TransitionMarker,
} from '../progress-view-model';
import { ChartPalette, bandFill, chartPalette } from './chart-palette';
import { DATE_FORMAT, dayLabel, dayMs, endOfDayMs, formatNumber, signed } from './chart-format';
import {
  Backdrop,
  BackdropBand,
  BackdropPhase,
  BackdropScoreLine,
  BackdropTransition,
} from './progress-backdrop';

/*
 * The measure chart: one instrument's scores over time against its severity bands, reliable
 * change, expected recovery, levels of care and clinical events. Pure functions of the view
 * model, so the specs can check every number the chart draws without a canvas.
 */

/** A score as the chart holds it; `score` rides along so tooltips survive decimation. */
export interface ScoreDatum {
  readonly x: number;
  readonly y: number;
  readonly score: MeasurePoint;
}

export interface ExpectedDatum {
  readonly x: number;
  readonly y: number;
  readonly expected: ExpectedPoint;
  readonly line: 'expected' | 'amber' | 'red';
}

export interface EventDatum {
  readonly x: number;
  readonly y: number;
  readonly event: ProgressEvent;
}

export type MeasureDatum = ScoreDatum | ExpectedDatum | EventDatum;

/** Scores, expected recovery and edges are lines; events are scatter so they never decimate. */
export type MeasureChartType = 'line' | 'scatter';
export type MeasureChartConfig = ChartConfiguration<MeasureChartType, MeasureDatum[]>;
export type MeasureDataset = ChartDataset<MeasureChartType, MeasureDatum[]>;
type ScaleConfig = NonNullable<NonNullable<MeasureChartConfig['options']>['scales']>[string];

export interface MeasureChartContext {
  readonly phases: readonly PhaseView[];
  readonly transitions: readonly TransitionMarker[];
  readonly events: readonly ProgressEvent[];
  readonly range: DayRange;
  readonly dark?: boolean;
}

/** Dash patterns: the non-colour difference between series (also drawn in the HTML legend). */
export const DASH = {
  solid: [] as number[],
  dashed: [6, 4],
  dotted: [2, 3],
} as const;

/**
 * Event kinds differ by marker shape, not only colour, and sit in their own lane near the
 * bottom of the axis so a missed session and a safety signal on the same day do not overlap.
 */
export const EVENT_STYLES: Readonly<
  Record<
    ProgressEventKind,
    { readonly label: string; readonly pointStyle: PointStyle; readonly lane: number }
  >
> = {
  'missed-session': { label: 'Missed session', pointStyle: 'crossRot', lane: 0 },
  safety: { label: 'Safety signal', pointStyle: 'triangle', lane: 1 },
  'care-plan': { label: 'Care-plan change', pointStyle: 'rectRot', lane: 2 },
};
const EVENT_KINDS = Object.keys(EVENT_STYLES) as ProgressEventKind[];

/** Lanes as fractions of the y span above its minimum: clear of the axis, below most scores. */
const LANE_BASE = 0.04;
const LANE_STEP = 0.06;

/** Pixels a marker may overflow the plot area, so a score on the first or last day shows whole. */
const MARKER_CLIP = 8;

/** The top share of the y span where a line's label would collide with the phase names. */
const NEAR_TOP = 0.15;

export const SCORE_POINT_STYLE: PointStyle = 'circle';

export function measureChartConfig(
  measure: MeasureView,
  context: MeasureChartContext,
): MeasureChartConfig {
  const palette = chartPalette(context.dark);
  return {
    type: 'line',
    data: {
      datasets: [
        scoreDataset(measure, palette),
        ...expectedDatasets(measure, palette),
        ...eventDatasets(measure, context.events, palette),
      ],
    },
    options: {
      // The data is already `{x, y}` in ms and sorted by day: skipping parsing is what makes
      // decimation possible and keeps long journeys cheap to redraw.
      parsing: false,
      normalized: true,
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      layout: { padding: { top: 4, right: 8 } },
      interaction: { mode: 'nearest', axis: 'x', intersect: false },
      scales: {
        x: timeScale(context.range, palette),
        y: scoreScale(measure, palette),
      },
      plugins: {
        // The component draws its own HTML legend, which can show dashes and shapes in text.
        legend: { display: false },
        decimation: { enabled: true, algorithm: 'lttb' },
        tooltip: {
          callbacks: {
            title: (items) => tooltipTitle(items[0]?.raw),
            label: (item) => measureTooltipLabel(measure, item.raw),
          },
          // The edges are read out with the expected score, not as separate lines.
          filter: (item) => !isEdge(item.raw),
        },
        progressBackdrop: measureBackdrop(measure, context, palette),
      },
    },
  };
}

/** `normalized: true` promises Chart.js sorted data; the view model's order is not relied on. */
function byX<T extends { readonly x: number }>(data: T[]): T[] {
  return data.sort((a, b) => a.x - b.x);
}

export function scoreDataset(measure: MeasureView, palette: ChartPalette): MeasureDataset {
  return {
    type: 'line',
    label: measure.shortName,
    data: byX(measure.points.map((score) => ({ x: dayMs(score.day), y: score.total, score }))),
    borderColor: palette.score,
    backgroundColor: palette.score,
    borderWidth: 2,
    borderDash: [...DASH.solid],
    pointStyle: SCORE_POINT_STYLE,
    pointRadius: 3.5,
    pointHoverRadius: 6,
    tension: 0,
    clip: MARKER_CLIP,
  };
}

/**
 * Expected recovery of comparable clients: the curve (dashed), the amber and red edges
 * (dotted), and a tint between curve and amber edge, the corridor a client on track stays in.
 */
export function expectedDatasets(measure: MeasureView, palette: ChartPalette): MeasureDataset[] {
  const expected = measure.expected;
  if (!expected?.length) return [];
  const series = (line: ExpectedDatum['line'], value: (p: ExpectedPoint) => number) =>
    expected.map((p): ExpectedDatum => ({ x: dayMs(p.day), y: value(p), expected: p, line }));
  const common = { type: 'line' as const, pointRadius: 0, pointHitRadius: 6, borderWidth: 1.5 };
  return [
    {
      ...common,
      label: 'Expected',
      data: series('expected', (p) => p.expected),
      borderColor: palette.expected,
      backgroundColor: palette.expected,
      borderDash: [...DASH.dashed],
      fill: false,
    },
    {
      ...common,
      label: 'Amber edge',
      data: series('amber', (p) => p.amberEdge),
      borderColor: palette.amber,
      backgroundColor: palette.expectedFill,
      borderDash: [...DASH.dotted],
      // '-1' is the dataset just before this one: the expected curve.
      fill: '-1',
    },
    {
      ...common,
      label: 'Red edge',
      data: series('red', (p) => p.redEdge),
      borderColor: palette.red,
      backgroundColor: palette.red,
      borderDash: [...DASH.dotted],
      fill: false,
    },
  ];
}

/** One scatter dataset per event kind present, each with its own marker shape and lane. */
export function eventDatasets(
  measure: MeasureView,
  events: readonly ProgressEvent[],
  palette: ChartPalette,
): MeasureDataset[] {
  const span = measure.range.max - measure.range.min;
  return EVENT_KINDS.flatMap((kind) => {
    const ofKind = events.filter((e) => e.kind === kind);
    if (ofKind.length === 0) return [];
    const style = EVENT_STYLES[kind];
    const y = measure.range.min + span * (LANE_BASE + LANE_STEP * style.lane);
    return [
      {
        type: 'scatter' as const,
        label: style.label,
        data: byX(ofKind.map((event): EventDatum => ({ x: dayMs(event.day), y, event }))),
        pointStyle: style.pointStyle,
        pointRadius: 5,
        pointHoverRadius: 7,
        borderWidth: 2,
        borderColor: palette.events[kind],
        backgroundColor: palette.events[kind],
        clip: MARKER_CLIP,
      },
    ];
  });
}

/** Severity bands as faint horizontal boxes behind the data, each named at the right edge. */
export function backdropBands(measure: MeasureView, palette: ChartPalette): BackdropBand[] {
  return measure.bands.map((band) => ({
    min: band.min,
    max: band.max,
    label: band.label,
    fill: bandFill(palette, band.level),
  }));
}

/** Baseline (solid), caseness (dashed) and the reliable-change thresholds (dotted). */
export function backdropScoreLines(
  measure: MeasureView,
  palette: ChartPalette,
): BackdropScoreLine[] {
  const lines: BackdropScoreLine[] = [];
  const add = (value: number, label: string, colour: string, dash: readonly number[]) =>
    lines.push({ value, label, colour, dash, labelBelow: nearTop(measure, value) });
  if (measure.baseline) add(measure.baseline.total, 'Baseline', palette.reference, DASH.solid);
  if (measure.caseness !== undefined)
    add(measure.caseness, 'Caseness', palette.reference, DASH.dashed);
  const rc = measure.reliableChangeLines;
  if (rc) {
    add(rc.improved, 'Reliable improvement', palette.improved, DASH.dotted);
    add(rc.deteriorated, 'Reliable deterioration', palette.deteriorated, DASH.dotted);
  }
  return lines;
}

function nearTop(measure: MeasureView, value: number): boolean {
  return value > measure.range.max - (measure.range.max - measure.range.min) * NEAR_TOP;
}

/**
 * Levels of care as alternating tinted boxes along the time axis. A phase's `to` is its last
 * day, so the box runs to the end of that day: the next phase then starts where this one
 * stops, at the transition line, with no sliver between them.
 */
export function backdropPhases(
  phases: readonly PhaseView[],
  palette: ChartPalette,
): BackdropPhase[] {
  return phases.map((phase, i) => ({
    from: dayMs(phase.from),
    to: endOfDayMs(phase.to),
    label: phase.label,
    fill: palette.phases[i % 2],
  }));
}

/** Transitions as vertical lines, labelled below the phase names; planned ones dashed. */
export function backdropTransitions(
  transitions: readonly TransitionMarker[],
): BackdropTransition[] {
  return transitions.map((t) => ({
    value: dayMs(t.day),
    label: t.label,
    dash: t.kind === 'planned' ? DASH.dashed : DASH.solid,
  }));
}

/** Everything the chart draws behind its data (see progress-backdrop.ts). */
export function measureBackdrop(
  measure: MeasureView,
  context: MeasureChartContext,
  palette: ChartPalette,
): Backdrop {
  return {
    phases: backdropPhases(context.phases, palette),
    bands: backdropBands(measure, palette),
    scoreLines: backdropScoreLines(measure, palette),
    transitions: backdropTransitions(context.transitions),
    colours: {
      text: palette.text,
      surface: palette.surface,
      labelBackground: palette.labelBackground,
      transition: palette.reference,
    },
  };
}

function timeScale(range: DayRange, palette: ChartPalette): ScaleConfig {
  return {
    type: 'time',
    min: dayMs(range.from),
    max: dayMs(range.to),
    time: {
      minUnit: 'day',
      tooltipFormat: DATE_FORMAT,
      displayFormats: { day: 'd MMM', week: 'd MMM', month: 'MMM yyyy', quarter: 'MMM yyyy' },
    },
    ticks: { color: palette.text, maxRotation: 0, autoSkipPadding: 12 },
    grid: { color: palette.grid },
    border: { color: palette.reference },
  };
}

function scoreScale(measure: MeasureView, palette: ChartPalette): ScaleConfig {
  return {
    type: 'linear',
    min: measure.range.min,
    max: measure.range.max,
    title: { display: true, text: `${measure.shortName} score`, color: palette.text },
    ticks: { color: palette.text, precision: 0 },
    grid: { color: palette.grid },
    border: { color: palette.reference },
  };
}

function isScore(raw: unknown): raw is ScoreDatum {
  return typeof raw === 'object' && raw !== null && 'score' in raw;
}

function isExpected(raw: unknown): raw is ExpectedDatum {
  return typeof raw === 'object' && raw !== null && 'expected' in raw;
}

function isEvent(raw: unknown): raw is EventDatum {
  return typeof raw === 'object' && raw !== null && 'event' in raw;
}

function isEdge(raw: unknown): boolean {
  return isExpected(raw) && raw.line !== 'expected';
}

function tooltipTitle(raw: unknown): string {
  if (isScore(raw)) return dayLabel(raw.score.day);
  if (isEvent(raw)) return dayLabel(raw.event.day);
  if (isExpected(raw)) return `${dayLabel(raw.expected.day)} · week ${raw.expected.week}`;
  return '';
}

/** The tooltip line for any point of the chart (scores, expected curve, events). */
export function measureTooltipLabel(measure: MeasureView, raw: unknown): string {
  if (isScore(raw)) return scoreLabel(measure, raw.score);
  if (isEvent(raw)) return raw.event.label;
  if (isExpected(raw)) {
    const p = raw.expected;
    return `Expected ${formatNumber(p.expected)} (amber edge ${formatNumber(p.amberEdge)}, red edge ${formatNumber(p.redEdge)})`;
  }
  return '';
}

/** "PHQ-9 9 · Mild · −9 from baseline (reliable improvement)". */
export function scoreLabel(measure: MeasureView, point: MeasurePoint): string {
  const parts = [`${measure.shortName} ${formatNumber(point.total)}`];
  const severity = severityOf(measure, point);
  if (severity) parts.push(severity);
  const change = changeText(measure, point);
  if (change) {
    parts.push(
      point.reliableChange ? `${change} (${RELIABLE_CHANGE_LABELS[point.reliableChange]})` : change,
    );
  }
  return parts.join(' · ');
}

function severityOf(measure: MeasureView, point: MeasurePoint): string | undefined {
  return (
    point.severity ?? measure.bands.find((b) => point.total >= b.min && point.total <= b.max)?.label
  );
}

function isBaseline(measure: MeasureView, point: MeasurePoint): boolean {
  return measure.baseline?.day === point.day && measure.baseline.total === point.total;
}

function changeText(measure: MeasureView, point: MeasurePoint): string | undefined {
  if (isBaseline(measure, point)) return 'baseline';
  if (point.changeFromBaseline === undefined) return undefined;
  return `${signed(point.changeFromBaseline)} from baseline`;
}

/** One row of the data table behind the chart: the same numbers, as text. */
export interface MeasureTableRow {
  readonly id: string;
  readonly date: string;
  readonly score: string;
  readonly severity: string;
  readonly change: string;
  readonly reliableChange: string;
}

const NONE = '—';

/** The scores inside the range, oldest first, as the table shows them. */
export function measureTableRows(measure: MeasureView, range: DayRange): MeasureTableRow[] {
  // Calendar days are ISO `YYYY-MM-DD`, so string order is date order.
  return measure.points
    .filter((p) => p.day >= range.from && p.day <= range.to)
    .map((p) => ({
      id: p.id,
      date: dayLabel(p.day),
      score: formatNumber(p.total),
      severity: severityOf(measure, p) ?? NONE,
      change: isBaseline(measure, p)
        ? 'Baseline'
        : p.changeFromBaseline === undefined
          ? NONE
          : signed(p.changeFromBaseline),
      reliableChange: p.reliableChange
        ? capitalise(RELIABLE_CHANGE_LABELS[p.reliableChange])
        : NONE,
    }));
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** An entry of the HTML legend: how a series looks, so it can be named without colour. */
export interface LegendEntry {
  readonly label: string;
  readonly colour: string;
  /** SVG stroke-dasharray for line entries; empty for solid. */
  readonly dash: readonly number[];
  /** Marker shape, where the series has one. */
  readonly marker?: PointStyle;
  /** Draw a line in the swatch (false for event markers, which have no line). */
  readonly line: boolean;
}

/** The legend for what this measure's chart actually shows. */
export function measureLegend(
  measure: MeasureView,
  events: readonly ProgressEvent[],
  dark = false,
): LegendEntry[] {
  const palette = chartPalette(dark);
  const entries: LegendEntry[] = [
    {
      label: `${measure.shortName} score`,
      colour: palette.score,
      dash: DASH.solid,
      marker: SCORE_POINT_STYLE,
      line: true,
    },
  ];
  if (measure.expected?.length) {
    entries.push(
      { label: 'Expected recovery', colour: palette.expected, dash: DASH.dashed, line: true },
      { label: 'Amber and red edges', colour: palette.amber, dash: DASH.dotted, line: true },
    );
  }
  if (measure.baseline) {
    entries.push({ label: 'Baseline', colour: palette.reference, dash: DASH.solid, line: true });
  }
  if (measure.caseness !== undefined) {
    entries.push({ label: 'Caseness', colour: palette.reference, dash: DASH.dashed, line: true });
  }
  if (measure.reliableChangeLines) {
    entries.push({
      label: 'Reliable change',
      colour: palette.improved,
      dash: DASH.dotted,
      line: true,
    });
  }
  for (const kind of EVENT_KINDS) {
    if (events.some((e) => e.kind === kind)) {
      const style = EVENT_STYLES[kind];
      entries.push({
        label: style.label,
        colour: palette.events[kind],
        dash: DASH.solid,
        marker: style.pointStyle,
        line: false,
      });
    }
  }
  return entries;
}
