import { safetySignalsIn } from '../instruments/safety-signal';
import { CalendarDay } from '../models';
import { addDays, toCalendarDay } from '../time/calendar-day';
import { ClientSnapshot } from './client-snapshot';

/** Safety signals (positive items, C-SSRS risk, active or recent safety Flags) in the last `days`. */
export function recentSafetySignals(snapshot: ClientSnapshot, days: number): string[] {
  const from: CalendarDay = addDays(snapshot.today, -days + 1);
  const found: string[] = [];
  for (const score of snapshot.scores) {
    const day = toCalendarDay(score.date, snapshot.timeZone);
    const instrument = snapshot.catalogue.find((i) => i.id === score.instrumentId);
    if (!day || !instrument || day < from || day > snapshot.today) continue;
    for (const signal of safetySignalsIn(instrument, score))
      found.push(`${signal.reason} on ${day}`);
  }
  for (const flag of snapshot.flags) {
    const start = toCalendarDay(flag.start, snapshot.timeZone);
    const end = toCalendarDay(flag.end, snapshot.timeZone);
    if (flag.active) found.push(`active safety flag${start ? ` since ${start}` : ''}`);
    else if (end && end >= from) found.push(`safety flag ended ${end}`);
  }
  return found;
}
