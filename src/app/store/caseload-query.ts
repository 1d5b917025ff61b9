import { Observable, forkJoin, map, of, switchMap } from 'rxjs';
import { FhirClient, SearchOutcome } from '../core/fhir/fhir-client';
import { FhirResource } from '../core/fhir/fhir-resource';
import { SignedInUser } from '../core/auth/signed-in-user';
import { Reference, referencedId } from '../fhir-mapping';

/** The raw result of a query: every resource it brought, and how complete that is. */
export interface QueryRun {
  readonly resources: readonly FhirResource[];
  readonly patientIds: readonly string[];
  readonly partial: boolean;
  readonly partialReasons: readonly string[];
  readonly requests: number;
}

/**
 * Who is on the user's caseload, as one search: a therapist's active episodes they manage
 * (`careManager`), a psychiatrist's active care teams, a director's every active episode they
 * may see (the server limits that to their organisation).
 */
function caseloadSearch(client: FhirClient, user: SignedInUser): Observable<SearchOutcome> {
  switch (user.role) {
    case 'therapist':
      return client.search('EpisodeOfCare', {
        'care-manager': user.practitionerRef,
        status: 'active',
        _include: 'EpisodeOfCare:patient',
      });
    case 'psychiatrist':
      return client.search('CareTeam', {
        participant: user.practitionerRef,
        status: 'active',
        _include: 'CareTeam:patient',
      });
    case 'director':
      return client.search('EpisodeOfCare', {
        status: 'active',
        _include: 'EpisodeOfCare:patient',
      });
  }
}

/**
 * The searches for everything about a set of patients: one search per resource type with
 * the patients as one OR list (the client pages, and posts or splits long lists), so the number
 * of searches does not grow with the caseload.
 */
export function patientSearches(
  client: FhirClient,
  patients: readonly string[],
): Observable<SearchOutcome>[] {
  const patient = patients.map((id) => `Patient/${id}`);
  return [
    client.search('EpisodeOfCare', { patient }),
    client.search('Observation', { patient }),
    client.search('QuestionnaireResponse', { patient }),
    client.search('Appointment', { patient }),
    client.search('Encounter', { patient }),
    client.search('Flag', { patient }),
    client.search('CarePlan', { patient }),
    client.search('Condition', { patient }),
    client.search('CareTeam', { patient }),
  ];
}

/** Staff and programs, for names and grouping: small, and the same whatever the caseload. */
export function directorySearches(client: FhirClient): Observable<SearchOutcome>[] {
  return [
    client.search('PractitionerRole', { _include: 'PractitionerRole:practitioner' }),
    client.search('Organization', {}),
  ];
}

export function loadCaseload(client: FhirClient, user: SignedInUser): Observable<QueryRun> {
  return caseloadSearch(client, user).pipe(
    switchMap((first) => {
      const patientIds = patientIdsOf(first.matches);
      const rest = [
        ...(patientIds.length ? patientSearches(client, patientIds) : []),
        ...directorySearches(client),
      ];
      return (rest.length ? forkJoin(rest) : of([])).pipe(
        map((outcomes) => combine([first, ...outcomes], patientIds)),
      );
    }),
  );
}

function patientIdsOf(matches: readonly FhirResource[]): string[] {
  const ids = new Set<string>();
  for (const resource of matches) {
    const ref = (resource['patient'] ?? resource['subject']) as Reference | undefined;
    const read = referencedId(ref, 'Patient', `${resource.resourceType}.patient`);
    if ('id' in read && read.id) ids.add(read.id);
  }
  return [...ids].sort();
}

/** The caseload's episodes come back again with the patients' history: keep each once. */
function unique(resources: readonly FhirResource[]): FhirResource[] {
  const byKey = new Map<string, FhirResource>();
  for (const resource of resources) {
    byKey.set(resource.id ? `${resource.resourceType}/${resource.id}` : `#${byKey.size}`, resource);
  }
  return [...byKey.values()];
}

export function combine(
  outcomes: readonly SearchOutcome[],
  patientIds: readonly string[],
): QueryRun {
  return {
    resources: unique(outcomes.flatMap((o) => [...o.matches, ...o.includes])),
    patientIds,
    partial: outcomes.some((o) => o.partial),
    partialReasons: [...new Set(outcomes.flatMap((o) => o.partialReasons))],
    requests: outcomes.reduce((sum, o) => sum + o.requests, 0),
  };
}
