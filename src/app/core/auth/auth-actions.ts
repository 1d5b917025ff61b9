import { createActionGroup, emptyProps, props } from '@ngrx/store';
import { SignedInUser } from './signed-in-user';

/** What the member of staff did on the sign-in, callback and launch pages. */
export const SignInPageActions = createActionGroup({
  source: 'Sign-in Page',
  events: {
    'Sign In Clicked': props<{ returnTo: string }>(),
    'Practitioner Picked': props<{ practitionerRef: string; returnTo: string }>(),
    'Callback Opened': props<{ url: string }>(),
    'Ehr Launch Opened': props<{ iss: string; launch: string }>(),
  },
});

/** What happened to the session, as reported by the sign-in service and the HTTP layer. */
export const AuthApiActions = createActionGroup({
  source: 'Auth API',
  events: {
    'Redirecting To Sign In': emptyProps(),
    'Sign In Completed': props<{ user: SignedInUser; returnTo: string }>(),
    'Session Restored': props<{ user: SignedInUser }>(),
    'Sign In Failed': props<{ message: string }>(),
    'Refresh Failed': props<{ message: string }>(),
    /** A FHIR request answered 401 and a refresh could not fix it. */
    'Session Expired': emptyProps(),
  },
});

export const UserMenuActions = createActionGroup({
  source: 'User Menu',
  events: {
    'Sign Out Clicked': emptyProps(),
  },
});
