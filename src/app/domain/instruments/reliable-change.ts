import { InstrumentDefinition } from './instrument';
import { improvementFromBaseline } from './scoring';

/** 1.96: two-tailed 95 % criterion of Jacobson & Truax 1991. */
export const RCI_CRITERION = 1.96;

/**
 * Reliable change index (Jacobson & Truax 1991):
 * RCI = (x2 − x1) / (SD1 · √2 · √(1 − r)). |RCI| > 1.96 is reliable.
 */
export function reliableChangeIndex(
  x1: number,
  x2: number,
  sd1: number,
  reliability: number,
): number {
  return (x2 - x1) / standardErrorOfDifference(sd1, reliability);
}

function standardErrorOfDifference(sd1: number, reliability: number): number {
  return sd1 * Math.SQRT2 * Math.sqrt(1 - reliability);
}

/** The smallest change in points that is reliable: 1.96 · SD1 · √2 · √(1 − r). */
export function reliableChangeThreshold(sd1: number, reliability: number): number {
  return RCI_CRITERION * standardErrorOfDifference(sd1, reliability);
}

/** The instrument's threshold: its fixed published number, else Jacobson–Truax from its inputs. */
export function thresholdFor(instrument: InstrumentDefinition): number | undefined {
  if (instrument.reliableChange !== undefined) return instrument.reliableChange;
  const inputs = instrument.reliabilityInputs;
  return inputs ? reliableChangeThreshold(inputs.sd, inputs.reliability) : undefined;
}

export type ReliableChange =
  'reliable-improvement' | 'reliable-deterioration' | 'no-reliable-change';

/**
 * Classifies change from baseline. A change equal to a fixed threshold counts (NHS Talking
 * Therapies: "a decrease of 6 or more" on PHQ-9); a computed threshold must be exceeded.
 */
export function classifyReliableChange(
  instrument: InstrumentDefinition,
  baseline: number,
  latest: number,
): ReliableChange | undefined {
  const threshold = thresholdFor(instrument);
  if (threshold === undefined) return undefined;
  const improvement = improvementFromBaseline(instrument, baseline, latest);
  const fixed = instrument.reliableChange !== undefined;
  const beyond = (delta: number) => (fixed ? delta >= threshold : delta > threshold);
  if (beyond(improvement)) return 'reliable-improvement';
  if (beyond(-improvement)) return 'reliable-deterioration';
  return 'no-reliable-change';
}
