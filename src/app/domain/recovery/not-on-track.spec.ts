import { instrumentById } from '../instruments/instrument-catalogue';
import { RecoveryCurveSet } from './curve-types';
import { TrackStatus, notOnTrack } from './not-on-track';

const phq9 = instrumentById('phq-9')!;
const protective = instrumentById('bam-protective')!;

/** Hand-made curves with whole-number edges, so every band edge can be tested exactly. */
const curves: RecoveryCurveSet = {
  format: 'waypoint-recovery-curves',
  version: 1,
  generated: '',
  minEpisodes: 20,
  curves: [
    {
      instrumentId: 'phq-9',
      band: 'Moderately severe',
      source: 'program',
      episodes: 40,
      points: [
        { week: 1, expected: 2, amberBelow: 1, redBelow: -1, n: 30 },
        { week: 2, expected: 6, amberBelow: 4, redBelow: 2, n: 30 },
        { week: 3, expected: 7, amberBelow: 5, redBelow: 3, n: 0 },
      ],
    },
    {
      instrumentId: 'bam-protective',
      band: 'Low protection',
      source: 'program',
      episodes: 25,
      points: [{ week: 1, expected: 4, amberBelow: 2, redBelow: 1, n: 25 }],
    },
  ],
};

const statusAt = (instrument = phq9, baseline: number, week: number, score: number) =>
  notOnTrack(instrument, curves, baseline, [{ week, score }]).status;

describe('not on track', () => {
  it('is green up to the amber edge, amber up to the red edge, red beyond (PHQ-9, higher is worse)', () => {
    // Baseline 17, week 2: expected 11; amber above 13 (improvement < 4); red above 15 (< 2).
    const expected: Record<TrackStatus, number[]> = { grey: [], green: [], amber: [], red: [] };
    for (let score = 0; score <= 27; score++) expected[statusAt(phq9, 17, 2, score)].push(score);
    expect(expected.green).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]);
    expect(expected.amber).toEqual([14, 15]);
    expect(expected.red).toEqual([16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27]);
    const result = notOnTrack(phq9, curves, 17, [{ week: 2, score: 14 }]);
    expect(result).toEqual(
      jasmine.objectContaining({
        week: 2,
        score: 14,
        improvement: 3,
        band: 'Moderately severe',
        expectedScore: 11,
        amberEdge: 13,
        redEdge: 15,
        curveSource: 'program',
        rejected: [],
      }),
    );
    expect(result.reasons).toEqual([
      'PHQ-9 improved 3 points by week 2; comparable clients improved 6 (amber below 4)',
    ]);
  });

  it('mirrors the edges for a higher-is-better scale (BAM Protective)', () => {
    // Baseline 10, week 1: expected 14; amber below 12 (improvement < 2); red below 11 (< 1).
    const statuses = [9, 10, 11, 12, 13].map((s) => statusAt(protective, 10, 1, s));
    expect(statuses).toEqual(['red', 'red', 'amber', 'green', 'green']);
    const result = notOnTrack(protective, curves, 10, [{ week: 1, score: 11 }]);
    expect([result.expectedScore, result.amberEdge, result.redEdge]).toEqual([14, 12, 11]);
  });

  it('is grey until there is a usable score a week or more after a usable baseline', () => {
    expect(notOnTrack(phq9, curves, 17, []).reasons).toEqual([
      'no score yet a week or more after baseline',
    ]);
    const sameWeek = notOnTrack(phq9, curves, 17, [{ week: 0, score: 10 }]);
    expect([sameWeek.status, sameWeek.band]).toEqual(['grey', 'Moderately severe']);
    const badBaseline = notOnTrack(phq9, curves, 30, [{ week: 2, score: 10 }]);
    expect([badBaseline.status, badBaseline.band]).toEqual(['grey', undefined]);
    expect(badBaseline.reasons).toEqual(['baseline not usable: PHQ-9 score 30 is outside 0–27']);
    const gappy = { ...phq9, bands: [phq9.bands[0]] };
    expect(notOnTrack(gappy, curves, 12, [{ week: 2, score: 10 }]).reasons).toEqual([
      'baseline not usable: no severity band',
    ]);
  });

  it('rejects unusable points with the reason and judges the rest', () => {
    const result = notOnTrack(phq9, curves, 17, [
      { week: -1, score: 5 },
      { week: 1.5, score: 5 },
      { week: 2, score: 28 },
      { week: 2, score: 13 },
    ]);
    expect(result.status).toBe('green');
    expect(result.rejected.map((r) => r.reason)).toEqual([
      'week -1 is not a whole number of weeks after baseline',
      'week 1.5 is not a whole number of weeks after baseline',
      'PHQ-9 score 28 is outside 0–27',
    ]);
  });

  it('judges the latest week, reusing the last curve point after the curve ends', () => {
    const result = notOnTrack(phq9, curves, 17, [
      { week: 5, score: 12 },
      { week: 1, score: 17 },
    ]);
    expect([result.week, result.point!.week, result.status]).toEqual([5, 3, 'green']);
  });

  it('says when the band or the week comes from the default curve', () => {
    const fromDefaultWeek = notOnTrack(phq9, curves, 17, [{ week: 3, score: 12 }]);
    expect(fromDefaultWeek.curveSource).toBe('default');
    const noBand = notOnTrack(phq9, undefined, 12, [{ week: 2, score: 13 }]);
    expect(noBand.curveSource).toBe('default');
    expect(noBand.reasons).toContain(
      'using the default expected curve: too little program history for this starting severity',
    );
  });

  it('flags no reliable improvement by week 4 (PHQ-9: a drop of 6)', () => {
    const flag = (week: number, score: number, noImprovementWeek?: number) =>
      notOnTrack(phq9, curves, 17, [{ week, score }], { noImprovementWeek })
        .noReliableImprovementByWeek4;
    expect(flag(4, 12)).toBeTrue();
    expect(flag(4, 11)).toBeFalse();
    expect(flag(3, 16)).toBeFalse();
    expect(flag(3, 16, 3)).toBeTrue();
    expect(notOnTrack(phq9, curves, 17, [{ week: 4, score: 12 }]).reasons).toContain(
      'no reliable improvement on PHQ-9 by week 4',
    );
    // No reliable-change threshold, no flag.
    const bam = notOnTrack(protective, curves, 10, [{ week: 6, score: 10 }]);
    expect(bam.noReliableImprovementByWeek4).toBeFalse();
  });

  it('flags a reliable deterioration (PHQ-9: a rise of 6)', () => {
    const worse = notOnTrack(phq9, curves, 12, [{ week: 3, score: 18 }]);
    expect(worse.reliableDeterioration).toBeTrue();
    expect(worse.status).toBe('red');
    expect(worse.reasons).toContain('PHQ-9 has reliably worsened since baseline');
    expect(
      notOnTrack(phq9, curves, 12, [{ week: 3, score: 17 }]).reliableDeterioration,
    ).toBeFalse();
  });
});
