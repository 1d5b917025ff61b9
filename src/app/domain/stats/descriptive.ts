/**
 * Small descriptive statistics for outcome reporting. All functions take finite numbers and return
 * `undefined` rather than a made-up number when there is too little data or a value is not finite.
 */

const allFinite = (values: readonly number[]) => values.every((v) => Number.isFinite(v));

/** Arithmetic mean; undefined for no values. */
export function mean(values: readonly number[]): number | undefined {
  if (values.length === 0 || !allFinite(values)) return undefined;
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}

/** Sample standard deviation (divisor n − 1); undefined below two values. */
export function standardDeviation(values: readonly number[]): number | undefined {
  if (values.length < 2) return undefined;
  const m = mean(values);
  if (m === undefined) return undefined;
  let squares = 0;
  for (const v of values) squares += (v - m) ** 2;
  return Math.sqrt(squares / (values.length - 1));
}

/**
 * Quantile by linear interpolation between order statistics: Hyndman & Fan (1996) type 7, the
 * default of R's `quantile()` and Excel's PERCENTILE.INC. h = (n − 1)·p; Q = x[⌊h⌋] + (h − ⌊h⌋)·
 * (x[⌊h⌋+1] − x[⌊h⌋]) with 0-based order statistics. `sorted` must be ascending and finite.
 */
export function quantileSorted(sorted: readonly number[], p: number): number | undefined {
  if (sorted.length === 0 || !(p >= 0 && p <= 1)) return undefined;
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.ceil(h);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

function sortedCopy(values: readonly number[]): number[] | undefined {
  return allFinite(values) ? [...values].sort((a, b) => a - b) : undefined;
}

/** Type-7 quantile of unsorted values (see `quantileSorted`). */
export function quantile(values: readonly number[], p: number): number | undefined {
  const sorted = sortedCopy(values);
  return sorted && quantileSorted(sorted, p);
}

/** Median: the type-7 0.5 quantile, i.e. the mean of the two middle values for an even count. */
export function median(values: readonly number[]): number | undefined {
  return quantile(values, 0.5);
}

export interface Spread {
  readonly n: number;
  readonly median: number | undefined;
  readonly q1: number | undefined;
  readonly q3: number | undefined;
}

/** Median and quartiles (type 7) in one sort. */
export function spread(values: readonly number[]): Spread {
  const sorted = sortedCopy(values) ?? [];
  return {
    n: sorted.length,
    median: quantileSorted(sorted, 0.5),
    q1: quantileSorted(sorted, 0.25),
    q3: quantileSorted(sorted, 0.75),
  };
}

/** Interquartile range Q3 − Q1 with type-7 quartiles. */
export function interquartileRange(values: readonly number[]): number | undefined {
  const { q1, q3 } = spread(values);
  return q1 === undefined || q3 === undefined ? undefined : q3 - q1;
}

/**
 * Pre–post effect size for paired scores: mean(baseline − final) / SD(baseline), i.e. Cohen's d
 * standardised by the sample SD of the baseline scores (not the SD of the change scores), the
 * form routine-care benchmarking reports (e.g. Minami et al. 2008). Positive when finals are
 * lower; callers pass (finals, baselines) for higher-is-better scales. Undefined for unpaired
 * input, fewer than two pairs or a baseline SD of 0.
 */
export function prePostEffectSize(
  baselines: readonly number[],
  finals: readonly number[],
): number | undefined {
  if (baselines.length !== finals.length || baselines.length < 2) return undefined;
  const sd = standardDeviation(baselines);
  const before = mean(baselines);
  const after = mean(finals);
  if (!sd || before === undefined || after === undefined) return undefined;
  return (before - after) / sd;
}
