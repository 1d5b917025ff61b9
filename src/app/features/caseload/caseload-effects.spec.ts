import { TestBed } from '@angular/core/testing';
import { NavigationStart, Router } from '@angular/router';
import { Actions } from '@ngrx/effects';
import { SerializedRouterStateSnapshot, routerRequestAction } from '@ngrx/router-store';
import { Action } from '@ngrx/store';
import { MockStore, provideMockStore } from '@ngrx/store/testing';
import { Subject, Subscription } from 'rxjs';
import { selectQueryParams } from '../../store/router-selectors';
import { BrowserHistoryActions, CaseloadPageActions } from './caseload-actions';
import { CaseloadFilters, DEFAULT_FILTERS } from './caseload-filters';
import { historyEntryRestored$, searchToUrl$, viewToUrl$ } from './caseload-effects';
import { SEARCH_URL_DELAY_MS, caseloadSearchFeature } from './caseload-search-feature';
import { selectCaseloadFilters } from './caseload-selectors';

const requested = (url: string) =>
  routerRequestAction({
    payload: {
      routerState: { url: '/caseload', root: {} } as unknown as SerializedRouterStateSnapshot,
      event: { id: 2, url } as never,
    },
  });

describe('caseload effects', () => {
  let actions$: Subject<Action>;
  let store: MockStore;
  let router: jasmine.SpyObj<Router>;
  let subscription: Subscription;

  /** The store as the search slice leaves it: the URL's view, with the search as typed. */
  function view(url: Partial<CaseloadFilters>, typed: string | null) {
    store.overrideSelector(selectQueryParams, {
      ...(url.q ? { q: url.q } : {}),
      ...(url.flag ? { flag: url.flag } : {}),
    });
    store.overrideSelector(caseloadSearchFeature.selectTyped, typed);
    store.overrideSelector(selectCaseloadFilters, {
      ...DEFAULT_FILTERS,
      ...url,
      ...(typed === null ? {} : { q: typed }),
    });
    store.refreshState();
  }

  function type(q: string, url: Partial<CaseloadFilters> = {}) {
    view(url, q);
    actions$.next(CaseloadPageActions.searchTyped({ q }));
  }

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideMockStore()] });
    store = TestBed.inject(MockStore);
    actions$ = new Subject<Action>();
    router = jasmine.createSpyObj<Router>('Router', ['navigate']);
    router.navigate.and.resolveTo(true);
    view({}, null);
  });

  afterEach(() => {
    subscription?.unsubscribe();
    store.resetSelectors();
  });

  describe('the search', () => {
    beforeEach(() => {
      jasmine.clock().install();
      jasmine.clock().mockDate(new Date('2026-11-27T15:00:00Z'));
      subscription = searchToUrl$(actions$ as Actions, store, router).subscribe();
    });
    afterEach(() => jasmine.clock().uninstall());

    it('reaches the URL once typing pauses, replacing the history entry', () => {
      type('c', { flag: 'flagged' });
      jasmine.clock().tick(100);
      type('ce', { flag: 'flagged' });
      jasmine.clock().tick(100);
      type('ced', { flag: 'flagged' });
      jasmine.clock().tick(SEARCH_URL_DELAY_MS - 1);
      expect(router.navigate).not.toHaveBeenCalled();
      jasmine.clock().tick(1);
      expect(router.navigate).toHaveBeenCalledOnceWith(['/caseload'], {
        queryParams: { q: 'ced', flag: 'flagged' },
        replaceUrl: true,
      });
    });

    it('is not written again when the URL already has it', () => {
      type('ced', { q: 'ced' });
      jasmine.clock().tick(SEARCH_URL_DELAY_MS);
      expect(router.navigate).not.toHaveBeenCalled();
    });

    it('is not written after Back or forward, or after leaving the page', () => {
      type('ced');
      actions$.next(BrowserHistoryActions.entryRestored());
      jasmine.clock().tick(SEARCH_URL_DELAY_MS);
      type('ced');
      actions$.next(requested('/clients/p1'));
      jasmine.clock().tick(SEARCH_URL_DELAY_MS);
      expect(router.navigate).not.toHaveBeenCalled();
    });

    it('still goes out when an earlier keystroke’s write starts navigating', () => {
      type('ce');
      actions$.next(requested('/caseload?q=c'));
      jasmine.clock().tick(SEARCH_URL_DELAY_MS);
      expect(router.navigate).toHaveBeenCalledOnceWith(['/caseload'], {
        queryParams: { q: 'ce' },
        replaceUrl: true,
      });
    });
  });

  it('make a new view a new history entry, writing a waiting search first', async () => {
    subscription = viewToUrl$(actions$ as Actions, store, router).subscribe();
    view({}, 'ced');
    const filters = { ...DEFAULT_FILTERS, q: 'ced', flag: 'missed-sessions' as const };
    actions$.next(CaseloadPageActions.viewChanged({ filters }));
    await new Promise((resolve) => setTimeout(resolve));
    expect(router.navigate.calls.allArgs()).toEqual([
      [['/caseload'], { queryParams: { q: 'ced' }, replaceUrl: true }],
      [['/caseload'], { queryParams: { q: 'ced', flag: 'missed-sessions' }, replaceUrl: false }],
    ]);
  });

  it('tell Back and forward from the app’s own navigations', () => {
    const events = new Subject<NavigationStart>();
    const seen: Action[] = [];
    subscription = historyEntryRestored$({ events } as unknown as Router).subscribe((a) =>
      seen.push(a),
    );
    events.next(new NavigationStart(1, '/caseload?q=c', 'imperative'));
    events.next(new NavigationStart(2, '/caseload', 'popstate'));
    expect(seen).toEqual([BrowserHistoryActions.entryRestored()]);
  });
});
