import { inject } from '@angular/core';
import { Router } from '@angular/router';
import { Actions, createEffect, ofType } from '@ngrx/effects';
import { catchError, exhaustMap, from, map, of, tap } from 'rxjs';
import { IdleActions } from '../session/idle-actions';
import { AuthApiActions, SignInPageActions, UserMenuActions } from './auth-actions';
import { SmartAuth } from './smart-auth';
import { safeReturnPath, signInFailureMessage } from './sign-in-messages';

export const startSignIn$ = createEffect(
  (actions$ = inject(Actions), auth = inject(SmartAuth)) => {
    return actions$.pipe(
      ofType(SignInPageActions.signInClicked, SignInPageActions.ehrLaunchOpened),
      exhaustMap((action) =>
        from(
          action.type === SignInPageActions.signInClicked.type
            ? auth.startSignIn(action.returnTo)
            : auth.startSignIn('/', { iss: action.iss, launch: action.launch }),
        ).pipe(
          map(() => AuthApiActions.redirectingToSignIn()),
          catchError((error: unknown) =>
            of(AuthApiActions.signInFailed({ message: signInFailureMessage(error) })),
          ),
        ),
      ),
    );
  },
  { functional: true },
);

export const completeSignIn$ = createEffect(
  (actions$ = inject(Actions), auth = inject(SmartAuth)) => {
    return actions$.pipe(
      ofType(SignInPageActions.callbackOpened),
      exhaustMap(({ url }) =>
        from(auth.completeSignIn(url)).pipe(
          map(({ user, returnTo }) => AuthApiActions.signInCompleted({ user, returnTo })),
          catchError((error: unknown) => {
            auth.clear();
            return of(AuthApiActions.signInFailed({ message: signInFailureMessage(error) }));
          }),
        ),
      ),
    );
  },
  { functional: true },
);

export const openSignIn$ = createEffect(
  (actions$ = inject(Actions), auth = inject(SmartAuth)) => {
    return actions$.pipe(
      ofType(SignInPageActions.practitionerPicked),
      exhaustMap(({ practitionerRef, returnTo }) =>
        from(auth.openAs(practitionerRef)).pipe(
          map((user) => AuthApiActions.signInCompleted({ user, returnTo })),
          catchError((error: unknown) => {
            auth.clear();
            return of(AuthApiActions.signInFailed({ message: signInFailureMessage(error) }));
          }),
        ),
      ),
    );
  },
  { functional: true },
);

export const goToReturnPath$ = createEffect(
  (actions$ = inject(Actions), router = inject(Router)) => {
    return actions$.pipe(
      ofType(AuthApiActions.signInCompleted),
      tap(
        ({ returnTo }) => void router.navigateByUrl(safeReturnPath(returnTo), { replaceUrl: true }),
      ),
    );
  },
  { functional: true, dispatch: false },
);

export const refreshFailures$ = createEffect(
  (auth = inject(SmartAuth)) => {
    return auth.refreshFailed$.pipe(map((message) => AuthApiActions.refreshFailed({ message })));
  },
  { functional: true },
);

/** Every end of a session: tokens and sessionStorage go, then the sign-in page says why. */
export const endSession$ = createEffect(
  (actions$ = inject(Actions), auth = inject(SmartAuth), router = inject(Router)) => {
    return actions$.pipe(
      ofType(
        UserMenuActions.signOutClicked,
        IdleActions.timedOut,
        AuthApiActions.refreshFailed,
        AuthApiActions.sessionExpired,
      ),
      exhaustMap((action) =>
        from(
          action.type === UserMenuActions.signOutClicked.type
            ? auth.signOut()
            : Promise.resolve(auth.clear()),
        ).pipe(tap(() => void router.navigateByUrl('/sign-in', { replaceUrl: true }))),
      ),
    );
  },
  { functional: true, dispatch: false },
);
