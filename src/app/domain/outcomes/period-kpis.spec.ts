import { instrumentById } from '../instruments/instrument-catalogue';
import { stay } from './outcome-fixture';
import { atScopeLevels, inOutcomesScope, periodKpis } from './period-kpis';

const phq9 = instrumentById('phq-9')!;
const noProgram = { programId: undefined };
const scores = (baseline: number, final: number) => ({ primary: { baseline, final } });
const dose = (attended: number, missed: number, weeks: number, measured: number) => ({
  attended,
  missed,
  attendedHours: attended * 3,
  weeksInTreatment: weeks,
  weeksWithMeasure: measured,
});

/**
 * March 2024 at program A, looked at on 20 April; the previous period is 30 January –
 * 29 February (31 days). Hand-computed values are in the comments.
 */
describe('period KPIs', () => {
  const rows = [
    // p1: PHP 20 Feb – 5 Mar (15 days), steps down to IOP (still open).
    stay('E1', 'p1', 'php', '2024-02-20', '2024-03-05', 'stepped-down', {
      ...scores(20, 12),
      ...dose(8, 2, 2, 2),
    }),
    stay('E2', 'p1', 'iop', '2024-03-06'),
    // p2: IOP 10 Jan – 15 Mar (66 days), completed; no return.
    stay('E3', 'p2', 'iop', '2024-01-10', '2024-03-15', 'completed', {
      ...scores(18, 4),
      ...dose(30, 6, 9, 8),
    }),
    // p3: IOP 4–24 Mar (21 days), left early; inpatient elsewhere from 28 March.
    stay(
      'E4',
      'p3',
      'iop',
      '2024-03-04',
      '2024-03-24',
      'left-early',
      { ...scores(15, 16), ...dose(6, 6, 3, 1) },
      { careManagerId: 't2' },
    ),
    stay('E5', 'p3', 'inpatient', '2024-03-28', '2024-04-05', 'stepped-down', {}, noProgram),
    // p4: IOP 1 Feb – 31 Mar (60 days) with no sessions linked, steps down on 1 April.
    stay('E6', 'p4', 'iop', '2024-02-01', '2024-03-31', 'stepped-down', {
      ...scores(12, 9),
      ...dose(0, 0, 8, 4),
    }),
    stay('E7', 'p4', 'outpatient', '2024-04-01'),
    // p5: IOP 10–31 Mar (22 days), outpatient 1–10 April, back up to IOP on 11 April.
    stay('E8', 'p5', 'iop', '2024-03-10', '2024-03-31', 'stepped-down', dose(9, 0, 3, 0)),
    stay('E9', 'p5', 'outpatient', '2024-04-01', '2024-04-10', 'stepped-up'),
    stay('E10', 'p5', 'iop', '2024-04-11'),
    // p7: at program B; p8: planned only.
    stay('E13', 'p7', 'iop', '2024-03-01', '2024-03-31', 'completed', scores(14, 4), {
      programId: 'B',
    }),
    stay('E14', 'p8', 'iop', '2024-03-25', undefined, undefined, {}, { status: 'planned' }),
    // p9: IOP 5 Jan – 29 Feb, completed on the previous period's last day.
    stay('E15', 'p9', 'iop', '2024-01-05', '2024-02-29', 'completed', {
      ...scores(16, 10),
      ...dose(20, 4, 8, 8),
    }),
  ];
  const march = { from: '2024-03-01', to: '2024-03-31' };
  const options = { primary: phq9, today: '2024-04-20' };
  const { current, previous } = periodKpis(rows, { period: march, programId: 'A' }, options);
  const ids = (list: readonly string[]) => jasmine.arrayWithExactContents(list);

  it('compares with the same number of days just before', () => {
    expect(current.period).toEqual(march);
    expect(previous.period).toEqual({ from: '2024-01-30', to: '2024-02-29' });
  });

  it('counts the census by level on the period’s last day', () => {
    expect(current.census).toEqual({
      day: '2024-03-31',
      total: 3,
      byLevel: { iop: 3 },
      episodeIds: ids(['E2', 'E6', 'E8']),
    });
    // On 29 February: E1 at PHP; E3, E6 and E15 (its last day) at IOP.
    expect(previous.census.byLevel).toEqual({ php: 1, iop: 3 });
  });

  it('counts entries into the program, not moves within a stay', () => {
    // E2 continues p1's stay and E9/E10 continue p5's: only E4 and E8 start a stay in March.
    expect(current.admissions).toEqual({
      total: 2,
      byLevel: { iop: 2 },
      episodeIds: ids(['E4', 'E8']),
    });
    expect(previous.admissions).toEqual({
      total: 2,
      byLevel: { php: 1, iop: 1 },
      episodeIds: ids(['E1', 'E6']),
    });
  });

  it('counts exits from the program, with their reasons', () => {
    // E1, E6 and E8 stepped down within the program: not discharges.
    expect(current.discharges).toEqual({
      total: 2,
      byLevel: { iop: 2 },
      episodeIds: ids(['E3', 'E4']),
      byReason: { completed: 1, 'left-early': 1 },
    });
    // Ending on 29 February counts in the previous period (both ends included).
    expect(previous.discharges.episodeIds).toEqual(['E15']);
  });

  it('forms the discharge cohort from episodes that finished in the period', () => {
    expect(current.cohort).toEqual(ids(['E1', 'E3', 'E4', 'E6', 'E8']));
    expect(previous.cohort).toEqual(['E15']);
  });

  it('gives each outcome rate its denominator, numerator and Wilson interval', () => {
    const { rates } = current;
    // Completion 4 of 5 (E4 left early); Wilson 95 %: 0.3755 – 0.9638.
    expect(rates.completion.members.numerator).toEqual(ids(['E1', 'E3', 'E6', 'E8']));
    expect(rates.completion.value.rate).toBe(0.8);
    expect(rates.completion.value.low!).toBeCloseTo(0.3755, 4);
    expect(rates.completion.value.high!).toBeCloseTo(0.9638, 4);
    // E8 has no score pair, so the outcome rates are over E1, E3, E4, E6.
    const measured = ids(['E1', 'E3', 'E4', 'E6']);
    expect(rates.response.members).toEqual({ denominator: measured, numerator: ['E3'] });
    expect(rates.remission.members).toEqual({ denominator: measured, numerator: ['E3'] });
    expect(rates.reliableImprovement.members).toEqual({
      denominator: measured,
      numerator: ids(['E1', 'E3']),
    });
    expect(rates.reliableDeterioration.value.successes).toBe(0);
    // All four started at caseness; E3 and E6 ended below it, only E3 with a reliable drop.
    expect(rates.recovery.members.numerator).toEqual(ids(['E3', 'E6']));
    expect(rates.reliableRecovery.members.numerator).toEqual(['E3']);
    expect(previous.rates.reliableImprovement.value.rate).toBe(1);
    expect(previous.rates.response.value.rate).toBe(0);
  });

  it('gives the length of stay per level: median, quartiles and n', () => {
    // IOP 21, 22, 60, 66 days: median 41, type-7 quartiles 21.75 and 61.5.
    expect(current.lengthOfStay).toEqual({
      php: { n: 1, median: 15, q1: 15, q3: 15, episodeIds: ['E1'] },
      iop: { n: 4, median: 41, q1: 21.75, q3: 61.5, episodeIds: ids(['E3', 'E4', 'E6', 'E8']) },
    });
  });

  it('pools attendance over sessions and measure completion over weeks', () => {
    // 8 + 30 + 6 + 9 attended of 10 + 36 + 12 + 9 due; E6 had no sessions.
    expect([current.attendance.value.successes, current.attendance.value.n]).toEqual([53, 67]);
    expect(current.attendance.unit).toBe('sessions');
    expect(current.attendance.episodeIds).toEqual(ids(['E1', 'E3', 'E4', 'E8']));
    expect([current.measureCompletion.value.successes, current.measureCompletion.value.n]).toEqual([
      15, 25,
    ]);
  });

  it('reports mean hours per week per level against the level minimum', () => {
    // PHP: 24 h over 15 days = 11.2 h a week, minimum 20.
    const php = current.weeklyHours.php!;
    expect([php.n, php.minimum]).toEqual([1, 20]);
    expect(php.mean!).toBeCloseTo(11.2, 10);
    // IOP: 90/(66/7) = 9.545, 18/3 = 6, 0, 27/(22/7) = 8.591: mean 6.034; three below 9.
    const iop = current.weeklyHours.iop!;
    expect(iop.mean!).toBeCloseTo(((90 / 66 + 18 / 21 + 0 + 27 / 22) * 7) / 4, 10);
    expect(iop.minimum).toBe(9);
    expect(iop.belowMinimum!.members.numerator).toEqual(ids(['E4', 'E6', 'E8']));
    expect(iop.belowMinimum!.value.n).toBe(4);
  });

  it('rates step-ups and readmissions within 30 days, censoring windows still open', () => {
    const { followUp } = current;
    // E1 held, E3 held, E4 back (inpatient 28 Mar), E8 back (IOP 11 Apr); E6's window ends 1 May.
    expect(followUp.members).toEqual({
      denominator: ids(['E1', 'E3', 'E4', 'E8']),
      numerator: ids(['E4', 'E8']),
    });
    expect(followUp.value.low!).toBeCloseTo(0.15, 3);
    expect(followUp.value.high!).toBeCloseTo(0.85, 3);
    expect(followUp.tooEarly).toEqual(['E6']);
    expect(followUp.windowDays).toBe(30);
    expect([followUp.byKind['step-down'].successes, followUp.byKind['step-down'].n]).toEqual([
      1, 2,
    ]);
    expect([followUp.byKind.exit.successes, followUp.byKind.exit.n]).toEqual([1, 2]);
    expect(previous.followUp.members).toEqual({ denominator: ['E15'], numerator: [] });
  });

  it('restricts the cohort and the follow-up to the chosen levels, not the census', () => {
    const php = periodKpis(
      rows,
      { period: march, programId: 'A', levels: ['php'] },
      options,
    ).current;
    expect(php.cohort).toEqual(['E1']);
    expect(php.followUp.members.denominator).toEqual(['E1']);
    expect(php.followUp.tooEarly).toEqual([]);
    expect(php.census.byLevel).toEqual({ iop: 3 });
    expect(php.admissions.total).toBe(2);
  });

  it('filters by therapist and, without a program, reports every program', () => {
    const t2 = periodKpis(rows, { period: march, therapistId: 't2' }, options).current;
    expect([t2.admissions.episodeIds, t2.cohort]).toEqual([['E4'], ['E4']]);
    const all = periodKpis(rows, { period: march }, options).current;
    expect(all.admissions.total).toBe(3);
    expect(all.discharges.total).toBe(3);
    expect(all.census.byLevel).toEqual({ iop: 4 });
    expect(all.followUp.tooEarly).toEqual(ids(['E6', 'E13']));
    // The inpatient stay elsewhere (no program) is context only, never reported on.
    expect(all.census.byLevel.inpatient).toBeUndefined();
    expect(all.cohort).toEqual(ids(['E1', 'E3', 'E4', 'E6', 'E8', 'E13']));
  });

  it('exposes the scope rule so trends and breakdowns pick the same episodes', () => {
    const picked = rows.filter((r) => inOutcomesScope(r, { programId: 'A' }));
    expect(picked.map((r) => r.episode.id)).not.toContain('E5');
    expect(picked.map((r) => r.episode.id)).not.toContain('E13');
    expect(rows.filter((r) => inOutcomesScope(r, {})).length).toBe(rows.length - 1);
    expect(atScopeLevels(rows[0], { levels: ['iop'] })).toBeFalse();
    expect(atScopeLevels(rows[0], { levels: [] })).toBeTrue();
  });

  it('has no rate rather than 0 % for an empty period, and a configurable window', () => {
    const empty = periodKpis(
      rows,
      { period: { from: '2023-01-01', to: '2023-01-31' } },
      { ...options, followUpDays: 90 },
    ).current;
    expect(empty.rates.completion.value.rate).toBeUndefined();
    expect(empty.attendance.value.rate).toBeUndefined();
    expect(empty.census.total).toBe(0);
    expect(empty.lengthOfStay).toEqual({});
    expect(empty.followUp.windowDays).toBe(90);
  });
});
