import { InstrumentDefinition } from '../instruments/instrument';
import { thresholdFor } from '../instruments/reliable-change';
import { CURVE_DEFAULTS, CurvePoint, RecoveryCurve } from './curve-types';

/**
 * Shape of the fallback curve. These are Waypoint's own assumptions, NOT published numbers: a
 * negatively accelerated recovery (most change early, then flattening — the shape of the
 * dose–effect and session-by-session curves of Howard et al. 1986 and Lambert's OQ-45 expected
 * curves), with an end-point chosen to be plausible for routine care rather than fitted to data.
 */
export interface DefaultCurveParameters {
  /** Share of the distance from the band's midpoint to the scale's best score recovered in the long run (0.45). */
  readonly endFraction: number;
  /** Weeks for 63 % of that recovery: improvement(w) = end · (1 − e^(−w/τ)) (τ = 4). */
  readonly timeConstantWeeks: number;
  /** Amber below this share of the expected improvement (0.5). */
  readonly amberFraction: number;
  /** Red once worse than baseline by this share of the reliable-change threshold (0.5). */
  readonly redWorseningFraction: number;
}

export const DEFAULT_CURVE_PARAMETERS: DefaultCurveParameters = {
  endFraction: 0.45,
  timeConstantWeeks: 4,
  amberFraction: 0.5,
  redWorseningFraction: 0.5,
};

/**
 * The documented fallback used when a band has too little program history (the not-on-track
 * signal then says it is using the default). Instruments without a reliable-change threshold use
 * a tenth of the score range in its place (Waypoint assumption).
 */
export function defaultCurve(
  instrument: InstrumentDefinition,
  band: { readonly min: number; readonly max: number; readonly label: string },
  weeks: number = CURVE_DEFAULTS.weeks,
  parameters: DefaultCurveParameters = DEFAULT_CURVE_PARAMETERS,
): RecoveryCurve {
  const midpoint = (band.min + band.max) / 2;
  const best =
    instrument.direction === 'higher-is-worse' ? instrument.range.min : instrument.range.max;
  const end = parameters.endFraction * Math.abs(midpoint - best);
  const rc = thresholdFor(instrument) ?? (instrument.range.max - instrument.range.min) / 10;
  const points: CurvePoint[] = [];
  for (let week = 1; week <= weeks; week++) {
    const expected = end * (1 - Math.exp(-week / parameters.timeConstantWeeks));
    points.push({
      week,
      expected,
      amberBelow: expected * parameters.amberFraction,
      redBelow: -rc * parameters.redWorseningFraction,
      n: 0,
    });
  }
  return { instrumentId: instrument.id, band: band.label, source: 'default', episodes: 0, points };
}
