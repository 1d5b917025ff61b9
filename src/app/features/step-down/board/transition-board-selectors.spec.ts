import { SignedInUser } from '../../../core/auth/signed-in-user';
import { caseloadRow } from '../../caseload/caseload-row';
import { NO_FILTERS } from './transition-board-filters';
import { ASH, BRIAR, ELM, TODAY, boardCards, boardClient } from './transition-board-fixture';
import {
  selectBoardFilters,
  selectTransitionBoard,
  selectTransitionCards,
} from './transition-board-selectors';

const TZ = 'America/Chicago';
const user = (role: SignedInUser['role']): SignedInUser => ({
  practitionerRef: 'Practitioner/t1',
  name: 'Avery Lanternfield',
  role,
  organizationRefs: [],
});

describe('transition board selectors', () => {
  it('make one card per caseload row from the client’s current episode', () => {
    const clients = [ASH, BRIAR, ELM].map(boardClient);
    // A stale active episode (a data error): the later start is the current one, as on the caseload.
    const stale = { ...clients[0].episode, id: 'e-stale', start: '2026-09-01' };
    const rows = clients.map((c) =>
      caseloadRow(c.episode, c.patient, c.records, { today: TODAY, timeZone: TZ }),
    );
    const cards = selectTransitionCards(TODAY).projector(rows, [
      stale,
      ...clients.map((c) => c.episode),
    ]);
    expect(cards.map((c) => `${c.name} ${c.episodeId} ${c.status}`)).toEqual([
      'Ash Fernhollow e-p1 ready',
      'Briar Quillfeather e-p2 at-risk',
      'Elm Thistledown e-p5 not-ready',
    ]);
    expect(cards[0].planned?.text).toBe('Planned step-down to Outpatient on 12 Dec 2026');
  });

  it('are memoised per day', () => {
    expect(selectTransitionCards(TODAY)).toBe(selectTransitionCards(TODAY));
    expect(selectTransitionBoard(TODAY)).toBe(selectTransitionBoard(TODAY));
    expect(selectTransitionBoard(TODAY)).not.toBe(selectTransitionBoard('2026-11-28'));
  });

  it('read the director’s scope from the query parameters', () => {
    expect(selectBoardFilters.projector({ program: 'young-adult' })).toEqual({
      ...NO_FILTERS,
      program: 'young-adult',
    });
    expect(selectBoardFilters.projector(undefined as never)).toEqual(NO_FILTERS);
  });

  it('apply the scope for a director only, and planning for the user’s care teams only', () => {
    const filters = { ...NO_FILTERS, program: 'young-adult' };
    const planning = { available: true as const };
    const director = selectTransitionBoard(TODAY).projector(
      boardCards(),
      filters,
      user('director'),
      planning,
      new Set<string>(),
    );
    expect(director.director).toBeTrue();
    expect(director.shown).toBe(1);
    expect(director.anyPlannable).toBeFalse();
    const therapist = selectTransitionBoard(TODAY).projector(
      boardCards(),
      filters,
      user('therapist'),
      planning,
      new Set(['p2']),
    );
    expect(therapist.director).toBeFalse();
    expect(therapist.shown).toBe(6);
    expect(
      therapist.columns
        .flatMap((c) => c.cards)
        .filter((c) => c.canPlan)
        .map((c) => c.name),
    ).toEqual(['Briar Quillfeather']);
  });
});
