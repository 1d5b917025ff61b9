import { TransitionBoardActions } from '../step-down-actions';
import {
  PlanConflictDialogActions,
  PlanTransitionDialogActions,
  PlanningSession,
  TransitionApiActions,
} from './planning-actions';
import { PlanningState, planningFeature } from './planning-feature';

const session = {
  patientId: 'p1',
  episodeId: 'e1',
  patientName: 'Robin Testfield',
  seen: {
    id: 'e1',
    patientId: 'p1',
    level: 'iop',
    status: 'active',
    start: '2026-10-05',
    versionId: '3',
  },
  episode: { resourceType: 'EpisodeOfCare', id: 'e1' },
} as PlanningSession;

const plan = { targetLevel: 'outpatient' as const, plannedDate: '2026-12-12', reason: 'Goals met' };
const ids = { patientId: 'p1', episodeId: 'e1' };

describe('planning state', () => {
  const { reducer } = planningFeature;
  const run = (...actions: Parameters<typeof reducer>[1][]): PlanningState =>
    actions.reduce((state, action) => reducer(state, action), reducer(undefined, { type: 'init' }));

  it('follows a plan from the click to the save', () => {
    expect(run(TransitionBoardActions.planTransitionClicked(ids)).status).toBe('opening');
    const editing = run(
      TransitionBoardActions.planTransitionClicked(ids),
      TransitionApiActions.planningEpisodeLoaded({ session }),
    );
    expect(editing).toEqual({ status: 'editing', session, error: null });
    const saving = reducer(editing, PlanTransitionDialogActions.submitted({ ...ids, plan }));
    expect(saving.status).toBe('saving');
    expect(
      reducer(saving, TransitionApiActions.transitionPlanned({ ...ids, plan, stepDown: true })),
    ).toEqual({ status: 'idle', session: null, error: null });
  });

  it('keeps the form open with the reason when a save fails, and closes it when opening fails', () => {
    const saving = run(
      TransitionApiActions.planningEpisodeLoaded({ session }),
      PlanTransitionDialogActions.submitted({ ...ids, plan }),
    );
    const failed = (stage: 'opening' | 'saving') =>
      TransitionApiActions.planFailed({ ...ids, stage, message: 'Not permitted', forbidden: true });
    expect(reducer(saving, failed('saving'))).toEqual({
      status: 'editing',
      session,
      error: { message: 'Not permitted', forbidden: true },
    });
    expect(run(TransitionBoardActions.planTransitionClicked(ids), failed('opening')).status).toBe(
      'idle',
    );
    const retried = reducer(
      reducer(saving, failed('saving')),
      PlanTransitionDialogActions.submitted({ ...ids, plan }),
    );
    expect(retried.error).toBeNull();
  });

  it('drops the session on a conflict and on every way out of the dialogs', () => {
    const editing = run(TransitionApiActions.planningEpisodeLoaded({ session }));
    expect(
      reducer(
        editing,
        TransitionApiActions.planConflicted({ conflict: { ...ids, stage: 'saving', changes: [] } }),
      ),
    ).toEqual({ status: 'conflict', session: null, error: null });
    expect(reducer(editing, PlanTransitionDialogActions.cancelled(ids)).status).toBe('idle');
    expect(reducer(editing, PlanConflictDialogActions.keepTheirsChosen(ids)).session).toBeNull();
    expect(
      reducer(editing, PlanConflictDialogActions.planAgainChosen({ ...ids, seen: session.seen }))
        .status,
    ).toBe('opening');
  });
});
