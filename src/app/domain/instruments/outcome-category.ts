import { InstrumentDefinition } from './instrument';
import { ReliableChange, classifyReliableChange } from './reliable-change';
import { isCase } from './scoring';

/**
 * NHS Talking Therapies outcome definitions (CLINICAL.md), for one instrument or the PHQ-9 +
 * GAD-7 pair. `recovery` is undefined — not false — for clients who were not at caseness at the
 * start, because they are outside its denominator.
 */
export interface OutcomeFlags {
  readonly atCasenessAtStart: boolean | undefined;
  readonly recovery: boolean | undefined;
  readonly reliableImprovement: boolean | undefined;
  readonly reliableRecovery: boolean | undefined;
  readonly reliableDeterioration: boolean | undefined;
  /** PCL-5: reliable improvement ending at or below 28 (clinically significant change). */
  readonly clinicallySignificant?: boolean;
}

export type OutcomeCategory =
  'recovered' | 'improved' | 'no-change' | 'deteriorated' | 'not-enough-data';

export interface PairedScores {
  readonly baseline: number;
  readonly final: number;
}

/** Outcome of one instrument from the first and last score of an episode. */
export function instrumentOutcome(
  instrument: InstrumentDefinition,
  scores: PairedScores,
): OutcomeFlags {
  const change = classifyReliableChange(instrument, scores.baseline, scores.final);
  const caseAtStart = isCase(instrument, scores.baseline);
  const caseAtEnd = isCase(instrument, scores.final);
  const recovery = caseAtStart === true ? caseAtEnd === false : undefined;
  const improved = change === undefined ? undefined : change === 'reliable-improvement';
  const flags: OutcomeFlags = {
    atCasenessAtStart: caseAtStart,
    recovery,
    reliableImprovement: improved,
    reliableRecovery:
      recovery === undefined || improved === undefined ? undefined : recovery && improved,
    reliableDeterioration: change === undefined ? undefined : change === 'reliable-deterioration',
  };
  if (instrument.clinicallySignificantAtOrBelow !== undefined && improved !== undefined) {
    return {
      ...flags,
      clinicallySignificant: improved && scores.final <= instrument.clinicallySignificantAtOrBelow,
    };
  }
  return flags;
}

/**
 * The paired form NHS Talking Therapies reports: caseness at the start on either measure;
 * recovery = both below caseness at the end; reliable improvement = a reliable drop on at least
 * one measure and a reliable rise on neither; reliable deterioration = a reliable rise on either.
 */
export function pairedOutcome(
  depression: { instrument: InstrumentDefinition; scores: PairedScores },
  anxiety: { instrument: InstrumentDefinition; scores: PairedScores },
): OutcomeFlags {
  const d = classifyReliableChange(
    depression.instrument,
    depression.scores.baseline,
    depression.scores.final,
  );
  const a = classifyReliableChange(
    anxiety.instrument,
    anxiety.scores.baseline,
    anxiety.scores.final,
  );
  const startD = isCase(depression.instrument, depression.scores.baseline);
  const startA = isCase(anxiety.instrument, anxiety.scores.baseline);
  const endD = isCase(depression.instrument, depression.scores.final);
  const endA = isCase(anxiety.instrument, anxiety.scores.final);
  const atStart = startD === undefined || startA === undefined ? undefined : startD || startA;
  const recovery = atStart ? endD === false && endA === false : undefined;
  const changes: (ReliableChange | undefined)[] = [d, a];
  const known = changes.every((c) => c !== undefined);
  const deteriorated = known ? changes.includes('reliable-deterioration') : undefined;
  const improved = known ? changes.includes('reliable-improvement') && !deteriorated : undefined;
  return {
    atCasenessAtStart: atStart,
    recovery,
    reliableImprovement: improved,
    reliableRecovery:
      recovery === undefined || improved === undefined ? undefined : recovery && improved,
    reliableDeterioration: deteriorated,
  };
}

/**
 * One category per episode, in this precedence: deteriorated (a reliable rise outweighs any
 * other good news), recovered (reliable recovery), improved (reliable improvement without
 * recovery, or without caseness at the start), no change. Recovery without a reliable drop is
 * "no change": the fall may be measurement noise.
 */
export function outcomeCategory(flags: OutcomeFlags | undefined): OutcomeCategory {
  if (
    !flags ||
    flags.reliableImprovement === undefined ||
    flags.reliableDeterioration === undefined
  ) {
    return 'not-enough-data';
  }
  if (flags.reliableDeterioration) return 'deteriorated';
  if (flags.reliableRecovery) return 'recovered';
  if (flags.reliableImprovement) return 'improved';
  return 'no-change';
}
