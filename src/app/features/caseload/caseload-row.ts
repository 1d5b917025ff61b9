import {
  AttentionOptions,
  ClientAttention,
  assessClientAttention,
} from '../../domain/caseload/client-attention';
import { PresentingProblem } from '../../domain/fhir-codes';
import { InstrumentDefinition } from '../../domain/instruments/instrument';
import { DEFAULT_INSTRUMENTS } from '../../domain/instruments/instrument-catalogue';
import { primaryInstrument } from '../../domain/caseload/primary-instrument';
import { levelDefinition } from '../../domain/levels/level-of-care';
import { CalendarDay, LevelOfCare, ScoreRecord } from '../../domain/models';
import { ClientSnapshot } from '../../domain/readiness/client-snapshot';
import { RecoveryCurveSet } from '../../domain/recovery/curve-types';
import { ageOn } from '../../domain/time/age';
import {
  ConditionRecord,
  MappedCarePlan,
  MappedEpisode,
  MappedFlag,
  MappedScore,
  MappedSession,
  PatientSummary,
  UnscoredSafetyItem,
} from '../../fhir-mapping';

/** One client on the caseload, as the table shows them. */
export interface CaseloadRow {
  readonly patientId: string;
  readonly name: string;
  readonly age?: number;
  readonly problems: readonly PresentingProblem[];
  readonly level: LevelOfCare;
  readonly levelLabel: string;
  /** "week 6 of ~10", or "week 6" where the level has no usual length. */
  readonly weekLabel: string;
  readonly programId?: string;
  readonly careManagerId?: string;
  readonly primary: InstrumentDefinition;
  readonly attention: ClientAttention;
  /** Substance-use records (42 CFR Part 2): a label ETH, or a substance-use problem. */
  readonly substanceUse: boolean;
}

/** Everything the store holds about one client. */
export interface ClientRecords {
  readonly episodes: MappedEpisode[];
  readonly scores: MappedScore[];
  readonly safetyItems: UnscoredSafetyItem[];
  readonly sessions: MappedSession[];
  readonly flags: MappedFlag[];
  readonly carePlans: MappedCarePlan[];
  readonly conditions: ConditionRecord[];
}

export interface RowContext {
  readonly today: CalendarDay;
  readonly timeZone: string;
  readonly curves?: RecoveryCurveSet;
  readonly catalogue?: readonly InstrumentDefinition[];
  /** The program's expected lengths of stay (config.json), for "week 6 of ~10". */
  readonly expectedWeeks?: AttentionOptions['expectedWeeks'];
}

/** A client with nothing recorded yet (fresh arrays, so a caller may fill them). */
export function emptyClientRecords(): ClientRecords {
  return {
    episodes: [],
    scores: [],
    safetyItems: [],
    sessions: [],
    flags: [],
    carePlans: [],
    conditions: [],
  };
}

/** Everything the domain's assessments read about one client in their current episode. */
export function clientSnapshot(
  episode: MappedEpisode,
  records: ClientRecords,
  context: RowContext,
): ClientSnapshot {
  const catalogue = context.catalogue ?? DEFAULT_INSTRUMENTS;
  return {
    today: context.today,
    timeZone: context.timeZone,
    episode,
    primary: primaryInstrument(records.scores, catalogue),
    scores: records.scores,
    safetyOnly: safetyOnlyScores(records.safetyItems),
    catalogue,
    sessions: records.sessions,
    flags: records.flags,
    carePlans: records.carePlans,
    ...(context.curves ? { curves: context.curves } : {}),
  };
}

/** Unscorable administrations whose safety item was answered, as scores for the safety check. */
export function safetyOnlyScores(items: readonly UnscoredSafetyItem[]): ScoreRecord[] {
  return items.map((item) => ({
    id: item.id,
    patientId: item.patientId,
    instrumentId: item.instrumentId,
    date: item.date,
    total: Number.NaN,
    items: { [item.item]: item.score },
  }));
}

/** The caseload row of a client in their current (active) episode. */
export function caseloadRow(
  episode: MappedEpisode,
  patient: PatientSummary | undefined,
  records: ClientRecords,
  context: RowContext,
): CaseloadRow {
  const snapshot = clientSnapshot(episode, records, context);
  const { primary } = snapshot;
  const attention = assessClientAttention(snapshot, { expectedWeeks: context.expectedWeeks ?? {} });
  const definition = levelDefinition(episode.level);
  const weeks = attention.expectedWeeks;
  const usual = weeks ? ` of ~${Math.round((weeks.min + weeks.max) / 2)}` : '';
  const problems = [
    ...new Set([
      ...(episode.presentingProblems ?? []),
      ...records.conditions.map((c) => c.problem),
    ]),
  ].filter((p): p is PresentingProblem => p !== 'other') as PresentingProblem[];
  const labelled = [episode, ...records.scores, ...records.sessions, ...records.conditions];
  const age = ageOn(patient?.birthDate, context.today);
  return {
    patientId: episode.patientId,
    name: patient?.name ?? `Client ${episode.patientId}`,
    ...(age !== undefined ? { age } : {}),
    problems,
    level: episode.level,
    levelLabel: definition.shortLabel,
    weekLabel: `week ${attention.week}${usual}`,
    ...(episode.programId ? { programId: episode.programId } : {}),
    ...(episode.careManagerId ? { careManagerId: episode.careManagerId } : {}),
    primary,
    attention,
    substanceUse:
      problems.includes('substance-use') ||
      labelled.some((r) => r.securityLabels?.includes('ETH')) ||
      !!patient?.securityLabels?.includes('ETH'),
  };
}
