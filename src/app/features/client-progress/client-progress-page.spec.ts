import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatButtonToggleGroupHarness } from '@angular/material/button-toggle/testing';
import { Router, provideRouter } from '@angular/router';
import { MockStore, provideMockStore } from '@ngrx/store/testing';
import { configFeature } from '../../core/config/config-feature';
import { themeFeature } from '../../shell/theme/theme-feature';
import { DataStatusActions } from '../../store/clinical-actions';
import { organizationsSlice, patientsSlice, staffSlice } from '../../store/clinical-slices';
import { IDLE_QUERY, QueryStatus, queriesFeature } from '../../store/queries-feature';
import { serverFeature } from '../../store/server-feature';
import { ClientRecords } from '../caseload/caseload-row';
import { selectRecordsByPatient } from '../caseload/caseload-selectors';
import {
  FakeChartVisibility,
  provideChartVisibility,
} from '../../ui/chart-frame/chart-visibility-testing';
import { provideProgressCharts } from './charts/chart-registration';
import { PROGRESS_PATIENT, PROGRESS_TZ, progressRecords } from './client-progress-fixture';
import { ClientProgressPage } from './client-progress-page';

const LOADED: QueryStatus = {
  ...IDLE_QUERY,
  status: 'loaded',
  loadedAt: 1,
  patientIds: ['p1'],
};

