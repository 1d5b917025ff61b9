import { Observable, forkJoin, map, of, switchMap } from 'rxjs';
import { FhirClient, SearchOutcome, SearchParams } from '../core/fhir/fhir-client';
import { FhirResource } from '../core/fhir/fhir-resource';
import { SignedInUser } from '../core/auth/signed-in-user';
import { Reference, referencedId } from '../fhir-mapping';
import { CalendarDay } from '../domain/models';
import { BASELINE_LOOKBACK_DAYS } from '../domain/recovery/episode-baseline';
import { addDays } from '../domain/time/calendar-day';
import { SESSION_ENCOUNTER_ELEMENTS } from './session-elements';

/** The raw result of a query: every resource it brought, and how complete that is. */
export interface QueryRun {
  readonly resources: readonly FhirResource[];
  readonly patientIds: readonly string[];
  readonly partial: boolean;
  readonly partialReasons: readonly string[];
  readonly requests: number;
  /**
   * When the load read sessions only from this day on (the caseload's recent history), not
   * whole records: a client page then loads the client's whole record itself, and the sessions
   * of covered patients are replaced only from this day on.
   */
  readonly historyFrom?: CalendarDay;
}

/**
 * Pages per search (1,000 results each), as for the outcomes query (`OUTCOMES_PAGE_CAP`). The
 * client's default of 50 stopped a director's session searches at 50,000 results: at ~2,000
 * clients in care the Appointments since the earliest active episode began run to several
 * hundred thousand, and the rows' attendance then came from a truncated history. Beyond 400
 * pages the caseload says it is partial, as every capped search does.
 */
export const CASELOAD_PAGE_CAP = 400;

/** Given each page's resources as it arrives (`SearchOptions.onPage`), to map them ahead. */
export type PageSink = (resources: readonly FhirResource[]) => void;

/** One search for the caseload's (or a client page's) patients, every page up to the cap. */
function search(
  client: FhirClient,
  type: string,
  params: SearchParams,
  onPage?: PageSink,
): Observable<SearchOutcome> {
  return client.search(type, params, { pageCap: CASELOAD_PAGE_CAP, ...(onPage ? { onPage } : {}) });
}

/**
 * Who is on the user's caseload, as one search: a therapist's active episodes they manage
 * (`careManager`), a psychiatrist's active care teams, a director's every active episode they
 * may see (the server limits that to their organisation).
 */
function caseloadSearch(client: FhirClient, user: SignedInUser): Observable<SearchOutcome> {
  switch (user.role) {
    case 'therapist':
      return search(client, 'EpisodeOfCare', {
        'care-manager': user.practitionerRef,
        status: 'active',
        _include: 'EpisodeOfCare:patient',
      });
    case 'psychiatrist':
      return search(client, 'CareTeam', {
        participant: user.practitionerRef,
        status: 'active',
        _include: 'CareTeam:patient',
      });
    case 'director':
      return search(client, 'EpisodeOfCare', {
        status: 'active',
        _include: 'EpisodeOfCare:patient',
      });
  }
}

/**
 * The searches for everything about a set of patients: one search per resource type with
 * the patients as one OR list (the client pages, and posts or splits long lists), so the number
 * of searches does not grow with the caseload. With `from`, sessions (Appointments and
 * Encounters, two thirds of a program's bytes) are read from that day on, Encounters only with
 * the elements the session mapper reads; scores stay whole, because readiness, measures due and
 * the primary measure read a client's last administrations however old they are.
 */
export function patientSearches(
  client: FhirClient,
  patients: readonly string[],
  from?: CalendarDay,
  onPage?: PageSink,
): Observable<SearchOutcome>[] {
  const patient = patients.map((id) => `Patient/${id}`);
  const recent: SearchParams = from ? { date: `ge${from}` } : {};
  return [
    search(client, 'EpisodeOfCare', { patient }),
    search(client, 'Observation', { patient }, onPage),
    search(client, 'QuestionnaireResponse', { patient }),
    search(client, 'Appointment', { patient, ...recent }, onPage),
    search(
      client,
      'Encounter',
      { patient, ...(from ? { ...recent, _elements: SESSION_ENCOUNTER_ELEMENTS } : {}) },
      onPage,
    ),
    search(client, 'Flag', { patient }),
    search(client, 'CarePlan', { patient }),
    search(client, 'Condition', { patient }),
    search(client, 'CareTeam', { patient }),
  ];
}

