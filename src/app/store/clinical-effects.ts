import { inject } from '@angular/core';
import { ActivatedRouteSnapshot, NavigationEnd, Router } from '@angular/router';
import { Actions, createEffect, ofType } from '@ngrx/effects';
import { concatLatestFrom } from '@ngrx/operators';
import { Store } from '@ngrx/store';
import {
  EMPTY,
  Observable,
  catchError,
  distinctUntilChanged,
  filter,
  from,
  map,
  mergeMap,
  of,
  switchMap,
  takeUntil,
} from 'rxjs';
import { SignedInUser } from '../core/auth/signed-in-user';
import { authFeature } from '../core/auth/auth-feature';
import { FhirCapabilities } from '../core/fhir/fhir-capabilities';
import { FhirClient } from '../core/fhir/fhir-client';
import { FhirError } from '../core/fhir/fhir-error';
import { isSessionEnd } from '../core/session/session-end';
import { RECOVERY_CURVES_LIBRARY } from '../domain/fhir-codes';
import { Library, mapRecoveryCurvesLibrary, mapResources } from '../fhir-mapping';
import { loadCaseload } from './caseload-query';
import { ClinicalApiActions, DataStatusActions, RouteDataActions } from './clinical-actions';
import { toClinicalData } from './clinical-data';
import { QUERY_KEYS, QueryKey } from './query-key';
import { isFresh, queriesFeature } from './queries-feature';
import { ServerWrites } from './server-feature';

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
  const own = (route.data['needs'] as QueryKey[] | undefined) ?? [];
  return [...own, ...route.children.flatMap(needsOf)];
}

/** After each navigation, the data the active routes declare in `data.needs`. */
export const routeDataNeeds$ = createEffect(
  (router = inject(Router)) => {
    return router.events.pipe(
      filter((event) => event instanceof NavigationEnd),
      mergeMap(() => [...new Set(needsOf(router.routerState.snapshot.root))]),
      map((query) => RouteDataActions.dataNeeded({ query })),
    );
  },
  { functional: true },
);

/** A need starts a load unless the data is fresh (the short cache between pages). */
export const startNeededQueries$ = createEffect(
  (actions$ = inject(Actions), store = inject(Store)) => {
    return actions$.pipe(
      ofType(RouteDataActions.dataNeeded),
      concatLatestFrom(({ query }) => store.select(queriesFeature.selectQuery(query))),
      filter(([, status]) => !isFresh(status, Date.now())),
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
        QUERY_KEYS.filter((key) => byKey[key] && byKey[key]?.status !== 'loading'),
      ),
      map((query) => ClinicalApiActions.queryStarted({ query, startedAt: Date.now() })),
    );
  },
  { functional: true },
);

export const runQuery$ = createEffect(
  (actions$ = inject(Actions), store = inject(Store), client = inject(FhirClient)) => {
    return actions$.pipe(
      ofType(ClinicalApiActions.queryStarted),
      concatLatestFrom(() => store.select(authFeature.selectUser)),
      switchMap(([{ query }, user]) => {
        if (!user) return EMPTY;
        return loadCaseload(client, user).pipe(
          map((run) => {
            const { data, mapping } = toClinicalData(mapResources(run.resources));
            return ClinicalApiActions.queryLoaded({
              query,
              data,
              patientIds: run.patientIds,
              loadedAt: Date.now(),
              partial: run.partial,
              partialReasons: run.partialReasons,
              requests: run.requests,
              mapping,
            });
          }),
          catchError((error: unknown) =>
            of(
              ClinicalApiActions.queryFailed({
                query,
                message: failureMessage(error),
                forbidden: error instanceof FhirError && error.kind === 'forbidden',
              }),
            ),
          ),
          untilSessionEnds(actions$),
        );
      }),
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

function failureMessage(error: unknown): string {
  if (error instanceof FhirError) {
    return error.kind === 'forbidden'
      ? 'The FHIR server did not permit loading this caseload.'
      : error.message;
  }
  return 'The caseload could not be loaded. Retry in a moment.';
}
