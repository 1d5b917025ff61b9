import { FlowLinkKind } from '../../../domain/journeys/cohort-flows';

/**
 * The flow charts' colours, light and dark. Every colour that carries meaning keeps at least
 * 3:1 against the surface it is drawn on (WCAG 1.4.11), text 4.5:1, and the five move kinds also
 * differ from each other in lightness, so they stay apart in greyscale print and for colour-blind
 * readers; `flows-chart-palette.spec.ts` checks all of it. Colour is never the only cue: kinds
 * are named in the legend, the tooltip and the table.
 */
export interface FlowsPalette {
  readonly surface: string;
  readonly text: string;
  /** Behind node labels, so a flow never runs through their text. */
  readonly labelBackground: string;
  /** Decorative grid lines, exempt from the contrast rule. */
  readonly grid: string;
  readonly axis: string;
  /** Level and exit nodes: one neutral colour, so only the links speak in colour. */
  readonly node: string;
  readonly kinds: Readonly<Record<FlowLinkKind, string>>;
  /** Time in level: the expected length as a tinted band with a solid edge. */
  readonly expected: string;
  readonly expectedFill: string;
  /** Time in level: the min–max whisker. */
  readonly whisker: string;
  /** Time in level: the interquartile box (edge and fill) and the median drawn over it. */
  readonly box: string;
  readonly boxFill: string;
  readonly median: string;
}

/** Flows are drawn at this opacity, so crossing bands stay visible; contrast is checked at it. */
export const FLOW_ALPHA = 0.8;

const LIGHT: FlowsPalette = {
  surface: '#ffffff',
  text: '#444746',
  labelBackground: 'rgba(255, 255, 255, 0.85)',
  grid: 'rgba(0, 0, 0, 0.08)',
  axis: '#5f6368',
  node: '#444746',
  // Luminance steps of about 1.25:1 from lateral (darkest) to exit (lightest).
  kinds: {
    lateral: '#51167b',
    readmission: '#880f41',
    'step-down': '#11529d',
    'step-up': '#9e4a00',
    exit: '#677278',
  },
  expected: '#2e7d32',
  expectedFill: 'rgba(46, 125, 50, 0.12)',
  whisker: '#5f6368',
  box: '#1565c0',
  boxFill: '#d4e3f7',
  median: '#1f1f1f',
};

const DARK: FlowsPalette = {
  surface: '#1e1e1e',
  text: '#c4c7c5',
  labelBackground: 'rgba(30, 30, 30, 0.85)',
  grid: 'rgba(255, 255, 255, 0.10)',
  axis: '#bdbdbd',
  node: '#c4c7c5',
  // The same order reversed: on a dark surface the lightest colour is the most salient.
  kinds: {
    exit: '#707e84',
    lateral: '#b36ce5',
    readmission: '#f472a8',
    'step-up': '#ff9923',
    'step-down': '#96cbf9',
  },
  expected: '#81c784',
  expectedFill: 'rgba(129, 199, 132, 0.14)',
  whisker: '#bdbdbd',
  box: '#90caf9',
  boxFill: '#1f3a56',
  median: '#ffffff',
};

export function flowsPalette(dark = false): FlowsPalette {
  return dark ? DARK : LIGHT;
}

/** Legend and table order: the planned move first, then the moves a director watches. */
export const FLOW_KIND_ORDER: readonly FlowLinkKind[] = [
  'step-down',
  'step-up',
  'readmission',
  'lateral',
  'exit',
];

/** `#rrggbb` at an opacity, as Chart.js and the Sankey plugin take it. */
export function withAlpha(hex: string, alpha: number): string {
  const n = parseInt(hex.slice(1), 16);
  return `rgba(${n >> 16}, ${(n >> 8) & 255}, ${n & 255}, ${alpha})`;
}