describe('ClientProgressPage', () => {
  beforeEach(() => jasmine.clock().mockDate(new Date('2026-11-28T18:00:00Z')));
  afterEach(() => {
    jasmine.clock().uninstall();
    TestBed.inject(MockStore).resetSelectors();
  });

  async function render(
    options: {
      records?: ClientRecords | null;
      caseload?: QueryStatus;
      client?: QueryStatus;
      range?: string;
      visibility?: FakeChartVisibility;
    } = {},
  ) {
    const records = options.records === undefined ? progressRecords() : options.records;
    TestBed.configureTestingModule({
      imports: [ClientProgressPage],
      providers: [
        provideRouter([]),
        provideProgressCharts(),
        provideChartVisibility(options.visibility),
        provideMockStore({
          selectors: [
            { selector: configFeature.selectProgramTimeZone, value: PROGRESS_TZ },
            { selector: themeFeature.selectMode, value: 'light' },
            {
              selector: selectRecordsByPatient,
              value: new Map(records ? [['p1', records]] : []),
            },
            {
              selector: patientsSlice.selectEntities,
              value: records ? { p1: PROGRESS_PATIENT } : {},
            },
            {
              selector: staffSlice.selectEntities,
              value: { t1: { id: 't1', name: 'Avery Lanternfield', active: true } },
            },
            {
              selector: organizationsSlice.selectEntities,
              value: {
                'adult-iop': { id: 'adult-iop', name: 'Adult IOP', kind: 'program', active: true },
              },
            },
            { selector: serverFeature.selectRecoveryCurves, value: null },
            { selector: queriesFeature.selectQuery('caseload'), value: options.caseload ?? LOADED },
            {
              selector: queriesFeature.selectQuery('client/p1'),
              value: options.client ?? IDLE_QUERY,
            },
          ],
        }),
      ],
    });
    const fixture = TestBed.createComponent(ClientProgressPage);
    fixture.componentRef.setInput('patientId', 'p1');
    if (options.range) fixture.componentRef.setInput('range', options.range);
    const dispatch = spyOn(TestBed.inject(MockStore), 'dispatch');
    await fixture.whenStable();
    return {
      fixture,
      dispatch,
      loader: TestbedHarnessEnvironment.loader(fixture),
      element: fixture.nativeElement as HTMLElement,
    };
  }

  const texts = (element: HTMLElement, selector: string) =>
    [...element.querySelectorAll(selector)].map((e) => e.textContent!.replace(/\s+/g, ' ').trim());

  it('heads the page with the client, their level and week, therapist and flags', async () => {
    const { element } = await render();
    expect(texts(element, 'h1')).toEqual(['Robin Testfield']);
    const facts = [...element.querySelectorAll('.facts > div')].map(
      (d) =>
        `${d.querySelector('dt')!.textContent!.trim()}: ${d.querySelector('dd')!.textContent!.replace(/\s+/g, ' ').trim()}`,
    );
    expect(facts).toContain('Age: 36');
    expect(facts).toContain('Presenting problems: Depression, Substance use');
    expect(facts).toContain('Current level: IOP · week 5 of ~10');
    expect(facts).toContain('Primary therapist: Avery Lanternfield');
    expect(facts).toContain('Episode: 27 Oct 2026 – ongoing');
    expect(facts).toContain('Next session: Tue 1 Dec, 10:00 · Cognitive behavioural therapy group');
    expect(element.querySelector('.readiness')?.textContent).toContain('Step-down readiness');
  });

  it('draws one chart per measure, primary first, each an image named by its summary', async () => {
    const { element } = await render();
    expect(texts(element, '.measure h3')).toEqual([
      'Patient Health Questionnaire-9 (depression) Primary',
      'Generalized Anxiety Disorder-7',
      'Difficulties in Emotion Regulation Scale-16',
    ]);
    const images = [...element.querySelectorAll('.measure [role="img"]')];
    expect(images.length).toBe(3);
    expect(images[0].getAttribute('aria-label')).toBe(
      'PHQ-9 fell from 15 to 8 over 4 weeks; reliable improvement; now mild',
    );
    expect(element.querySelectorAll('.measure canvas').length).toBe(3);
    expect(texts(element, '.measure .note')).toEqual([
      '1 PHQ-9 score was set aside as unusable (out of range, undated or dated in the future).',
    ]);
  });

  it('draws a chart only once it is seen or printed, with its label, legend and table before', async () => {
    const visibility = new FakeChartVisibility(false);
    const { fixture, loader, element } = await render({ visibility });
    const frames = element.querySelectorAll('app-chart-frame').length;
    // Three measures, the dose chart and one chart per modality.
    expect(frames).toBeGreaterThan(4);
    // Every chart frame waits, and so do the heavy sections far below (item grids, outcome).
    const sections = element.querySelectorAll('app-render-when-seen').length;
    expect(visibility.waitingFrames).toBe(frames + sections);
    expect(element.querySelectorAll('canvas').length).toBe(0);
    expect(element.querySelectorAll('[role="img"][aria-label]').length).toBe(frames);
    expect(element.querySelectorAll('.measure .legend').length).toBe(3);
    const toggles = await loader.getAllHarnesses(MatButtonHarness.with({ text: 'Show table' }));
    expect(toggles.length).toBe(frames);
    await toggles[0].click();
    expect(element.querySelectorAll('.measure table tbody tr').length).toBe(13);
    await toggles[0].click();

    visibility.seeAll();
    await fixture.whenStable();
    expect(element.querySelectorAll('canvas').length).toBe(frames);
  });

  it('builds the item grids and the outcome only once they are seen or printed', async () => {
    const visibility = new FakeChartVisibility(false);
    const { fixture, element } = await render({ visibility });
    expect(element.querySelectorAll('app-render-when-seen').length).toBeGreaterThanOrEqual(2);
    expect(element.querySelector('app-item-heat-map')).toBeNull();
    expect(element.querySelector('app-outcome-summary')).toBeNull();
    // The section headings are there from the start, so the page reads the same.
    expect(element.querySelector('#items-heading')?.textContent).toContain('item by item');
    const reserved = element.querySelector<HTMLElement>('.items app-render-when-seen')!;
    expect(reserved.getBoundingClientRect().height).toBeGreaterThan(100);

    visibility.printing.set(true);
    await fixture.whenStable();
    expect(element.querySelector('app-item-heat-map table caption')).not.toBeNull();
    expect(element.querySelector('app-outcome-summary')?.textContent).toContain('Recovered');
    expect(reserved.style.minBlockSize).toBe('');
  });

  it('draws every chart when the page prints, seen or not', async () => {
    const visibility = new FakeChartVisibility(false);
    const { fixture, element } = await render({ visibility });
    visibility.printing.set(true);
    await fixture.whenStable();
    expect(element.querySelectorAll('canvas').length).toBe(
      element.querySelectorAll('app-chart-frame').length,
    );
  });

  it('swaps a chart for its data table with the same numbers', async () => {
    const { loader, element } = await render();
    const phq = element.querySelector('.measure')!;
    const toggle = await loader.getHarness(MatButtonHarness.with({ text: /Show table/ }));
    await toggle.click();
    const rows = [...phq.querySelectorAll('table tbody tr')];
    expect(rows.length).toBe(13);
    expect(rows.at(-1)!.textContent).toContain('8');
    expect(rows.at(-1)!.textContent).toContain('Mild');
  });

  it('keeps the time range in the URL', async () => {
    const { loader } = await render();
    const navigate = spyOn(TestBed.inject(Router), 'navigate').and.resolveTo(true);
    const group = await loader.getHarness(MatButtonToggleGroupHarness);
    const [, , last8] = await group.getToggles();
    await last8.check();
    expect(navigate).toHaveBeenCalledWith([], {
      queryParams: { range: 'last-8-weeks' },
      queryParamsHandling: 'merge',
      replaceUrl: true,
    });
  });

  it('reads the range from the URL and falls back to the whole journey', async () => {
    const { loader } = await render({ range: 'current-level' });
    const group = await loader.getHarness(MatButtonToggleGroupHarness);
    const checked = await group.getToggles({ checked: true });
    expect(await checked[0].getText()).toBe('Current level');
  });

  it('shows dose by modality with each modality’s target measure, items, journey and outcome', async () => {
    const { element } = await render();
    expect(texts(element, '.modality h3')).toEqual([
      'Cognitive behavioural therapy group',
      'DBT skills group',
    ]);
    expect(texts(element, '.modality .target')).toContain(
      'Target measure DERS-16: 60 → 48 (reliable improvement)',
    );
    expect(element.querySelector('app-dose-chart [role="img"]')).not.toBeNull();
    expect(element.querySelector('app-item-heat-map table caption')?.textContent).toContain(
      'PHQ-9',
    );
    expect(element.querySelectorAll('app-journey-strip ol > li').length).toBeGreaterThanOrEqual(4);
    expect(element.querySelector('app-outcome-summary')?.textContent).toContain('Recovered');
  });

  it('prints the report from the Print button', async () => {
    const { loader } = await render();
    const print = spyOn(window, 'print');
    await (await loader.getHarness(MatButtonHarness.with({ text: 'Print report' }))).click();
    expect(print).toHaveBeenCalled();
  });

  it('shows nothing of a client the server would not show, and says so', async () => {
    const { element } = await render({
      records: null,
      caseload: { ...LOADED, patientIds: ['p2'] },
      client: {
        ...IDLE_QUERY,
        status: 'failed',
        forbidden: true,
        error: "This client's record was not found, or you are not permitted to see it.",
      },
    });
    expect(texts(element, 'h1')).toEqual(['Not permitted']);
    expect(element.textContent).toContain('not permitted to see it');
    expect(element.querySelectorAll('.measure, app-measure-chart').length).toBe(0);
  });

  it('waits for the load before drawing anything', async () => {
    const { element } = await render({
      caseload: { ...IDLE_QUERY, status: 'loading' },
    });
    expect(texts(element, 'h1')).toEqual(['Loading client record…']);
    expect(element.querySelector('[aria-busy="true"]')).not.toBeNull();
    expect(element.querySelectorAll('app-measure-chart').length).toBe(0);
  });

  it('says a load failed and retries it', async () => {
    const { element, loader, dispatch } = await render({
      records: null,
      caseload: { ...LOADED, patientIds: ['p2'] },
      client: { ...IDLE_QUERY, status: 'failed', error: 'The FHIR server is unavailable (503).' },
    });
    expect(texts(element, 'h1')).toEqual(['Client record not loaded']);
    await (await loader.getHarness(MatButtonHarness.with({ text: 'Retry' }))).click();
    expect(dispatch).toHaveBeenCalledWith(DataStatusActions.refreshClicked());
  });

  it('warns when the data is partial and counts what could not be read', async () => {
    const { element } = await render({
      caseload: {
        ...LOADED,
        partial: true,
        partialReasons: ['Observation: page 3 failed'],
        mapping: { rejected: 2, warnings: 0, examples: [] },
      },
    });
    const note = element.querySelector('.data-note')!.textContent!.replace(/\s+/g, ' ');
    expect(note).toContain(
      'Partial data. Some of the records could not be loaded (Observation: page 3 failed)',
    );
    expect(note).toContain('2 records in the caseload load could not be read and are not shown.');
  });

  it('says what is expected when no measure has been recorded', async () => {
    const { element } = await render({ records: { ...progressRecords(), scores: [] } });
    expect(element.querySelector('.measures .empty')?.textContent?.replace(/\s+/g, ' ')).toContain(
      'Expected: PHQ-9 weekly, from the first week of care (2026-10-27); GAD-7 weekly',
    );
  });

  it('says so when the server answered but nothing about the client could be read', async () => {
    const { element } = await render({
      records: null,
      caseload: { ...LOADED, patientIds: ['p2'] },
      client: {
        ...LOADED,
        mapping: { rejected: 1, warnings: 0, examples: [] },
      },
    });
    expect(texts(element, 'h1')).toEqual(['No readable record']);
    expect(element.textContent).toContain('(1 record could not be read)');
  });
});
