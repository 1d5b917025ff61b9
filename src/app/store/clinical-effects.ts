import { inject } from '@angular/core';
import { ActivatedRouteSnapshot, GuardsCheckEnd, Router } from '@angular/router';
import { Actions, createEffect, ofType } from '@ngrx/effects';
import { concatLatestFrom } from '@ngrx/operators';
import { Store } from '@ngrx/store';
import {
  EMPTY,
  Observable,
  Subscription,
  catchError,
  defer,
  distinctUntilChanged,
  filter,
  finalize,
  from,
  groupBy,
  map,
  mergeMap,
  of,
  switchMap,
  takeUntil,
  tap,
} from 'rxjs';
import { SignedInUser } from '../core/auth/signed-in-user';
import { authFeature } from '../core/auth/auth-feature';
import { FhirCapabilities } from '../core/fhir/fhir-capabilities';
import { FhirClient } from '../core/fhir/fhir-client';
import { FhirError } from '../core/fhir/fhir-error';
import { isSessionEnd } from '../core/session/session-end';
import { RECOVERY_CURVES_LIBRARY } from '../domain/fhir-codes';
import {
  Library,
  MappedResources,
  MappingContext,
  createMappingMemo,
  mapRecoveryCurvesLibrary,
  mapResourcesInSteps,
  premapInSteps,
} from '../fhir-mapping';
import { runInSlices } from '../core/perf/run-in-slices';
import { PageSink, QueryRun, loadCaseload } from './caseload-query';
import { loadClient } from './client-query';
import { loadCohort } from './cohort-query';
import { loadOutcomes } from './outcomes-query';
import { ClinicalApiActions, DataStatusActions, RouteDataActions } from './clinical-actions';
import { toClinicalData } from './clinical-data';
import { QueryKey, RouteNeed, clientOfQuery, clientQueryKey } from './query-key';
import { QueryStatus, isFresh, queriesFeature } from './queries-feature';
import { ServerWrites } from './server-feature';
import { APP_CONFIG } from '../core/config/app-config';
import { mappingContextOf } from './mapping-context';

/** Resource types Waypoint may write (step-down planning, care plans, safety flags). */
const WRITABLE_TYPES = ['EpisodeOfCare', 'CarePlan', 'Flag', 'Appointment'] as const;

/** Stops a load when the session ends, so a late answer cannot refill a cleared store. */
function untilSessionEnds<T>(actions$: Actions) {
  return (source: Observable<T>) =>
    source.pipe(takeUntil(actions$.pipe(filter((action) => isSessionEnd(action)))));
}

/**
 * Each newly signed-in user. These effects are registered when the shell's routes load, after
 * sign-in, so they watch the user in the store rather than the sign-in event.
 */
function signedInUsers(store: Store) {
  return store.select(authFeature.selectUser).pipe(
    distinctUntilChanged((a, b) => a?.practitionerRef === b?.practitionerRef),
    filter((user): user is SignedInUser => user !== null),
  );
}

function needsOf(route: ActivatedRouteSnapshot): QueryKey[] {
  const own = (route.data['needs'] as RouteNeed[] | undefined) ?? [];
  const keys = own.flatMap((need): QueryKey[] => {
    if (need === 'client') {
      const patientId = route.paramMap.get('patientId');
      return patientId ? [clientQueryKey(patientId)] : [];
    }
    return [need];
  });
  return [...keys, ...route.children.flatMap(needsOf)];
}

/**
 * A client's whole record is already in the store when a fresh caseload load covered them and
 * read whole histories (a psychiatrist's, whose care teams give no episode dates to bound it
 * by). A caseload that read recent history only does not: the client's own load is small. A
 * partial caseload (a page failed) does not count either.
 */
function coveredByCaseload(caseload: QueryStatus, patientId: string, now: number): boolean {
  return (
    caseload.status === 'loaded' &&
    !caseload.partial &&
    !caseload.historyFrom &&
    isFresh(caseload, now) &&
    !!caseload.patientIds?.includes(patientId)
  );
}

/**
 * For each navigation, the data the routes it activates declare in `data.needs`, asked for once
 * its guards have let it through: before its route components are created and the page first
 * rendered (about 30 ms for the shell and the caseload), which the loads need not wait for.
 */
