import { createFeature, createReducer, on } from '@ngrx/store';
import { IdleActions } from '../session/idle-actions';
import { AuthApiActions, SignInPageActions, UserMenuActions } from './auth-actions';
import { SignedInUser } from './signed-in-user';

export type SignInStatus = 'signed-out' | 'working' | 'signed-in';

/** Why the last session ended, shown on the sign-in page. */
export type SessionEndReason = 'signed-out' | 'idle' | 'expired';

export interface AuthState {
  readonly user: SignedInUser | null;
  readonly status: SignInStatus;
  readonly error: string | null;
  readonly endReason: SessionEndReason | null;
}

const initialState: AuthState = { user: null, status: 'signed-out', error: null, endReason: null };

export const authFeature = createFeature({
  name: 'auth',
  reducer: createReducer(
    initialState,
    on(
      SignInPageActions.signInClicked,
      SignInPageActions.practitionerPicked,
      SignInPageActions.callbackOpened,
      SignInPageActions.ehrLaunchOpened,
      (state): AuthState => ({ ...state, status: 'working', error: null, endReason: null }),
    ),
    on(
      AuthApiActions.signInCompleted,
      AuthApiActions.sessionRestored,
      (_state, { user }): AuthState => ({ ...initialState, user, status: 'signed-in' }),
    ),
    on(AuthApiActions.signInFailed, (_state, { message }): AuthState => ({
      ...initialState,
      error: message,
    })),
    on(AuthApiActions.refreshFailed, (_state, { message }): AuthState => ({
      ...initialState,
      endReason: 'expired',
      error: message,
    })),
    on(AuthApiActions.sessionExpired, (): AuthState => ({ ...initialState, endReason: 'expired' })),
    on(IdleActions.timedOut, (): AuthState => ({ ...initialState, endReason: 'idle' })),
    on(UserMenuActions.signOutClicked, (): AuthState => ({
      ...initialState,
      endReason: 'signed-out',
    })),
  ),
});
