import { Observable, forkJoin, map, switchMap } from 'rxjs';
import { FhirClient, SearchOutcome } from '../core/fhir/fhir-client';
import { PageSink, QueryRun, combine, patientSearches } from './caseload-query';

/**
 * One client's whole record: the Patient read first (a 404 or 403 stops here, so nothing of a
 * client outside the user's care team is asked for), then the same per-type searches the
 * caseload issues, for this one patient (`onPage` as for the caseload).
 */
export function loadClient(
  client: FhirClient,
  patientId: string,
  onPage?: PageSink,
): Observable<QueryRun> {
  return client.read('Patient', patientId).pipe(
    switchMap((patient) => {
      const first: SearchOutcome = {
        matches: [patient],
        includes: [],
        partial: false,
        partialReasons: [],
        requests: 1,
        warnings: [],
      };
      return forkJoin(patientSearches(client, [patientId], undefined, onPage)).pipe(
        map((outcomes) => combine([first, ...outcomes], [patientId])),
      );
    }),
  );
}
