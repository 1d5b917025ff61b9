import { ReliableChange, classifyReliableChange } from '../instruments/reliable-change';
import { BASELINE_LOOKBACK_DAYS, baselineIndex } from '../recovery/episode-baseline';
import { TrackResult, notOnTrack } from '../recovery/not-on-track';
import { weeksSinceBaseline } from '../recovery/recovery-week';
import { toCalendarDay } from '../time/calendar-day';
import { ClientSnapshot } from './client-snapshot';
import { DatedScore, primaryScores, setAsideNote } from './primary-scores';

/** The primary measure in the current episode: baseline, latest, reliable change and track. */
export interface PrimaryProgress {
  /** Scores from the episode's baseline on, oldest first. */
  readonly episodeScores: readonly DatedScore[];
  readonly baseline?: DatedScore;
  /** The latest score after the baseline (absent with fewer than two scores). */
  readonly latest?: DatedScore;
  /** Undefined without two scores, or when the instrument has no reliable-change threshold. */
  readonly change?: ReliableChange;
  /** Grey until there are scores after the baseline week. */
  readonly track?: TrackResult;
  /** " (n score(s) set aside: …)" or '', for evidence text. */
  readonly note: string;
}

/**
 * One reading of the client's primary-measure progress, shared by step-up risk and the caseload
 * so both judge from the same baseline rule (a score up to 7 days before the episode may be its
 * baseline) and the same curves.
 */
export function primaryProgress(
  snapshot: ClientSnapshot,
  lookbackDays: number = BASELINE_LOOKBACK_DAYS,
): PrimaryProgress {
  const start = toCalendarDay(snapshot.episode.start, snapshot.timeZone);
  const { scores, rejected } = primaryScores(snapshot);
  const note = setAsideNote(rejected);
  const first = start
    ? baselineIndex(
        scores.map((s) => s.day),
        start,
        lookbackDays,
      )
    : undefined;
  const episodeScores = first === undefined ? [] : scores.slice(first);
  if (episodeScores.length < 2) {
    return { episodeScores, ...(episodeScores[0] ? { baseline: episodeScores[0] } : {}), note };
  }
  const [baseline, ...later] = episodeScores;
  const latest = later[later.length - 1];
  const change = classifyReliableChange(snapshot.primary, baseline.total, latest.total);
  const track = notOnTrack(
    snapshot.primary,
    snapshot.curves,
    baseline.total,
    later.map((s) => ({ week: weeksSinceBaseline(baseline.day, s.day), score: s.total })),
  );
  return { episodeScores, baseline, latest, ...(change ? { change } : {}), track, note };
}
