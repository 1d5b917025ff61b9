import { validateScore } from '../instruments/scoring';
import { CalendarDay, Rejected, ScoreRecord } from '../models';
import { toCalendarDay } from '../time/calendar-day';
import { ClientSnapshot } from './client-snapshot';

export interface DatedScore {
  readonly record: ScoreRecord;
  readonly day: CalendarDay;
  readonly total: number;
}

/**
 * The client's primary-measure scores up to today, oldest first. Scores with no readable day,
 * dated after today, or out of range are set aside with the reason, never used or clamped.
 */
export function primaryScores(snapshot: ClientSnapshot): {
  scores: DatedScore[];
  rejected: Rejected<ScoreRecord>[];
} {
  const scores: DatedScore[] = [];
  const rejected: Rejected<ScoreRecord>[] = [];
  for (const record of snapshot.scores) {
    if (record.instrumentId !== snapshot.primary.id) continue;
    const day = toCalendarDay(record.date, snapshot.timeZone);
    const valid = validateScore(snapshot.primary, record.total);
    if (!day) rejected.push({ item: record, reason: `no calendar day in "${record.date}"` });
    else if (day > snapshot.today)
      rejected.push({ item: record, reason: `dated ${day}, after today` });
    else if (!valid.ok) rejected.push({ item: record, reason: valid.reason });
    else scores.push({ record, day, total: valid.score });
  }
  scores.sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
  return { scores, rejected };
}

/** " (2 unusable scores set aside)" or "", appended to evidence so nothing vanishes silently. */
export function setAsideNote(rejected: readonly Rejected[]): string {
  return rejected.length === 0
    ? ''
    : ` (${rejected.length} unusable score${rejected.length === 1 ? '' : 's'} set aside: ${rejected
        .map((r) => r.reason)
        .join('; ')})`;
}
