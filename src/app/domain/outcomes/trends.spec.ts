import { instrumentById } from '../instruments/instrument-catalogue';
import { censusByLevel } from './census-flows';
import { row, stay } from './outcome-fixture';
import { censusDays, censusSeries, monthsBetween, ratesByAdmissionMonth } from './trends';

const phq9 = instrumentById('phq-9')!;

describe('rates by month of admission', () => {
  const rows = [
    row('a', [20, 4], { start: '2024-01-05' }),
    row('b', [16, 12], { start: '2024-01-20' }, { endReason: 'left-early' }),
    row('c', undefined, { start: '2024-03-02' }, { endReason: 'stepped-down' }),
    row(
      'd',
      [20, 10],
      { start: '2024-03-10', end: undefined },
      { status: 'active', endReason: undefined },
    ),
    row('e', [20, 4], { start: '2024-05-01' }, { status: 'planned' }),
    row('f', [20, 4], { start: undefined }),
  ];
  const months = ratesByAdmissionMonth(rows, phq9);

  it('runs month by month with no gaps, over finished episodes only', () => {
    expect(months.map((m) => [m.month, m.finished, m.inCare])).toEqual([
      ['2024-01', 2, 0],
      ['2024-02', 0, 0],
      ['2024-03', 1, 1],
    ]);
  });

  it('gives each month its rates with Wilson intervals and members', () => {
    const [january, february, march] = months;
    // 1 of 2: Wilson 95 % 0.0945 – 0.9055.
    expect(january.completion.members).toEqual({ denominator: ['a', 'b'], numerator: ['a'] });
    expect(january.completion.value.low!).toBeCloseTo(0.0945, 4);
    expect(january.completion.value.high!).toBeCloseTo(0.9055, 4);
    expect([january.response.value.rate, january.remission.value.rate]).toEqual([0.5, 0.5]);
    expect(january.reliableImprovement.members.numerator).toEqual(['a']);
    expect(february.completion.value).toEqual(
      jasmine.objectContaining({ n: 0, rate: undefined, low: undefined }),
    );
    // The active episode d is not in March's rates: c alone, with no score pair.
    expect(march.completion.members.denominator).toEqual(['c']);
    expect(march.response.value.n).toBe(0);
  });

  it('fills months across a year end and returns nothing for no episodes', () => {
    expect(monthsBetween('2023-11', '2024-02')).toEqual([
      '2023-11',
      '2023-12',
      '2024-01',
      '2024-02',
    ]);
    expect(monthsBetween('2024-02', '2024-02')).toEqual(['2024-02']);
    expect(ratesByAdmissionMonth([], phq9)).toEqual([]);
  });
});

describe('census series', () => {
  const rows = [
    stay('A', 'p1', 'iop', '2024-03-05', '2024-03-20', 'stepped-down'),
    stay('B', 'p2', 'php', '2024-03-01', '2024-03-10', 'stepped-down'),
    stay('C', 'p3', 'outpatient', '2024-03-24'),
    stay('D', 'p4', 'iop', '2024-03-17', '2024-03-17', 'left-early'),
    stay('E', 'p5', 'iop', '2024-03-01', undefined, undefined, {}, { status: 'planned' }),
    stay('F', 'p6', 'iop', '2024-02-01', '2024-02-10', 'completed'),
  ];

  it('takes weekly points back from the last day and month ends up to it', () => {
    expect(censusDays('2024-03-01', '2024-03-31', 'week')).toEqual([
      '2024-03-03',
      '2024-03-10',
      '2024-03-17',
      '2024-03-24',
      '2024-03-31',
    ]);
    expect(censusDays('2024-01-15', '2024-03-20', 'month')).toEqual([
      '2024-01-31',
      '2024-02-29',
      '2024-03-20',
    ]);
    expect(censusDays('2024-12-01', '2025-01-31', 'month')).toEqual(['2024-12-31', '2025-01-31']);
    expect(censusDays('2024-03-02', '2024-03-01', 'week')).toEqual([]);
  });

  it('counts clients by level on each point, first and last days included', () => {
    expect(censusSeries(rows, '2024-03-01', '2024-03-31', 'week')).toEqual([
      { day: '2024-03-03', total: 1, byLevel: { php: 1 } },
      { day: '2024-03-10', total: 2, byLevel: { iop: 1, php: 1 } },
      { day: '2024-03-17', total: 2, byLevel: { iop: 2 } },
      { day: '2024-03-24', total: 1, byLevel: { outpatient: 1 } },
      { day: '2024-03-31', total: 1, byLevel: { outpatient: 1 } },
    ]);
  });

  it('agrees with censusByLevel on every point', () => {
    for (const step of ['week', 'month'] as const)
      for (const point of censusSeries(rows, '2024-01-20', '2024-04-10', step))
        expect(point.byLevel).withContext(point.day).toEqual(censusByLevel(rows, point.day));
  });
});
