import { InstrumentDefinition, SeverityBand } from './instrument';

export type ScoreValidation =
  { readonly ok: true; readonly score: number } | { readonly ok: false; readonly reason: string };

/**
 * Accepts a total only if it is a whole number inside the instrument's range. Out-of-range or
 * fractional scores are rejected with a reason, never clamped: a PHQ-9 of 31 is a data error
 * to show, not a 27 to chart.
 */
export function validateScore(instrument: InstrumentDefinition, value: unknown): ScoreValidation {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    return { ok: false, reason: `${instrument.shortName} score is not a number` };
  }
  if (!Number.isInteger(value)) {
    return { ok: false, reason: `${instrument.shortName} score ${value} is not a whole number` };
  }
  const { min, max } = instrument.range;
  if (value < min || value > max) {
    return { ok: false, reason: `${instrument.shortName} score ${value} is outside ${min}–${max}` };
  }
  return { ok: true, score: value };
}

/** The severity band a valid score falls in. */
export function severityOf(
  instrument: InstrumentDefinition,
  score: number,
): SeverityBand | undefined {
  return instrument.bands.find((band) => score >= band.min && score <= band.max);
}

/**
 * Change from baseline as improvement: positive means better, whichever way the scale runs,
 * so "+6 on PHQ-9" and "+6 on BAM Protective" both read as improvement.
 */
export function improvementFromBaseline(
  instrument: InstrumentDefinition,
  baseline: number,
  latest: number,
): number {
  return instrument.direction === 'higher-is-worse' ? baseline - latest : latest - baseline;
}

/** True when a score counts as a clinical case for the instrument. */
export function isCase(instrument: InstrumentDefinition, score: number): boolean | undefined {
  if (instrument.caseness === undefined) return undefined;
  return instrument.direction === 'higher-is-worse'
    ? score >= instrument.caseness
    : score <= instrument.caseness;
}
