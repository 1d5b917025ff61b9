/**
 * FHIR dates as the domain keeps them: the string exactly as received. A date-only or partial
 * value ("2024", "2024-05", "2024-05-03") is never turned into a `Date`, because midnight UTC
 * read in Honolulu is the previous day; only values with a time are instants.
 */
import { CalendarDay, FhirDateValue } from '../domain/models';
import { parseFhirDate } from '../domain/time/calendar-day';
import { Observation, PrimitiveElement } from './fhir-types';
import { findExtension, text } from './read';

export type DateRead = { readonly value: FhirDateValue } | { readonly reason: string };

export const DATA_ABSENT_REASON_URL = 'http://hl7.org/fhir/StructureDefinition/data-absent-reason';

/** The data-absent-reason code on a primitive's `_field` sibling, if any. */
export function dataAbsentCode(element: PrimitiveElement | undefined): string | undefined {
  const ext = findExtension(element, DATA_ABSENT_REASON_URL);
  return ext ? (text(ext.valueCode) ?? 'unknown') : undefined;
}

/**
 * Checks a FHIR date/dateTime with the domain's parser and returns the trimmed original text.
 * `what` names the element in the reason ("effective date"); the value itself is not echoed
 * beyond the parser's short excerpt.
 */
export function readFhirDate(value: unknown, what: string, absent?: PrimitiveElement): DateRead {
  const dar = dataAbsentCode(absent);
  if (value === undefined && dar !== undefined)
    return { reason: `${what} absent (data-absent-reason: ${dar})` };
  if (value === undefined || value === null || value === '') return { reason: `no ${what}` };
  if (typeof value !== 'string') return { reason: `${what} is not a string` };
  const invalid = invalidDate(value);
  if (invalid !== undefined) return { reason: `${what}: ${invalid}` };
  return { value: value.trim() };
}

/*
 * Why a date cannot be read, or undefined when it can, remembered by text: a program's sessions
 * and scores repeat a few thousand times of day hundreds of thousands of times, and parsing one
 * (a pattern, a Date, a validity check) is most of reading it. Bounded, so a long session's
 * memory stays flat.
 */
const VERDICT_LIMIT = 50_000;
const verdicts = new Map<string, string | null>();

function invalidDate(value: string): string | undefined {
  let verdict = verdicts.get(value);
  if (verdict === undefined) {
    const parsed = parseFhirDate(value);
    verdict = parsed.kind === 'invalid' ? parsed.reason : null;
    if (verdicts.size >= VERDICT_LIMIT) verdicts.clear();
    verdicts.set(value, verdict);
  }
  return verdict ?? undefined;
}

/** When an Observation was made: effectiveDateTime, effectiveInstant, then effectivePeriod.start. */
export function observationDate(obs: Observation): DateRead {
  if (obs.effectiveDateTime !== undefined || obs._effectiveDateTime !== undefined)
    return readFhirDate(obs.effectiveDateTime, 'effective date', obs._effectiveDateTime);
  if (obs.effectiveInstant !== undefined)
    return readFhirDate(obs.effectiveInstant, 'effective instant');
  if (obs.effectivePeriod !== undefined)
    return readFhirDate(obs.effectivePeriod?.start, 'effectivePeriod.start');
  return { reason: 'no effective date' };
}

/** True for a full calendar day `YYYY-MM-DD` (not a partial date, not an instant). */
export function isCalendarDay(value: unknown): value is CalendarDay {
  return typeof value === 'string' && parseFhirDate(value).kind === 'day';
}

/**
 * Whole minutes between two instants. Date-only values have no time of day, so a length cannot
 * be taken from them (an Encounter dated 2021-07-14 to 2021-07-14 is not zero minutes long).
 */
export function minutesBetween(start: unknown, end: unknown): number | undefined {
  if (typeof start !== 'string' || typeof end !== 'string') return undefined;
  const from = parseFhirDate(start);
  const to = parseFhirDate(end);
  if (from.kind !== 'instant' || to.kind !== 'instant') return undefined;
  const minutes = Math.round((to.instant.getTime() - from.instant.getTime()) / 60_000);
  return minutes >= 0 ? minutes : undefined;
}
