import { CalendarDay } from '../models';
import { dayNumber } from './day-number';

/**
 * The week index recovery curves use: whole weeks since the baseline administration, so a score
 * 7–13 days after baseline is week 1 and one in the baseline's own week is week 0 (no curve
 * point: too early to compare). Curves and not-on-track must count weeks the same way, so both
 * the curve job and the client view use this function. Negative before the baseline.
 */
export function weeksSinceBaseline(baseline: CalendarDay, day: CalendarDay): number {
  return Math.floor((dayNumber(day) - dayNumber(baseline)) / 7);
}
