import {
  mean,
  median,
  prePostEffectSize,
  quantile,
  spread,
  standardDeviation,
} from './descriptive';
import { wilsonInterval } from './wilson';

describe('Wilson score interval', () => {
  it('matches published values', () => {
    // 81 of 263 (Wilson interval example): 0.3080, [0.2553, 0.3662].
    const i = wilsonInterval(81, 263);
    expect(i.rate!).toBeCloseTo(0.30798, 4);
    expect(i.low!).toBeCloseTo(0.2553, 4);
    expect(i.high!).toBeCloseTo(0.3662, 4);
    // Newcombe 1998, example 15/148: 0.0624 to 0.1605.
    const newcombe = wilsonInterval(15, 148);
    expect(newcombe.low!).toBeCloseTo(0.0624, 3);
    expect(newcombe.high!).toBeCloseTo(0.1605, 3);
  });

  it('stays inside [0, 1] with a real width at 0 % and 100 %', () => {
    const none = wilsonInterval(0, 10);
    expect(none.low).toBe(0);
    expect(none.high!).toBeCloseTo(0.2775, 4);
    const all = wilsonInterval(10, 10);
    expect(all.high!).toBeCloseTo(1, 12);
    expect(all.low!).toBeCloseTo(0.7225, 4);
  });

  it('has no rate for an empty group', () => {
    expect(wilsonInterval(0, 0)).toEqual({
      successes: 0,
      n: 0,
      rate: undefined,
      low: undefined,
      high: undefined,
    });
  });
});

describe('descriptive statistics', () => {
  it('computes mean and sample SD', () => {
    expect(mean([2, 4, 4, 4, 5, 5, 7, 9])).toBe(5);
    // Sample SD of that classic set: √(32/7) = 2.13809.
    expect(standardDeviation([2, 4, 4, 4, 5, 5, 7, 9])!).toBeCloseTo(2.13809, 5);
    expect(mean([])).toBeUndefined();
    expect(standardDeviation([3])).toBeUndefined();
  });

  it('uses type-7 quantiles like R', () => {
    // R: quantile(c(1, 2, 3, 4, 10), c(.25, .5, .75, .9)) = 2, 3, 4, 7.6
    const q = [0.25, 0.5, 0.75, 0.9].map((p) => quantile([10, 1, 3, 2, 4], p)!);
    [2, 3, 4, 7.6].forEach((expected, i) => expect(q[i]).toBeCloseTo(expected, 10));
    expect(median([7, 1, 4, 2])).toBe(3);
    expect(quantile([], 0.5)).toBeUndefined();
    expect(quantile([1, 2], 1.5)).toBeUndefined();
    expect(spread([14, 21, 28, 56, 63, 70, 84])).toEqual({ n: 7, median: 56, q1: 24.5, q3: 66.5 });
  });

  it('computes a pre–post effect size against the baseline SD', () => {
    // Baseline mean 18, SD √10 = 3.1623; final mean 10: d = 8 / 3.1623 = 2.5298.
    expect(prePostEffectSize([14, 16, 18, 20, 22], [6, 8, 10, 12, 14])!).toBeCloseTo(2.5298, 4);
    expect(prePostEffectSize([10, 10], [5, 5])).toBeUndefined();
    expect(prePostEffectSize([10], [5])).toBeUndefined();
  });
});
