import { InstrumentDefinition } from '../instruments/instrument';
import {
  CalendarDay,
  CarePlanRecord,
  Episode,
  SafetyFlagRecord,
  ScoreRecord,
  SessionRecord,
} from '../models';
import { RecoveryCurveSet } from '../recovery/curve-types';

/**
 * Everything readiness and step-up risk look at for one client in their current episode,
 * assembled by the caller (a selector) so the assessments stay pure.
 */
export interface ClientSnapshot {
  /** Today in the program's time zone. */
  readonly today: CalendarDay;
  readonly timeZone: string;
  /** The current episode (one stay at one level). */
  readonly episode: Episode;
  /** The client's primary measure (usually PHQ-9). */
  readonly primary: InstrumentDefinition;
  /** All the client's scores, any instrument (safety items are read from all of them). */
  readonly scores: readonly ScoreRecord[];
  readonly catalogue: readonly InstrumentDefinition[];
  /**
   * Administrations that could not be scored but answered a safety item (PHQ-9 item 9, C-SSRS):
   * read for safety only, because a positive safety item must never be lost (CLINICAL.md).
   */
  readonly safetyOnly?: readonly ScoreRecord[];
  /** The client's sessions (attendance and weekly hours are counted from these). */
  readonly sessions: readonly SessionRecord[];
  readonly flags: readonly SafetyFlagRecord[];
  readonly carePlans: readonly CarePlanRecord[];
  /** The program's expected recovery curves; the default curve is used without them. */
  readonly curves?: RecoveryCurveSet;
  /** First day of a planned taper, if one is planned. */
  readonly taperFrom?: CalendarDay;
}

export type CriterionStatus = 'met' | 'not-met' | 'unknown';

/** One explainable criterion: what was checked, the outcome, and the evidence for it. */
export interface Criterion {
  readonly id: string;
  readonly label: string;
  readonly status: CriterionStatus;
  readonly evidence: string;
}
