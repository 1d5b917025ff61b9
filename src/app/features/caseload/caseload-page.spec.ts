import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatChipOptionHarness } from '@angular/material/chips/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { MatSortHarness } from '@angular/material/sort/testing';
import { MatTableHarness } from '@angular/material/table/testing';
import { Router, provideRouter } from '@angular/router';
import { Action } from '@ngrx/store';
import { MockStore, provideMockStore } from '@ngrx/store/testing';
import { authFeature } from '../../core/auth/auth-feature';
import { configFeature } from '../../core/config/config-feature';
import { todayIn } from '../../domain/time/calendar-day';
import { IDLE_QUERY, QueryStatus, queriesFeature } from '../../store/queries-feature';
import { selectQueryParams } from '../../store/router-selectors';
import { CaseloadPageActions } from './caseload-actions';
import { DEFAULT_FILTERS } from './caseload-filters';
import { caseload, row } from './caseload-fixture';
import { CaseloadPage } from './caseload-page';
import { CaseloadRow } from './caseload-row';
import { caseloadSearchFeature } from './caseload-search-feature';
import { selectCareManagers, selectCaseloadRows, selectPrograms } from './caseload-selectors';

const initialSearch = () => caseloadSearchFeature.reducer(undefined, { type: '' });

describe('CaseloadPage', () => {
  afterEach(() => TestBed.inject(MockStore).resetSelectors());

  async function render(
    options: { rows?: CaseloadRow[]; params?: Record<string, string>; query?: QueryStatus } = {},
  ) {
    const today = todayIn('America/Chicago', new Date());
    TestBed.configureTestingModule({
      imports: [CaseloadPage],
      providers: [
        provideRouter([]),
        provideMockStore({
          initialState: { caseloadSearch: initialSearch() },
          selectors: [
            { selector: configFeature.selectProgramTimeZone, value: 'America/Chicago' },
            { selector: selectQueryParams, value: options.params ?? {} },
            { selector: selectCaseloadRows(today), value: options.rows ?? caseload() },
            {
              selector: queriesFeature.selectQuery('caseload'),
              value: options.query ?? { ...IDLE_QUERY, status: 'loaded' },
            },
            { selector: authFeature.selectUser, value: null },
            { selector: selectCareManagers, value: [] },
            { selector: selectPrograms, value: [] },
          ],
        }),
      ],
    });
    const fixture = TestBed.createComponent(CaseloadPage);
    const store = TestBed.inject(MockStore);
    // The search slice's own reducer runs, so typing reaches the page as it does in the app;
    // every other action is only recorded.
    let search = initialSearch();
    const dispatch = spyOn(store, 'dispatch').and.callFake(((action: Action) => {
      search = caseloadSearchFeature.reducer(search, action);
      store.setState({ caseloadSearch: search });
    }) as typeof store.dispatch);
    await fixture.whenStable();
    return {
      fixture,
      dispatch,
      loader: TestbedHarnessEnvironment.loader(fixture),
      element: fixture.nativeElement as HTMLElement,
    };
  }

  it('lists clients by need, with each flag’s reason readable without a mouse', async () => {
    const { loader } = await render();
    const table = await loader.getHarness(MatTableHarness);
    const rows = await table.getRows();
    const first = await rows[0].getCellTextByColumnName();
    expect(first['client']).toContain('Cedar Mossbank');
    expect(first['client']).toContain('PHQ-9 item 9 (thoughts of self-harm) scored 1');
    expect(first['flags']).toContain('Safety: PHQ-9 item 9 (thoughts of self-harm) scored 1');
    expect((await rows[1].getCellTextByColumnName())['client']).toContain('Briar Quillfeather');
    expect(rows.length).toBe(5);
  });

  it('summarises the caseload above the table', async () => {
    const { element } = await render();
    const pairs = [...element.querySelectorAll('[aria-label="Caseload summary"] dl > div')].map(
      (d) =>
        `${d.querySelector('dt')!.textContent!.trim()}: ${d.querySelector('dd')!.textContent!.trim()}`,
    );
    expect(pairs).toEqual([
      'Flagged: 4',
      'IOP: 4',
      'PHP: 1',
      'Attendance, 14 days: 93%',
      'Measures due this week: 5',
    ]);
  });

  it('puts a sort and a quick filter into the URL as new views', async () => {
    const { loader, dispatch } = await render();
    await (
      await loader.getHarness(MatSortHarness)
    )
      .getSortHeaders({ label: 'Client' })
      .then((h) => h[0].click());
    expect(dispatch).toHaveBeenCalledWith(
      CaseloadPageActions.viewChanged({
        filters: { ...DEFAULT_FILTERS, sort: 'name', dir: 'asc' },
      }),
    );
    await (
      await loader.getHarness(MatChipOptionHarness.with({ text: 'Missed sessions' }))
    ).select();
    expect(dispatch).toHaveBeenCalledWith(
      CaseloadPageActions.viewChanged({ filters: { ...DEFAULT_FILTERS, flag: 'missed-sessions' } }),
    );
  });

  it('filters by name as each key is typed, without a navigation, safety first', async () => {
    const { loader, dispatch, fixture } = await render();
    const navigate = spyOn(TestBed.inject(Router), 'navigate');
    const search = await loader.getHarness(MatInputHarness.with({ selector: '[type="search"]' }));
    await search.setValue('dune');
    await fixture.whenStable();
    expect(dispatch).toHaveBeenCalledWith(CaseloadPageActions.searchTyped({ q: 'dune' }));
    expect(dispatch).not.toHaveBeenCalledWith(
      jasmine.objectContaining({ type: CaseloadPageActions.viewChanged.type }),
    );
    expect(navigate).not.toHaveBeenCalled();
    const table = await loader.getHarness(MatTableHarness);
    const clients = (await table.getCellTextByColumnName())['client'].text;
    // A client with a safety signal is never hidden by a search.
    expect(clients.length).toBe(2);
    expect(clients[0]).toContain('Cedar Mossbank');
    expect(clients[1]).toContain('Dune Larkspur');
    // A quick filter chosen while the search waits for the URL carries the search with it.
    await (
      await loader.getHarness(MatChipOptionHarness.with({ text: 'Missed sessions' }))
    ).select();
    expect(dispatch).toHaveBeenCalledWith(
      CaseloadPageActions.viewChanged({
        filters: { ...DEFAULT_FILTERS, q: 'dune', flag: 'missed-sessions' },
      }),
    );
  });

  it('keeps the search from the URL on a reload', async () => {
    const { loader } = await render({ params: { q: 'ash' } });
    const search = await loader.getHarness(MatInputHarness.with({ selector: '[type="search"]' }));
    expect(await search.getValue()).toBe('ash');
    const clients = (await (await loader.getHarness(MatTableHarness)).getCellTextByColumnName())[
      'client'
    ].text;
    expect(clients.length).toBe(2);
    expect(clients[0]).toContain('Cedar Mossbank');
    expect(clients[1]).toContain('Ash Fernhollow');
  });

  it('shows the view the URL describes', async () => {
    const { loader } = await render({ params: { flag: 'missed-sessions' } });
    const clients = (await (await loader.getHarness(MatTableHarness)).getCellTextByColumnName())[
      'client'
    ].text;
    expect(clients.length).toBe(2);
    expect(clients[0]).toContain('Cedar Mossbank');
    expect(clients[1]).toContain('Dune Larkspur');
  });

  it('draws a long caseload a screenful of rows at a time, keeping the table its full height', async () => {
    const rows = Array.from({ length: 20 }, (_, i) =>
      row({ id: `p${i}`, name: `Client ${String(i).padStart(2, '0')}`, phq: [14, 12, 10] }),
    );
    const { fixture, element } = await render({ rows });
    const drawn = () => element.querySelectorAll('tr.mat-mdc-row').length;
    const spacer = () =>
      (element.querySelector('.table-wrap > div') as HTMLElement).style.paddingBottom;
    expect(drawn()).toBe(8);
    expect(spacer()).toBe(`${12 * 96}px`);
    for (let i = 0; i < 50 && drawn() < 20; i++) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      await fixture.whenStable();
    }
    expect(drawn()).toBe(20);
    expect(spacer()).toBe('0px');
  });

  it('exports the visible rows as CSV', async () => {
    let blob: Blob | undefined;
    spyOn(URL, 'createObjectURL').and.callFake((b: Blob | MediaSource) => {
      blob = b as Blob;
      return 'blob:caseload';
    });
    spyOn(URL, 'revokeObjectURL');
    spyOn(HTMLAnchorElement.prototype, 'click');
    const { loader } = await render({ params: { level: 'php' } });
    await (await loader.getHarness(MatButtonHarness.with({ text: 'Export CSV' }))).click();
    const text = await blob!.text();
    expect(text).toContain('Contains protected health information');
    expect(text).toContain('Elm Thistledown');
    expect(text).toContain('Cedar Mossbank');
    expect(text).not.toContain('Ash Fernhollow');
  });

  it('has honest empty, loading and error states', async () => {
    const empty = await render({ rows: [] });
    expect(empty.element.textContent).toContain('No clients are in care on this caseload.');
    TestBed.inject(MockStore).resetSelectors();
    TestBed.resetTestingModule();
    const loading = await render({ rows: [], query: { ...IDLE_QUERY, status: 'loading' } });
    // The loaded page's shape, with no figures that are not known yet: the table's scroll box
    // (760 px: a header and seven rows) and the summary strip as placeholders, the filters as
    // they will be.
    expect(loading.element.querySelector<HTMLElement>('.table-skeleton')!.style.blockSize).toBe(
      '760px',
    );
    expect(loading.element.querySelectorAll('.skeleton-row').length).toBe(7);
    expect(loading.element.querySelector('.summary-skeleton')).not.toBeNull();
    expect(loading.element.querySelector('[aria-label="Caseload summary"] dl')).toBeNull();
    expect(loading.element.querySelector('input[type="search"]')).not.toBeNull();
    expect(loading.element.textContent).toContain('Loading…');
    TestBed.inject(MockStore).resetSelectors();
    TestBed.resetTestingModule();
    // Before the load has started, the same: not "No clients are in care".
    const idle = await render({ rows: [], query: IDLE_QUERY });
    expect(idle.element.querySelector('.table-skeleton')).not.toBeNull();
    expect(idle.element.textContent).not.toContain('No clients are in care');
    TestBed.inject(MockStore).resetSelectors();
    TestBed.resetTestingModule();
    const failed = await render({
      rows: [],
      query: { ...IDLE_QUERY, status: 'failed', error: 'HTTP 503.' },
    });
    expect(failed.element.querySelector('[role="alert"]')?.textContent).toContain('HTTP 503.');
  });
});
