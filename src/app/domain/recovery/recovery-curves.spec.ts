import { DEFAULT_INSTRUMENTS, instrumentById } from '../instruments/instrument-catalogue';
import { defaultCurve } from './default-curve';
import { HistoryEpisode, buildRecoveryCurves, checkHistory, curveFor } from './recovery-curves';
import { dayFromNumber, dayNumber } from './day-number';
import { weeksSinceBaseline } from './recovery-week';

const phq9 = instrumentById('phq-9')!;
const protective = instrumentById('bam-protective')!;

/**
 * `count` moderately severe PHQ-9 episodes (baseline 17) over 8 weeks; episode i improves by
 * round(k·w/4) points at week w, k = i mod 10. At week 4 the 40 improvements are 0…9, four each.
 */
function history(count = 40): HistoryEpisode[] {
  return Array.from({ length: count }, (_, i) => ({
    instrumentId: 'phq-9',
    baseline: 17,
    points: Array.from({ length: 8 }, (_, w) => ({
      week: w + 1,
      score: 17 - Math.round(((i % 10) * (w + 1)) / 4),
    })),
  }));
}

const moderatelySevere = (set: ReturnType<typeof buildRecoveryCurves>) =>
  set.curves.find((c) => c.instrumentId === 'phq-9' && c.band === 'Moderately severe')!;

describe('expected recovery curves', () => {
  it('takes the median and the 75th / 90th score percentiles (25th / 10th of improvement)', () => {
    const set = buildRecoveryCurves(history(), DEFAULT_INSTRUMENTS, { generated: '2026-11-28' });
    expect([set.amberPercentile, set.redPercentile, set.minEpisodes]).toEqual([0.75, 0.9, 20]);
    const curve = moderatelySevere(set);
    expect([curve.source, curve.episodes, curve.points.length]).toEqual(['program', 40, 12]);
    // Week 4, type 7 over 40 sorted values: median h = 19.5 → 4.5; 25th h = 9.75 → 2;
    // 10th h = 3.9 → 0 + 0.9 · (1 − 0) = 0.9.
    const week4 = curve.points[3];
    expect([week4.week, week4.expected, week4.amberBelow, week4.n]).toEqual([4, 4.5, 2, 40]);
    expect(week4.redBelow).toBeCloseTo(0.9, 10);
    // Weeks with no history take the default curve's point, marked n = 0.
    expect(curve.points[9]).toEqual(defaultCurve(phq9, phq9.bands[3]).points[9]);
  });

  it('uses the configured percentiles', () => {
    const set = buildRecoveryCurves(history(), DEFAULT_INSTRUMENTS, {
      amberPercentile: 0.8,
      redPercentile: 0.95,
    });
    const week4 = moderatelySevere(set).points[3];
    // 20th percentile of improvement: h = 7.8 → 1 + 0.8 · (2 − 1) = 1.8; 5th: h = 1.95 → 0.
    expect(week4.amberBelow).toBeCloseTo(1.8, 10);
    expect(week4.redBelow).toBeCloseTo(0, 10);
    expect([set.amberPercentile, set.redPercentile]).toEqual([0.8, 0.95]);
  });

  it('falls back to the default curve below 20 episodes, and says so', () => {
    const thin = buildRecoveryCurves(history(19), DEFAULT_INSTRUMENTS);
    const phq = thin.curves.filter((c) => c.instrumentId === 'phq-9');
    expect(phq.map((c) => c.band)).toEqual(phq9.bands.map((b) => b.label));
    expect(phq.every((c) => c.source === 'default' && c.episodes === 0)).toBeTrue();
    // Instruments with no history at all get no curve (the reader falls back by itself).
    expect(thin.curves.some((c) => c.instrumentId === 'gad-7')).toBeFalse();
    expect(moderatelySevere(buildRecoveryCurves(history(20), DEFAULT_INSTRUMENTS)).source).toBe(
      'program',
    );
    // The threshold and the per-week minimum are configurable.
    const lenient = buildRecoveryCurves(history(10), DEFAULT_INSTRUMENTS, {
      minEpisodes: 10,
      minPointsPerWeek: 11,
    });
    const curve = moderatelySevere(lenient);
    expect(curve.source).toBe('program');
    expect(curve.points.every((p) => p.n === 0)).toBeTrue();
  });

  it('uses the last score listed in a week and ignores week 0 and weeks past the end', () => {
    const episodes: HistoryEpisode[] = Array.from({ length: 20 }, () => ({
      instrumentId: 'phq-9',
      baseline: 17,
      points: [
        { week: 0, score: 2 },
        { week: 1, score: 16 },
        { week: 1, score: 14 },
        { week: 13, score: 0 },
      ],
    }));
    const curve = moderatelySevere(
      buildRecoveryCurves(episodes, DEFAULT_INSTRUMENTS, { minPointsPerWeek: 20 }),
    );
    expect(curve.points[0]).toEqual({ week: 1, expected: 3, amberBelow: 3, redBelow: 3, n: 20 });
    expect(curve.points.slice(1).every((p) => p.n === 0)).toBeTrue();
  });

  it('rejects unusable history with the reason instead of guessing', () => {
    const { usable, rejected } = checkHistory(
      [
        { instrumentId: 'zzz', baseline: 3, points: [] },
        { instrumentId: 'phq-9', baseline: 40, points: [] },
        { instrumentId: 'phq-9', baseline: 12.5, points: [] },
        {
          instrumentId: 'phq-9',
          baseline: 12,
          points: [
            { week: 1, score: 31 },
            { week: 1.5, score: 10 },
            { week: 2, score: 9 },
          ],
        },
      ],
      DEFAULT_INSTRUMENTS,
    );
    expect(rejected.map((r) => r.reason)).toEqual([
      'unknown instrument "zzz"',
      'baseline: PHQ-9 score 40 is outside 0–27',
      'baseline: PHQ-9 score 12.5 is not a whole number',
      'week 1: PHQ-9 score 31 is outside 0–27',
      'week 1.5 is not a whole number',
    ]);
    expect(usable.length).toBe(1);
    expect(usable[0].points).toEqual([{ week: 2, score: 9 }]);
    expect(usable[0].band.label).toBe('Moderate');
  });

  it('refuses impossible options with a RangeError naming them', () => {
    const build = (o: object) => () => buildRecoveryCurves([], DEFAULT_INSTRUMENTS, o);
    expect(build({ minEpisodes: 0 })).toThrowError(RangeError, /minEpisodes/);
    expect(build({ minPointsPerWeek: 1.5 })).toThrowError(RangeError, /minPointsPerWeek/);
    expect(build({ weeks: 0 })).toThrowError(RangeError, /weeks/);
    expect(build({ amberPercentile: 0.9, redPercentile: 0.9 })).toThrowError(RangeError, /amber/);
    expect(build({ amberPercentile: 0.4 })).toThrowError(RangeError, /amber/);
    expect(build({ redPercentile: 1 })).toThrowError(RangeError, /amber/);
  });

  it('finds a curve by instrument and band, or the default', () => {
    const set = buildRecoveryCurves(history(), DEFAULT_INSTRUMENTS);
    expect(curveFor(set, phq9, phq9.bands[3]).source).toBe('program');
    expect(curveFor(set, phq9, phq9.bands[4]).source).toBe('default');
    expect(curveFor(undefined, phq9, phq9.bands[3]).source).toBe('default');
  });
});

