/**
 * Pure FHIR R4 → domain mappers (no Angular, no DOM, no Node). Each returns what it could read
 * and, for what it could not, the reason with the resource type and id only.
 */
export * from './fhir-types';
export * from './map-result';
export * from './mapping-context';
export * from './mapped-models';
export * from './staff-models';
export type { SecurityLabelCode, Labelled } from './security-labels';
export { securityLabelsOf } from './security-labels';
export { readFhirDate, observationDate, minutesBetween, isCalendarDay } from './fhir-date';
export type { DateRead } from './fhir-date';
export { parseReference, indexResources, referencedId } from './references';
export type { ParsedReference, ResourceIndex, IndexedEntry } from './references';
export type { ScoreResult, ScoreBatch } from './score-assembly';
export { mapObservation, mapObservations } from './observation-mapper';
export {
  mapQuestionnaireResponse,
  mapQuestionnaireResponses,
} from './questionnaire-response-mapper';
export { mapScores } from './score-batch';
export { mapEpisodeOfCare, mapEpisodesOfCare } from './episode-mapper';
export { mapAppointment, mapEncounter, mapSessions } from './session-mapper';
export { mapFlag, mapFlags } from './flag-mapper';
export { mapCarePlan, mapCarePlans } from './care-plan-mapper';
export { mapPatient, mapPatients } from './patient-mapper';
export {
  mapPractitioner,
  mapPractitioners,
  mapPractitionerRole,
  mapPractitionerRoles,
} from './practitioner-mapper';
export { mapCareTeam, mapCareTeams } from './care-team-mapper';
export { mapCondition, mapConditions } from './condition-mapper';
export { mapOrganization, mapOrganizations } from './organization-mapper';
export { mapRecoveryCurvesLibrary, defaultCurveSet } from './library-mapper';
export { mapResources, mapResourcesInSteps, mappedBatches } from './map-resources';
export { createMappingMemo, premap, premapInSteps } from './premap';
export type { MappingMemo } from './premap';
export { runSteps } from './steps';
export type { Steps } from './steps';
export type { MappedResources } from './map-resources';
