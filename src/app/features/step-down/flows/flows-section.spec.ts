import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { TestBed } from '@angular/core/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import { Router, provideRouter } from '@angular/router';
import { MockStore, provideMockStore } from '@ngrx/store/testing';
import { configFeature } from '../../../core/config/config-feature';
import { todayIn } from '../../../domain/time/calendar-day';
import { themeFeature } from '../../../shell/theme/theme-feature';
import { DataStatusActions, RouteDataActions } from '../../../store/clinical-actions';
import { organizationsSlice } from '../../../store/clinical-slices';
import { IDLE_QUERY, QueryStatus, queriesFeature } from '../../../store/queries-feature';
import { selectQueryParams } from '../../../store/router-selectors';
import { cohortFromParams } from './cohort-choice';
import { provideStepDownCharts } from '../step-down-chart-registration';
import { flowsSectionView } from './flows-fixture';
import { FlowsSection } from './flows-section';
import { selectFlowsSection } from './flows-selectors';

describe('FlowsSection', () => {
  afterEach(() => TestBed.inject(MockStore).resetSelectors());

  async function render(query: QueryStatus, params: Record<string, string> = {}) {
    const today = todayIn('America/Chicago', new Date());
    const choice = cohortFromParams(params, today);
    TestBed.configureTestingModule({
      imports: [FlowsSection],
      providers: [
        provideRouter([]),
        provideStepDownCharts(),
        provideMockStore({
          selectors: [
            { selector: configFeature.selectProgramTimeZone, value: 'America/Chicago' },
            { selector: themeFeature.selectMode, value: 'light' },
            { selector: selectQueryParams, value: params },
            { selector: queriesFeature.selectQuery('cohort'), value: query },
            {
              selector: organizationsSlice.selectAll,
              value: [
                { id: 'adult-iop', name: 'Adult IOP', kind: 'program', active: true },
                { id: 'riverside', name: 'Riverside', kind: 'provider', active: true },
              ],
            },
            { selector: selectFlowsSection(choice, today), value: flowsSectionView() },
          ],
        }),
      ],
    });
    const dispatch = spyOn(TestBed.inject(MockStore), 'dispatch');
    const fixture = TestBed.createComponent(FlowsSection);
    await fixture.whenStable();
    return {
      element: fixture.nativeElement as HTMLElement,
      loader: TestbedHarnessEnvironment.loader(fixture),
      dispatched: () => dispatch.calls.allArgs().map(([action]) => action),
    };
  }

  const loaded: QueryStatus = { ...IDLE_QUERY, status: 'loaded', loadedAt: 1 };

  it('asks for every episode when shown, and waits for them', async () => {
    const { element, dispatched } = await render({ ...IDLE_QUERY, status: 'loading' });
    expect(dispatched()).toContain(RouteDataActions.dataNeeded({ query: 'cohort' }));
    expect(element.querySelector('[aria-busy="true"]')?.textContent).toContain(
      "Loading the program's episodes",
    );
    expect(element.querySelector('app-cohort-flow-chart')).toBeNull();
  });

  it('shows the cohort’s flow, time in level, step-down success and scores', async () => {
    const { element } = await render(loaded);
    expect(element.querySelector('.summary')?.textContent).toContain(
      flowsSectionView().flow.summary,
    );
    for (const part of [
      'app-cohort-flow-chart',
      'app-time-in-level-chart',
      'app-step-down-success-table',
      'app-score-at-step-down',
    ])
      expect(element.querySelector(part)).withContext(part).not.toBeNull();
  });

  it('offers programs only, and puts the choice in the URL', async () => {
    const { loader } = await render(loaded);
    const navigate = spyOn(TestBed.inject(Router), 'navigate').and.resolveTo(true);
    const select = await loader.getHarness(MatSelectHarness.with({ selector: 'mat-select' }));
    await select.open();
    const options = await select.getOptions();
    expect(await Promise.all(options.map((o) => o.getText()))).toEqual([
      'All programs',
      'Adult IOP',
    ]);
    await options[1].click();
    expect(navigate).toHaveBeenCalledWith(
      [],
      jasmine.objectContaining({
        queryParams: jasmine.objectContaining({ cohortProgram: 'adult-iop' }),
        queryParamsHandling: 'merge',
      }),
    );
  });

  it('says why when the episodes could not be loaded, and retries', async () => {
    const { element, dispatched } = await render({
      ...IDLE_QUERY,
      status: 'failed',
      error: 'The FHIR server is unavailable (503).',
    });
    expect(element.querySelector('[role="alert"]')?.textContent).toContain('unavailable (503)');
    (element.querySelector('[role="alert"] button') as HTMLButtonElement).click();
    expect(dispatched()).toContain(DataStatusActions.refreshClicked());
  });

  it('warns that partial data may undercount', async () => {
    const { element } = await render({
      ...loaded,
      partial: true,
      partialReasons: ['EpisodeOfCare: page 2 failed'],
    });
    expect(element.querySelector('.data-note')?.textContent).toContain(
      'Some episodes could not be loaded (EpisodeOfCare: page 2 failed)',
    );
  });
});
