import { CalendarDay } from '../models';
import { addDays, daysBetween } from './calendar-day';

/**
 * Weeks are counted from the episode's first day (week 1 = days 0–6), not by calendar week, so
 * "IOP week 6 of ~10" means the same for a client who started on a Thursday as on a Monday, and
 * a week's hours compare like with like against the level's weekly minimum.
 */
export function weekInTreatment(start: CalendarDay, day: CalendarDay): number {
  const days = daysBetween(start, day);
  return days < 0 ? 0 : Math.floor(days / 7) + 1;
}

/** The first and last day of treatment week `week` (1-based). */
export function treatmentWeekBounds(
  start: CalendarDay,
  week: number,
): { from: CalendarDay; to: CalendarDay } {
  const from = addDays(start, (week - 1) * 7);
  return { from, to: addDays(from, 6) };
}

/** Complete treatment weeks between the start and `day` (a week counts once all 7 days passed). */
export function completedWeeks(start: CalendarDay, day: CalendarDay): number {
  return Math.max(0, Math.floor((daysBetween(start, day) + 1) / 7));
}
