import { instrumentById } from '../instruments/instrument-catalogue';
import { RecoveryCurveSet } from './curve-types';
import { expectedTrajectory } from './expected-trajectory';

const PHQ9 = instrumentById('phq-9')!;

describe('expectedTrajectory', () => {
  it('turns the default curve into score units from the baseline, one point a week', () => {
    const t = expectedTrajectory(PHQ9, undefined, { day: '2026-10-02', total: 18 })!;
    expect(t.band).toBe('Moderately severe');
    expect(t.source).toBe('default');
    expect(t.points.length).toBe(13); // week 0 plus the default curve's 12 weeks
    expect(t.points[0]).toEqual({
      week: 0,
      day: '2026-10-02',
      expected: 18,
      amberEdge: 18,
      redEdge: 18,
    });
    // Default curve, moderately severe band (midpoint 17): 0.45 × 17 × (1 − e^(−1/4)) = 1.692.
    const week1 = t.points[1];
    expect(week1.day).toBe('2026-10-09');
    expect(week1.expected).toBeCloseTo(18 - 1.69217, 4);
    expect(week1.amberEdge).toBeCloseTo(18 - 0.84609, 4);
    // Red once worse than baseline by half the reliable-change threshold (6 / 2 = 3 points).
    expect(week1.redEdge).toBe(21);
  });

  it('uses the program curve for the band when there is one, and clamps to the scale', () => {
    const curves: RecoveryCurveSet = {
      format: 'waypoint-recovery-curves',
      version: 1,
      generated: '2026-11-01',
      minEpisodes: 20,
      curves: [
        {
          instrumentId: 'phq-9',
          band: 'Severe',
          source: 'program',
          episodes: 40,
          points: [{ week: 1, expected: 4, amberBelow: 1, redBelow: -2, n: 30 }],
        },
      ],
    };
    const t = expectedTrajectory(PHQ9, curves, { day: '2026-10-02', total: 26 })!;
    expect(t.source).toBe('program');
    expect(t.points[1]).toEqual({
      week: 1,
      day: '2026-10-09',
      expected: 22,
      amberEdge: 25,
      redEdge: 27, // 26 + 2 = 28, past the PHQ-9's 27
    });
  });

  it('runs the other way for a scale where higher is better', () => {
    const protective = instrumentById('bam-protective')!;
    const t = expectedTrajectory(protective, undefined, { day: '2026-10-02', total: 8 })!;
    expect(t.points[4].expected).toBeGreaterThan(8);
    expect(t.points[4].redEdge).toBeLessThan(8);
  });

  it('has no trajectory for a baseline outside the scale', () => {
    expect(expectedTrajectory(PHQ9, undefined, { day: '2026-10-02', total: 40 })).toBeUndefined();
  });
});
