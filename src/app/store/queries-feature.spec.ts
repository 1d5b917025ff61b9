import { ClinicalApiActions } from './clinical-actions';
import { IDLE_QUERY, QUERY_CACHE_MS, isFresh, queriesFeature } from './queries-feature';
import { EMPTY_DATA, NO_PROBLEMS } from './store-fixtures';

describe('queriesFeature', () => {
  const reducer = queriesFeature.reducer;
  const loadedAction = ClinicalApiActions.queryLoaded({
    query: 'caseload',
    data: EMPTY_DATA,
    patientIds: ['p1', 'p2'],
    loadedAt: 1_000,
    partial: true,
    partialReasons: ['The page cap stopped paging.'],
    requests: 14,
    mapping: { ...NO_PROBLEMS, rejected: 2 },
  });

  it('records status, time, partial reasons, requests, patients and mapping problems per query', () => {
    let state = reducer(
      undefined,
      ClinicalApiActions.queryStarted({ query: 'caseload', startedAt: 500 }),
    );
    expect(queriesFeature.selectQuery('caseload').projector(state.byKey)).toEqual({
      ...IDLE_QUERY,
      status: 'loading',
      startedAt: 500,
    });
    state = reducer(state, loadedAction);
    expect(state.byKey.caseload).toEqual({
      status: 'loaded',
      loadedAt: 1_000,
      partial: true,
      partialReasons: ['The page cap stopped paging.'],
      requests: 14,
      mapping: { ...NO_PROBLEMS, rejected: 2 },
      patientIds: ['p1', 'p2'],
    });
  });

  it('records the day a recent-history load read from, so it does not stand for whole records', () => {
    const state = reducer(
      undefined,
      ClinicalApiActions.queryLoaded({ ...loadedAction, historyFrom: '2026-09-27' }),
    );
    expect(state.byKey.caseload?.historyFrom).toBe('2026-09-27');
    const whole = reducer(undefined, loadedAction);
    expect(whole.byKey.caseload && 'historyFrom' in whole.byKey.caseload).toBeFalse();
  });

  it('keeps what was loaded while refreshing, and says why a load failed', () => {
    let state = reducer(undefined, loadedAction);
    state = reducer(
      state,
      ClinicalApiActions.queryStarted({ query: 'caseload', startedAt: 2_000 }),
    );
    expect(state.byKey.caseload?.loadedAt).toBe(1_000);
    state = reducer(
      state,
      ClinicalApiActions.queryFailed({
        query: 'caseload',
        message: 'Not permitted',
        forbidden: true,
      }),
    );
    expect(state.byKey.caseload).toEqual(
      jasmine.objectContaining({
        status: 'failed',
        error: 'Not permitted',
        forbidden: true,
        loadedAt: 1_000,
      }),
    );
  });

  it('treats data as fresh while loading or for five minutes after loading', () => {
    const loaded = { ...IDLE_QUERY, status: 'loaded' as const, loadedAt: 0 };
    expect(isFresh(IDLE_QUERY, 0)).toBeFalse();
    expect(isFresh({ ...IDLE_QUERY, status: 'loading' }, 10 ** 9)).toBeTrue();
    expect(isFresh(loaded, QUERY_CACHE_MS - 1)).toBeTrue();
    expect(isFresh(loaded, QUERY_CACHE_MS)).toBeFalse();
    expect(isFresh({ ...loaded, status: 'failed' }, 1)).toBeFalse();
  });
});
