import { Observable, forkJoin, map } from 'rxjs';
import { FhirClient } from '../core/fhir/fhir-client';
import { instrumentById } from '../domain/instruments/instrument-catalogue';
import { QueryRun, combine } from './caseload-query';

/**
 * Every episode of care the user may see, past and present (the server limits a director to
 * their organisation) with the diagnoses they name, and every PHQ-9 total: what cohort flows,
 * time in level and step-down success read. Three searches whatever the program's size (plus a
 * page per 1,000 results). The diagnoses come too because an episode mapped without them has no
 * presenting problems, and would replace the caseload's fuller copy of the same episode.
 *
 * The run covers no patient (`patientIds: []`), so it adds and refreshes records without
 * replacing the fuller records the caseload loaded for clients in care.
 */
export function loadCohort(client: FhirClient): Observable<QueryRun> {
  const phq9 = instrumentById('phq-9')!.codes;
  return forkJoin([
    client.search('EpisodeOfCare', {}),
    client.search('Condition', {}),
    client.search('Observation', { code: `${phq9.system}|${phq9.total}` }),
  ]).pipe(map((outcomes) => combine(outcomes, [])));
}
