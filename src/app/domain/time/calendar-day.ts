import { TZDate } from '@date-fns/tz';
import { addDays as addDaysToDate, differenceInCalendarDays, formatISO, isValid } from 'date-fns';
import { CalendarDay, FhirDateValue } from '../models';

export type ParsedFhirDate =
  | { readonly kind: 'year'; readonly year: number }
  | { readonly kind: 'month'; readonly year: number; readonly month: number }
  | { readonly kind: 'day'; readonly day: CalendarDay }
  | { readonly kind: 'instant'; readonly instant: Date }
  | { readonly kind: 'invalid'; readonly reason: string };

/** Waypoint's plausibility window for clinical dates: outside it a value is a data error. */
const EARLIEST_YEAR = 1900;
const LATEST_YEAR = 2200;

const DATE_ONLY = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/;

/**
 * Reads a FHIR `date` / `dateTime` without ever moving a date-only value through a time zone:
 * "2024-05-03" stays the 3rd of May wherever the code runs.
 */
export function parseFhirDate(value: FhirDateValue | undefined | null): ParsedFhirDate {
  if (typeof value !== 'string' || value.trim() === '')
    return { kind: 'invalid', reason: 'no date' };
  const text = value.trim();
  const dateOnly = DATE_ONLY.exec(text);
  if (dateOnly) {
    const [, y, m, d] = dateOnly;
    const year = Number(y);
    if (year < EARLIEST_YEAR || year > LATEST_YEAR)
      return { kind: 'invalid', reason: `implausible year in "${text}"` };
    if (m === undefined) return { kind: 'year', year };
    const month = Number(m);
    if (month < 1 || month > 12) return { kind: 'invalid', reason: `no month ${m} in "${text}"` };
    if (d === undefined) return { kind: 'month', year, month };
    if (!isRealDay(year, month, Number(d)))
      return { kind: 'invalid', reason: `"${text}" is not a calendar day` };
    return { kind: 'day', day: text };
  }
  const dateTime = DATE_TIME.exec(text);
  if (dateTime) {
    const [, y, m, d] = dateTime;
    const instant = new Date(text);
    if (!isRealDay(Number(y), Number(m), Number(d)) || !isValid(instant)) {
      return { kind: 'invalid', reason: `"${text}" is not a valid date and time` };
    }
    if (Number(y) < EARLIEST_YEAR || Number(y) > LATEST_YEAR)
      return { kind: 'invalid', reason: `implausible year in "${text}"` };
    return { kind: 'instant', instant };
  }
  return { kind: 'invalid', reason: `"${text.slice(0, 40)}" is not a FHIR date` };
}

function isRealDay(year: number, month: number, day: number): boolean {
  const probe = new Date(Date.UTC(year, month - 1, day));
  return (
    probe.getUTCFullYear() === year &&
    probe.getUTCMonth() === month - 1 &&
    probe.getUTCDate() === day
  );
}

/**
 * The calendar day a FHIR date or instant falls on in the program's time zone. Date-only values
 * are returned unchanged; partial dates (year, month) have no day and return undefined.
 */
export function toCalendarDay(
  value: FhirDateValue | undefined,
  timeZone: string,
): CalendarDay | undefined {
  const parsed = parseFhirDate(value);
  if (parsed.kind === 'day') return parsed.day;
  if (parsed.kind === 'instant')
    return formatISO(new TZDate(parsed.instant, timeZone), { representation: 'date' });
  return undefined;
}

/** Calendar days are handled as UTC midnights: no zone, so no daylight-saving surprises. */
function utc(day: CalendarDay): Date {
  return new Date(`${day}T00:00:00Z`);
}

export function addDays(day: CalendarDay, days: number): CalendarDay {
  return addDaysToDate(utc(day), days).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: CalendarDay, to: CalendarDay): number {
  return differenceInCalendarDays(utc(to), utc(from));
}

/** Today's date in the program's time zone. */
export function todayIn(timeZone: string, now: Date): CalendarDay {
  return formatISO(new TZDate(now, timeZone), { representation: 'date' });
}

export function isValidTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}
