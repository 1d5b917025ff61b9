import { ClinicalData } from './clinical-data';
import { createEntitySlice } from './entity-slice';

/** The clinical entity slices: one `createFeature` each, all filled by the same query events. */
const byPatient = (record: { readonly patientId: string }) => record.patientId;
/**
 * The key of a record that two resource types may share an id across (an Appointment and an
 * Encounter, a QuestionnaireResponse and an Observation): the other type's records are keyed
 * `Type/id`, the common type's by their id alone, saving a string per record (a program holds
 * hundreds of thousands). A FHIR id has no '/'; one that has is prefixed too, so no two differ
 * only in where a key came from.
 */
function bySource<T extends { readonly sourceType: string; readonly id: string }>(
  common: T['sourceType'],
) {
  return (record: T) =>
    record.sourceType === common && !record.id.includes('/')
      ? record.id
      : `${record.sourceType}/${record.id}`;
}

export const patientsSlice = createEntitySlice('patients', {
  pick: (d: ClinicalData) => d.patients,
  patientOf: (patient) => patient.id,
});
export const episodesSlice = createEntitySlice('episodes', {
  pick: (d: ClinicalData) => d.episodes,
  patientOf: byPatient,
});
export const scoresSlice = createEntitySlice('scores', {
  pick: (d: ClinicalData) => d.scores,
  selectId: bySource('Observation'),
  patientOf: byPatient,
});
export const safetyItemsSlice = createEntitySlice('safetyItems', {
  pick: (d: ClinicalData) => d.unscoredSafetyItems,
  patientOf: byPatient,
});
export const sessionsSlice = createEntitySlice('sessions', {
  pick: (d: ClinicalData) => d.sessions,
  selectId: bySource('Encounter'),
  patientOf: byPatient,
  // The caseload reads recent sessions only (`historyFrom`).
  dateOf: (session) => session.start,
});
export const flagsSlice = createEntitySlice('flags', {
  pick: (d: ClinicalData) => d.flags,
  patientOf: byPatient,
});
export const carePlansSlice = createEntitySlice('carePlans', {
  pick: (d: ClinicalData) => d.carePlans,
  patientOf: byPatient,
});
export const careTeamsSlice = createEntitySlice('careTeams', {
  pick: (d: ClinicalData) => d.careTeams,
  patientOf: byPatient,
});
export const conditionsSlice = createEntitySlice('conditions', {
  pick: (d: ClinicalData) => d.conditions,
  patientOf: byPatient,
});
export const staffSlice = createEntitySlice('staff', { pick: (d: ClinicalData) => d.staff });
export const rolesSlice = createEntitySlice('roles', { pick: (d: ClinicalData) => d.roles });
export const organizationsSlice = createEntitySlice('organizations', {
  pick: (d: ClinicalData) => d.organizations,
});

export const CLINICAL_SLICES = [
  patientsSlice,
  episodesSlice,
  scoresSlice,
  safetyItemsSlice,
  sessionsSlice,
  flagsSlice,
  carePlansSlice,
  careTeamsSlice,
  conditionsSlice,
  staffSlice,
  rolesSlice,
  organizationsSlice,
] as const;
