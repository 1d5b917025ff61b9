import { InstrumentDefinition } from './instrument';

/**
 * Response: a drop of at least 50 % from baseline (CLINICAL.md). Undefined when the baseline is
 * zero, where a percentage drop means nothing, or for higher-is-better scales.
 */
export function isResponse(
  instrument: InstrumentDefinition,
  baseline: number,
  latest: number,
): boolean | undefined {
  if (instrument.direction !== 'higher-is-worse') return undefined;
  const floor = instrument.range.min;
  if (baseline - floor <= 0) return undefined;
  return (baseline - latest) / (baseline - floor) >= 0.5;
}

/** Remission: below the instrument's remission score (PHQ-9 < 5, HEDIS/NCQA). */
export function isRemission(instrument: InstrumentDefinition, latest: number): boolean | undefined {
  return instrument.remissionBelow === undefined ? undefined : latest < instrument.remissionBelow;
}
