import { BASELINE_LOOKBACK_DAYS, baselineIndex } from './episode-baseline';

describe('episode baseline', () => {
  const start = '2024-04-10';
  it('takes the latest score on or before the start within 7 days', () => {
    expect(BASELINE_LOOKBACK_DAYS).toBe(7);
    expect(baselineIndex(['2024-04-01', '2024-04-03', '2024-04-08', '2024-04-17'], start)).toBe(2);
    expect(baselineIndex(['2024-04-03', '2024-04-10', '2024-04-17'], start)).toBe(1);
    // 3 April is exactly 7 days before: still inside the lookback.
    expect(baselineIndex(['2024-04-02', '2024-04-03'], start)).toBe(1);
  });

  it('otherwise takes the first score after the start', () => {
    expect(baselineIndex(['2024-04-02', '2024-04-12', '2024-04-19'], start)).toBe(1);
    expect(baselineIndex(['2024-04-08', '2024-04-12'], start, 0)).toBe(1);
    expect(baselineIndex(['2024-04-02'], start)).toBeUndefined();
    expect(baselineIndex([], start)).toBeUndefined();
  });
});
