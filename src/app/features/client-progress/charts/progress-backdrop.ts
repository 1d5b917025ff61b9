import { Chart, ChartType, Plugin, defaults } from 'chart.js';
import {
  LabelBox,
  LabelSpan,
  fitsInside,
  keepInside,
  labelRows,
  overlaps,
} from './backdrop-labels';

/*
 * What the measure chart draws behind its data: levels of care as tinted boxes along the time
 * axis, severity bands as tinted boxes along the score axis, the reference lines (baseline,
 * caseness, reliable change) and the transitions between levels, each with its label. One
 * plugin drawing plain rectangles, lines and text from plain numbers: chartjs-plugin-annotation
 * did the same with one element per box and line whose dozens of options Chart.js resolved
 * through its option proxies on every update, which was most of the cost of a measure chart.
 */

/** A level of care, from the start of its first day (ms) to the end of its last. */
export interface BackdropPhase {
  readonly from: number;
  readonly to: number;
  readonly label: string;
  readonly fill: string;
}

/** A severity band, in score units. */
export interface BackdropBand {
  readonly min: number;
  readonly max: number;
  readonly label: string;
  readonly fill: string;
}

/** A horizontal line at a score; its label sits at the left end, above the line or below it. */
export interface BackdropScoreLine {
  readonly value: number;
  readonly label: string;
  readonly colour: string;
  readonly dash: readonly number[];
  /** Near the top the phase names take the space above the line, so the label goes below. */
  readonly labelBelow: boolean;
}

/** A vertical line on a day (ms), labelled under the phase names; planned ones dashed. */
export interface BackdropTransition {
  readonly value: number;
  readonly label: string;
  readonly dash: readonly number[];
}

export interface Backdrop {
  readonly phases: readonly BackdropPhase[];
  readonly bands: readonly BackdropBand[];
  readonly scoreLines: readonly BackdropScoreLine[];
  readonly transitions: readonly BackdropTransition[];
  readonly colours: {
    readonly text: string;
    /** Halo around band names and behind transition labels. */
    readonly surface: string;
    /** Behind score-line labels, so a line never runs through their text. */
    readonly labelBackground: string;
    readonly transition: string;
  };
}

declare module 'chart.js' {
  // Declaration merging must repeat Chart.js's own type parameter, used or not.
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  interface PluginOptionsByType<TType extends ChartType> {
    /** Read as given (never through Chart.js's option resolver): see progress-backdrop.ts. */
    progressBackdrop?: Backdrop;
  }
}

/** Bold throughout, as chartjs-plugin-annotation drew these labels, so they read over tints. */
export const BACKDROP_FONT = {
  phase: { size: 11, weight: 'bold', padding: 4 },
  band: { size: 10, weight: 'bold', padding: 2 },
  scoreLine: { size: 10, weight: 'bold', padding: 2 },
  transition: { size: 10, weight: 'bold', padding: 3 },
} as const;

const LINE_WIDTH = 1.5;
/** Rounded label boxes, as chartjs-plugin-annotation drew them. */
const LABEL_RADIUS = 6;
/** How far a score-line label sits from its line (centre to line), in pixels. */
const SCORE_LABEL_OFFSET = 9;
/** How far below the plot's top a transition label starts: under the phase names. */
const TRANSITION_LABEL_TOP = 22;
/** Rows transition labels may stack on when they are close together (see backdrop-labels.ts). */
const TRANSITION_LABEL_ROWS = 3;
/** Space between two rows of transition labels, in pixels. */
const TRANSITION_ROW_GAP = 2;

/** Draws the backdrop of a chart whose options carry one, under its datasets. */
export const progressBackdropPlugin: Plugin<ChartType> = {
  id: 'progressBackdrop',
  beforeDatasetsDraw(chart) {
    const backdrop = (chart.config.options as { plugins?: { progressBackdrop?: Backdrop } }).plugins
      ?.progressBackdrop;
    if (backdrop) drawBackdrop(chart, backdrop);
  },
};

