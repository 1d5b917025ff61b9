import { Action, ActionReducer } from '@ngrx/store';
import { AuthApiActions, UserMenuActions } from '../auth/auth-actions';
import { IdleActions } from './idle-actions';

/** Every way a session ends: sign-out, idle log-off, a failed refresh, a 401. */
export const SESSION_END_ACTIONS: readonly string[] = [
  UserMenuActions.signOutClicked.type,
  IdleActions.timedOut.type,
  AuthApiActions.refreshFailed.type,
  AuthApiActions.sessionExpired.type,
];

/** Slices that hold no clinical data and survive the end of a session. */
const KEPT_SLICES = ['config', 'theme', 'router'] as const;

export function isSessionEnd(action: Action): boolean {
  return SESSION_END_ACTIONS.includes(action.type);
}

/**
 * Meta-reducer: when a session ends, every slice but configuration, theme and router state goes
 * back to its initial state before the action is reduced, so no clinical data outlives the
 * session whatever feature slices exist.
 */
export function resetOnSessionEnd<S extends object>(reducer: ActionReducer<S>): ActionReducer<S> {
  return (state, action) => {
    if (state && isSessionEnd(action)) {
      const kept: Partial<S> = {};
      for (const key of KEPT_SLICES) {
        if (key in state)
          (kept as Record<string, unknown>)[key] = (state as Record<string, unknown>)[key];
      }
      return reducer(kept as S, action);
    }
    return reducer(state, action);
  };
}
