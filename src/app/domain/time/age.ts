import { CalendarDay, FhirDateValue } from '../models';

/**
 * Age in whole years on `today` from a FHIR birth date, which may be partial: with only a year
 * or a month the age is the lowest it could be, so a client is never shown older than they are.
 */
export function ageOn(
  birthDate: FhirDateValue | undefined,
  today: CalendarDay,
): number | undefined {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(birthDate ?? '');
  if (!m) return undefined;
  const [ty, tm, td] = today.split('-').map(Number);
  const year = Number(m[1]);
  const month = m[2] ? Number(m[2]) : 12;
  const day = m[3] ? Number(m[3]) : 31;
  const age = ty - year - (tm < month || (tm === month && td < day) ? 1 : 0);
  return age >= 0 ? age : undefined;
}
