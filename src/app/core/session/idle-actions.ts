import { createActionGroup, emptyProps } from '@ngrx/store';

export const IdleActions = createActionGroup({
  source: 'Idle Watch',
  events: {
    'Warning Shown': emptyProps(),
    'Stay Signed In Chosen': emptyProps(),
    'Timed Out': emptyProps(),
  },
});
