/**
 * The domain records as the mappers hand them over: the domain type plus the security labels the
 * resource carried (and, where a record can come from two resource types, which one it came from).
 */
import {
  CarePlanRecord,
  Episode,
  PlannedTransition,
  SafetyFlagRecord,
  ScoreRecord,
  SessionRecord,
} from '../domain/models';
import { Labelled } from './security-labels';

export type MappedScore = ScoreRecord &
  Labelled & { readonly sourceType: 'Observation' | 'QuestionnaireResponse' };

/** A planned transition with who recorded it, when, and the planned episode it made. */
export interface MappedPlannedTransition extends PlannedTransition {
  readonly recordedBy?: { readonly practitionerId?: string; readonly display?: string };
  /** FHIR dateTime, as written. */
  readonly recordedAt?: string;
  readonly plannedEpisodeId?: string;
}

/**
 * `versionId` is the version the user is shown, so a write sends it as `If-Match` and a change
 * made since is refused rather than overwritten.
 */
export type MappedEpisode = Omit<Episode, 'plannedTransition'> &
  Labelled & {
    readonly versionId?: string;
    readonly plannedTransition?: MappedPlannedTransition;
  };

export type MappedSession = SessionRecord &
  Labelled & { readonly sourceType: 'Appointment' | 'Encounter' };

export type MappedFlag = SafetyFlagRecord & Labelled;

export type MappedCarePlan = CarePlanRecord & Labelled;

/**
 * A safety item (PHQ-9 item 9, C-SSRS items 4–6) answered above 0 in a source that could not be
 * scored as a whole. The administration is rejected, but the answer must still reach the safety
 * check (CLINICAL.md: item 9 > 0 must never be missed), so the batch hands it over separately.
 */
export interface UnscoredSafetyItem extends Labelled {
  readonly id: string;
  readonly patientId: string;
  readonly instrumentId: string;
  readonly date: string;
  readonly item: string;
  readonly score: number;
}