function drawBackdrop(chart: Chart, backdrop: Backdrop): void {
  const x = chart.scales['x'];
  const y = chart.scales['y'];
  if (!x || !y) return;
  const area = chart.chartArea;
  const ctx = chart.ctx;
  const family = chart.options.font?.family ?? defaults.font.family;
  const font = (f: { size: number; weight: string }) => `${f.weight} ${f.size}px ${family}`;
  ctx.save();
  ctx.beginPath();
  ctx.rect(area.left, area.top, area.right - area.left, area.bottom - area.top);
  ctx.clip();

  // Boxes and lines first, every label after them, so no line crosses a label's text.
  const phases = backdrop.phases.map((p) => ({
    ...p,
    left: Math.max(area.left, x.getPixelForValue(p.from)),
    right: Math.min(area.right, x.getPixelForValue(p.to)),
  }));
  for (const p of phases) {
    if (p.right <= p.left) continue;
    ctx.fillStyle = p.fill;
    ctx.fillRect(p.left, area.top, p.right - p.left, area.bottom - area.top);
  }
  const bands = backdrop.bands.map((b) => {
    const top = Math.max(area.top, y.getPixelForValue(b.max));
    const bottom = Math.min(area.bottom, y.getPixelForValue(b.min));
    return { ...b, top, bottom };
  });
  for (const b of bands) {
    if (b.bottom <= b.top) continue;
    ctx.fillStyle = b.fill;
    ctx.fillRect(area.left, b.top, area.right - area.left, b.bottom - b.top);
  }
  const scoreLines = backdrop.scoreLines.map((l) => ({ ...l, at: y.getPixelForValue(l.value) }));
  for (const l of scoreLines) {
    line(ctx, l.colour, l.dash, area.left, l.at, area.right, l.at);
  }
  const transitions = backdrop.transitions
    .map((t) => ({ ...t, at: x.getPixelForValue(t.value) }))
    .filter((t) => Number.isFinite(t.at) && t.at >= area.left && t.at <= area.right);
  for (const t of transitions) {
    line(ctx, backdrop.colours.transition, t.dash, t.at, area.top, t.at, area.bottom);
  }

  const { text, surface, labelBackground } = backdrop.colours;
  ctx.textBaseline = 'middle';
  ctx.font = font(BACKDROP_FONT.phase);
  ctx.textAlign = 'left';
  ctx.fillStyle = text;
  for (const p of phases) {
    if (p.right <= p.left) continue;
    const pad = BACKDROP_FONT.phase.padding;
    if (!fitsInside(ctx.measureText(p.label).width + 2 * pad, p.left, p.right)) continue;
    ctx.fillText(p.label, p.left + pad, area.top + pad + BACKDROP_FONT.phase.size / 2);
  }
  ctx.font = font(BACKDROP_FONT.band);
  ctx.textAlign = 'right';
  ctx.strokeStyle = surface;
  ctx.lineWidth = 3;
  ctx.lineJoin = 'round';
  ctx.setLineDash([]);
  for (const b of bands) {
    if (b.bottom <= b.top) continue;
    const at = area.right - BACKDROP_FONT.band.padding;
    const middle = (b.top + b.bottom) / 2;
    ctx.strokeText(b.label, at, middle);
    ctx.fillText(b.label, at, middle);
  }
  ctx.textAlign = 'center';
  ctx.font = font(BACKDROP_FONT.scoreLine);
  const scoreLabels: LabelBox[] = [];
  for (const l of scoreLines) {
    const pad = BACKDROP_FONT.scoreLine.padding;
    const width = ctx.measureText(l.label).width + 2 * pad;
    const height = BACKDROP_FONT.scoreLine.size + 2 * pad;
    const middle = l.at + (l.labelBelow ? SCORE_LABEL_OFFSET : -SCORE_LABEL_OFFSET);
    label(ctx, l.label, area.left + width / 2, middle, width, height, labelBackground, text);
    scoreLabels.push({
      left: area.left,
      right: area.left + width,
      top: middle - height / 2,
      bottom: middle + height / 2,
    });
  }
  ctx.font = font(BACKDROP_FONT.transition);
  const pad = BACKDROP_FONT.transition.padding;
  const height = BACKDROP_FONT.transition.size + 2 * pad;
  const placed = transitions
    .map((t) => {
      const width = ctx.measureText(t.label).width + 2 * pad;
      const centre = t.at + keepInside(t.at, width / 2, area.left, area.right);
      return { label: t.label, width, centre, left: centre - width / 2, right: centre + width / 2 };
    })
    .sort((a, b) => a.left - b.left);
  const rowTop = (row: number) =>
    area.top + TRANSITION_LABEL_TOP + row * (height + TRANSITION_ROW_GAP);
  // A row is taken where a score line's label already is: the transition's goes lower.
  const blocked = (span: LabelSpan, row: number) => {
    const box = { ...span, top: rowTop(row), bottom: rowTop(row) + height };
    return scoreLabels.some((s) => overlaps(box, s));
  };
  const rows = labelRows(placed, TRANSITION_LABEL_ROWS, blocked);
  placed.forEach((t, i) => {
    if (rows[i] < 0) return;
    label(ctx, t.label, t.centre, rowTop(rows[i]) + height / 2, t.width, height, surface, text);
  });
  ctx.restore();
}

function line(
  ctx: CanvasRenderingContext2D,
  colour: string,
  dash: readonly number[],
  x1: number,
  y1: number,
  x2: number,
  y2: number,
): void {
  ctx.strokeStyle = colour;
  ctx.lineWidth = LINE_WIDTH;
  ctx.setLineDash([...dash]);
  ctx.beginPath();
  ctx.moveTo(x1, y1);
  ctx.lineTo(x2, y2);
  ctx.stroke();
}

function label(
  ctx: CanvasRenderingContext2D,
  content: string,
  centre: number,
  middle: number,
  width: number,
  height: number,
  background: string,
  colour: string,
): void {
  ctx.fillStyle = background;
  ctx.beginPath();
  ctx.roundRect(centre - width / 2, middle - height / 2, width, height, LABEL_RADIUS);
  ctx.fill();
  ctx.fillStyle = colour;
  ctx.fillText(content, centre, middle);
}