export const routeDataNeeds$ = createEffect(
  (router = inject(Router)) => {
    return router.events.pipe(
      filter(
        (event): event is GuardsCheckEnd => event instanceof GuardsCheckEnd && event.shouldActivate,
      ),
      mergeMap((event) => [...new Set(needsOf(event.state.root))]),
      map((query) => RouteDataActions.dataNeeded({ query })),
    );
  },
  { functional: true },
);

/**
 * A need starts a load unless the data is fresh (the short cache between pages). A client's
 * need is also met by a fresh caseload that read their whole record; it does not wait for a
 * caseload in flight, which reads recent history only (or runs on another page's behalf), so
 * a client's page never waits for the whole caseload.
 */
export const startNeededQueries$ = createEffect(
  (actions$ = inject(Actions), store = inject(Store)) => {
    return actions$.pipe(
      ofType(RouteDataActions.dataNeeded),
      concatLatestFrom(({ query }) => [
        store.select(queriesFeature.selectQuery(query)),
        store.select(queriesFeature.selectQuery('caseload')),
      ]),
      filter(([{ query }, status, caseload]) => {
        const now = Date.now();
        const patientId = clientOfQuery(query);
        if (patientId && coveredByCaseload(caseload, patientId, now)) return false;
        return !isFresh(status, now);
      }),
      map(([{ query }]) => ClinicalApiActions.queryStarted({ query, startedAt: Date.now() })),
    );
  },
  { functional: true },
);

/** Refresh reloads every query that has been loaded (or has failed), ignoring the cache. */
export const refreshQueries$ = createEffect(
  (actions$ = inject(Actions), store = inject(Store)) => {
    return actions$.pipe(
      ofType(DataStatusActions.refreshClicked),
      concatLatestFrom(() => store.select(queriesFeature.selectByKey)),
      mergeMap(([, byKey]) =>
        (Object.keys(byKey) as QueryKey[]).filter((key) => byKey[key]?.status !== 'loading'),
      ),
      map((query) => ClinicalApiActions.queryStarted({ query, startedAt: Date.now() })),
    );
  },
  { functional: true },
);

function runFor(
  client: FhirClient,
  query: QueryKey,
  user: SignedInUser,
  onPage: PageSink,
): Observable<QueryRun> {
  if (query === 'cohort') return loadCohort(client);
  if (query === 'outcomes') return loadOutcomes(client, undefined, undefined, onPage);
  const patientId = clientOfQuery(query);
  return patientId ? loadClient(client, patientId, onPage) : loadCaseload(client, user, onPage);
}

/**
 * A query's run and its mapping. Pages of scores and sessions are mapped ahead as they arrive
 * (`premap.ts`), in slices below the priority of the query's own mapping, so that once the last
 * page lands only what joins resources is left: the searches of a load end within milliseconds
 * of each other, and mapping all of it after the last was most of the time between the data
 * and the page. Whatever is still waiting to be mapped ahead then is mapped with the batch.
 */
function loadAndMap(
  load: (onPage: PageSink) => Observable<QueryRun>,
  context: MappingContext,
  priority: number,
): Observable<{ run: QueryRun; mapped: MappedResources }> {
  return defer(() => {
    const memo = createMappingMemo(context);
    const ahead = new Subscription();
    const onPage: PageSink = (resources) => {
      ahead.add(
        runInSlices(premapInSteps(resources, memo), {
          priority: priority - 0.5,
          background: true,
        }).subscribe(),
      );
    };
    return load(onPage).pipe(
      tap(() => ahead.unsubscribe()),
      // Mapped a slice at a time: a caseload's thousands of resources in one go held the main
      // thread for hundreds of milliseconds, delaying input and paint.
      switchMap((run) =>
        runInSlices(mapResourcesInSteps(run.resources, { ...context, memo }), { priority }).pipe(
          map((mapped) => ({ run, mapped })),
        ),
      ),
      finalize(() => ahead.unsubscribe()),
    );
  });
}

