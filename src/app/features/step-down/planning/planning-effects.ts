import { inject } from '@angular/core';
import { Actions, createEffect, ofType } from '@ngrx/effects';
import { concatLatestFrom } from '@ngrx/operators';
import { Action, Store } from '@ngrx/store';
import {
  EMPTY,
  Observable,
  catchError,
  exhaustMap,
  filter,
  finalize,
  from,
  ignoreElements,
  map,
  merge,
  mergeMap,
  of,
  switchMap,
  take,
  takeUntil,
  tap,
  throwError,
} from 'rxjs';
import { authFeature } from '../../../core/auth/auth-feature';
import { APP_CONFIG } from '../../../core/config/app-config';
import { FhirClient } from '../../../core/fhir/fhir-client';
import { FhirError } from '../../../core/fhir/fhir-error';
import { isSessionEnd } from '../../../core/session/session-end';
import { todayIn } from '../../../domain/time/calendar-day';
import { EpisodeOfCare } from '../../../fhir-mapping';
import { buildTransitionBundle, plannedEpisodeIdOf } from '../../../fhir-mapping/transition-bundle';
import { ClinicalApiActions } from '../../../store/clinical-actions';
import { episodesSlice, patientsSlice } from '../../../store/clinical-slices';
import { queriesFeature } from '../../../store/queries-feature';
import { QueryKey, clientQueryKey } from '../../../store/query-key';
import { selectPlannablePatients } from '../planning-availability';
import { TransitionBoardActions } from '../step-down-actions';
import { PlanStage, episodeConflict } from './plan-conflict';
import { directionOf, plannedAnnouncement } from './plan-options';
import {
  PlanConflictDialogActions,
  PlanTransitionDialogActions,
  PlanningSession,
  TransitionApiActions,
} from './planning-actions';
import { PlanningDialogs } from './planning-dialogs';
import { planningFeature } from './planning-feature';

const NOT_PERMITTED =
  'You are not permitted to plan transitions for this client: only their care team can.';
const NOT_LOADED = 'This episode is not loaded any more. Refresh the page and try again.';
const NO_VERSION =
  'This server did not say which version of the episode this is, so a plan cannot be saved without risking overwriting someone else’s change.';

function untilSessionEnds<T>(actions$: Actions) {
  return (source: Observable<T>) =>
    source.pipe(takeUntil(actions$.pipe(filter((action) => isSessionEnd(action)))));
}

function failureMessage(error: unknown, stage: PlanStage): { message: string; forbidden: boolean } {
  if (error instanceof FhirError) {
    if (error.kind === 'forbidden') return { message: NOT_PERMITTED, forbidden: true };
    if (error.kind === 'not-found')
      return {
        message:
          'This episode was not found: it may have been removed, or you may no longer be on this client’s care team.',
        forbidden: false,
      };
    return { message: error.message, forbidden: false };
  }
  return {
    message:
      stage === 'saving'
        ? 'The plan could not be saved. Try again in a moment.'
        : 'The episode could not be loaded. Try again in a moment.',
    forbidden: false,
  };
}

