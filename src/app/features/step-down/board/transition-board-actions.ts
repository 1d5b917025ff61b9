import { createActionGroup, props } from '@ngrx/store';
import { BoardFilters } from './transition-board-filters';

/**
 * The board's own events. The plan button's event is `TransitionBoardActions` in
 * step-down-actions.ts, shared with the planning feature that answers it.
 */
export const TransitionBoardPageActions = createActionGroup({
  source: 'Transition Board Page',
  events: {
    /** A director chose a program or therapist (or cleared one). */
    'View Changed': props<{ filters: BoardFilters }>(),
  },
});
