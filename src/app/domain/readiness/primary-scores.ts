import { Rejected, ScoreRecord } from '../models';
import { DatedScore, datedScores } from '../progress/measure-series';
import { ClientSnapshot } from './client-snapshot';

export type { DatedScore };

/** The client's primary-measure scores up to today, oldest first (see `datedScores`). */
export function primaryScores(snapshot: ClientSnapshot): {
  scores: DatedScore[];
  rejected: Rejected<ScoreRecord>[];
} {
  return datedScores(snapshot.primary, snapshot.scores, snapshot.timeZone, snapshot.today);
}

/** " (2 unusable scores set aside)" or "", appended to evidence so nothing vanishes silently. */
export function setAsideNote(rejected: readonly Rejected[]): string {
  return rejected.length === 0
    ? ''
    : ` (${rejected.length} unusable score${rejected.length === 1 ? '' : 's'} set aside: ${rejected
        .map((r) => r.reason)
        .join('; ')})`;
}
