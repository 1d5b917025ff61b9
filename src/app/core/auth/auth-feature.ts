import { createFeature, createReducer, on } from '@ngrx/store';
import { AuthActions, UserMenuActions } from './auth-actions';
import { SignedInUser } from './signed-in-user';

export interface AuthState {
  readonly user: SignedInUser | null;
}

const initialState: AuthState = { user: null };

export const authFeature = createFeature({
  name: 'auth',
  reducer: createReducer(
    initialState,
    on(AuthActions.signInCompleted, (_state, { user }): AuthState => ({ user })),
    on(AuthActions.signedOut, UserMenuActions.signOutClicked, (): AuthState => initialState),
  ),
});