/**
 * The first day of sessions the caseload needs: every row reads its client's sessions in their
 * current episode (weekly hours from its start; the 14-day attendance and the next session fall
 * inside it), so the earliest start among the active episodes found, less a week (the look-back
 * a baseline gets, so missed sessions just before a start still count in a run) and a day for
 * time zones. Undefined when the search found no episode with a readable start (a
 * psychiatrist's care teams): whole histories then.
 */
export function caseloadHistoryFrom(matches: readonly FhirResource[]): CalendarDay | undefined {
  let earliest: CalendarDay | undefined;
  for (const resource of matches) {
    if (resource.resourceType !== 'EpisodeOfCare') continue;
    const start = (resource['period'] as { start?: unknown } | undefined)?.start;
    const day = typeof start === 'string' ? /^\d{4}-\d{2}-\d{2}/.exec(start)?.[0] : undefined;
    // One episode without a usable start could need any history: read it all.
    if (!day) return undefined;
    if (!earliest || day < earliest) earliest = day;
  }
  return earliest ? addDays(earliest, -(BASELINE_LOOKBACK_DAYS + 1)) : undefined;
}

/** Staff and programs, for names and grouping: small, and the same whatever the caseload. */
export function directorySearches(client: FhirClient): Observable<SearchOutcome>[] {
  return [
    client.search('PractitionerRole', { _include: 'PractitionerRole:practitioner' }),
    client.search('Organization', {}),
  ];
}

/**
 * The user's caseload: who is in care, and of their record what the caseload rows and the
 * transition board read (see `patientSearches` and `caseloadHistoryFrom`). `onPage` is given
 * the scores' and sessions' pages as they arrive.
 */
export function loadCaseload(
  client: FhirClient,
  user: SignedInUser,
  onPage?: PageSink,
): Observable<QueryRun> {
  return caseloadSearch(client, user).pipe(
    switchMap((first) => {
      const patientIds = patientIdsOf(first.matches);
      const from = caseloadHistoryFrom(first.matches);
      const rest = [
        ...(patientIds.length ? patientSearches(client, patientIds, from, onPage) : []),
        ...directorySearches(client),
      ];
      return (rest.length ? forkJoin(rest) : of([])).pipe(
        map((outcomes) => ({
          ...combine([first, ...outcomes], patientIds),
          ...(from && patientIds.length ? { historyFrom: from } : {}),
        })),
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

/**
 * The caseload's episodes come back again with the patients' history: keep each once, where it
 * was first seen, as the later copy. A search's own result holds each resource once
 * (`SearchResultSet`), so only types that more than one search returned are looked at: the
 * caseload's episodes, not its thousands of scores and sessions, nor any of the outcomes
 * query's ~770,000 resources at 5,000 episodes (keying every one of those took 0.5 s).
 */
function unique(outcomes: readonly SearchOutcome[]): FhirResource[] {
  const searchesOf = new Map<string, number>();
  for (const outcome of outcomes) {
    const types = new Set<string>();
    for (const resource of outcome.matches) types.add(resource.resourceType);
    for (const resource of outcome.includes) types.add(resource.resourceType);
    for (const type of types) searchesOf.set(type, (searchesOf.get(type) ?? 0) + 1);
  }
  const kept: FhirResource[] = [];
  const at = new Map<string, Map<string, number>>();
  const keep = (resource: FhirResource) => {
    if (!resource.id || searchesOf.get(resource.resourceType)! < 2) {
      kept.push(resource);
      return;
    }
    let ofType = at.get(resource.resourceType);
    if (!ofType) at.set(resource.resourceType, (ofType = new Map()));
    const seen = ofType.get(resource.id);
    if (seen === undefined) ofType.set(resource.id, kept.push(resource) - 1);
    else kept[seen] = resource;
  };
  for (const outcome of outcomes) {
    for (const resource of outcome.matches) keep(resource);
    for (const resource of outcome.includes) keep(resource);
  }
  return kept;
}

export function combine(
  outcomes: readonly SearchOutcome[],
  patientIds: readonly string[],
): QueryRun {
  return {
    resources: unique(outcomes),
    patientIds,
    partial: outcomes.some((o) => o.partial),
    partialReasons: [...new Set(outcomes.flatMap((o) => o.partialReasons))],
    requests: outcomes.reduce((sum, o) => sum + o.requests, 0),
  };
}
