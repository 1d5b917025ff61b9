/**
 * The last step shared by the Observation and QuestionnaireResponse mappers: a stated total and
 * item answers become one ScoreRecord, or a rejection that still hands over positive safety items.
 */
import { InstrumentDefinition } from '../domain/instruments/instrument';
import { scoreAdministration } from '../domain/instruments/item-scoring';
import {
  MapBatch,
  MapResult,
  MappingProblem,
  accepted,
  problem,
  rejected,
  toBatch,
} from './map-result';
import { MappedScore, UnscoredSafetyItem } from './mapped-models';
import { ResourceBase } from './fhir-types';
import { labelsField, securityLabelsOf } from './security-labels';

export interface ScoreDraft {
  readonly resource: ResourceBase;
  readonly sourceType: MappedScore['sourceType'];
  readonly id: string;
  readonly instrument: InstrumentDefinition;
  readonly patientId: string;
  readonly date: string;
  readonly stated?: number;
  readonly items: Readonly<Record<string, number>>;
  readonly warnings: readonly MappingProblem[];
}

export type ScoreResult = MapResult<MappedScore> & {
  readonly unscoredSafetyItems?: readonly UnscoredSafetyItem[];
};

export interface ScoreBatch extends MapBatch<MappedScore> {
  readonly unscoredSafetyItems: readonly UnscoredSafetyItem[];
}

export function toScoreBatch(results: readonly ScoreResult[]): ScoreBatch {
  return {
    ...toBatch(results),
    unscoredSafetyItems: results.flatMap((r) => [...(r.unscoredSafetyItems ?? [])]),
  };
}

/** The items whose positive answer is a safety signal (domain `safetySignalsIn`). */
const SAFETY_ITEMS: Readonly<Record<string, readonly string[]>> = {
  'phq-9': ['9'],
  'c-ssrs': ['4', '5', '6'],
};

export function assembleScore(draft: ScoreDraft): ScoreResult {
  const scoring = scoreAdministration(draft.instrument, draft.stated, draft.items);
  const notes = scoring.notes.map((n) => problem(draft.resource, 'warning', n));
  const warnings = [...draft.warnings, ...notes];
  if (!scoring.ok) {
    const result = rejected<MappedScore>(draft.resource, scoring.reason, warnings);
    const safety = unscoredSafetyItems(draft);
    return safety.length ? { ...result, unscoredSafetyItems: safety } : result;
  }
  const { id, patientId, date, sourceType } = draft;
  const { total, items } = scoring;
  const instrumentId = draft.instrument.id;
  // Two literals rather than a spread of an optional key: a literal's properties live in the
  // object itself, a spread's in a second array, and a program holds ~150,000 scores.
  const score: MappedScore = items
    ? { id, patientId, instrumentId, date, total, items, sourceType }
    : { id, patientId, instrumentId, date, total, sourceType };
  const labels = securityLabelsOf(draft.resource);
  return accepted(labels.length ? { ...score, securityLabels: labels } : score, warnings);
}

export function unscoredSafetyItems(draft: ScoreDraft): UnscoredSafetyItem[] {
  return (SAFETY_ITEMS[draft.instrument.id] ?? [])
    .filter((item) => (draft.items[item] ?? 0) > 0)
    .map((item) => ({
      id: draft.id,
      patientId: draft.patientId,
      instrumentId: draft.instrument.id,
      date: draft.date,
      item,
      score: draft.items[item],
      ...labelsField(draft.resource),
    }));
}
