import { CalendarDay } from '../models';
import { dayFromNumber, dayNumber } from './day-number';

/**
 * Waypoint default (configurable): a score up to 7 days before an episode starts can be its
 * baseline, because intake measures are often taken at the assessment before the first session,
 * and on a step-down the last score at the old level is the starting point at the new one.
 */
export const BASELINE_LOOKBACK_DAYS = 7;

/**
 * Index of an episode's baseline among ascending score days: the latest score on or before the
 * start day within the lookback, else the first score after the start. Undefined when neither.
 */
export function baselineIndex(
  days: readonly CalendarDay[],
  start: CalendarDay,
  lookbackDays: number = BASELINE_LOOKBACK_DAYS,
): number | undefined {
  const earliest = dayFromNumber(dayNumber(start) - lookbackDays);
  let index: number | undefined;
  for (let i = 0; i < days.length; i++) {
    if (days[i] > start) return index ?? i;
    if (days[i] >= earliest) index = i;
  }
  return index;
}
