/**
 * Test fixture for the readiness and step-up specs (not used by production code): an IOP client
 * in America/Chicago who started on Monday 1 April 2024, seen on Friday 31 May 2024.
 */
import { DEFAULT_INSTRUMENTS, instrumentById } from '../instruments/instrument-catalogue';
import { CalendarDay, CarePlanRecord, ScoreRecord, SessionRecord } from '../models';
import { addDays } from '../time/calendar-day';
import { ClientSnapshot } from './client-snapshot';

export const FIXTURE_TODAY = '2024-05-31';
export const FIXTURE_START = '2024-04-01';

/** A PHQ-9 total, with item 9 recorded unless `item9` is null. */
export function phq(day: string, total: number, item9: number | null = 0): ScoreRecord {
  return {
    id: `phq-${day}`,
    patientId: 'p1',
    instrumentId: 'phq-9',
    date: day,
    total,
    ...(item9 === null ? {} : { items: { '9': item9 } }),
  };
}

/** Three-hour sessions Monday to Thursday at 17:00 Chicago time, with the given status per day. */
export function sessions(
  statusFor: (day: CalendarDay) => SessionRecord['status'],
  from: CalendarDay = FIXTURE_START,
  to: CalendarDay = FIXTURE_TODAY,
): SessionRecord[] {
  const out: SessionRecord[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) {
    const dow = new Date(`${day}T12:00:00Z`).getUTCDay();
    if (dow >= 1 && dow <= 4)
      out.push({
        id: `s-${day}`,
        patientId: 'p1',
        modality: 'cbt',
        status: statusFor(day),
        start: `${day}T17:00:00-05:00`,
        minutes: 180,
      });
  }
  return out;
}

export const PLANS: CarePlanRecord[] = [
  {
    id: 'rp',
    patientId: 'p1',
    kind: 'relapse-prevention',
    status: 'active',
    created: '2024-05-01',
  },
  { id: 'ac', patientId: 'p1', kind: 'aftercare', status: 'completed', created: '2024-05-20' },
];

/** Improving (18 → 8 → 6), attending every session, both plans in place, no safety signal. */
export function snapshot(overrides: Partial<ClientSnapshot> = {}): ClientSnapshot {
  return {
    today: FIXTURE_TODAY,
    timeZone: 'America/Chicago',
    episode: { id: 'e1', patientId: 'p1', level: 'iop', status: 'active', start: FIXTURE_START },
    primary: instrumentById('phq-9')!,
    scores: [phq('2024-04-01', 18), phq('2024-05-20', 8), phq('2024-05-27', 6)],
    catalogue: DEFAULT_INSTRUMENTS,
    sessions: sessions(() => 'attended'),
    flags: [],
    carePlans: PLANS,
    ...overrides,
  };
}