/** Runs each query; a new start of the same query replaces the one in flight, not the others. */
export const runQuery$ = createEffect(
  (
    actions$ = inject(Actions),
    store = inject(Store),
    client = inject(FhirClient),
    context = mappingContextOf(inject(APP_CONFIG)),
  ) => {
    return actions$.pipe(
      ofType(ClinicalApiActions.queryStarted),
      groupBy(({ query }) => query),
      mergeMap((starts$) =>
        starts$.pipe(
          concatLatestFrom(() => store.select(authFeature.selectUser)),
          switchMap(([{ query }, user]) => {
            if (!user) return EMPTY;
            // A client's record goes before the caseload the shell loads beside it: its page
            // waits on it.
            return loadAndMap(
              (onPage) => runFor(client, query, user, onPage),
              context,
              clientOfQuery(query) ? 1 : 0,
            ).pipe(
              map(({ run, mapped }) => {
                const { data, mapping } = toClinicalData(mapped);
                return ClinicalApiActions.queryLoaded({
                  query,
                  data,
                  patientIds: run.patientIds,
                  loadedAt: Date.now(),
                  partial: run.partial,
                  partialReasons: run.partialReasons,
                  requests: run.requests,
                  mapping,
                  ...(run.historyFrom ? { historyFrom: run.historyFrom } : {}),
                });
              }),
              catchError((error: unknown) => of(queryFailed(query, error))),
              untilSessionEnds(actions$),
            );
          }),
        ),
      ),
    );
  },
  { functional: true },
);

/** The program's expected recovery curves, once per session; the default when unavailable. */
export const loadRecoveryCurves$ = createEffect(
  (actions$ = inject(Actions), store = inject(Store), client = inject(FhirClient)) => {
    return signedInUsers(store).pipe(
      switchMap(() =>
        client.search('Library', { url: RECOVERY_CURVES_LIBRARY.url }).pipe(
          map((outcome) => outcome.matches[0] as Library | undefined),
          catchError(() => of(undefined)),
          map((library) => {
            const result = mapRecoveryCurvesLibrary(library);
            const problem = result.problems.map((p) => p.reason).join('; ');
            return ClinicalApiActions.recoveryCurvesLoaded({
              curves: result.value!,
              ...(problem ? { problem } : {}),
            });
          }),
          untilSessionEnds(actions$),
        ),
      ),
    );
  },
  { functional: true },
);

/** What the server lets Waypoint write, so features offer writes only where they work. */
export const loadServerWrites$ = createEffect(
  (store = inject(Store), capabilities = inject(FhirCapabilities)) => {
    return signedInUsers(store).pipe(
      switchMap(() =>
        from(capabilities.ready()).pipe(
          catchError(() => of(null)),
          map(() => {
            const writes: Record<string, { create: boolean; update: boolean }> = {};
            for (const type of WRITABLE_TYPES) {
              writes[type] = {
                create: capabilities.canWrite(type, 'create'),
                update: capabilities.canWrite(type, 'update'),
              };
            }
            return ClinicalApiActions.serverCapabilitiesLoaded({ writes: writes as ServerWrites });
          }),
        ),
      ),
    );
  },
  { functional: true },
);

function queryFailed(query: QueryKey, error: unknown) {
  const forClient = clientOfQuery(query) !== undefined;
  const refused =
    error instanceof FhirError &&
    (error.kind === 'forbidden' || (forClient && error.kind === 'not-found'));
  return ClinicalApiActions.queryFailed({
    query,
    message: failureMessage(error, query),
    forbidden: refused,
  });
}

/** What a query loads, as the subject of a sentence. */
const QUERY_SUBJECT: Readonly<Record<'caseload' | 'cohort' | 'outcomes', string>> = {
  caseload: 'The caseload',
  cohort: "The program's episodes",
  outcomes: "The program's outcome data",
};

function failureMessage(error: unknown, query: QueryKey): string {
  const forClient = clientOfQuery(query) !== undefined;
  const what = forClient
    ? "This client's record"
    : QUERY_SUBJECT[query as keyof typeof QUERY_SUBJECT];
  if (error instanceof FhirError) {
    // The server answers 404 for a patient outside the user's care team, so as not to reveal
    // that the record exists: the page says both.
    if (forClient && (error.kind === 'forbidden' || error.kind === 'not-found'))
      return "This client's record was not found, or you are not permitted to see it.";
    if (error.kind === 'forbidden')
      return `The FHIR server did not permit loading ${query === 'caseload' ? 'this caseload' : what.replace(/^The /, 'the ')}.`;
    return error.message;
  }
  return `${what} could not be loaded. Retry in a moment.`;
}
