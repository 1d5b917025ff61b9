/** z for a two-sided 95 % interval (the 97.5th percentile of the standard normal). */
export const Z_95 = 1.959964;

export interface Proportion {
  readonly successes: number;
  /** The denominator, written out so no rate is shown without it. */
  readonly n: number;
  /** undefined when n = 0 (a rate of nothing is not 0 %) or when the counts are invalid. */
  readonly rate: number | undefined;
  readonly low: number | undefined;
  readonly high: number | undefined;
  /** Why there is no rate when the counts themselves were impossible (e.g. 5 of 3). */
  readonly invalid?: string;
}

function validCounts(successes: number, n: number, z: number): string | undefined {
  if (!Number.isInteger(successes) || !Number.isInteger(n))
    return `counts must be whole numbers (${successes} of ${n})`;
  if (n < 0 || successes < 0) return `counts must not be negative (${successes} of ${n})`;
  if (successes > n) return `more successes than trials (${successes} of ${n})`;
  // Above 2^53 a double no longer counts one by one, and 4n² overflows to Infinity (from about
  // 1e154), which put the interval beside the rate instead of around it.
  if (n > Number.MAX_SAFE_INTEGER) return `counts too large to be exact (${successes} of ${n})`;
  // z² must be finite too: a z near 1e154 or above makes every bound NaN.
  if (!(z > 0) || !Number.isFinite(z * z)) return `z must be a positive number (${z})`;
  return undefined;
}

/**
 * Wilson score interval (Wilson 1927; recommended by Newcombe 1998 for small samples): it stays
 * inside [0, 1] and does not collapse to zero width at 0 % or 100 %, so small groups are not
 * over-read. Impossible counts are reported through `invalid`, never clamped into a rate.
 */
export function wilsonInterval(successes: number, n: number, z = Z_95): Proportion {
  const invalid = validCounts(successes, n, z);
  if (invalid) return { successes, n, rate: undefined, low: undefined, high: undefined, invalid };
  if (n === 0) return { successes: 0, n: 0, rate: undefined, low: undefined, high: undefined };
  const p = successes / n;
  const z2 = z * z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (z / (1 + z2 / n)) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return {
    successes,
    n,
    rate: p,
    // At 0 % and 100 % the exact bound is 0 or 1; floating point can land a hair outside, at
    // other counts too when z is large (1 of 1321 at z = 1e58 gave -1e-16), so bounds are kept
    // in [0, 1], where the Wilson interval always lies.
    low: successes === 0 ? 0 : Math.max(0, centre - half),
    high: successes === n ? 1 : Math.min(1, centre + half),
  };
}
