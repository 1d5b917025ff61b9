import { inject } from '@angular/core';
import { CanActivateFn, Router } from '@angular/router';
import { Store } from '@ngrx/store';
import { AuthApiActions } from './auth-actions';
import { signInFailureMessage } from './sign-in-messages';
import { authFeature } from './auth-feature';
import { SmartAuth } from './smart-auth';

/**
 * Lets signed-in staff through; after a reload, restores the session kept in sessionStorage
 * (renewing its token if needed); otherwise sends them to sign in and back here afterwards.
 */
export const signedInGuard: CanActivateFn = async (_route, state) => {
  const store = inject(Store);
  const router = inject(Router);
  if (store.selectSignal(authFeature.selectUser)()) return true;
  const auth = inject(SmartAuth);
  try {
    const user = await auth.restore();
    if (user) {
      store.dispatch(AuthApiActions.sessionRestored({ user }));
      return true;
    }
  } catch (error) {
    auth.clear();
    store.dispatch(AuthApiActions.signInFailed({ message: signInFailureMessage(error) }));
  }
  return router.createUrlTree(['/sign-in'], { queryParams: { returnTo: state.url } });
};
