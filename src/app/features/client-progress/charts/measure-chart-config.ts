import { ChartConfiguration, ChartDataset, PointStyle, defaults } from 'chart.js';
import { AnnotationOptions, PartialEventContext } from 'chartjs-plugin-annotation';
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
type Annotations = Record<string, AnnotationOptions>;
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

/**
 * Labels draw after every box and line (annotations sort by z), so no line crosses a label's
 * text; the boxes and lines themselves stay under the data.
 */
const LABEL_Z = 1;

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
        annotation: {
          annotations: {
            ...phaseAnnotations(context.phases, palette),
            ...bandAnnotations(measure, palette),
            ...referenceLineAnnotations(measure, palette),
            ...transitionAnnotations(context.transitions, palette),
          },
        },
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
export function bandAnnotations(measure: MeasureView, palette: ChartPalette): Annotations {
  return Object.fromEntries(
    measure.bands.map((band, i) => [
      `band-${i}`,
      {
        type: 'box',
        drawTime: 'beforeDatasetsDraw',
        yMin: band.min,
        yMax: band.max,
        backgroundColor: bandFill(palette, band.level),
        borderWidth: 0,
        label: {
          display: true,
          content: band.label,
          position: { x: 'end', y: 'center' },
          color: palette.text,
          // Box labels have no background; a halo in the surface colour keeps lines off the text.
          textStrokeColor: palette.surface,
          textStrokeWidth: 3,
          font: { size: 10 },
          padding: 2,
          z: LABEL_Z,
        },
      } satisfies AnnotationOptions<'box'>,
    ]),
  );
}

/** Baseline (solid), caseness (dashed) and the reliable-change thresholds (dotted). */
export function referenceLineAnnotations(measure: MeasureView, palette: ChartPalette): Annotations {
  const lines: Annotations = {};
  const horizontalLine = (value: number, label: string, colour: string, dash: readonly number[]) =>
    referenceLine(measure, value, label, colour, dash, palette);
  if (measure.baseline) {
    lines['baseline'] = horizontalLine(
      measure.baseline.total,
      'Baseline',
      palette.reference,
      DASH.solid,
    );
  }
  if (measure.caseness !== undefined) {
    lines['caseness'] = horizontalLine(
      measure.caseness,
      'Caseness',
      palette.reference,
      DASH.dashed,
    );
  }
  const rc = measure.reliableChangeLines;
  if (rc) {
    lines['reliable-improvement'] = horizontalLine(
      rc.improved,
      'Reliable improvement',
      palette.improved,
      DASH.dotted,
    );
    lines['reliable-deterioration'] = horizontalLine(
      rc.deteriorated,
      'Reliable deterioration',
      palette.deteriorated,
      DASH.dotted,
    );
  }
  return lines;
}

function referenceLine(
  measure: MeasureView,
  value: number,
  label: string,
  colour: string,
  dash: readonly number[],
  palette: ChartPalette,
): AnnotationOptions<'line'> {
  // Near the top the phase names take the space above the line, so the label goes below it.
  const nearTop = value > measure.range.max - (measure.range.max - measure.range.min) * NEAR_TOP;
  return {
    type: 'line',
    drawTime: 'beforeDatasetsDraw',
    scaleID: 'y',
    value,
    borderColor: colour,
    borderWidth: 1.5,
    borderDash: [...dash],
    label: {
      display: true,
      content: label,
      // Left, because the band names sit at the right edge.
      position: 'start',
      color: palette.text,
      backgroundColor: palette.labelBackground,
      font: { size: 10 },
      padding: 2,
      yAdjust: nearTop ? 9 : -9,
      z: LABEL_Z,
    },
  };
}

/**
 * Levels of care as alternating tinted boxes along the time axis. A phase's `to` is its last
 * day, so the box runs to the end of that day: the next phase then starts where this one
 * stops, at the transition line, with no sliver between them.
 */
export function phaseAnnotations(phases: readonly PhaseView[], palette: ChartPalette): Annotations {
  return Object.fromEntries(
    phases.map((phase, i) => [
      `phase-${phase.episodeId}`,
      {
        type: 'box',
        drawTime: 'beforeDatasetsDraw',
        xMin: dayMs(phase.from),
        xMax: endOfDayMs(phase.to),
        backgroundColor: palette.phases[i % 2],
        borderWidth: 0,
        label: {
          display: true,
          content: phase.label,
          position: { x: 'start', y: 'start' },
          color: palette.text,
          font: { size: 11, weight: 'bold' },
          padding: 4,
          z: LABEL_Z,
        },
      } satisfies AnnotationOptions<'box'>,
    ]),
  );
}

/** Transitions as vertical lines, labelled below the phase names; planned ones dashed. */
export function transitionAnnotations(
  transitions: readonly TransitionMarker[],
  palette: ChartPalette,
): Annotations {
  return Object.fromEntries(
    transitions.map((t, i) => [
      `transition-${i}`,
      {
        type: 'line',
        drawTime: 'beforeDatasetsDraw',
        scaleID: 'x',
        value: dayMs(t.day),
        borderColor: palette.reference,
        borderWidth: 1.5,
        borderDash: t.kind === 'planned' ? [...DASH.dashed] : [],
        label: {
          display: true,
          content: t.label,
          position: 'start',
          yAdjust: 22,
          xAdjust: keepInsidePlot(dayMs(t.day), t.label),
          color: palette.text,
          backgroundColor: palette.surface,
          font: { size: TRANSITION_FONT },
          padding: TRANSITION_PADDING,
          z: LABEL_Z,
        },
      } satisfies AnnotationOptions<'line'>,
    ]),
  );
}

const TRANSITION_FONT = 10;
const TRANSITION_PADDING = 3;

/**
 * A transition label is centred on its line; near either end of the range that would cut it
 * off, so it slides just far enough to stay inside the plot (measured on the canvas, as the
 * width depends on the font actually drawn).
 */
function keepInsidePlot(value: number, text: string) {
  return ({ chart }: PartialEventContext): number => {
    const x = chart.scales['x']?.getPixelForValue(value);
    if (x === undefined || !Number.isFinite(x)) return 0;
    const ctx = chart.ctx;
    ctx.save();
    ctx.font = `${TRANSITION_FONT}px ${chart.options.font?.family ?? defaults.font.family}`;
    const half = ctx.measureText(text).width / 2 + TRANSITION_PADDING;
    ctx.restore();
    const { left, right } = chart.chartArea;
    if (x + half > right) return right - half - x;
    if (x - half < left) return left + half - x;
    return 0;
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
