import { createSelector } from '@ngrx/store';
import { authFeature } from '../../../core/auth/auth-feature';
import { CalendarDay } from '../../../domain/models';
import { MappedEpisode } from '../../../fhir-mapping';
import { selectQueryParams } from '../../../store/router-selectors';
import { selectCaseloadEpisodes, selectCaseloadRows } from '../../caseload/caseload-selectors';
import { selectPlannablePatients, selectPlanningAvailability } from '../planning-availability';
import { boardFiltersFromParams } from './transition-board-filters';
import { TransitionCard, transitionBoard, transitionCard } from './transition-board-view';

/** The caseload's rule: with two active episodes (a data error), the later start wins. */
function currentEpisodes(episodes: readonly MappedEpisode[]): Map<string, MappedEpisode> {
  const current = new Map<string, MappedEpisode>();
  for (const e of episodes) {
    const seen = current.get(e.patientId);
    if (!seen || e.start > seen.start) current.set(e.patientId, e);
  }
  return current;
}

function cardsSelector(today: CalendarDay) {
  return createSelector(
    // The caseload's rows (shared memo) already hold the week, the latest score, the sparkline
    // and the readiness and step-up assessments their flags were read from.
    selectCaseloadRows(today),
    selectCaseloadEpisodes,
    (rows, episodes): TransitionCard[] => {
      const current = currentEpisodes(episodes);
      return rows.flatMap((row) => {
        const episode = current.get(row.patientId);
        if (!episode) return [];
        return [
          transitionCard(row, episode, row.attention.readiness, row.attention.stepUpRisk, today),
        ];
      });
    },
  );
}

const cardsByDay = new Map<CalendarDay, ReturnType<typeof cardsSelector>>();

/** Every client in care as a card, as of `today` (one memoised selector per day). */
export function selectTransitionCards(today: CalendarDay) {
  let selector = cardsByDay.get(today);
  if (!selector) cardsByDay.set(today, (selector = cardsSelector(today)));
  return selector;
}

export const selectBoardFilters = createSelector(selectQueryParams, (params) =>
  boardFiltersFromParams(params ?? {}),
);

function boardSelector(today: CalendarDay) {
  return createSelector(
    selectTransitionCards(today),
    selectBoardFilters,
    authFeature.selectUser,
    selectPlanningAvailability,
    selectPlannablePatients,
    (cards, filters, user, planning, plannable) =>
      transitionBoard(cards, {
        filters,
        director: user?.role === 'director',
        planning,
        plannable,
      }),
  );
}

const boardByDay = new Map<CalendarDay, ReturnType<typeof boardSelector>>();

/** The board as the signed-in user sees it on `today`: scoped, in columns, ordered. */
export function selectTransitionBoard(today: CalendarDay) {
  let selector = boardByDay.get(today);
  if (!selector) boardByDay.set(today, (selector = boardSelector(today)));
  return selector;
}
