import { DEFAULT_INSTRUMENTS, instrumentById } from '../instruments/instrument-catalogue';
import { notOnTrack } from './not-on-track';
import {
  HistoryEpisode,
  buildRecoveryCurves,
  defaultCurve,
  parseCurves,
  serializeCurves,
} from './recovery-curves';

const phq9 = instrumentById('phq-9')!;

/** 40 moderately severe PHQ-9 episodes (baseline 17) whose week-w improvement is spread 0..9·w/4. */
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

describe('expected recovery curves', () => {
  it('builds a band curve from enough history, with median and 25th/10th percentile improvement', () => {
    const set = buildRecoveryCurves(history(), DEFAULT_INSTRUMENTS, { generated: '2026-11-28' });
    const curve = set.curves.find(
      (c) => c.instrumentId === 'phq-9' && c.band === 'Moderately severe',
    )!;
    expect(curve.source).toBe('program');
    expect(curve.episodes).toBe(40);
    // Week 4: improvements round(k·4/4) = k for k = 0..9, four of each: median 4.5, q25 2, q10 0.9.
    expect(curve.points[3]).toEqual({
      week: 4,
      expected: 4.5,
      amberBelow: 2,
      redBelow: jasmine.any(Number),
      n: 40,
    });
    expect(curve.points[3].redBelow).toBeCloseTo(0.9, 10);
    // Weeks past the history fall back to the default curve's point.
    expect(curve.points[9].n).toBe(0);
  });

  it('falls back to the documented default curve when a band has fewer than 20 episodes', () => {
    const set = buildRecoveryCurves(history(19), DEFAULT_INSTRUMENTS);
    const curves = set.curves.filter((c) => c.instrumentId === 'phq-9');
    expect(curves.length).toBe(5);
    expect(curves.every((c) => c.source === 'default')).toBeTrue();
    expect(set.curves.some((c) => c.instrumentId === 'gad-7')).toBeFalse();
    const fallback = defaultCurve(phq9, phq9.bands[3]);
    // Midpoint 17, best 0: 0.45 · 17 · (1 − e^−1) = 4.836 at week 4.
    expect(fallback.points[3].expected).toBeCloseTo(4.836, 3);
    expect(fallback.points[3].redBelow).toBe(-3);
  });

  it('ignores history for unknown instruments or impossible baselines', () => {
    const set = buildRecoveryCurves(
      [
        { instrumentId: 'zzz', baseline: 3, points: [] },
        { instrumentId: 'phq-9', baseline: 40, points: [] },
      ],
      DEFAULT_INSTRUMENTS,
    );
    expect(set.curves.every((c) => c.source === 'default')).toBeTrue();
  });

  it('round-trips through the Library JSON and rejects malformed payloads', () => {
    const set = buildRecoveryCurves(history(), DEFAULT_INSTRUMENTS, { generated: '2026-11-28' });
    const parsed = parseCurves(JSON.parse(serializeCurves(set)));
    expect(parsed.errors).toEqual([]);
    expect(parsed.set).toEqual(set);
    expect(parseCurves('x').errors).toEqual(['recovery curves: not a JSON object']);
    expect(parseCurves({ format: 'other' }).errors).toEqual(['recovery curves: unknown format']);
    expect(parseCurves({ format: 'waypoint-recovery-curves', version: 2 }).errors).toEqual([
      'recovery curves: unsupported version 2',
    ]);
    expect(parseCurves({ format: 'waypoint-recovery-curves', version: 1 }).errors).toEqual([
      'recovery curves: "curves" must be an array',
    ]);
    const partial = parseCurves({
      format: 'waypoint-recovery-curves',
      version: 1,
      curves: [set.curves[0], { band: 'x' }],
    });
    expect(partial.set!.curves.length).toBe(1);
    expect(partial.set!.minEpisodes).toBe(20);
    expect(partial.errors).toEqual(['recovery curves: curve 1 is malformed and was ignored']);
  });
});

describe('not on track', () => {
  const set = buildRecoveryCurves(history(), DEFAULT_INSTRUMENTS);

  it('is grey with no measurement after baseline', () => {
    expect(notOnTrack(phq9, set, 17, []).status).toBe('grey');
    expect(notOnTrack(phq9, set, 30, [{ week: 2, score: 10 }]).status).toBe('grey');
  });

  it('is green at or above the 25th percentile, amber below it, red below the 10th', () => {
    // Week 4 thresholds: amber below 2 points, red below 0.9.
    expect(notOnTrack(phq9, set, 17, [{ week: 4, score: 15 }]).status).toBe('green');
    expect(notOnTrack(phq9, set, 17, [{ week: 4, score: 16 }]).status).toBe('amber');
    const red = notOnTrack(phq9, set, 17, [{ week: 4, score: 17 }]);
    expect(red.status).toBe('red');
    expect(red.curveSource).toBe('program');
    expect(red.reasons[0]).toBe(
      'PHQ-9 improved 0 points by week 4; comparable clients improved 4.5 (red below 0.9)',
    );
  });

  it('says when it is using the default curve', () => {
    const result = notOnTrack(phq9, undefined, 12, [{ week: 2, score: 13 }]);
    expect(result.curveSource).toBe('default');
    expect(result.reasons).toContain(
      'using the default expected curve: too little program history for this starting severity',
    );
  });

  it('flags no reliable improvement by week 4 and any reliable deterioration', () => {
    const stuck = notOnTrack(phq9, set, 17, [
      { week: 2, score: 12 },
      { week: 4, score: 13 },
    ]);
    expect(stuck.noReliableImprovementByWeek4).toBeTrue();
    expect(
      notOnTrack(phq9, set, 17, [{ week: 4, score: 11 }]).noReliableImprovementByWeek4,
    ).toBeFalse();
    expect(
      notOnTrack(phq9, set, 17, [{ week: 3, score: 16 }]).noReliableImprovementByWeek4,
    ).toBeFalse();
    const worse = notOnTrack(phq9, set, 12, [{ week: 3, score: 18 }]);
    expect(worse.reliableDeterioration).toBeTrue();
    expect(worse.status).toBe('red');
    expect(worse.reasons).toContain('PHQ-9 has reliably worsened since baseline');
  });

  it('uses the last point of the curve after its final week', () => {
    expect(notOnTrack(phq9, set, 17, [{ week: 20, score: 3 }]).point!.week).toBe(12);
  });
});
