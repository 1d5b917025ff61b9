import {
  interquartileRange,
  mean,
  median,
  prePostEffectSize,
  quantile,
  quantileSorted,
  spread,
  standardDeviation,
} from './descriptive';
import { wilsonInterval } from './wilson';

describe('Wilson score interval', () => {
  it('matches the published examples of Newcombe 1998 (Table I, method 3)', () => {
    // [successes, n, low, high] as printed to four decimals.
    const published: [number, number, number, number][] = [
      [81, 263, 0.2553, 0.3662],
      [15, 148, 0.0624, 0.1605],
      [0, 20, 0, 0.1611],
      [1, 29, 0.0061, 0.1718],
    ];
    for (const [s, n, low, high] of published) {
      const i = wilsonInterval(s, n);
      expect(i.rate).toBe(s / n);
      expect(i.low!).toBeCloseTo(low, 4);
      expect(i.high!).toBeCloseTo(high, 4);
    }
  });

  it('stays inside [0, 1] with a real width at 0 % and 100 %', () => {
    const none = wilsonInterval(0, 10);
    expect(none.low).toBe(0);
    expect(none.high!).toBeCloseTo(0.2775, 4);
    const all = wilsonInterval(10, 10);
    expect(all.high).toBe(1);
    expect(all.low!).toBeCloseTo(0.7225, 4);
  });

  it('widens with a larger z (99 %: z = 2.5758)', () => {
    const i = wilsonInterval(81, 263, 2.5758);
    // Hand-worked: centre (p + z²/2n)/(1 + z²/n) = 0.31271, half-width 0.07257.
    expect(i.low!).toBeCloseTo(0.2401, 4);
    expect(i.high!).toBeCloseTo(0.3853, 4);
  });

  it('has no rate, and no NaN, for an empty group', () => {
    expect(wilsonInterval(0, 0)).toEqual({
      successes: 0,
      n: 0,
      rate: undefined,
      low: undefined,
      high: undefined,
    });
  });

  it('reports impossible counts instead of clamping them', () => {
    expect(wilsonInterval(5, 3).invalid).toBe('more successes than trials (5 of 3)');
    expect(wilsonInterval(-1, 3).invalid).toBe('counts must not be negative (-1 of 3)');
    expect(wilsonInterval(1.5, 3).invalid).toBe('counts must be whole numbers (1.5 of 3)');
    expect(wilsonInterval(1, 3, 0).invalid).toBe('z must be a positive number (0)');
    expect(wilsonInterval(5, 3).rate).toBeUndefined();
  });
});

describe('descriptive statistics', () => {
  it('computes mean and sample SD', () => {
    expect(mean([2, 4, 4, 4, 5, 5, 7, 9])).toBe(5);
    // Sample SD of that classic set: √(32/7) = 2.13809 (the population SD would be 2).
    expect(standardDeviation([2, 4, 4, 4, 5, 5, 7, 9])!).toBeCloseTo(2.13809, 5);
    expect(mean([])).toBeUndefined();
    expect(mean([1, NaN])).toBeUndefined();
    expect(standardDeviation([3])).toBeUndefined();
    expect(standardDeviation([3, Infinity])).toBeUndefined();
  });

  it('uses type-7 quantiles like R', () => {
    // R: quantile(c(1, 2, 3, 4, 10), c(.25, .5, .75, .9)) = 2, 3, 4, 7.6
    const q = [0.25, 0.5, 0.75, 0.9].map((p) => quantile([10, 1, 3, 2, 4], p)!);
    [2, 3, 4, 7.6].forEach((expected, i) => expect(q[i]).toBeCloseTo(expected, 10));
    // R: quantile(1:10, c(0, .1, .33, 1)) = 1, 1.9, 3.97, 10
    const tens = Array.from({ length: 10 }, (_, i) => i + 1);
    expect(quantileSorted(tens, 0)).toBe(1);
    expect(quantileSorted(tens, 0.1)!).toBeCloseTo(1.9, 10);
    expect(quantileSorted(tens, 0.33)!).toBeCloseTo(3.97, 10);
    expect(quantileSorted(tens, 1)).toBe(10);
    expect(quantile([42], 0.9)).toBe(42);
  });

  it('has no quantile for no values, a p outside [0, 1] or a non-finite value', () => {
    expect(quantile([], 0.5)).toBeUndefined();
    expect(quantile([1, 2], 1.5)).toBeUndefined();
    expect(quantile([1, 2], -0.1)).toBeUndefined();
    expect(quantile([1, 2], NaN)).toBeUndefined();
    expect(quantile([1, NaN], 0.5)).toBeUndefined();
  });

  it('computes the median, quartiles and interquartile range', () => {
    expect(median([7, 1, 4, 2])).toBe(3);
    expect(median([5, 1, 3])).toBe(3);
    expect(median([])).toBeUndefined();
    expect(spread([14, 21, 28, 56, 63, 70, 84])).toEqual({ n: 7, median: 56, q1: 24.5, q3: 66.5 });
    // R: IQR(1:10) = 7.75 − 3.25 = 4.5
    expect(interquartileRange(Array.from({ length: 10 }, (_, i) => 10 - i))).toBe(4.5);
    expect(interquartileRange([])).toBeUndefined();
    expect(spread([])).toEqual({ n: 0, median: undefined, q1: undefined, q3: undefined });
  });

  it('computes a pre–post effect size against the baseline SD', () => {
    // Baseline mean 18, SD √10 = 3.1623; final mean 10: d = 8 / 3.1623 = 2.5298.
    expect(prePostEffectSize([14, 16, 18, 20, 22], [6, 8, 10, 12, 14])!).toBeCloseTo(2.5298, 4);
    // Worsening gives a negative d: baseline [10, 12] (SD √2), finals 13 on average: −2 / √2.
    expect(prePostEffectSize([10, 12], [12, 14])!).toBeCloseTo(-Math.SQRT2, 10);
    expect(prePostEffectSize([10, 10], [5, 5])).toBeUndefined();
    expect(prePostEffectSize([10], [5])).toBeUndefined();
    expect(prePostEffectSize([10, 12], [5])).toBeUndefined();
    expect(prePostEffectSize([10, 12], [5, NaN])).toBeUndefined();
  });
});
