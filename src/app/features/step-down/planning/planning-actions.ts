import { createActionGroup, props } from '@ngrx/store';
import { EpisodeOfCare, MappedEpisode } from '../../../fhir-mapping';
import { TransitionPlan } from '../../../fhir-mapping/transition-bundle';
import { PlanConflict, PlanStage } from './plan-conflict';

/** The episode a plan is being made for, as read from the server when the dialog opened. */
export interface PlanningSession {
  readonly patientId: string;
  readonly episodeId: string;
  readonly patientName: string;
  /** The episode as the user saw it: its `versionId` is the write's `If-Match`. */
  readonly seen: MappedEpisode & { readonly versionId: string };
  /** The same version read from the server, every element kept, to build the update from. */
  readonly episode: EpisodeOfCare;
  /** The planned episode an earlier plan made, when it can still be changed in place. */
  readonly plannedEpisode?: EpisodeOfCare;
}

export const PlanTransitionDialogActions = createActionGroup({
  source: 'Plan Transition Dialog',
  events: {
    Submitted: props<{ patientId: string; episodeId: string; plan: TransitionPlan }>(),
    Cancelled: props<{ patientId: string; episodeId: string }>(),
  },
});

export const PlanConflictDialogActions = createActionGroup({
  source: 'Plan Conflict Dialog',
  events: {
    'Keep Theirs Chosen': props<{ patientId: string; episodeId: string }>(),
    /** Plan again against the version the conflict showed, which is now the one seen. */
    'Plan Again Chosen': props<{ patientId: string; episodeId: string; seen: MappedEpisode }>(),
  },
});

export const TransitionApiActions = createActionGroup({
  source: 'Transition API',
  events: {
    'Planning Episode Loaded': props<{ session: PlanningSession }>(),
    'Transition Planned': props<{
      patientId: string;
      episodeId: string;
      plan: TransitionPlan;
      /** Whether the plan moves the client to a less intensive level. */
      stepDown: boolean;
    }>(),
    'Plan Failed': props<{
      patientId: string;
      episodeId: string;
      stage: PlanStage;
      message: string;
      /** The server (or the care-team check) refused: shown as "not permitted". */
      forbidden: boolean;
    }>(),
    'Plan Conflicted': props<{ conflict: PlanConflict }>(),
  },
});
