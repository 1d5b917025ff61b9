import { LevelOfCare } from '../../../domain/models';
import { TrendRate } from '../outcomes-view-model';

/**
 * The outcome trend charts' colours, light and dark. Every colour that carries meaning (rate
 * lines and points, level boundaries) keeps at least 3:1 against the surface it is drawn on
 * (WCAG 1.4.11), text 4.5:1; levels next to each other on the ladder (and so in the stack) also
 * differ in lightness, so neighbouring areas stay apart in greyscale. `trends-chart-palette.spec.ts`
 * checks all of it. Colour is never the only cue: rates also differ by dash and point shape, and
 * both charts have a legend with the numbers and a data table.
 */
export interface TrendsPalette {
  /** The surface the contrast was checked against (the Material surface is close to it). */
  readonly surface: string;
  readonly text: string;
  /** Grid lines: decorative, so exempt from the contrast rule and kept faint. */
  readonly grid: string;
  readonly axis: string;
  readonly rates: Readonly<Record<TrendRate, string>>;
  /** Opacity of a rate's 95 % interval band: faint, so four bands can overlap and stay legible. */
  readonly bandAlpha: number;
  /** One colour per level of care (the boundary line of its area). */
  readonly levels: Readonly<Record<LevelOfCare, string>>;
  /** Opacity of a level's area under its boundary line. */
  readonly areaAlpha: number;
}

const LIGHT: TrendsPalette = {
  surface: '#ffffff',
  text: '#444746',
  grid: 'rgba(0, 0, 0, 0.08)',
  axis: '#5f6368',
  rates: {
    completion: '#1565c0',
    response: '#b35c00',
    remission: '#2e7d32',
    reliableImprovement: '#6a1b9a',
  },
  bandAlpha: 0.12,
  // Lightness alternates down the ladder, so areas stacked next to each other differ in it.
  levels: {
    inpatient: '#880f41',
    residential: '#9e4a00',
    php: '#51167b',
    iop: '#1565c0',
    outpatient: '#008577',
    aftercare: '#424242',
  },
  areaAlpha: 0.35,
};

const DARK: TrendsPalette = {
  surface: '#1e1e1e',
  text: '#c4c7c5',
  grid: 'rgba(255, 255, 255, 0.10)',
  axis: '#bdbdbd',
  rates: {
    completion: '#90caf9',
    response: '#ffb74d',
    remission: '#81c784',
    reliableImprovement: '#ce93d8',
  },
  bandAlpha: 0.16,
  levels: {
    inpatient: '#f472a8',
    residential: '#ff9923',
    php: '#b36ce5',
    iop: '#90caf9',
    outpatient: '#26a69a',
    aftercare: '#e0e0e0',
  },
  areaAlpha: 0.35,
};

export function trendsPalette(dark = false): TrendsPalette {
  return dark ? DARK : LIGHT;
}

/** `#rrggbb` at an opacity, as Chart.js takes it. */
export function withAlpha(hex: string, alpha: number): string {
  const n = parseInt(hex.slice(1), 16);
  return `rgba(${n >> 16}, ${(n >> 8) & 255}, ${n & 255}, ${alpha})`;
}
