import { DOCUMENT, Injector, inject } from '@angular/core';
import type { MatDialogRef } from '@angular/material/dialog';
import { Actions, createEffect, ofType } from '@ngrx/effects';
import { Action } from '@ngrx/store';
import {
  Observable,
  Subject,
  filter,
  finalize,
  fromEvent,
  merge,
  mergeMap,
  switchMap,
  takeUntil,
  throttleTime,
} from 'rxjs';
import { AuthApiActions, UserMenuActions } from '../auth/auth-actions';
import { APP_CONFIG } from '../config/app-config';
import { IdleActions } from './idle-actions';
import { IDLE_WARNING_MS, IdlePhase, idlePhases } from './idle-phases';
import type { IdleWarningDialog, IdleWarningResult } from './idle-warning-dialog';
import { isSessionEnd } from './session-end';

/** Marks the warning's panel, so key presses inside it are choices rather than activity. */
const IDLE_WARNING_PANEL = 'idle-warning-panel';

/** Keys, clicks, taps and the wheel count as activity; merely moving the mouse does not. */
const ACTIVITY_EVENTS = ['keydown', 'pointerdown', 'wheel', 'touchstart'] as const;

function userActivity(document: Document): Observable<Event> {
  const insideWarning = (event: Event) =>
    event.target instanceof Element && !!event.target.closest(`.${IDLE_WARNING_PANEL}`);
  return merge(
    ...ACTIVITY_EVENTS.map((type) => fromEvent(document, type, { capture: true, passive: true })),
  ).pipe(
    filter((event) => !insideWarning(event)),
    throttleTime(1000),
  );
}

/**
 * Automatic log-off after `idleTimeoutMinutes` without activity, with a warning dialog a
 * minute before. Runs from sign-in until the session ends, whichever way it ends.
 */
export const idleLogOff$ = createEffect(
  (
    actions$ = inject(Actions),
    document = inject(DOCUMENT),
    injector = inject(Injector),
    config = inject(APP_CONFIG),
  ) => {
    const timeoutMs = config.idleTimeoutMinutes * 60_000;
    return actions$.pipe(
      ofType(AuthApiActions.signInCompleted, AuthApiActions.sessionRestored),
      switchMap(() => {
        const out = new Subject<Action>();
        let currentPhase: IdlePhase = 'active';
        let warning: MatDialogRef<IdleWarningDialog, IdleWarningResult> | undefined;
        const close = (result: IdleWarningResult) => {
          const open = warning;
          warning = undefined;
          open?.close(result);
          return !!open;
        };
        const activity$ = merge(
          userActivity(document),
          actions$.pipe(ofType(IdleActions.staySignedInChosen)),
        );
        const phases$ = idlePhases(activity$, timeoutMs).pipe(
          mergeMap((phase): Action[] => {
            currentPhase = phase;
            if (phase === 'warning') {
              // The dialog (and Material's overlay) is downloaded only when it is needed.
              void openWarning(injector, Math.min(IDLE_WARNING_MS, timeoutMs)).then((ref) => {
                // Activity while the dialog was downloading already answered it.
                if (currentPhase !== 'warning') return ref.close('activity');
                warning = ref;
                ref.afterClosed().subscribe((result) => {
                  if (warning === ref) warning = undefined;
                  if (result === 'sign-out') out.next(UserMenuActions.signOutClicked());
                  else if (result === undefined || result === 'stay') {
                    out.next(IdleActions.staySignedInChosen());
                  }
                });
              });
              return [IdleActions.warningShown()];
            }
            if (phase === 'timed-out') {
              close('timed-out');
              return [IdleActions.timedOut()];
            }
            return close('activity') ? [IdleActions.staySignedInChosen()] : [];
          }),
        );
        return merge(phases$, out).pipe(
          takeUntil(actions$.pipe(filter((action) => isSessionEnd(action)))),
          finalize(() => close('activity')),
        );
      }),
    );
  },
  { functional: true },
);

async function openWarning(
  injector: Injector,
  warningMs: number,
): Promise<MatDialogRef<IdleWarningDialog, IdleWarningResult>> {
  const [{ MatDialog }, { IdleWarningDialog }] = await Promise.all([
    import('@angular/material/dialog'),
    import('./idle-warning-dialog'),
  ]);
  return injector
    .get(MatDialog)
    .open<IdleWarningDialog, unknown, IdleWarningResult>(IdleWarningDialog, {
      data: { logOffAt: Date.now() + warningMs },
      role: 'alertdialog',
      panelClass: IDLE_WARNING_PANEL,
      width: '420px',
    });
}
