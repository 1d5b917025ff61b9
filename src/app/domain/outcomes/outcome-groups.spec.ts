import { instrumentById } from '../instruments/instrument-catalogue';
import { censusByLevel, flowsByMonth } from './census-flows';
import { row } from './outcome-fixture';
import {
  byAdmissionMonth,
  byEntryRoute,
  byLevel,
  byPresentingProblem,
  byProgram,
  byTherapist,
  groupRows,
  outcomesByGroup,
} from './outcome-groups';
import { severityAdjusted } from './severity-adjusted';

const phq9 = instrumentById('phq-9')!;

describe('grouping outcomes', () => {
  const set = [
    row(
      'a',
      [20, 4],
      {},
      {
        programId: 'p1',
        careManagerId: 't1',
        presentingProblems: ['depression', 'anxiety'],
        entryRoute: 'php',
      },
    ),
    row(
      'b',
      [16, 12],
      { start: '2024-02-03' },
      {
        programId: 'p2',
        careManagerId: 't1',
        presentingProblems: ['ptsd'],
        level: 'php',
      },
    ),
  ];

  it('groups by program, therapist, presenting problem, entry route, admission month and level', () => {
    expect([...groupRows(set, byProgram).keys()]).toEqual(['p1', 'p2']);
    expect(groupRows(set, byTherapist).get('t1')!.length).toBe(2);
    // An episode with two presenting problems counts in both groups.
    expect([...groupRows(set, byPresentingProblem).keys()]).toEqual([
      'depression',
      'anxiety',
      'ptsd',
    ]);
    expect([...groupRows(set, byEntryRoute).keys()]).toEqual(['php']);
    expect([...groupRows(set, byAdmissionMonth).keys()]).toEqual(['2024-01', '2024-02']);
    expect([...groupRows(set, byLevel).keys()]).toEqual(['iop', 'php']);
  });

  it('computes program outcomes per group', () => {
    const byProblem = outcomesByGroup(set, byPresentingProblem, phq9);
    expect(byProblem.get('anxiety')!.response.successes).toBe(1);
    expect(byProblem.get('ptsd')!.response).toEqual(
      jasmine.objectContaining({ successes: 0, n: 1 }),
    );
  });
});

describe('severity-adjusted comparison', () => {
  // Reference: severe starts improve 10 on average, mild starts 2.
  const reference = [
    row('s1', [22, 10]),
    row('s2', [24, 16]),
    row('m1', [7, 5]),
    row('m2', [6, 4]),
  ];

  it('compares observed improvement with what the group case mix predicts', () => {
    const groups = new Map([
      ['hard cases', [reference[0], reference[1]]],
      ['easy cases', [reference[2], reference[3]]],
      ['mixed', [reference[0], reference[2], row('m3', [8, 2])]],
      ['none', [row('x')]],
    ]);
    const adjusted = severityAdjusted(groups, reference, phq9);
    expect(adjusted.get('hard cases')).toEqual({ n: 2, observed: 10, expected: 10, difference: 0 });
    expect(adjusted.get('easy cases')).toEqual({ n: 2, observed: 2, expected: 2, difference: 0 });
    // Observed (12 + 2 + 6) / 3 = 6.667; expected (10 + 2 + 2) / 3 = 4.667: 2 points better.
    expect(adjusted.get('mixed')!.difference!).toBeCloseTo(2, 10);
    expect(adjusted.get('none')).toEqual({
      n: 0,
      observed: undefined,
      expected: undefined,
      difference: undefined,
    });
  });

  it('leaves out episodes whose starting band the reference never saw', () => {
    const adjusted = severityAdjusted(
      new Map([['t', [row('t1', [23, 5]), row('t2', [12, 6])]]]),
      reference,
      phq9,
    );
    expect(adjusted.get('t')).toEqual({ n: 1, observed: 18, expected: 10, difference: 8 });
  });
});

describe('census and flows', () => {
  const set = [
    row('a', undefined, {}, { level: 'php' }),
    row('b', undefined, { start: '2024-03-01', end: undefined }, { status: 'active' }),
    row('c', undefined, { start: '2024-03-11', end: '2024-04-20' }),
    row('d', undefined, { start: '2024-03-01', end: undefined }, { status: 'planned' }),
    row('e', undefined, { start: '2024-03-01', end: '2024-03-02' }, { status: 'cancelled' }),
    row('f', undefined, { start: undefined, end: undefined }, { status: 'active' }),
  ];

  it('counts clients at each level on a day, first and last days included', () => {
    expect(censusByLevel(set, '2024-03-05')).toEqual({ php: 1, iop: 1 });
    expect(censusByLevel(set, '2024-03-10')).toEqual({ php: 1, iop: 1 });
    expect(censusByLevel(set, '2024-03-11')).toEqual({ iop: 2 });
    expect(censusByLevel(set, '2023-12-31')).toEqual({});
  });

  it('counts admissions and discharges per month, oldest first', () => {
    expect([...flowsByMonth(set).entries()]).toEqual([
      ['2024-01', { admissions: 1, discharges: 0 }],
      ['2024-03', { admissions: 2, discharges: 1 }],
      ['2024-04', { admissions: 0, discharges: 1 }],
    ]);
  });
});
