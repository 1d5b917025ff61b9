import { Params } from '@angular/router';
import { SerializedRouterStateSnapshot, routerNavigatedAction } from '@ngrx/router-store';
import { BrowserHistoryActions, CaseloadPageActions } from './caseload-actions';
import { DEFAULT_FILTERS } from './caseload-filters';
import { CaseloadSearchState, caseloadSearchFeature } from './caseload-search-feature';
import { selectCaseloadFilters } from './caseload-selectors';

const { reducer } = caseloadSearchFeature;

/** A completed navigation as router-store's minimal serializer reports it. */
function navigated(path: string, queryParams: Params = {}) {
  const query = new URLSearchParams(queryParams).toString();
  const url = query ? `${path}?${query}` : path;
  return routerNavigatedAction({
    payload: {
      routerState: { url, root: { queryParams } } as unknown as SerializedRouterStateSnapshot,
      event: { id: 1, url, urlAfterRedirects: url } as never,
    },
  });
}

const typed = (q: string): CaseloadSearchState =>
  reducer(undefined, CaseloadPageActions.searchTyped({ q }));

describe('caseload search', () => {
  it('holds the search as typed, at most 100 characters', () => {
    expect(typed('ced').typed).toBe('ced');
    expect(typed('x'.repeat(150)).typed).toBe('x'.repeat(100));
  });

  it('lets go of it once the URL has caught up', () => {
    expect(reducer(typed('ced'), navigated('/caseload', { q: 'ced' })).typed).toBeNull();
  });

  it('keeps it while the URL carries an earlier keystroke’s search', () => {
    expect(reducer(typed('ced'), navigated('/caseload', { q: 'ce' })).typed).toBe('ced');
  });

  it('drops it on Back or forward and on leaving the page', () => {
    expect(reducer(typed('ced'), BrowserHistoryActions.entryRestored()).typed).toBeNull();
    expect(reducer(typed('ced'), navigated('/clients/p1')).typed).toBeNull();
  });

  it('make the view the URL’s, with the search as typed until the URL has it', () => {
    expect(selectCaseloadFilters.projector({ q: 'ce', flag: 'flagged' }, null)).toEqual({
      ...DEFAULT_FILTERS,
      q: 'ce',
      flag: 'flagged',
    });
    expect(selectCaseloadFilters.projector({ q: 'ce', flag: 'flagged' }, 'ced')).toEqual({
      ...DEFAULT_FILTERS,
      q: 'ced',
      flag: 'flagged',
    });
    expect(selectCaseloadFilters.projector({ q: 'ce' }, '')).toEqual(DEFAULT_FILTERS);
  });
});
