import { AttendanceSummary, attendanceSummary } from '../attendance/attendance';
import { addDays } from '../time/calendar-day';
import { ClientSnapshot } from './client-snapshot';

/** Attendance over the last `days` days up to today (inclusive), in the program's time zone. */
export function attendanceOver(snapshot: ClientSnapshot, days: number): AttendanceSummary {
  return attendanceSummary(
    snapshot.sessions,
    { from: addDays(snapshot.today, -days + 1), to: snapshot.today },
    snapshot.timeZone,
  );
}

export const percent = (rate: number) => `${Math.round(rate * 100)}%`;

export function attendanceEvidence(a: AttendanceSummary): string {
  return a.rate === undefined
    ? 'no sessions were due'
    : `${a.attended} of ${a.attended + a.missed} sessions (${percent(a.rate)})`;
}
