import { IdleActions } from '../session/idle-actions';
import { AuthApiActions, SignInPageActions, UserMenuActions } from './auth-actions';
import { AuthState, authFeature } from './auth-feature';
import { SignedInUser } from './signed-in-user';

const user: SignedInUser = {
  practitionerRef: 'Practitioner/t1',
  name: 'Avery Lanternfield',
  role: 'therapist',
  organizationRefs: ['Organization/adult-iop'],
};
const reduce = (
  state: AuthState | undefined,
  ...actions: Parameters<typeof authFeature.reducer>[1][]
) => actions.reduce((s, a) => authFeature.reducer(s, a), state as AuthState);

describe('authFeature', () => {
  it('goes from working to signed in, clearing an earlier error', () => {
    const state = reduce(
      undefined,
      AuthApiActions.signInFailed({ message: 'cancelled' }),
      SignInPageActions.signInClicked({ returnTo: '/' }),
    );
    expect(state).toEqual({ user: null, status: 'working', error: null, endReason: null });
    expect(reduce(state, AuthApiActions.signInCompleted({ user, returnTo: '/' }))).toEqual({
      user,
      status: 'signed-in',
      error: null,
      endReason: null,
    });
  });

  it('forgets the user and remembers why the session ended', () => {
    const signedIn = reduce(undefined, AuthApiActions.sessionRestored({ user }));
    expect(reduce(signedIn, IdleActions.timedOut()).endReason).toBe('idle');
    expect(reduce(signedIn, AuthApiActions.sessionExpired()).endReason).toBe('expired');
    expect(reduce(signedIn, UserMenuActions.signOutClicked())).toEqual({
      user: null,
      status: 'signed-out',
      error: null,
      endReason: 'signed-out',
    });
    const failed = reduce(signedIn, AuthApiActions.refreshFailed({ message: 'renew failed' }));
    expect(failed.user).toBeNull();
    expect(failed.error).toBe('renew failed');
  });
});
