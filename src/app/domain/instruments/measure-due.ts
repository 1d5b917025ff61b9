import { CalendarDay, ScoreRecord } from '../models';
import { daysBetween, toCalendarDay } from '../time/calendar-day';
import { InstrumentDefinition } from './instrument';

export interface MeasureDue {
  readonly instrumentId: string;
  readonly lastDay?: CalendarDay;
  /** Days since the last administration (since the episode start when there is none). */
  readonly daysSince: number;
  readonly due: boolean;
  /** More than one full interval past due: shown as a missing measure. */
  readonly missing: boolean;
  readonly message: string;
}

/** Waypoint's choice: a measure is missing after 1.4 expected intervals without one. */
export const MISSING_AFTER = 1.4;

/**
 * Whether an instrument is due or missing for a client, from its expected frequency (PHQ-9 and
 * GAD-7 weekly, PCL-5 fortnightly…; configurable). Missing means 1.4 intervals without one —
 * "no PHQ-9 in 10 days" for a weekly measure, 20 days for a fortnightly one — the "data about
 * the data" that measurement-based care fails on (CLINICAL.md). 1.4 is Waypoint's choice.
 */
export function measureDue(
  instrument: InstrumentDefinition,
  scores: readonly ScoreRecord[],
  episodeStart: CalendarDay,
  today: CalendarDay,
  timeZone: string,
): MeasureDue | undefined {
  const every = instrument.expectedFrequencyDays;
  if (every === undefined) return undefined;
  let lastDay: CalendarDay | undefined;
  for (const score of scores) {
    if (score.instrumentId !== instrument.id) continue;
    const day = toCalendarDay(score.date, timeZone);
    if (day && day <= today && (!lastDay || day > lastDay)) lastDay = day;
  }
  const daysSince = daysBetween(lastDay ?? episodeStart, today);
  const due = daysSince >= every;
  const missing = daysSince >= Math.ceil(every * MISSING_AFTER);
  const message = lastDay
    ? `no ${instrument.shortName} in ${daysSince} days`
    : `no ${instrument.shortName} since the episode began ${daysSince} days ago`;
  // Written out, not spread (see item-scoring.ts `scored`): once per client and instrument.
  const instrumentId = instrument.id;
  return lastDay
    ? { instrumentId, lastDay, daysSince, due, missing, message }
    : { instrumentId, daysSince, due, missing, message };
}
