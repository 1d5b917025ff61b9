import { Observable, forkJoin, map } from 'rxjs';
import { FhirClient } from '../core/fhir/fhir-client';
import { instrumentById } from '../domain/instruments/instrument-catalogue';
import { QueryRun, combine } from './caseload-query';

/**
 * Every episode of care the user may see, past and present (the server limits a director to
 * their organisation), and every PHQ-9 total: what cohort flows, time in level and step-down
 * success read. Two searches whatever the program's size (plus a page per 1,000 results).
 *
 * The run covers no patient (`patientIds: []`), so it adds and refreshes records without
 * replacing the fuller records the caseload loaded for clients in care.
 */
export function loadCohort(client: FhirClient): Observable<QueryRun> {
  const phq9 = instrumentById('phq-9')!.codes;
  return forkJoin([
    client.search('EpisodeOfCare', {}),
    client.search('Observation', { code: `${phq9.system}|${phq9.total}` }),
  ]).pipe(map((outcomes) => combine(outcomes, [])));
}
