import { OutcomeEpisode } from './outcome-episode';
import { dayIndex } from './day-index';

/** Days in an episode from its first to its last day, both counted; undefined while open. */
export function stayDays(row: OutcomeEpisode): number | undefined {
  return row.start && row.end ? dayIndex(row.end) - dayIndex(row.start) + 1 : undefined;
}

/**
 * Mean attended hours per week over a finished episode: attended hours / (days in the stay / 7).
 * Days, not `weeksInTreatment`, because sessions in the last, incomplete week are in the hours
 * but that week is not a complete treatment week, which would overstate the dose by up to a
 * week's hours. Undefined for open episodes and stays under 7 days, where a weekly figure means
 * little. A planned taper lowers the average by design (CLINICAL.md), so read it against the
 * level's minimum as a guide, not a verdict on a single client.
 */
export function weeklyHoursOf(row: OutcomeEpisode): number | undefined {
  const days = stayDays(row);
  return days === undefined || days < 7 ? undefined : row.attendedHours / (days / 7);
}
