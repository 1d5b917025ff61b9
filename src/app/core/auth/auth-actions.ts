import { createActionGroup, emptyProps, props } from '@ngrx/store';
import { SignedInUser } from './signed-in-user';

export const AuthActions = createActionGroup({
  source: 'Auth',
  events: {
    'Sign In Completed': props<{ user: SignedInUser }>(),
    'Signed Out': emptyProps(),
  },
});

export const UserMenuActions = createActionGroup({
  source: 'User Menu',
  events: {
    'Sign Out Clicked': emptyProps(),
  },
});
