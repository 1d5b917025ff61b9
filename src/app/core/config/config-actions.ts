import { createActionGroup, props } from '@ngrx/store';
import { AppConfig } from './app-config';

export const ConfigActions = createActionGroup({
  source: 'App Bootstrap',
  events: {
    'Runtime Config Loaded': props<{ config: AppConfig }>(),
  },
});
