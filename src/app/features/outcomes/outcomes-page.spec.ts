import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatFormFieldHarness } from '@angular/material/form-field/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import { Router, provideRouter } from '@angular/router';
import { MockStore, provideMockStore } from '@ngrx/store/testing';
import { authFeature } from '../../core/auth/auth-feature';
import { SignedInUser } from '../../core/auth/signed-in-user';
import { configFeature } from '../../core/config/config-feature';
import { themeFeature } from '../../shell/theme/theme-feature';
import { DataStatusActions, RouteDataActions } from '../../store/clinical-actions';
import {
  conditionsSlice,
  episodesSlice,
  organizationsSlice,
  patientsSlice,
  staffSlice,
} from '../../store/clinical-slices';
import { IDLE_QUERY, QueryStatus, queriesFeature } from '../../store/queries-feature';
import { QueryKey } from '../../store/query-key';
import { selectQueryParams } from '../../store/router-selectors';
import { provideOutcomesCharts } from './outcomes-chart-registration';
import { selectOutcomeRows } from './outcomes-data';
import { OutcomesEntry } from './outcomes-entry';
import {
  FIXTURE_EPISODES,
  OUTCOMES_TODAY,
  OUTCOMES_ZONE,
  outcomeFixtureRows,
} from './outcomes-fixture';

const LOADED: QueryStatus = { ...IDLE_QUERY, status: 'loaded', loadedAt: 1 };

const user = (role: SignedInUser['role']): SignedInUser => ({
  practitionerRef: 'Practitioner/d1',
  name: 'Dana Riverstone',
  role,
  organizationRefs: [],
});

