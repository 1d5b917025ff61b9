import { CalendarDay, LevelOfCare } from '../models';
import { dayFromIndex, dayIndex } from './day-index';

/**
 * A reporting period: calendar days in the program's time zone, both ends included. Day
 * arithmetic goes through `dayIndex` (integer calendar arithmetic, no zone), so a period never
 * shifts a day whatever zone the code runs in.
 */
export interface Period {
  readonly from: CalendarDay;
  readonly to: CalendarDay;
}

/**
 * What the director's outcomes dashboard reports on.
 * - `period`: the reporting period (see `Period`).
 * - `programId`, `therapistId`: restrict the episodes reported on to one program (`programId`)
 *   or one primary therapist (`careManagerId`). Only episodes at a program (with a `programId`)
 *   are ever reported on; other episodes of the same clients (another program, an inpatient
 *   unit elsewhere) are still read for context: whether an episode continues a stay, whether a
 *   step-down held. `inOutcomesScope` is the rule.
 * - `levels`: the levels whose finished episodes form the discharge cohort (outcome rates,
 *   length of stay, attendance, hours) and whose step-downs and exits are followed up; all
 *   levels when absent or empty. Census, admissions and discharges are program-wide and broken
 *   down by level, so the page can highlight the chosen ones.
 */
export interface OutcomesScope {
  readonly period: Period;
  readonly programId?: string;
  readonly therapistId?: string;
  readonly levels?: readonly LevelOfCare[];
}

export type PeriodPreset = 'last-30' | 'last-90' | 'last-365' | 'this-quarter' | 'last-quarter';

export const PERIOD_PRESETS: readonly PeriodPreset[] = [
  'last-30',
  'last-90',
  'last-365',
  'this-quarter',
  'last-quarter',
];

/** Days in the period counting both ends (0 when `from` is after `to`). */
export function periodDays(period: Period): number {
  return Math.max(0, dayIndex(period.to) - dayIndex(period.from) + 1);
}

/** Whether `day` falls in the period, both ends included. */
export function inPeriod(day: CalendarDay | undefined, period: Period): boolean {
  return day !== undefined && day >= period.from && day <= period.to;
}

/**
 * The period of the same number of days ending the day before `period` starts, e.g. 1–31 March
 * (31 days) → 30 January – 29 February in a leap year. For a calendar quarter this is the same
 * number of days, not the previous calendar quarter (quarters run 90–92 days), so both sides of
 * a comparison cover equal time.
 */
export function previousPeriod(period: Period): Period {
  const from = dayIndex(period.from);
  const length = periodDays(period);
  return { from: dayFromIndex(from - length), to: dayFromIndex(from - 1) };
}

function quarterStart(year: number, quarter: number): CalendarDay {
  return `${year}-${String(quarter * 3 + 1).padStart(2, '0')}-01`;
}

/**
 * Common periods relative to `today` (a calendar day in the program's time zone):
 * - `last-30` / `last-90` / `last-365`: the N days ending today, today included;
 * - `this-quarter`: the first day of today's calendar quarter to today (quarter to date);
 * - `last-quarter`: the whole previous calendar quarter.
 */
export function periodPreset(preset: PeriodPreset, today: CalendarDay): Period {
  const year = Number(today.slice(0, 4));
  const quarter = Math.floor((Number(today.slice(5, 7)) - 1) / 3);
  switch (preset) {
    case 'last-30':
    case 'last-90':
    case 'last-365': {
      const days = Number(preset.slice(5));
      return { from: dayFromIndex(dayIndex(today) - days + 1), to: today };
    }
    case 'this-quarter':
      return { from: quarterStart(year, quarter), to: today };
    case 'last-quarter': {
      const [y, q] = quarter === 0 ? [year - 1, 3] : [year, quarter - 1];
      return {
        from: quarterStart(y, q),
        to: dayFromIndex(dayIndex(quarterStart(year, quarter)) - 1),
      };
    }
  }
}
