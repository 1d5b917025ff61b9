import { routerNavigatedAction } from '@ngrx/router-store';
import { createFeature, createReducer, on } from '@ngrx/store';
import { BrowserHistoryActions, CaseloadPageActions } from './caseload-actions';
import { MAX_SEARCH_LENGTH, filtersFromParams } from './caseload-filters';

/** The caseload's path, for telling its own navigations from leaving it. */
export const CASELOAD_PATH = '/caseload';

/** How long typing must pause before the search is written to the URL. */
export const SEARCH_URL_DELAY_MS = 300;

export interface CaseloadSearchState {
  /**
   * The search as typed, while the URL has not caught up with it (the URL is written once
   * typing pauses); null when the URL's `q` is the search.
   */
  readonly typed: string | null;
}

const initialState: CaseloadSearchState = { typed: null };

export const pathOf = (url: string) => url.split(/[?#]/, 1)[0];

export const caseloadSearchFeature = createFeature({
  name: 'caseloadSearch',
  reducer: createReducer(
    initialState,
    on(CaseloadPageActions.searchTyped, (_, { q }): CaseloadSearchState => ({
      typed: q.slice(0, MAX_SEARCH_LENGTH),
    })),
    // Back and forward show the view the history entry holds, not what was being typed.
    on(BrowserHistoryActions.entryRestored, (): CaseloadSearchState => initialState),
    // Kept only while still on the caseload and the URL still carries an older search (a write
    // of an earlier keystroke landing while typing goes on).
    on(routerNavigatedAction, (state, { payload }): CaseloadSearchState =>
      state.typed !== null &&
      (pathOf(payload.routerState.url) !== CASELOAD_PATH ||
        filtersFromParams(payload.routerState.root.queryParams).q === state.typed)
        ? initialState
        : state,
    ),
  ),
});
