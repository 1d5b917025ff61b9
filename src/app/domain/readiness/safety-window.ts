import { safetySignalsIn } from '../instruments/safety-signal';
import { CalendarDay, ScoreRecord } from '../models';
import { addDays, toCalendarDay } from '../time/calendar-day';
import { ClientSnapshot } from './client-snapshot';

export interface SafetyWindow {
  /** Each signal found, as evidence text. */
  readonly signals: string[];
  /** Administrations in the window that could have raised a signal (a safety screen). */
  readonly screens: number;
}

/**
 * Whether an administration screens for risk at all: a PHQ-9 only when item 9 was recorded, a
 * C-SSRS screen always (the instruments `safetySignalsIn` reads; CLINICAL.md).
 */
function screensForSafety(score: ScoreRecord): boolean {
  if (score.instrumentId === 'phq-9') return score.items?.['9'] !== undefined;
  return score.instrumentId === 'c-ssrs';
}

/**
 * Safety signals in the last `days` days up to today: positive safety items (PHQ-9 item 9,
 * C-SSRS), safety Flags active now, and Flags raised or ended within the window.
 */
export function safetyWindow(snapshot: ClientSnapshot, days: number): SafetyWindow {
  const from: CalendarDay = addDays(snapshot.today, -days + 1);
  const inWindow = (day: CalendarDay | undefined) => !!day && day >= from && day <= snapshot.today;
  const signals: string[] = [];
  let screens = 0;
  for (const score of [...snapshot.scores, ...(snapshot.safetyOnly ?? [])]) {
    const day = toCalendarDay(score.date, snapshot.timeZone);
    const instrument = snapshot.catalogue.find((i) => i.id === score.instrumentId);
    if (!instrument || !inWindow(day)) continue;
    if (screensForSafety(score)) screens++;
    for (const signal of safetySignalsIn(instrument, score))
      signals.push(`${signal.reason} on ${day}`);
  }
  for (const flag of snapshot.flags) {
    const start = toCalendarDay(flag.start, snapshot.timeZone);
    const end = toCalendarDay(flag.end, snapshot.timeZone);
    if (flag.active) signals.push(`active safety flag${start ? ` since ${start}` : ''}`);
    else if (inWindow(end)) signals.push(`safety flag ended ${end}`);
    else if (!end && inWindow(start)) signals.push(`safety flag raised ${start} (now inactive)`);
  }
  return { signals, screens };
}
