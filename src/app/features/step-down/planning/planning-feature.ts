import { createFeature, createReducer, on } from '@ngrx/store';
import { TransitionBoardActions } from '../step-down-actions';
import {
  PlanConflictDialogActions,
  PlanTransitionDialogActions,
  PlanningSession,
  TransitionApiActions,
} from './planning-actions';

export type PlanningStatus = 'idle' | 'opening' | 'editing' | 'saving' | 'conflict';

export interface PlanningState {
  readonly status: PlanningStatus;
  readonly session: PlanningSession | null;
  /** Why the last save failed, shown in the dialog so the user can correct or retry. */
  readonly error: { readonly message: string; readonly forbidden: boolean } | null;
}

const initialState: PlanningState = { status: 'idle', session: null, error: null };

const idle = (): PlanningState => initialState;

/** One plan at a time: the dialog, the save in flight and its outcome. */
export const planningFeature = createFeature({
  name: 'transitionPlanning',
  reducer: createReducer(
    initialState,
    on(
      TransitionBoardActions.planTransitionClicked,
      PlanConflictDialogActions.planAgainChosen,
      (): PlanningState => ({ status: 'opening', session: null, error: null }),
    ),
    on(TransitionApiActions.planningEpisodeLoaded, (_, { session }): PlanningState => ({
      status: 'editing',
      session,
      error: null,
    })),
    on(PlanTransitionDialogActions.submitted, (state): PlanningState => ({
      ...state,
      status: 'saving',
      error: null,
    })),
    on(TransitionApiActions.planFailed, (state, { stage, message, forbidden }): PlanningState =>
      stage === 'saving' && state.session
        ? { ...state, status: 'editing', error: { message, forbidden } }
        : initialState,
    ),
    on(TransitionApiActions.planConflicted, (): PlanningState => ({
      status: 'conflict',
      session: null,
      error: null,
    })),
    on(
      TransitionApiActions.transitionPlanned,
      PlanTransitionDialogActions.cancelled,
      PlanConflictDialogActions.keepTheirsChosen,
      idle,
    ),
  ),
});
