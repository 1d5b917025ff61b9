import { CalendarDay } from '../../../domain/models';

/*
 * Wording shared by the trend charts' summaries, tooltips, legends and tables, so a number reads
 * the same wherever it appears.
 */

/** A share of 0–1 as a whole number of percent, without the sign: "48". */
export function wholePercent(share: number): string {
  return String(Math.round(share * 100));
}

/** A share of 0–1 on the chart's 0–100 axis, to one decimal so values do not carry float noise. */
export function percentValue(share: number): number {
  return Math.round(share * 1000) / 10;
}

/** "2 clients", "1 client". */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** "Jan 2026 – Oct 2026", or the one label when both ends are the same. */
export function labelRange(first: string, last: string): string {
  return first === last ? first : `${first} – ${last}`;
}

/** Whole days from `from` to `to` (both `YYYY-MM-DD`), counted on the calendar, not the clock. */
export function daysBetween(from: CalendarDay, to: CalendarDay): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** "12 weeks", "1 week", "10 days": weeks when the gap is whole weeks, else days. */
export function gapWords(days: number): string {
  if (days > 0 && days % 7 === 0) return plural(days / 7, 'week');
  return plural(days, 'day');
}
