import { TZDate } from '@date-fns/tz';
import { formatISO, isValid } from 'date-fns';
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
  if (typeof value !== 'string') return undefined;
  let days = dayMemo.get(timeZone);
  if (!days) dayMemo.set(timeZone, (days = new Map()));
  else if (days.has(value)) return days.get(value);
  const parsed = parseFhirDate(value);
  const day =
    parsed.kind === 'day'
      ? parsed.day
      : parsed.kind === 'instant'
        ? zonedDay(parsed.instant, timeZone)
        : undefined;
  if (days.size >= DAY_MEMO_LIMIT) days.clear();
  days.set(value, day);
  return day;
}

/*
 * A client's page and the caseload's assessments read the same session and score dates many
 * times over (attendance windows, readiness, dose, events), and working out a day in a zone is
 * the costly part. The answer depends only on the text and the zone, so it is remembered,
 * within a bound that keeps a long session's memory flat.
 */
const DAY_MEMO_LIMIT = 100_000;
const dayMemo = new Map<string, Map<string, CalendarDay | undefined>>();
const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** The calendar day an instant falls on in a time zone (the IANA database, as TZDate reads). */
function zonedDay(instant: Date, timeZone: string): CalendarDay {
  let format = dayFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    dayFormats.set(timeZone, format);
  }
  let year = '';
  let month = '';
  let day = '';
  for (const part of format.formatToParts(instant)) {
    if (part.type === 'year') year = part.value;
    else if (part.type === 'month') month = part.value;
    else if (part.type === 'day') day = part.value;
  }
  return `${year.padStart(4, '0')}-${month}-${day}`;
}

const DAY_MS = 86_400_000;

/**
 * Calendar days are handled as UTC midnights: no zone, so no daylight-saving surprises, and
 * every day is exactly 24 hours, so plain arithmetic on milliseconds is exact (and cheap: the
 * assessments do it thousands of times per client).
 */
function utcMs(day: CalendarDay): number {
  // A client's thousand sessions fall on a few hundred days, each read many times over (weeks
  // in treatment, windows, dose): parsing the text is the costly part, so it is remembered.
  let ms = utcMemo.get(day);
  if (ms === undefined) {
    ms = Date.parse(`${day}T00:00:00Z`);
    if (utcMemo.size >= DAY_MEMO_LIMIT) utcMemo.clear();
    utcMemo.set(day, ms);
  }
  return ms;
}
const utcMemo = new Map<string, number>();

export function addDays(day: CalendarDay, days: number): CalendarDay {
  return new Date(utcMs(day) + Math.trunc(days) * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: CalendarDay, to: CalendarDay): number {
  return Math.round((utcMs(to) - utcMs(from)) / DAY_MS);
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