describe('the default curve (a Waypoint assumption)', () => {
  it('approaches 45 % of the way to the best score with a 4-week time constant', () => {
    const curve = defaultCurve(phq9, phq9.bands[3]);
    expect([curve.source, curve.episodes, curve.points.length]).toEqual(['default', 0, 12]);
    // Midpoint 17, best 0: 0.45 · 17 · (1 − e^−1) = 4.8357 at week 4; amber at half of it.
    expect(curve.points[3].expected).toBeCloseTo(4.8357, 4);
    expect(curve.points[3].amberBelow).toBeCloseTo(2.4179, 4);
    // Red once worse by half the PHQ-9 reliable-change threshold of 6.
    expect(curve.points.every((p) => p.redBelow === -3 && p.n === 0)).toBeTrue();
  });

  it('mirrors for higher-is-better scales and borrows a tenth of the range without a threshold', () => {
    // BAM Protective "Low protection" 0–12: midpoint 6, best 24, 0.45 · 18 = 8.1 in the long run.
    const curve = defaultCurve(protective, protective.bands[0], 6);
    expect(curve.points.length).toBe(6);
    expect(curve.points[3].expected).toBeCloseTo(8.1 * (1 - Math.exp(-1)), 10);
    expect(curve.points[3].redBelow).toBeCloseTo(-1.2, 10);
  });
});

describe('weeks since baseline', () => {
  it('counts whole weeks: days 0–6 are week 0, days 7–13 week 1', () => {
    expect(weeksSinceBaseline('2024-03-01', '2024-03-07')).toBe(0);
    expect(weeksSinceBaseline('2024-03-01', '2024-03-08')).toBe(1);
    expect(weeksSinceBaseline('2024-03-01', '2024-03-29')).toBe(4);
    // Across the US daylight-saving change (10 March 2024) a week is still 7 calendar days.
    expect(weeksSinceBaseline('2024-03-04', '2024-03-11')).toBe(1);
    expect(weeksSinceBaseline('2024-03-08', '2024-03-01')).toBe(-1);
  });
});

describe('day numbers', () => {
  it('count whole days like daysBetween and addDays', () => {
    expect(dayNumber('1970-01-01')).toBe(0);
    expect(dayNumber('2024-03-01') - dayNumber('2024-02-28')).toBe(2); // leap year
    expect(dayFromNumber(dayNumber('2024-12-31') + 1)).toBe('2025-01-01');
  });
});
