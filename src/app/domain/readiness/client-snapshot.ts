import { InstrumentDefinition } from '../instruments/instrument';
import {
  CalendarDay,
  CarePlanRecord,
  Episode,
  SafetyFlagRecord,
  ScoreRecord,
  SessionRecord,
} from '../models';
import { RecoveryCurveSet } from '../recovery/recovery-curves';

/** Everything readiness and step-up risk look at for one client in their current episode. */
export interface ClientSnapshot {
  readonly today: CalendarDay;
  readonly timeZone: string;
  readonly episode: Episode;
  /** The client's primary measure (usually PHQ-9). */
  readonly primary: InstrumentDefinition;
  /** All the client's scores, any instrument. */
  readonly scores: readonly ScoreRecord[];
  readonly catalogue: readonly InstrumentDefinition[];
  readonly sessions: readonly SessionRecord[];
  readonly flags: readonly SafetyFlagRecord[];
  readonly carePlans: readonly CarePlanRecord[];
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
