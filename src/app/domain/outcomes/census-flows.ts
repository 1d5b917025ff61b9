import { CalendarDay, EpisodeStatus, LevelOfCare } from '../models';
import { OutcomeEpisode } from './outcome-episode';

/** Statuses of episodes that never (or not yet) had a client at the level. */
const NOT_IN_CARE: readonly EpisodeStatus[] = ['planned', 'waitlist', 'cancelled'];

/**
 * Clients at each level on a day. An episode counts on every day from its first to its last day
 * inclusive (a day census, not a midnight census), so on a step-down day the client shows at both
 * levels. Planned, wait-listed and cancelled episodes never count.
 */
export function censusByLevel(
  rows: readonly OutcomeEpisode[],
  day: CalendarDay,
): Partial<Record<LevelOfCare, number>> {
  const census: Partial<Record<LevelOfCare, number>> = {};
  for (const row of rows) {
    if (!inCareOn(row, day)) continue;
    census[row.episode.level] = (census[row.episode.level] ?? 0) + 1;
  }
  return census;
}

/** Whether the episode ever had (or has) a client at its level: not planned, wait-listed or cancelled. */
export function isStay(row: OutcomeEpisode): boolean {
  return !NOT_IN_CARE.includes(row.episode.status);
}

/** The census rule for one episode: a stay with a start, counted from its first to its last day. */
export function inCareOn(row: OutcomeEpisode, day: CalendarDay): boolean {
  return !!row.start && row.start <= day && !(row.end && row.end < day) && isStay(row);
}

export interface MonthFlow {
  /** Episodes starting in the month: admissions to a level, step-downs and step-ups included. */
  admissions: number;
  /** Episodes ending in the month. */
  discharges: number;
}

/** Admissions and discharges per month (`YYYY-MM` in the program's time zone), oldest first. */
export function flowsByMonth(rows: readonly OutcomeEpisode[]): Map<string, MonthFlow> {
  const months = new Map<string, MonthFlow>();
  const cell = (month: string) => {
    const c = months.get(month) ?? { admissions: 0, discharges: 0 };
    months.set(month, c);
    return c;
  };
  for (const row of rows) {
    if (NOT_IN_CARE.includes(row.episode.status)) continue;
    if (row.start) cell(row.start.slice(0, 7)).admissions++;
    if (row.end) cell(row.end.slice(0, 7)).discharges++;
  }
  return new Map([...months.entries()].sort(([a], [b]) => (a < b ? -1 : 1)));
}
