import { SessionRecord } from '../models';
import {
  attendanceSummary,
  consecutiveMissed,
  hoursAgainstMinimum,
  measureCompletion,
  modalityDose,
  unexcusedWeeksBelowMinimumRunning,
  weeklyHours,
} from './attendance';

const zone = 'America/New_York';
let n = 0;
function session(
  start: string,
  status: SessionRecord['status'],
  minutes = 60,
  modality: SessionRecord['modality'] = 'cbt',
): SessionRecord {
  return { id: `s${++n}`, patientId: 'p1', modality, status, start, minutes };
}

describe('attendance', () => {
  it('counts attended over attended plus missed, leaving clinic cancellations out', () => {
    const sessions = [
      session('2024-03-04T17:00:00-05:00', 'attended'),
      session('2024-03-05T17:00:00-05:00', 'missed'),
      session('2024-03-06T17:00:00-05:00', 'cancelled'),
      session('2024-03-07T17:00:00-05:00', 'attended', 45),
      session('2024-03-20T17:00:00-04:00', 'scheduled'),
    ];
    expect(attendanceSummary(sessions, { from: '2024-03-04', to: '2024-03-10' }, zone)).toEqual({
      attended: 2,
      missed: 1,
      cancelled: 1,
      rate: 2 / 3,
      attendedHours: 1.75,
    });
    expect(
      attendanceSummary(sessions, { from: '2024-04-01', to: '2024-04-07' }, zone).rate,
    ).toBeUndefined();
  });

  it('puts a late-evening session on its local day, not its UTC day', () => {
    // 23:30 in New York on Sunday 10 March is Monday 03:30 UTC.
    const late = [session('2024-03-11T03:30:00Z', 'attended')];
    expect(attendanceSummary(late, { from: '2024-03-10', to: '2024-03-10' }, zone).attended).toBe(
      1,
    );
    expect(attendanceSummary(late, { from: '2024-03-11', to: '2024-03-11' }, zone).attended).toBe(
      0,
    );
  });

  it('sums attended hours per treatment week from the episode start', () => {
    const sessions = [
      session('2024-03-07T17:00:00-05:00', 'attended', 180),
      session('2024-03-13T17:00:00-04:00', 'attended', 180),
      session('2024-03-14T17:00:00-04:00', 'attended', 120),
      session('2024-03-15T17:00:00-04:00', 'missed', 180),
      session('2024-03-22T17:00:00-04:00', 'attended', 180),
    ];
    const weeks = weeklyHours(sessions, '2024-03-07', '2024-03-22', zone);
    expect(weeks).toEqual([
      { week: 1, from: '2024-03-07', to: '2024-03-13', hours: 6 },
      { week: 2, from: '2024-03-14', to: '2024-03-20', hours: 2 },
    ]);
  });

  it('flags IOP weeks under 9 hours unless a taper or a step-down is planned', () => {
    const weeks = [
      { week: 1, from: '2024-03-07', to: '2024-03-13', hours: 12 },
      { week: 2, from: '2024-03-14', to: '2024-03-20', hours: 8 },
      { week: 3, from: '2024-03-21', to: '2024-03-27', hours: 6 },
    ];
    const plain = hoursAgainstMinimum(weeks, 'iop');
    expect(plain.map((w) => [w.minimum, w.below, w.excused])).toEqual([
      [9, false, undefined],
      [9, true, undefined],
      [9, true, undefined],
    ]);
    expect(unexcusedWeeksBelowMinimumRunning(plain)).toBe(2);
    const tapering = hoursAgainstMinimum(weeks, 'iop', { taperFrom: '2024-03-21' });
    expect(tapering.map((w) => w.excused)).toEqual([undefined, undefined, 'taper']);
    expect(unexcusedWeeksBelowMinimumRunning(tapering)).toBe(0);
    const planned = hoursAgainstMinimum(weeks, 'iop', {
      plannedTransition: { targetLevel: 'outpatient', plannedDate: '2024-04-01' },
    });
    expect(planned.map((w) => w.excused)).toEqual([
      undefined,
      'step-down-planned',
      'step-down-planned',
    ]);
  });

  it('uses 20 hours for PHP, a program override, and no minimum for outpatient', () => {
    const week = [{ week: 1, from: '2024-03-07', to: '2024-03-13', hours: 19 }];
    expect(hoursAgainstMinimum(week, 'php')[0].below).toBeTrue();
    expect(
      hoursAgainstMinimum(week, 'php', { minimumOverrides: { php: 18 } })[0].below,
    ).toBeFalse();
    expect(hoursAgainstMinimum(week, 'outpatient')[0]).toEqual(
      jasmine.objectContaining({ minimum: undefined, below: false }),
    );
  });

  it('counts the latest run of missed sessions, skipping cancellations and future bookings', () => {
    const sessions = [
      session('2024-03-04T17:00:00-05:00', 'attended'),
      session('2024-03-05T17:00:00-05:00', 'missed'),
      session('2024-03-06T17:00:00-05:00', 'cancelled'),
      session('2024-03-07T17:00:00-05:00', 'missed'),
      session('2024-03-20T17:00:00-04:00', 'scheduled'),
    ];
    expect(consecutiveMissed(sessions)).toBe(2);
    expect(consecutiveMissed([...sessions, session('2024-03-08T17:00:00-05:00', 'attended')])).toBe(
      0,
    );
    expect(consecutiveMissed([])).toBe(0);
  });

  it('tallies sessions and hours per modality per week', () => {
    const sessions = [
      session('2024-03-07T17:00:00-05:00', 'attended', 60, 'dbt-skills'),
      session('2024-03-08T17:00:00-05:00', 'missed', 60, 'dbt-skills'),
      session('2024-03-15T17:00:00-04:00', 'attended', 90, 'dbt-skills'),
      session('2024-03-07T18:00:00-05:00', 'attended', 50, 'individual-therapy'),
      session('2024-03-01T18:00:00-05:00', 'attended', 50, 'individual-therapy'),
      session('2024-03-09T18:00:00-05:00', 'cancelled', 50, 'individual-therapy'),
    ];
    const dose = modalityDose(sessions, '2024-03-07', zone);
    expect(dose.get('dbt-skills')).toEqual([
      { week: 1, attended: 1, scheduled: 2, hours: 1 },
      { week: 2, attended: 1, scheduled: 1, hours: 1.5 },
    ]);
    expect(dose.get('individual-therapy')).toEqual([
      { week: 1, attended: 1, scheduled: 1, hours: 50 / 60 },
    ]);
  });

  it('measures completion as weeks with a score over complete weeks', () => {
    const dates = [
      '2024-03-07',
      '2024-03-08T10:00:00-05:00',
      '2024-03-21',
      'garbage',
      '2024-02-01',
    ];
    expect(measureCompletion(dates, '2024-03-07', '2024-03-27', zone)).toEqual({
      weeksWithMeasure: 2,
      weeksInTreatment: 3,
      rate: 2 / 3,
    });
    expect(measureCompletion(dates, '2024-03-07', '2024-03-08', zone).rate).toBeUndefined();
  });
});