describe('OutcomesEntry and OutcomesPage', () => {
  beforeEach(() => jasmine.clock().mockDate(new Date(`${OUTCOMES_TODAY}T18:00:00Z`)));
  afterEach(() => {
    jasmine.clock().uninstall();
    TestBed.inject(MockStore).resetSelectors();
  });

  async function render(
    options: {
      role?: SignedInUser['role'];
      query?: QueryStatus;
      params?: object;
      others?: Partial<Record<QueryKey, QueryStatus>>;
    } = {},
  ) {
    TestBed.configureTestingModule({
      imports: [OutcomesEntry],
      providers: [
        provideRouter([]),
        provideOutcomesCharts(),
        provideMockStore({
          selectors: [
            { selector: authFeature.selectUser, value: user(options.role ?? 'director') },
            { selector: configFeature.selectProgramTimeZone, value: OUTCOMES_ZONE },
            { selector: themeFeature.selectMode, value: 'light' },
            { selector: selectQueryParams, value: options.params ?? {} },
            { selector: queriesFeature.selectQuery('outcomes'), value: options.query ?? LOADED },
            {
              selector: queriesFeature.selectByKey,
              value: { outcomes: options.query ?? LOADED, ...options.others },
            },
            { selector: selectOutcomeRows('phq-9', OUTCOMES_TODAY), value: outcomeFixtureRows() },
            { selector: episodesSlice.selectAll, value: FIXTURE_EPISODES },
            {
              selector: patientsSlice.selectEntities,
              value: { p1: { id: 'p1', name: 'Ash Example', active: true } },
            },
            {
              selector: staffSlice.selectEntities,
              value: { tA: { id: 'tA', name: 'Therapist A', active: true } },
            },
            {
              selector: organizationsSlice.selectEntities,
              value: {
                'adult-iop': { id: 'adult-iop', name: 'Adult IOP', kind: 'program', active: true },
              },
            },
            {
              selector: organizationsSlice.selectAll,
              value: [{ id: 'adult-iop', name: 'Adult IOP', kind: 'program', active: true }],
            },
            { selector: conditionsSlice.selectAll, value: [] },
          ],
        }),
      ],
    });
    const store = TestBed.inject(MockStore);
    const dispatched = spyOn(store, 'dispatch').and.callThrough();
    const fixture = TestBed.createComponent(OutcomesEntry);
    await fixture.whenStable();
    const navigate = spyOn(TestBed.inject(Router), 'navigate').and.resolveTo(true);
    return {
      element: fixture.nativeElement as HTMLElement,
      loader: TestbedHarnessEnvironment.loader(fixture),
      dispatched,
      navigate,
    };
  }

  it('tells other staff the page is for directors, and loads nothing', async () => {
    const { element, dispatched } = await render({ role: 'therapist' });
    expect(element.textContent).toContain('for program directors');
    expect(element.querySelector('app-outcomes-page')).toBeNull();
    expect(dispatched).not.toHaveBeenCalled();
  });

  it('asks for the program’s data and says it is loading', async () => {
    const { element, dispatched } = await render({ query: { ...IDLE_QUERY, status: 'loading' } });
    expect(dispatched).toHaveBeenCalledWith(RouteDataActions.dataNeeded({ query: 'outcomes' }));
    expect(element.querySelector('[role="status"]')?.textContent).toContain(
      "Loading the program's outcome data",
    );
    expect(element.querySelector('app-kpi-tiles')).toBeNull();
  });

  it('says why it failed and retries', async () => {
    const { element, loader, dispatched } = await render({
      query: { ...IDLE_QUERY, status: 'failed', error: 'The FHIR server did not answer.' },
    });
    expect(element.querySelector('[role="alert"]')?.textContent).toContain(
      'The FHIR server did not answer.',
    );
    await (await loader.getHarness(MatButtonHarness.with({ text: 'Retry' }))).click();
    expect(dispatched).toHaveBeenCalledWith(DataStatusActions.refreshClicked());
  });

  it('shows the period’s numbers, and says when the data are partial', async () => {
    const { element } = await render({
      query: { ...LOADED, partial: true, partialReasons: ['Encounter: stopped after 50 pages'] },
    });
    expect(element.querySelector('.subtitle')?.textContent).toContain(
      'Last 90 days (1 Sep 2026 – 29 Nov 2026) · IOP episodes · PHQ-9',
    );
    const completion = element.querySelector('[data-kpi="completion"]');
    expect(completion?.textContent).toContain('67 %');
    expect(element.textContent).toContain('over the 3 IOP episodes that finished in the period');
    expect(element.querySelector('.data-note')?.textContent).toContain(
      'Encounter: stopped after 50 pages',
    );
    expect(element.querySelector('.data-note')?.textContent).toContain('not complete');
  });

  it('says the figures are partial when a caseload load replaced records with a partial set since', async () => {
    let blob: Blob | undefined;
    spyOn(URL, 'createObjectURL').and.callFake((b: Blob | MediaSource) => {
      blob = b as Blob;
      return 'blob:outcomes';
    });
    spyOn(URL, 'revokeObjectURL');
    spyOn(HTMLAnchorElement.prototype, 'click');
    const { element, loader } = await render({
      query: { ...LOADED, loadedAt: 5 },
      others: {
        caseload: {
          ...LOADED,
          loadedAt: 6,
          partial: true,
          partialReasons: ['Only the first 50 pages were loaded (50000 of 137000 matches).'],
        },
      },
    });
    const note = element.querySelector('.data-note')?.textContent ?? '';
    expect(note).toContain('Partial data.');
    expect(note).toContain("the caseload, reloaded since, replaced its clients' records");
    expect(note).toContain('50000 of 137000');
    expect(element.querySelector('.section-note')?.textContent).toContain(
      'Counted over the records loaded, which are partial.',
    );
    // An export says so too, never passing the figures off as whole.
    const exports = await loader.getAllHarnesses(MatButtonHarness.with({ text: 'Export CSV' }));
    await exports[0].click();
    expect(await blob!.text()).toContain('PARTIAL DATA, figures may be low or wrong');
  });

  it('puts a tile’s list and each filter in the URL', async () => {
    const { loader, navigate } = await render();
    await (
      await loader.getHarness(MatButtonHarness.with({ selector: '[data-kpi="response"] button' }))
    ).click();
    expect(navigate.calls.mostRecent().args[1]?.queryParams).toEqual(
      jasmine.objectContaining({ list: 'response' }),
    );
    const field = await loader.getHarness(MatFormFieldHarness.with({ floatingLabelText: 'Level' }));
    const level = (await field.getControl(MatSelectHarness))!;
    await level.open();
    await level.clickOptions({ text: 'PHP' });
    expect(navigate.calls.mostRecent().args[1]?.queryParams).toEqual(
      jasmine.objectContaining({ level: 'php', list: null, measure: null }),
    );
  });

  it('opens the list the URL names, under pseudonyms', async () => {
    const { element } = await render({ params: { list: 'response' } });
    const list = element.querySelector('app-drill-down-panel');
    expect(list?.querySelector('h2')?.textContent).toBe('Response (PHQ-9)');
    expect(list?.querySelectorAll('tbody tr').length).toBe(3);
    expect(list?.textContent).not.toContain('Ash Example');
  });
});
