import { createActionGroup, props } from '@ngrx/store';

/** What happens on the transition board (events, not commands). */
export const TransitionBoardActions = createActionGroup({
  source: 'Transition Board',
  events: {
    /** A card's "Plan transition" was chosen; the planning feature opens its dialog. */
    'Plan Transition Clicked': props<{ patientId: string; episodeId: string }>(),
  },
});
