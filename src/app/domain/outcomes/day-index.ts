import { CalendarDay } from '../models';

/**
 * `dayNumber` / `dayFromNumber` (recovery/day-number.ts) without `Date`: pure integer arithmetic
 * (Howard Hinnant's days-from-civil and civil-from-days for the proleptic Gregorian calendar)
 * on the digits of a valid `YYYY-MM-DD`. About ten times faster, which matters in the
 * dashboard's passes over 20,000 episodes that compare and add days several times per episode;
 * the spec checks both agree day by day across four centuries.
 */
export function dayIndex(day: CalendarDay): number {
  // No inner closures: this runs several times per episode per pass.
  let y =
    (day.charCodeAt(0) - 48) * 1000 +
    (day.charCodeAt(1) - 48) * 100 +
    (day.charCodeAt(2) - 48) * 10 +
    (day.charCodeAt(3) - 48);
  const m = (day.charCodeAt(5) - 48) * 10 + (day.charCodeAt(6) - 48);
  const d = (day.charCodeAt(8) - 48) * 10 + (day.charCodeAt(9) - 48);
  if (m <= 2) y--;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The calendar day `n` days after 1970-01-01 (years 0–9999). */
export function dayFromIndex(n: number): CalendarDay {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${String(y).padStart(4, '0')}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
}
