/** Arithmetic mean; undefined for no values. */
export function mean(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined;
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}

/** Sample standard deviation (n − 1); undefined below two values. */
export function standardDeviation(values: readonly number[]): number | undefined {
  if (values.length < 2) return undefined;
  const m = mean(values)!;
  let squares = 0;
  for (const v of values) squares += (v - m) ** 2;
  return Math.sqrt(squares / (values.length - 1));
}

/**
 * Quantile by linear interpolation between order statistics (Hyndman & Fan type 7, R's default
 * and Excel's PERCENTILE.INC). `sorted` must be in ascending order.
 */
export function quantileSorted(sorted: readonly number[], p: number): number | undefined {
  if (sorted.length === 0 || p < 0 || p > 1) return undefined;
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.ceil(h);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

export function quantile(values: readonly number[], p: number): number | undefined {
  return quantileSorted(
    [...values].sort((a, b) => a - b),
    p,
  );
}

export function median(values: readonly number[]): number | undefined {
  return quantile(values, 0.5);
}

export interface Spread {
  readonly n: number;
  readonly median: number | undefined;
  readonly q1: number | undefined;
  readonly q3: number | undefined;
}

/** Median and interquartile range in one sort. */
export function spread(values: readonly number[]): Spread {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    n: sorted.length,
    median: quantileSorted(sorted, 0.5),
    q1: quantileSorted(sorted, 0.25),
    q3: quantileSorted(sorted, 0.75),
  };
}

/**
 * Pre–post effect size: mean change divided by the SD of baseline scores (Cohen's d with the
 * baseline SD as the standardiser, as outcome benchmarking studies in routine care report it).
 */
export function prePostEffectSize(
  baselines: readonly number[],
  finals: readonly number[],
): number | undefined {
  if (baselines.length !== finals.length || baselines.length < 2) return undefined;
  const sd = standardDeviation(baselines);
  if (!sd) return undefined;
  return (mean(baselines)! - mean(finals)!) / sd;
}
