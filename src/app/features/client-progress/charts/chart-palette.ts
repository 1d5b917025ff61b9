import { SeverityLevel } from '../../../domain/instruments/instrument';
import { MODALITIES } from '../../../domain/fhir-codes';
import { Modality } from '../../../domain/models';
import { ProgressEventKind } from '../progress-view-model';

/**
 * The progress charts' colours. Every colour that carries meaning (lines, markers, bars, text)
 * keeps at least 3:1 against the surface it is drawn on (WCAG 1.4.11), and text at least 4.5:1;
 * `chart-palette.spec.ts` checks that, so a new colour cannot quietly fail it. Colour is never
 * the only cue: series also differ by dash and point shape, and every chart has a table.
 */
export interface ChartPalette {
  /** The surface the contrast was checked against (the Material surface is close to it). */
  readonly surface: string;
  /** Axis ticks, band and line labels. */
  readonly text: string;
  /** Behind labels drawn over lines, so a line never runs through their text. */
  readonly labelBackground: string;
  /** Grid lines: decorative, so exempt from the contrast rule and kept faint. */
  readonly grid: string;
  readonly score: string;
  readonly expected: string;
  readonly amber: string;
  readonly red: string;
  /** The corridor between the expected curve and the amber edge: a background tint. */
  readonly expectedFill: string;
  /** Baseline, caseness and transition lines. */
  readonly reference: string;
  readonly improved: string;
  readonly deteriorated: string;
  readonly events: Readonly<Record<ProgressEventKind, string>>;
  /** Background tints for severity bands, indexed by severity level 0 (minimal) … 4 (severe). */
  readonly bands: readonly string[];
  /** Alternating background tints for level-of-care phases. */
  readonly phases: readonly [string, string];
  /** One colour per modality, in `MODALITIES` order; neighbours differ in lightness. */
  readonly modalities: readonly string[];
  readonly minimum: string;
  readonly attended: string;
  readonly missed: string;
}

const LIGHT: ChartPalette = {
  surface: '#ffffff',
  text: '#444746',
  labelBackground: 'rgba(255, 255, 255, 0.8)',
  grid: 'rgba(0, 0, 0, 0.08)',
  score: '#1565c0',
  expected: '#455a64',
  amber: '#b35c00',
  red: '#c62828',
  expectedFill: 'rgba(69, 90, 100, 0.10)',
  reference: '#5f6368',
  improved: '#2e7d32',
  deteriorated: '#c62828',
  events: { 'missed-session': '#6a1b9a', safety: '#c62828', 'care-plan': '#00695c' },
  bands: [
    'rgba(46, 125, 50, 0.07)',
    'rgba(130, 150, 20, 0.09)',
    'rgba(230, 160, 0, 0.11)',
    'rgba(230, 100, 0, 0.12)',
    'rgba(198, 40, 40, 0.13)',
  ],
  phases: ['rgba(21, 101, 192, 0.05)', 'rgba(0, 0, 0, 0)'],
  modalities: [
    '#0d47a1',
    '#e65100',
    '#00695c',
    '#5c6bc0',
    '#6a1b9a',
    '#2e7d32',
    '#ad1457',
    '#5d4037',
  ],
  minimum: '#1f1f1f',
  attended: '#1565c0',
  missed: '#6a1b9a',
};

const DARK: ChartPalette = {
  surface: '#1e1e1e',
  text: '#c4c7c5',
  labelBackground: 'rgba(30, 30, 30, 0.8)',
  grid: 'rgba(255, 255, 255, 0.10)',
  score: '#90caf9',
  expected: '#b0bec5',
  amber: '#ffb74d',
  red: '#ff8a80',
  expectedFill: 'rgba(176, 190, 197, 0.14)',
  reference: '#bdbdbd',
  improved: '#81c784',
  deteriorated: '#ff8a80',
  events: { 'missed-session': '#ce93d8', safety: '#ff8a80', 'care-plan': '#80cbc4' },
  bands: [
    'rgba(129, 199, 132, 0.10)',
    'rgba(205, 220, 57, 0.11)',
    'rgba(255, 213, 79, 0.12)',
    'rgba(255, 152, 0, 0.14)',
    'rgba(255, 138, 128, 0.16)',
  ],
  phases: ['rgba(144, 202, 249, 0.07)', 'rgba(0, 0, 0, 0)'],
  modalities: [
    '#90caf9',
    '#ef6c00',
    '#80cbc4',
    '#9575cd',
    '#ffcc80',
    '#81c784',
    '#ec407a',
    '#d7ccc8',
  ],
  minimum: '#e0e0e0',
  attended: '#90caf9',
  missed: '#ce93d8',
};

export function chartPalette(dark = false): ChartPalette {
  return dark ? DARK : LIGHT;
}

export function bandFill(palette: ChartPalette, level: SeverityLevel): string {
  return palette.bands[Math.min(Math.max(level, 0), palette.bands.length - 1)];
}

/**
 * A modality keeps its colour on every chart of the page (and for every client), so the key
 * learnt on the dose chart holds on the per-modality charts.
 */
export function modalityColour(palette: ChartPalette, modality: Modality): string {
  const index = MODALITIES.indexOf(modality);
  return palette.modalities[(index < 0 ? 0 : index) % palette.modalities.length];
}
