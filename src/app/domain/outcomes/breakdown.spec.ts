import { instrumentById } from '../instruments/instrument-catalogue';
import { BreakdownRow, breakdownRows, rankBreakdown } from './breakdown';
import { row } from './outcome-fixture';
import { byPresentingProblem, byTherapist } from './outcome-groups';

const phq9 = instrumentById('phq-9')!;
const gad7 = instrumentById('gad-7')!;

function many(prefix: string, count: number, therapist: string, pair?: [number, number]) {
  return Array.from({ length: count }, (_, i) =>
    row(`${prefix}${i}`, pair, {}, { careManagerId: therapist }),
  );
}

describe('outcome breakdowns', () => {
  const rows = [
    // t1: 10 episodes, 6 responders (20 → 4) and 4 non-responders (16 → 12).
    ...many('a', 6, 't1', [20, 4]),
    ...many('b', 4, 't1', [16, 12]),
    // t2: 3 episodes, all responders: a small group.
    ...many('c', 3, 't2', [20, 4]),
    // t3: 12 episodes, only 4 measured (22 → 10).
    ...many('d', 4, 't3', [22, 10]),
    ...many('e', 8, 't3'),
    // t4: 10 episodes, no responder.
    ...many('f', 10, 't4', [16, 12]),
  ];
  const table = breakdownRows(rows, byTherapist, phq9, undefined, rows);
  const get = (key: string) => table.find((r) => r.key === key)!;

  it('gives each group n, rates with intervals and members, and mean improvement', () => {
    const t1 = get('t1');
    expect([t1.n, t1.measured, t1.smallGroup]).toEqual([10, 10, false]);
    // 6 of 10: Wilson 95 % 0.3127 – 0.8318.
    expect(t1.rates.response.value.rate).toBe(0.6);
    expect(t1.rates.response.value.low!).toBeCloseTo(0.3127, 4);
    expect(t1.rates.response.value.high!).toBeCloseTo(0.8318, 4);
    expect(t1.rates.response.members.numerator).toEqual(['a0', 'a1', 'a2', 'a3', 'a4', 'a5']);
    // (6 · 16 + 4 · 4) / 10.
    expect(t1.meanImprovement).toBeCloseTo(11.2, 10);
    expect(t1.episodeIds.length).toBe(10);
    expect(t1.paired).toBeUndefined();
    expect([get('t2').smallGroup, get('t3').measured]).toEqual([true, 4]);
  });

  it('adds the severity-adjusted comparison against the reference', () => {
    // Severe starts (20, 22) improve (9 · 16 + 4 · 12) / 13 = 192/13 in the reference, moderately
    // severe starts (16) improve 4. t1 expects (6 · 192/13 + 4 · 4) / 10 and achieved 11.2.
    const t1 = get('t1').severityAdjusted;
    const expected = ((6 * 192) / 13 + 16) / 10;
    expect(t1.n).toBe(10);
    expect(t1.expected!).toBeCloseTo(expected, 10);
    expect(t1.difference!).toBeCloseTo(11.2 - expected, 10);
    expect(get('t4').severityAdjusted.difference!).toBeCloseTo(0, 10);
  });

  it('ranks groups, placing small groups and small denominators after the ranked ones', () => {
    const order = (ranked: readonly (BreakdownRow & { rank?: number })[]) =>
      ranked.map((r) => [r.key, r.rank]);
    // t3 has 12 episodes but only 4 with a response denominator: not ranked on response.
    expect(order(rankBreakdown(table, 'response'))).toEqual([
      ['t1', 1],
      ['t4', 2],
      ['t2', undefined],
      ['t3', undefined],
    ]);
    // All completed: ties broken by size, then key; t2 is still a small group.
    expect(order(rankBreakdown(table, 'completion'))).toEqual([
      ['t3', 1],
      ['t1', 2],
      ['t4', 3],
      ['t2', undefined],
    ]);
    expect(order(rankBreakdown(table, 'meanImprovement', 'lower-first')).slice(0, 2)).toEqual([
      ['t4', 1],
      ['t1', 2],
    ]);
    expect(rankBreakdown(table, 'severityAdjusted')[0].key).toBe('t1');
    expect(rankBreakdown(table, 'n').map((r) => r.key)).toEqual(['t3', 't1', 't4', 't2']);
  });

  it('adds paired rates with an anxiety measure and lets a row join several groups', () => {
    const both = [
      row(
        'x',
        [20, 4],
        { paired: { baseline: 12, final: 5 } },
        { presentingProblems: ['depression', 'anxiety'] },
      ),
      row('y', [16, 12], {}, { presentingProblems: ['depression'] }),
    ];
    const byProblem = breakdownRows(both, byPresentingProblem, phq9, gad7, both);
    expect(byProblem.map((r) => [r.key, r.n])).toEqual([
      ['depression', 2],
      ['anxiety', 1],
    ]);
    const depression = byProblem[0].paired!;
    expect(depression.reliableImprovement.members).toEqual({
      denominator: ['x'],
      numerator: ['x'],
    });
    expect(depression.recovery.value.n).toBe(1);
  });
});