/** A v4 UUID for the new episode's fullUrl; `randomUUID` exists only in secure contexts. */
function uuid(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The earlier plan's episode, if it still exists: gone is not an error, the plan makes a new one. */
function readPlannedEpisode(client: FhirClient, id: string): Observable<EpisodeOfCare | undefined> {
  return client.read('EpisodeOfCare', id).pipe(
    map((resource) => resource as EpisodeOfCare),
    catchError((error: unknown) =>
      error instanceof FhirError && error.kind === 'not-found'
        ? of(undefined)
        : throwError(() => error),
    ),
  );
}

/**
 * "Plan transition" on a board card, or "Review and plan again" after a conflict. The episode
 * is read from the server here, once, when the dialog opens (not just before saving, which
 * would silently accept a change made meanwhile): if its version is not the one the user saw,
 * the conflict is shown at once; otherwise the read resource, with every element Waypoint does
 * not know, is what the update is built from (see fhir-mapping/transition-bundle.ts). Only a
 * member of the client's care team gets as far as a request.
 */
export const loadPlanningEpisode$ = createEffect(
  (actions$ = inject(Actions), store = inject(Store), client = inject(FhirClient)) => {
    return actions$.pipe(
      ofType(
        TransitionBoardActions.planTransitionClicked,
        PlanConflictDialogActions.planAgainChosen,
      ),
      concatLatestFrom(() => [
        store.select(episodesSlice.selectEntities),
        store.select(patientsSlice.selectEntities),
        store.select(selectPlannablePatients),
      ]),
      switchMap(([action, episodes, patients, plannable]) => {
        const { patientId, episodeId } = action;
        const fail = (message: string, forbidden = false) =>
          of(
            TransitionApiActions.planFailed({
              patientId,
              episodeId,
              stage: 'opening',
              message,
              forbidden,
            }),
          );
        if (!plannable.has(patientId)) return fail(NOT_PERMITTED, true);
        const seen = 'seen' in action ? action.seen : episodes[episodeId];
        if (!seen || seen.id !== episodeId || seen.patientId !== patientId) return fail(NOT_LOADED);
        const seenVersionId = seen.versionId;
        if (!seenVersionId) return fail(NO_VERSION);
        return client.read('EpisodeOfCare', episodeId).pipe(
          switchMap((resource): Observable<Action> => {
            const episode = resource as EpisodeOfCare;
            if (episode.meta?.versionId !== seenVersionId)
              return of(
                TransitionApiActions.planConflicted({
                  conflict: episodeConflict({
                    patientId,
                    episodeId,
                    stage: 'opening',
                    seen,
                    current: episode,
                  }),
                }),
              );
            const plannedId = plannedEpisodeIdOf(episode);
            return (plannedId ? readPlannedEpisode(client, plannedId) : of(undefined)).pipe(
              map((plannedEpisode) => {
                const session: PlanningSession = {
                  patientId,
                  episodeId,
                  patientName: patients[patientId]?.name ?? 'this client',
                  seen: { ...seen, versionId: seenVersionId },
                  episode,
                  ...(plannedEpisode ? { plannedEpisode } : {}),
                };
                return TransitionApiActions.planningEpisodeLoaded({ session });
              }),
            );
          }),
          catchError((error: unknown) => {
            const { message, forbidden } = failureMessage(error, 'opening');
            return fail(message, forbidden);
          }),
          untilSessionEnds(actions$),
        );
      }),
    );
  },
  { functional: true },
);

/**
 * Shows the plan dialog for a loaded episode. The dialog dispatches its own Submitted and stays
 * open while the plan saves, so a failure can be shown beside the form; it is closed here when
 * the plan is saved or conflicts, and Cancel or Escape dispatch Cancelled.
 */
export const openPlanDialog$ = createEffect(
  (actions$ = inject(Actions), dialogs = inject(PlanningDialogs), config = inject(APP_CONFIG)) => {
    return actions$.pipe(
      ofType(TransitionApiActions.planningEpisodeLoaded),
      switchMap(({ session }) => {
        const { patientId, episodeId } = session;
        const data = {
          patientId,
          episodeId,
          patientName: session.patientName,
          currentLevel: session.seen.level,
          today: todayIn(config.programTimeZone, new Date()),
          ...(session.seen.plannedTransition ? { existing: session.seen.plannedTransition } : {}),
        };
        return from(dialogs.openPlan(data)).pipe(
          switchMap((dialog) => {
            let open = true;
            const closed$ = dialog.closed.pipe(
              tap(() => (open = false)),
              take(1),
            );
            const finished$ = actions$.pipe(
              ofType(TransitionApiActions.transitionPlanned, TransitionApiActions.planConflicted),
              filter((action) =>
                'conflict' in action
                  ? action.conflict.episodeId === episodeId
                  : action.episodeId === episodeId,
              ),
              take(1),
              tap(() => dialog.close('done')),
              ignoreElements(),
              takeUntil(closed$),
            );
            return merge(
              closed$.pipe(
                // Cancel closes with '' and Escape with undefined: anything but the effects' own 'done'.
                filter((result) => result !== 'done'),
                map(() => PlanTransitionDialogActions.cancelled({ patientId, episodeId })),
              ),
              finished$,
            ).pipe(
              // Another plan started, or the session ended: this dialog must not linger.
              finalize(() => {
                if (open) dialog.close('done');
              }),
            );
          }),
          untilSessionEnds(actions$),
        );
      }),
    );
  },
  { functional: true },
);

/**
 * Saves a plan as one transaction (the current episode's update guarded by the version the
 * user saw, and the planned episode). A 412 is never retried: the episode is read again only
 * to show the user what changed and who changed it.
 */
export const savePlan$ = createEffect(
  (actions$ = inject(Actions), store = inject(Store), client = inject(FhirClient)) => {
    return actions$.pipe(
      ofType(PlanTransitionDialogActions.submitted),
      concatLatestFrom(() => [
        store.select(planningFeature.selectSession),
        store.select(authFeature.selectUser),
      ]),
      exhaustMap(([{ patientId, episodeId, plan }, session, user]) => {
        const fail = (message: string, forbidden = false) =>
          of(
            TransitionApiActions.planFailed({
              patientId,
              episodeId,
              stage: 'saving',
              message,
              forbidden,
            }),
          );
        if (!session || session.patientId !== patientId || session.episodeId !== episodeId)
          return fail('This plan is no longer open. Start again from the board.');
        if (!user) return EMPTY;
        const bundle = buildTransitionBundle({
          current: session.episode,
          seenVersionId: session.seen.versionId,
          ...(session.plannedEpisode ? { plannedEpisode: session.plannedEpisode } : {}),
          plan,
          author: { practitionerRef: user.practitionerRef, name: user.name },
          now: new Date().toISOString(),
          newEpisodeUuid: uuid(),
        });
        return client.transaction(bundle).pipe(
          switchMap((outcome): Observable<Action> => {
            if (outcome.kind === 'saved')
              return of(
                TransitionApiActions.transitionPlanned({
                  patientId,
                  episodeId,
                  plan,
                  stepDown: directionOf(session.seen.level, plan.targetLevel) === 'step-down',
                }),
              );
            return client.read('EpisodeOfCare', episodeId).pipe(
              map((resource): EpisodeOfCare | undefined => resource as EpisodeOfCare),
              catchError(() => of(undefined)),
              map((current) =>
                TransitionApiActions.planConflicted({
                  conflict: episodeConflict({
                    patientId,
                    episodeId,
                    stage: 'saving',
                    seen: session.seen,
                    current,
                  }),
                }),
              ),
            );
          }),
          catchError((error: unknown) => {
            const { message, forbidden } = failureMessage(error, 'saving');
            return fail(message, forbidden);
          }),
          untilSessionEnds(actions$),
        );
      }),
    );
  },
  { functional: true },
);

/**
 * Shows what changed. Nothing is written from here: "Keep theirs" closes (the board is already
 * reloading), "Review and plan again" reopens the plan dialog against the version shown.
 */
export const openConflictDialog$ = createEffect(
  (actions$ = inject(Actions), dialogs = inject(PlanningDialogs)) => {
    return actions$.pipe(
      ofType(TransitionApiActions.planConflicted),
      switchMap(({ conflict }) => {
        const { patientId, episodeId, current } = conflict;
        return from(dialogs.openConflict({ conflict })).pipe(
          switchMap((dialog) => {
            let open = true;
            return dialog.closed.pipe(
              take(1),
              tap(() => (open = false)),
              finalize(() => {
                if (open) dialog.close();
              }),
            );
          }),
          map((choice) =>
            choice === 'plan-again' && current
              ? PlanConflictDialogActions.planAgainChosen({ patientId, episodeId, seen: current })
              : PlanConflictDialogActions.keepTheirsChosen({ patientId, episodeId }),
          ),
          untilSessionEnds(actions$),
        );
      }),
    );
  },
  { functional: true },
);

/**
 * After a save or a conflict, reloads what the store holds about the client (the caseload, or
 * their own record), so the board and the client page show the episode as it now is.
 */
export const reloadPlannedClient$ = createEffect(
  (actions$ = inject(Actions), store = inject(Store)) => {
    return actions$.pipe(
      ofType(TransitionApiActions.transitionPlanned, TransitionApiActions.planConflicted),
      concatLatestFrom(() => store.select(queriesFeature.selectByKey)),
      mergeMap(([action, byKey]) => {
        const patientId = 'conflict' in action ? action.conflict.patientId : action.patientId;
        return (Object.keys(byKey) as QueryKey[]).filter(
          (key) =>
            key === clientQueryKey(patientId) || !!byKey[key]?.patientIds?.includes(patientId),
        );
      }),
      map((query) => ClinicalApiActions.queryStarted({ query, startedAt: Date.now() })),
    );
  },
  { functional: true },
);

export const announcePlanned$ = createEffect(
  (actions$ = inject(Actions), dialogs = inject(PlanningDialogs)) => {
    return actions$.pipe(
      ofType(TransitionApiActions.transitionPlanned),
      tap(({ plan, stepDown }) => {
        void dialogs.announce(plannedAnnouncement(stepDown, plan.targetLevel, plan.plannedDate));
      }),
    );
  },
  { functional: true, dispatch: false },
);

/** A failure before the dialog opened has no dialog to show it in. */
export const announceOpeningFailure$ = createEffect(
  (actions$ = inject(Actions), dialogs = inject(PlanningDialogs)) => {
    return actions$.pipe(
      ofType(TransitionApiActions.planFailed),
      filter(({ stage }) => stage === 'opening'),
      tap(({ message }) => {
        void dialogs.announce(message);
      }),
    );
  },
  { functional: true, dispatch: false },
);
