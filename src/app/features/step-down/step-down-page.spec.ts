import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { MockStore, provideMockStore } from '@ngrx/store/testing';
import { authFeature } from '../../core/auth/auth-feature';
import { configFeature } from '../../core/config/config-feature';
import { todayIn } from '../../domain/time/calendar-day';
import { IDLE_QUERY, queriesFeature } from '../../store/queries-feature';
import { selectCareManagers, selectPrograms } from '../caseload/caseload-selectors';
import { NO_FILTERS } from './board/transition-board-filters';
import { boardCards } from './board/transition-board-fixture';
import { selectTransitionBoard } from './board/transition-board-selectors';
import { transitionBoard } from './board/transition-board-view';
import { StepDownPage } from './step-down-page';
import { selectQueryParams } from '../../store/router-selectors';
import { organizationsSlice } from '../../store/clinical-slices';
import { themeFeature } from '../../shell/theme/theme-feature';
import { cohortFromParams } from './flows/cohort-choice';
import { flowsSectionView } from './flows/flows-fixture';
import { selectFlowsSection } from './flows/flows-selectors';
import { provideStepDownCharts } from './step-down-chart-registration';
import { timelineOf } from './journey/journey-fixture';
import { selectJourneySection } from './journey/journey-selectors';

describe('StepDownPage', () => {
  afterEach(() => TestBed.inject(MockStore).resetSelectors());

  async function render(role: 'therapist' | 'director', params: Record<string, string> = {}) {
    const today = todayIn('America/Chicago', new Date());
    TestBed.configureTestingModule({
      imports: [StepDownPage],
      providers: [
        provideRouter([]),
        provideStepDownCharts(),
        provideMockStore({
          selectors: [
            { selector: configFeature.selectProgramTimeZone, value: 'America/Chicago' },
            {
              selector: selectTransitionBoard(today),
              value: transitionBoard(boardCards(), {
                filters: NO_FILTERS,
                director: false,
                planning: { available: true },
                plannable: new Set(),
              }),
            },
            {
              selector: queriesFeature.selectQuery('caseload'),
              value: { ...IDLE_QUERY, status: 'loaded' },
            },
            { selector: selectCareManagers, value: [] },
            { selector: selectPrograms, value: [] },
            {
              selector: authFeature.selectUser,
              value: { practitionerRef: 'Practitioner/x', name: 'X', role, organizationRefs: [] },
            },
            { selector: queriesFeature.selectQuery('cohort'), value: IDLE_QUERY },
            { selector: selectQueryParams, value: params },
            {
              selector: selectJourneySection('p1', today),
              value: { status: 'ready', view: timelineOf() },
            },
            { selector: organizationsSlice.selectAll, value: [] },
            { selector: themeFeature.selectMode, value: 'light' },
            {
              selector: selectFlowsSection(cohortFromParams(params, today), today),
              value: flowsSectionView(),
            },
          ],
        }),
      ],
    });
    const fixture = TestBed.createComponent(StepDownPage);
    await fixture.whenStable();
    return fixture.nativeElement as HTMLElement;
  }

  it('heads the page and puts the board in its own section under an h2', async () => {
    const element = await render('therapist');
    expect(element.querySelector('h1')?.textContent).toBe('Step-down');
    const section = element.querySelector('section.page-section')!;
    const h2 = section.querySelector('h2')!;
    expect(h2.textContent).toBe('Transition board (today)');
    expect(section.getAttribute('aria-labelledby')).toBe(h2.id);
    expect(section.querySelectorAll('app-transition-board article').length).toBe(6);
  });

  it('adds flows and outcomes for a director only', async () => {
    expect((await render('therapist')).querySelector('app-flows-section')).toBeNull();
    TestBed.resetTestingModule();
    const element = await render('director');
    expect(element.querySelector('app-flows-section h2')?.textContent).toBe('Flows and outcomes');
  });

  it('opens the journey chosen in the URL between the board and the director’s flows', async () => {
    expect((await render('director')).querySelector('app-journey-section section')).toBeNull();
    TestBed.resetTestingModule();
    const element = await render('director', { journey: 'p1' });
    const headings = [...element.querySelectorAll('h2')].map((h) => h.textContent!.trim());
    expect(headings).toEqual([
      'Transition board (today)',
      'Journey: Robin Testfield',
      'Flows and outcomes',
    ]);
  });
});
