import { InstrumentDefinition } from '../instruments/instrument';
import {
  OutcomeCategory,
  OutcomeFlags,
  instrumentOutcome,
  outcomeCategory,
  pairedOutcome,
} from '../instruments/outcome-category';
import { isRemission, isResponse } from '../instruments/response-remission';
import { improvementFromBaseline } from '../instruments/scoring';
import { OutcomeEpisode } from './outcome-episode';

/** The per-episode outcome rates, in the order a dashboard lists them. */
export const OUTCOME_RATES = [
  'completion',
  'response',
  'remission',
  'reliableImprovement',
  'reliableDeterioration',
  'recovery',
  'reliableRecovery',
] as const;

export type OutcomeRate = (typeof OUTCOME_RATES)[number];

/**
 * One episode's outcome, computed once so every rate and every drill-down list comes from the
 * same truth. Each rate flag is `true` (in the numerator), `false` (in the denominator only) or
 * `undefined` (outside that rate's denominator):
 * - `completion`: denominator = finished episodes; true when the episode ended `completed` or
 *   `stepped-down` (a planned move to less care is a completion);
 * - `response`: denominator = episodes with a baseline and a later primary score on a
 *   higher-is-worse scale with a baseline above its floor; true for a drop of at least 50 %;
 * - `remission`: denominator = episodes with a baseline and a later primary score, where the
 *   instrument defines remission; true when the last score is below it (PHQ-9 < 5);
 * - `reliableImprovement` / `reliableDeterioration`: denominator = episodes with a baseline and
 *   a later primary score, where the instrument has a reliable-change threshold;
 * - `recovery` / `reliableRecovery`: denominator = those of them at caseness at the start
 *   (NHS Talking Therapies); recovery = below caseness at the end, reliable recovery = recovery
 *   with a reliable improvement.
 * These are exactly the denominators of `programOutcomes`, which tallies these flags.
 */
export interface OutcomeEpisodeFlags extends Readonly<Record<OutcomeRate, boolean | undefined>> {
  /** Improvement in points on the primary measure (positive = better), with a score pair. */
  readonly improvement: number | undefined;
  /** NHS-style category on the primary measure; undefined without a score pair. */
  readonly category: OutcomeCategory | undefined;
  /** The PHQ-9 + GAD-7 style pair, when an anxiety measure is given and both were measured. */
  readonly paired: OutcomeFlags | undefined;
}

/** The outcome flags of one joined episode (see `OutcomeEpisodeFlags` for the denominators). */
export function episodeOutcomeFlags(
  row: OutcomeEpisode,
  primary: InstrumentDefinition,
  anxiety?: InstrumentDefinition,
): OutcomeEpisodeFlags {
  const { episode } = row;
  const completion =
    episode.status === 'finished'
      ? episode.endReason === 'completed' || episode.endReason === 'stepped-down'
      : undefined;
  if (!row.primary) {
    return {
      completion,
      response: undefined,
      remission: undefined,
      reliableImprovement: undefined,
      reliableDeterioration: undefined,
      recovery: undefined,
      reliableRecovery: undefined,
      improvement: undefined,
      category: undefined,
      paired: undefined,
    };
  }
  const { baseline, final } = row.primary;
  const flags = instrumentOutcome(primary, row.primary);
  return {
    completion,
    response: isResponse(primary, baseline, final),
    remission: isRemission(primary, final),
    reliableImprovement: flags.reliableImprovement,
    reliableDeterioration: flags.reliableDeterioration,
    recovery: flags.recovery,
    reliableRecovery: flags.reliableRecovery,
    improvement: improvementFromBaseline(primary, baseline, final),
    category: outcomeCategory(flags),
    paired:
      anxiety && row.paired
        ? pairedOutcome(
            { instrument: primary, scores: row.primary },
            { instrument: anxiety, scores: row.paired },
          )
        : undefined,
  };
}
