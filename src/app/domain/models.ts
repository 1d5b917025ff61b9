/**
 * Waypoint's clinical domain model: what the mappers produce from FHIR and what every
 * calculation in `domain/` consumes. Pure types, no Angular, no FHIR shapes.
 *
 * Dates: a FHIR `date` ("2024-05-03", or partial "2024-05" / "2024") is a calendar day with
 * no time zone and is kept as a string so it can never shift a day; a FHIR `dateTime` with a
 * time is an instant and is kept as its ISO string. `dates.ts` turns either into a calendar
 * day in the program's time zone, which is what weeks and days are counted in.
 */

/** A calendar day, `YYYY-MM-DD`, in the program's time zone. */
export type CalendarDay = string;

/** A FHIR date or dateTime as received: `YYYY`, `YYYY-MM`, `YYYY-MM-DD` or an ISO instant. */
export type FhirDateValue = string;

/** Waypoint's level-of-care ladder, highest intensity first (see `levels-of-care.ts`). */
export type LevelOfCare = 'inpatient' | 'residential' | 'php' | 'iop' | 'outpatient' | 'aftercare';

/** Treatment modalities a session can carry (codes in `fhir-codes.ts`). */
export type Modality =
  | 'individual-therapy'
  | 'cbt'
  | 'dbt-skills'
  | 'trauma-focused'
  | 'mi-relapse-prevention'
  | 'medication-management'
  | 'psychoeducation'
  | 'family';

/** Why an episode (one stay at one level) ended. */
export type EpisodeEndReason =
  'completed' | 'stepped-down' | 'stepped-up' | 'left-early' | 'transferred' | 'other';

/** How a client came into the program's first episode. */
export type EntryRoute = 'inpatient' | 'residential' | 'php' | 'direct' | 'outpatient' | 'other';

export type EpisodeStatus = 'planned' | 'waitlist' | 'active' | 'onhold' | 'finished' | 'cancelled';

/** A planned transition recorded on an active episode (step-down or step-up). */
export interface PlannedTransition {
  readonly targetLevel: LevelOfCare;
  readonly plannedDate: CalendarDay;
  readonly reason?: string;
  readonly note?: string;
}

/** One stay at one level of care (FHIR EpisodeOfCare). */
export interface Episode {
  readonly id: string;
  readonly patientId: string;
  readonly level: LevelOfCare;
  readonly status: EpisodeStatus;
  readonly start: FhirDateValue;
  readonly end?: FhirDateValue;
  readonly careManagerId?: string;
  readonly programId?: string;
  readonly endReason?: EpisodeEndReason;
  readonly entryRoute?: EntryRoute;
  readonly plannedTransition?: PlannedTransition;
  /** Presenting-problem groups (e.g. 'depression', 'substance-use'), see `fhir-codes.ts`. */
  readonly presentingProblems?: readonly string[];
}

/** One administration of an instrument (FHIR Observation or scored QuestionnaireResponse). */
export interface ScoreRecord {
  readonly id: string;
  readonly patientId: string;
  readonly instrumentId: string;
  readonly date: FhirDateValue;
  readonly total: number;
  /** Item scores keyed by item id (e.g. PHQ-9 item 9 is `'9'`), where the source carried them. */
  readonly items?: Readonly<Record<string, number>>;
}

export type SessionStatus = 'scheduled' | 'attended' | 'missed' | 'cancelled';

/** A scheduled or attended session (FHIR Appointment and/or Encounter). */
export interface SessionRecord {
  readonly id: string;
  readonly patientId: string;
  readonly episodeId?: string;
  readonly modality: Modality;
  readonly status: SessionStatus;
  readonly start: FhirDateValue;
  /** Planned length for scheduled sessions, delivered length for attended ones. */
  readonly minutes: number;
}

/** An active or past safety alert (FHIR Flag). */
export interface SafetyFlagRecord {
  readonly id: string;
  readonly patientId: string;
  readonly active: boolean;
  readonly start?: FhirDateValue;
  readonly end?: FhirDateValue;
  readonly text?: string;
}

export type CarePlanKind = 'treatment-plan' | 'relapse-prevention' | 'aftercare';

/** A care plan (FHIR CarePlan) with the next review date where the plan carries one. */
export interface CarePlanRecord {
  readonly id: string;
  readonly patientId: string;
  readonly kind: CarePlanKind;
  readonly status: 'draft' | 'active' | 'on-hold' | 'revoked' | 'completed' | 'unknown';
  readonly created?: FhirDateValue;
  readonly nextReview?: CalendarDay;
}

/** Something a calculation could not use, with the reason, so the UI can count it. */
export interface Rejected<T = unknown> {
  readonly item: T;
  readonly reason: string;
}
