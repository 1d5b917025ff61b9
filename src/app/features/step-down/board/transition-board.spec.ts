import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatFormFieldHarness } from '@angular/material/form-field/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import { provideRouter } from '@angular/router';
import { MockStore, provideMockStore } from '@ngrx/store/testing';
import { configFeature } from '../../../core/config/config-feature';
import { todayIn } from '../../../domain/time/calendar-day';
import { DataStatusActions } from '../../../store/clinical-actions';
import { IDLE_QUERY, QueryStatus, queriesFeature } from '../../../store/queries-feature';
import { selectCareManagers, selectPrograms } from '../../caseload/caseload-selectors';
import { selectJourneyPatientId } from '../journey/journey-selectors';
import { TransitionBoardActions } from '../step-down-actions';
import { TransitionBoard } from './transition-board';
import { TransitionBoardPageActions } from './transition-board-actions';
import { NO_FILTERS } from './transition-board-filters';
import { boardCards } from './transition-board-fixture';
import { selectTransitionBoard } from './transition-board-selectors';
import { BoardOptions, TransitionCard, transitionBoard } from './transition-board-view';

describe('TransitionBoard', () => {
  afterEach(() => TestBed.inject(MockStore).resetSelectors());

  async function render(
    options: {
      cards?: TransitionCard[];
      query?: QueryStatus;
      board?: Partial<BoardOptions>;
      journey?: string | null;
    } = {},
  ) {
    const today = todayIn('America/Chicago', new Date());
    const board = transitionBoard(options.cards ?? boardCards(), {
      filters: NO_FILTERS,
      director: false,
      planning: { available: true },
      plannable: new Set(['p1', 'p3']),
      ...options.board,
    });
    TestBed.configureTestingModule({
      imports: [TransitionBoard],
      providers: [
        provideRouter([]),
        provideMockStore({
          selectors: [
            { selector: configFeature.selectProgramTimeZone, value: 'America/Chicago' },
            { selector: selectTransitionBoard(today), value: board },
            { selector: selectJourneyPatientId, value: options.journey ?? null },
            {
              selector: queriesFeature.selectQuery('caseload'),
              value: options.query ?? { ...IDLE_QUERY, status: 'loaded' },
            },
            {
              selector: selectCareManagers,
              value: [
                { id: 't1', name: 'Avery Lanternfield' },
                { id: 't2', name: 'Rowan Birchwood' },
              ],
            },
            {
              selector: selectPrograms,
              value: [
                { id: 'adult-iop', name: 'Adult IOP' },
                { id: 'young-adult', name: 'Young Adult IOP' },
              ],
            },
          ],
        }),
      ],
    });
    const fixture = TestBed.createComponent(TransitionBoard);
    const dispatch = spyOn(TestBed.inject(MockStore), 'dispatch');
    await fixture.whenStable();
    return {
      fixture,
      dispatch,
      loader: TestbedHarnessEnvironment.loader(fixture),
      element: fixture.nativeElement as HTMLElement,
    };
  }

  function again() {
    TestBed.inject(MockStore).resetSelectors();
    TestBed.resetTestingModule();
  }

  const text = (e: Element | null | undefined) => e?.textContent?.replace(/\s+/g, ' ').trim();

  it('shows a section per level with a counted heading, and a card per client', async () => {
    const { element } = await render();
    const sections = [...element.querySelectorAll('section')];
    expect(sections.map((s) => text(s.querySelector('h3')))).toEqual([
      'PHP · 1 client',
      'IOP · 5 clients',
    ]);
    for (const s of sections)
      expect(s.getAttribute('aria-labelledby')).toBe(s.querySelector('h3')!.id);
    const iop = sections[1];
    expect(iop.querySelectorAll('ul.cards > li > app-transition-board-card article').length).toBe(
      5,
    );
    expect([...iop.querySelectorAll('article h4')].map(text)).toEqual([
      'Briar Quillfeather',
      'Cedar Mossbank',
      'Ash Fernhollow',
      'Dune Larkspur',
      'Fern Alderbrook',
    ]);
    expect(text(element.querySelector('.subtitle'))).toBe(
      '6 clients in care · at risk of step-up first, then ready to step down',
    );
  });

  it('says in words on each card where the client stands and why', async () => {
    const { element } = await render();
    const article = (name: string) =>
      [...element.querySelectorAll('article')].find((a) => text(a.querySelector('h4')) === name)!;
    const ash = article('Ash Fernhollow');
    expect(ash.querySelector('h4 a')!.getAttribute('href')).toBe('/clients/p1');
    expect(ash.getAttribute('aria-labelledby')).toBe(ash.querySelector('h4')!.id);
    expect(text(ash.querySelector('.week'))).toBe('week 8 of ~10');
    expect(text(ash.querySelector('.status'))).toBe('Ready to step down');
    expect(ash.querySelectorAll('.reasons li').length).toBe(6);
    expect(text(ash.querySelector('.measure'))).toContain('PHQ-9 7 Mild');
    expect(text(ash.querySelector('.measure'))).toContain(
      'Since baseline: 7 better, reliable improvement',
    );
    expect(text(ash.querySelector('app-sparkline'))).toBe(
      'PHQ-9 scores, oldest first: 14, 12, 10, 9, 8, 8, 7, 7',
    );
    expect([...ash.querySelectorAll('.planned p')].map(text)).toEqual([
      'Planned step-down to Outpatient on 12 Dec 2026 (in 15 days)',
      'Reason: Goals met',
    ]);
    const cedar = article('Cedar Mossbank');
    expect(text(cedar.querySelector('.status'))).toBe('At risk of step-up');
    expect(text(cedar.querySelector('.reasons'))).toContain('Safety signal in the last 14 days');
    expect(text(article('Dune Larkspur').querySelector('.missing'))).toBe(
      'Not met: Relapse-prevention plan in place; Aftercare plan in place',
    );
  });

  it('offers "Plan transition" only for the user’s care-team clients, and dispatches it', async () => {
    const { loader, dispatch, element } = await render();
    const buttons = await loader.getAllHarnesses(
      MatButtonHarness.with({ text: 'Plan transition' }),
    );
    expect(buttons.length).toBe(2);
    const owners = [...element.querySelectorAll('article')]
      .filter((a) => a.querySelector('button'))
      .map((a) => text(a.querySelector('h4')));
    expect(owners).toEqual(['Cedar Mossbank', 'Ash Fernhollow']);
    expect(
      element.querySelector('button[aria-label="Plan transition for Ash Fernhollow"]'),
    ).not.toBeNull();
    await buttons[1].click();
    expect(dispatch).toHaveBeenCalledOnceWith(
      TransitionBoardActions.planTransitionClicked({ patientId: 'p1', episodeId: 'e-p1' }),
    );
    expect(element.querySelector('[role="status"]')).toBeNull();
  });

  it('offers every client’s journey as a link named for the client, kept in the URL', async () => {
    const { element } = await render();
    const links = [...element.querySelectorAll('article a[aria-label^="Journey for "]')];
    expect(links.length).toBe(6);
    const ash = element.querySelector<HTMLAnchorElement>(
      'a[aria-label="Journey for Ash Fernhollow"]',
    )!;
    expect(text(ash)).toBe('Journey');
    expect(ash.id).toBe('board-journey-p1');
    expect(new URL(ash.href).searchParams.get('journey')).toBe('p1');
    // A link is in the tab order by itself; no card marks itself chosen yet.
    expect(ash.hasAttribute('tabindex')).toBeFalse();
    expect(element.querySelectorAll('[aria-current]').length).toBe(0);
  });

  it('marks the card whose journey is open', async () => {
    const { element } = await render({ journey: 'p3' });
    const current = element.querySelectorAll('a[aria-current="true"]');
    expect(current.length).toBe(1);
    expect(current[0].getAttribute('aria-label')).toBe('Journey for Cedar Mossbank');
    expect(current[0].closest('article')!.classList).toContain('selected');
  });

  it('shows why the board is read-only once, and no plan buttons', async () => {
    const reason = 'This FHIR server does not accept EpisodeOfCare writes from Waypoint.';
    const { loader, element } = await render({
      board: { planning: { available: false, reason } },
    });
    expect(
      (await loader.getAllHarnesses(MatButtonHarness.with({ text: 'Plan transition' }))).length,
    ).toBe(0);
    const notices = element.querySelectorAll('[role="status"]');
    expect(notices.length).toBe(1);
    expect(text(notices[0])).toBe(reason);
  });

  it('tells a user on none of these care teams why there is nothing to plan', async () => {
    const { element } = await render({ board: { plannable: new Set() } });
    expect(element.querySelectorAll('button').length).toBe(0);
    expect(text(element.querySelector('p.secondary'))).toContain(
      'Transitions can be planned only by members of the client’s care team',
    );
  });

  it('gives a director program and therapist filters that change the URL', async () => {
    const { loader, dispatch } = await render({ board: { director: true } });
    const program = await (
      await loader.getHarness(MatFormFieldHarness.with({ floatingLabelText: 'Program' }))
    ).getControl(MatSelectHarness);
    await program!.open();
    await program!.clickOptions({ text: 'Young Adult IOP' });
    expect(dispatch).toHaveBeenCalledWith(
      TransitionBoardPageActions.viewChanged({
        filters: { program: 'young-adult', therapist: null },
      }),
    );
    const therapist = await (
      await loader.getHarness(MatFormFieldHarness.with({ floatingLabelText: 'Therapist' }))
    ).getControl(MatSelectHarness);
    await therapist!.open();
    await therapist!.clickOptions({ text: 'Rowan Birchwood' });
    expect(dispatch).toHaveBeenCalledWith(
      TransitionBoardPageActions.viewChanged({ filters: { program: null, therapist: 't2' } }),
    );
  });

  it('shows no filters to a therapist', async () => {
    const { loader } = await render();
    expect((await loader.getAllHarnesses(MatSelectHarness)).length).toBe(0);
  });

  it('says when a director’s filters leave nobody', async () => {
    const { element } = await render({
      board: { director: true, filters: { program: 'nowhere', therapist: null } },
    });
    expect(element.querySelectorAll('article').length).toBe(0);
    expect(text(element.querySelector('.state'))).toBe('No client matches these filters.');
    expect(text(element.querySelector('.subtitle'))).toContain('0 of 6 clients in care');
  });

  it('has loading, empty and error states, and retries', async () => {
    const loading = await render({ cards: [], query: { ...IDLE_QUERY, status: 'loading' } });
    expect(loading.element.querySelectorAll('.skeleton-card').length).toBe(6);
    expect(text(loading.element.querySelector('[role="status"]'))).toBe('Loading the board…');
    again();
    const empty = await render({ cards: [] });
    expect(text(empty.element.querySelector('.state'))).toBe('No clients in care');
    expect(empty.element.querySelectorAll('section').length).toBe(0);
    again();
    const failed = await render({
      cards: [],
      query: { ...IDLE_QUERY, status: 'failed', error: 'HTTP 503.' },
    });
    expect(text(failed.element.querySelector('[role="alert"]'))).toContain('HTTP 503.');
    await (await failed.loader.getHarness(MatButtonHarness.with({ text: 'Retry' }))).click();
    expect(failed.dispatch).toHaveBeenCalledOnceWith(DataStatusActions.refreshClicked());
  });

  it('keeps cards on screen while the caseload refreshes', async () => {
    const { element } = await render({ query: { ...IDLE_QUERY, status: 'loading' } });
    expect(element.querySelectorAll('article').length).toBe(6);
    expect(element.querySelector('.skeleton')).toBeNull();
  });
});
