import { inject } from '@angular/core';
import { NavigationStart, Router } from '@angular/router';
import { Actions, createEffect, ofType } from '@ngrx/effects';
import { concatLatestFrom } from '@ngrx/operators';
import { routerRequestAction } from '@ngrx/router-store';
import { Store } from '@ngrx/store';
import {
  EMPTY,
  SchedulerLike,
  asyncScheduler,
  concatMap,
  filter,
  from,
  map,
  of,
  switchMap,
  timer,
} from 'rxjs';
import { selectQueryParams } from '../../store/router-selectors';
import { BrowserHistoryActions, CaseloadPageActions } from './caseload-actions';
import { CaseloadFilters, filtersFromParams, paramsFromFilters } from './caseload-filters';
import {
  CASELOAD_PATH,
  SEARCH_URL_DELAY_MS,
  caseloadSearchFeature,
  pathOf,
} from './caseload-search-feature';
import { selectCaseloadFilters } from './caseload-selectors';

const navigate = (router: Router, filters: CaseloadFilters, replaceUrl: boolean) =>
  from(
    router
      .navigate([CASELOAD_PATH], { queryParams: paramsFromFilters(filters), replaceUrl })
      .catch(() => false),
  );

/**
 * The view lives in the URL, so Back and forward step through views and a view can be
 * bookmarked. A quick filter, sort or scope change is a new history entry; a search still
 * waiting to be written goes first, replacing the current entry as typing does, so Back from
 * the new view returns to the search.
 */
export const viewToUrl$ = createEffect(
  (actions$ = inject(Actions), store = inject(Store), router = inject(Router)) => {
    return actions$.pipe(
      ofType(CaseloadPageActions.viewChanged),
      concatLatestFrom(() => [
        store.select(selectQueryParams),
        store.select(caseloadSearchFeature.selectTyped),
      ]),
      concatMap(([{ filters }, params, typed]) => {
        const shown = filtersFromParams(params ?? {});
        const search =
          typed !== null && typed !== shown.q
            ? navigate(router, { ...shown, q: typed }, true)
            : of(true);
        return search.pipe(concatMap(() => navigate(router, filters, false)));
      }),
    );
  },
  { functional: true, dispatch: false },
);

/**
 * Search keystrokes filter at once (the typed text is in the store); the URL follows once typing
 * pauses, replacing the entry rather than adding one per key, so a reload or a bookmark keeps
 * the search without a navigation per keystroke. A new view takes the search with it; Back,
 * forward or leaving the page drop a write still waiting.
 */
export const searchToUrl$ = createEffect(
  (
    actions$ = inject(Actions),
    store = inject(Store),
    router = inject(Router),
    scheduler: SchedulerLike = asyncScheduler,
  ) => {
    return actions$.pipe(
      ofType(
        CaseloadPageActions.searchTyped,
        CaseloadPageActions.viewChanged,
        BrowserHistoryActions.entryRestored,
        routerRequestAction,
      ),
      filter(
        (action) =>
          action.type !== routerRequestAction.type ||
          pathOf(action.payload.event.url) !== CASELOAD_PATH,
      ),
      switchMap((action) =>
        action.type === CaseloadPageActions.searchTyped.type
          ? timer(SEARCH_URL_DELAY_MS, scheduler)
          : EMPTY,
      ),
      concatLatestFrom(() => [
        store.select(selectQueryParams),
        store.select(selectCaseloadFilters),
      ]),
      filter(([, params, filters]) => filtersFromParams(params ?? {}).q !== filters.q),
      switchMap(([, , filters]) => navigate(router, filters, true)),
    );
  },
  { functional: true, dispatch: false },
);

/**
 * Back and forward, told apart from the app's own navigations (router-store's minimal events
 * leave out what started a navigation).
 */
export const historyEntryRestored$ = createEffect(
  (router = inject(Router)) => {
    return router.events.pipe(
      filter(
        (event): event is NavigationStart =>
          event instanceof NavigationStart && event.navigationTrigger === 'popstate',
      ),
      map(() => BrowserHistoryActions.entryRestored()),
    );
  },
  { functional: true },
);
