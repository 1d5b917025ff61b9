import { MemoizedSelector, createFeature, createReducer, createSelector, on } from '@ngrx/store';
import { ClinicalApiActions } from './clinical-actions';
import { MappingSummary } from './clinical-data';
import { QueryKey } from './query-key';

export type QueryLoadStatus = 'idle' | 'loading' | 'loaded' | 'failed';

/** Where one query stands: what the data status bar shows and the cache decides with. */
export interface QueryStatus {
  readonly status: QueryLoadStatus;
  readonly startedAt?: number;
  readonly loadedAt?: number;
  readonly partial: boolean;
  readonly partialReasons: readonly string[];
  readonly requests: number;
  /** The patients the last load covered (a client page is served from the caseload's). */
  readonly patientIds?: readonly string[];
  /**
   * Set when the load read those patients' sessions only from this day on (the caseload): it
   * then stands for their current care, not their whole record.
   */
  readonly historyFrom?: string;
  readonly mapping?: MappingSummary;
  readonly error?: string;
  readonly forbidden?: boolean;
}

export const IDLE_QUERY: QueryStatus = {
  status: 'idle',
  partial: false,
  partialReasons: [],
  requests: 0,
};

export interface QueriesState {
  readonly byKey: Readonly<Partial<Record<QueryKey, QueryStatus>>>;
}

const initialState: QueriesState = { byKey: {} };

export const queriesFeature = createFeature({
  name: 'queries',
  reducer: createReducer(
    initialState,
    on(ClinicalApiActions.queryStarted, (state, { query, startedAt }): QueriesState => ({
      byKey: {
        ...state.byKey,
        // Keep what was loaded on screen while it refreshes.
        [query]: { ...(state.byKey[query] ?? IDLE_QUERY), status: 'loading', startedAt },
      },
    })),
    on(
      ClinicalApiActions.queryLoaded,
      (
        state,
        { query, loadedAt, partial, partialReasons, requests, mapping, patientIds, historyFrom },
      ): QueriesState => ({
        byKey: {
          ...state.byKey,
          [query]: {
            status: 'loaded',
            loadedAt,
            partial,
            partialReasons,
            requests,
            mapping,
            patientIds,
            ...(historyFrom ? { historyFrom } : {}),
          },
        },
      }),
    ),
    on(ClinicalApiActions.queryFailed, (state, { query, message, forbidden }): QueriesState => ({
      byKey: {
        ...state.byKey,
        [query]: {
          ...(state.byKey[query] ?? IDLE_QUERY),
          status: 'failed',
          error: message,
          forbidden,
        },
      },
    })),
  ),
  extraSelectors: ({ selectByKey }) => {
    // One selector per key, so every caller (and a spec's override) shares its memo.
    const byQuery = new Map<QueryKey, MemoizedSelector<object, QueryStatus>>();
    return {
      selectQuery: (query: QueryKey): MemoizedSelector<object, QueryStatus> => {
        let selector = byQuery.get(query);
        if (!selector) {
          selector = createSelector(
            selectByKey,
            (byKey): QueryStatus => byKey[query] ?? IDLE_QUERY,
          );
          byQuery.set(query, selector);
        }
        return selector;
      },
    };
  },
});

/** How long loaded data is reused when moving between pages, before a route refetches it. */
export const QUERY_CACHE_MS = 5 * 60_000;

/** Whether a route's need is already met: loaded recently, or loading now. */
export function isFresh(status: QueryStatus, now: number): boolean {
  if (status.status === 'loading') return true;
  return (
    status.status === 'loaded' &&
    status.loadedAt !== undefined &&
    now - status.loadedAt < QUERY_CACHE_MS
  );
}
