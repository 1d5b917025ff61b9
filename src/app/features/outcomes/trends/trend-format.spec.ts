import {
  daysBetween,
  gapWords,
  labelRange,
  percentValue,
  plural,
  wholePercent,
} from './trend-format';

describe('trend format', () => {
  it('turns shares into whole percent for words and one decimal for the axis', () => {
    expect(wholePercent(25 / 52)).toBe('48');
    expect(wholePercent(0)).toBe('0');
    expect(percentValue(2 / 3)).toBe(66.7);
    // 0.35 * 100 is 35.00000000000001 in floating point.
    expect(percentValue(0.35)).toBe(35);
  });

  it('counts calendar days across a change of clocks and words the gap', () => {
    // Europe and the US change clocks in March; calendar days are not affected.
    expect(daysBetween('2026-03-01', '2026-04-01')).toBe(31);
    expect(daysBetween('2025-12-08', '2026-03-02')).toBe(84);
    expect(gapWords(84)).toBe('12 weeks');
    expect(gapWords(7)).toBe('1 week');
    expect(gapWords(10)).toBe('10 days');
    expect(gapWords(1)).toBe('1 day');
  });

  it('names a range by its ends, once when they agree', () => {
    expect(labelRange('Jan 2026', 'Oct 2026')).toBe('Jan 2026 – Oct 2026');
    expect(labelRange('Jan 2026', 'Jan 2026')).toBe('Jan 2026');
    expect(plural(1, 'client')).toBe('1 client');
    expect(plural(0, 'client')).toBe('0 clients');
  });
});
