import { Random } from './random';
import { Trajectory } from './journey-plan';

/**
 * How much of the baseline distance has been recovered after `weeks` in treatment, per
 * trajectory: responders recover about two thirds within ~6 weeks, slow responders half over a
 * few months, non-responders barely move, deteriorators worsen by about a third. These shapes are
 * the generator's own assumptions, chosen so the published thresholds (reliable change, response,
 * remission) separate the groups the way real IOP cohorts do.
 */
export function recoveredFraction(trajectory: Trajectory, weeks: number): number {
  switch (trajectory) {
    case 'responder':
      return 0.68 * (1 - Math.exp(-weeks / 3));
    case 'slow-responder':
      return 0.5 * (1 - Math.exp(-weeks / 8));
    case 'non-responder':
      return 0.08 * (1 - Math.exp(-weeks / 4));
    case 'deteriorator':
      return -0.4 * (1 - Math.exp(-weeks / 4));
  }
}

export interface ScaleModel {
  readonly min: number;
  readonly max: number;
  /** Baseline mean and SD for a client at intake. */
  readonly baselineMean: number;
  readonly baselineSd: number;
  /** Week-to-week measurement noise. */
  readonly noiseSd: number;
  /** Where a full recovery ends up. */
  readonly floor: number;
  readonly higherIsBetter?: boolean;
}

export function drawBaseline(random: Random, model: ScaleModel): number {
  return clamp(
    Math.round(random.normal(model.baselineMean, model.baselineSd)),
    model.min,
    model.max,
  );
}

/**
 * A score at `weeks` for a client with this baseline: the baseline moved towards the scale's
 * floor (or ceiling, for higher-is-better scales) by the trajectory's fraction, plus noise,
 * rounded to a valid integer score.
 */
export function scoreAt(
  random: Random,
  model: ScaleModel,
  baseline: number,
  trajectory: Trajectory,
  weeks: number,
): number {
  const target = model.higherIsBetter ? model.max - model.floor : model.floor;
  const expected = baseline + (target - baseline) * recoveredFraction(trajectory, weeks);
  return clamp(Math.round(expected + random.normal(0, model.noiseSd)), model.min, model.max);
}

export function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

/**
 * Splits a total into `count` item scores of 0..`itemMax` that add up to it exactly, spreading
 * points at random so item profiles differ between clients and weeks.
 */
export function splitIntoItems(
  random: Random,
  total: number,
  count: number,
  itemMax: number,
): number[] {
  const items = new Array<number>(count).fill(0);
  let remaining = Math.min(total, count * itemMax);
  while (remaining > 0) {
    const i = random.int(0, count - 1);
    if (items[i] < itemMax) {
      items[i] += 1;
      remaining -= 1;
    }
  }
  return items;
}
