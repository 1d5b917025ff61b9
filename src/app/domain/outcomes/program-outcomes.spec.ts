import { instrumentById } from '../instruments/instrument-catalogue';
import { row } from './outcome-fixture';
import { programOutcomes } from './program-outcomes';

const phq9 = instrumentById('phq-9')!;
const gad7 = instrumentById('gad-7')!;
const protective = instrumentById('bam-protective')!;
const pair = (p: { successes: number; n: number }) => [p.successes, p.n];

describe('program outcomes', () => {
  // PHQ-9: caseness 10, reliable change 6, remission < 5, response a 50 % drop.
  const rows = [
    row('a', [20, 4]), // response, remission, reliable improvement, recovery
    row('b', [16, 12], { unusableScores: 2 }, { endReason: 'left-early' }), // no change, still a case
    row('c', [8, 14], { end: '2024-02-11' }, { endReason: 'stepped-down' }), // deterioration, not a case at start
    row('d', [12, 6], { end: '2024-01-14' }, { level: 'php' }), // response at exactly 50 %, not remission
    row('f', [0, 0], {}, { endReason: 'stepped-up' }), // no response defined at the floor
    row(
      'e',
      undefined,
      {
        attended: 0,
        missed: 4,
        attendedHours: 0,
        weeksInTreatment: 2,
        weeksWithMeasure: 0,
        end: undefined,
      },
      { status: 'active', end: undefined, endReason: undefined },
    ),
  ];
  const result = programOutcomes(rows, phq9);

  it('counts episodes and completion (completed or stepped down, of finished episodes)', () => {
    expect([result.episodes, result.active, result.finished, result.measured]).toEqual([
      6, 1, 5, 5,
    ]);
    expect(pair(result.completion)).toEqual([3, 5]);
  });

  it('gives each rate its own denominator', () => {
    // Response: a and d of the four with a baseline above the floor (f starts at 0).
    expect(pair(result.response)).toEqual([2, 4]);
    // Remission (< 5): a and f of all five measured.
    expect(pair(result.remission)).toEqual([2, 5]);
    expect(pair(result.reliableImprovement)).toEqual([2, 5]);
    expect(pair(result.reliableDeterioration)).toEqual([1, 5]);
    // Recovery only over the clients at caseness at the start: a, b, d.
    expect(pair(result.recovery)).toEqual([2, 3]);
    expect(pair(result.reliableRecovery)).toEqual([2, 3]);
    expect(result.categories).toEqual({
      recovered: 2,
      improved: 0,
      'no-change': 2,
      deteriorated: 1,
      'not-enough-data': 0,
    });
  });

  it('attaches a Wilson 95 % interval to every rate', () => {
    // 2 of 4: centre 0.5, half-width 0.3500.
    expect(result.response.low!).toBeCloseTo(0.15, 3);
    expect(result.response.high!).toBeCloseTo(0.85, 3);
    expect(result.recovery.rate!).toBeCloseTo(2 / 3, 10);
  });

  it('computes the mean change and the pre–post effect size', () => {
    // Improvements 16, 4, −6, 6, 0: mean 4. Baselines 20, 16, 8, 12, 0: SD √59.2 = 7.6942.
    expect(result.meanImprovement).toBe(4);
    expect(result.effectSize!).toBeCloseTo(4 / Math.sqrt(59.2), 10);
  });

  it('computes attendance, weekly hours, measure completion and length of stay', () => {
    expect(pair(result.attendance)).toEqual([150, 184]);
    expect(result.meanWeeklyHours!).toBeCloseTo(450 / 52, 10);
    expect(pair(result.measureCompletion)).toEqual([45, 52]);
    // IOP stays 70, 70, 42, 70 days (first and last day counted): type-7 Q1 = 42 + 0.75 · 28.
    expect(result.lengthOfStay).toEqual({
      iop: { n: 4, median: 70, q1: 63, q3: 70 },
      php: { n: 1, median: 14, q1: 14, q3: 14 },
    });
    expect(result.unusableScores).toBe(2);
  });

  it('reports the paired PHQ-9 + GAD-7 outcomes where both were measured', () => {
    const paired = [
      row('a', [20, 4], { paired: { baseline: 12, final: 5 } }), // recovered, reliably improved
      row('b', [9, 4], { paired: { baseline: 10, final: 9 } }), // a GAD-7 case still at 9
      row('c', [6, 5], { paired: { baseline: 3, final: 8 } }), // no case at start; GAD-7 +5
      row('d', [15, 8]), // no GAD-7 pair: outside every paired denominator
    ];
    const withPairs = programOutcomes(paired, phq9, gad7);
    expect(pair(withPairs.pairedRecovery)).toEqual([1, 2]);
    expect(pair(withPairs.pairedReliableRecovery)).toEqual([1, 2]);
    expect(pair(withPairs.pairedReliableImprovement)).toEqual([1, 3]);
    expect(pair(withPairs.pairedReliableDeterioration)).toEqual([1, 3]);
    expect(programOutcomes(paired, phq9).pairedRecovery.n).toBe(0);
  });

  it('leaves rates out of the denominator where the instrument does not define them', () => {
    // PCL-5 has no remission score; BAM Protective runs the other way and has no threshold.
    expect(programOutcomes(rows, instrumentById('pcl-5')!).remission.n).toBe(0);
    const bam = programOutcomes([row('a', [6, 12]), row('b', [10, 14])], protective);
    expect([bam.response.n, bam.reliableImprovement.n, bam.reliableRecovery.n]).toEqual([0, 0, 0]);
    expect(bam.categories['not-enough-data']).toBe(2);
    // Caseness is "12 or less" on this scale: both start as cases, b ends above it.
    expect(pair(bam.recovery)).toEqual([1, 2]);
    // Improvements 6 and 4 over a baseline SD of √8: d = 5 / 2.8284 = 1.7678.
    expect(bam.meanImprovement).toBe(5);
    expect(bam.effectSize!).toBeCloseTo(5 / Math.sqrt(8), 10);
  });

  it('has no rate rather than 0 % for an empty set', () => {
    const empty = programOutcomes([], phq9);
    expect(empty.response).toEqual({
      successes: 0,
      n: 0,
      rate: undefined,
      low: undefined,
      high: undefined,
    });
    expect([empty.meanImprovement, empty.effectSize, empty.meanWeeklyHours]).toEqual([
      undefined,
      undefined,
      undefined,
    ]);
    expect(empty.lengthOfStay).toEqual({});
  });
});
