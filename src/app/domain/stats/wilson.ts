/** z for a two-sided 95 % interval. */
export const Z_95 = 1.959964;

export interface Proportion {
  readonly successes: number;
  readonly n: number;
  /** undefined when n = 0: a rate of nothing is not 0 %. */
  readonly rate: number | undefined;
  readonly low: number | undefined;
  readonly high: number | undefined;
}

/**
 * Wilson score interval (Wilson 1927; recommended by Newcombe 1998 for small samples): it stays
 * inside [0, 1] and does not collapse to zero width at 0 % or 100 %, so small groups are not
 * over-read.
 */
export function wilsonInterval(successes: number, n: number, z = Z_95): Proportion {
  if (n <= 0) return { successes: 0, n: 0, rate: undefined, low: undefined, high: undefined };
  const p = successes / n;
  const z2 = z * z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (z / (1 + z2 / n)) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return {
    successes,
    n,
    rate: p,
    low: Math.max(0, centre - half),
    high: Math.min(1, centre + half),
  };
}
