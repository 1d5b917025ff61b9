import { Stay } from '../journeys/journey';
import { SessionRecord } from '../models';
import { journeyDose } from './journey-dose';

const STAYS: Stay[] = [
  { episodeId: 'e1', level: 'php', start: '2026-09-01', end: '2026-09-10', days: 10 },
  { episodeId: 'e2', level: 'iop', start: '2026-09-11', days: 25 },
];

function session(
  id: string,
  start: string,
  modality: SessionRecord['modality'],
  status: SessionRecord['status'],
  minutes = 60,
): SessionRecord {
  return { id, patientId: 'p1', modality, status, start, minutes };
}

describe('journeyDose', () => {
  const sessions = [
    session('a', '2026-09-02T10:00:00-05:00', 'cbt', 'attended', 180),
    session('b', '2026-09-03T10:00:00-05:00', 'dbt-skills', 'missed', 90),
    session('c', '2026-09-16T10:00:00-05:00', 'dbt-skills', 'attended', 90),
    session('d', '2026-09-16T13:00:00-05:00', 'cbt', 'attended', 120),
    session('e', '2026-09-17T10:00:00-05:00', 'cbt', 'cancelled', 120),
    session('f', '2026-10-20T10:00:00-05:00', 'cbt', 'scheduled', 120),
    session('g', '2026-08-20T10:00:00-05:00', 'cbt', 'attended', 120),
    // 23:30 Chicago on 7 Sep is 8 Sep in UTC: counted in week 1 by the program's clock.
    session('h', '2026-09-08T04:30:00Z', 'psychoeducation', 'attended', 60),
  ];
  const dose = journeyDose(sessions, STAYS, 'America/Chicago', '2026-10-05');

  it('counts whole weeks from the journey start to today', () => {
    expect(dose.weeks.map((w) => [w.week, w.from, w.to])).toEqual([
      [1, '2026-09-01', '2026-09-07'],
      [2, '2026-09-08', '2026-09-14'],
      [3, '2026-09-15', '2026-09-21'],
      [4, '2026-09-22', '2026-09-28'],
      [5, '2026-09-29', '2026-10-05'],
    ]);
  });

  it('takes the level of most of the week and its minimum hours', () => {
    // Week 2 has 3 PHP days and 4 IOP days.
    expect(dose.weeks.map((w) => [w.level, w.minimum])).toEqual([
      ['php', 20],
      ['iop', 9],
      ['iop', 9],
      ['iop', 9],
      ['iop', 9],
    ]);
  });

  it('adds attended hours and counts missed sessions per modality', () => {
    expect(dose.weeks[0].hours).toBe(4);
    expect(dose.weeks[0].byModality.get('cbt')).toEqual({ attended: 1, missed: 0, hours: 3 });
    expect(dose.weeks[0].byModality.get('dbt-skills')).toEqual({
      attended: 0,
      missed: 1,
      hours: 0,
    });
    expect(dose.weeks[2].hours).toBe(3.5);
    expect(dose.weeks[3].byModality.size).toBe(0);
  });

  it('leaves cancelled and scheduled sessions out and counts sessions outside the journey', () => {
    const counted = dose.weeks.flatMap((w) => [...w.byModality.values()]);
    expect(counted.reduce((n, c) => n + c.attended + c.missed, 0)).toBe(5);
    expect(dose.outside).toBe(1);
  });

  it('applies a program override of a level minimum and handles no stays', () => {
    const custom = journeyDose(sessions, STAYS, 'America/Chicago', '2026-10-05', { iop: 11 });
    expect(custom.weeks[2].minimum).toBe(11);
    expect(journeyDose(sessions, [], 'America/Chicago', '2026-10-05')).toEqual({
      weeks: [],
      outside: 0,
    });
  });
});
