import { createActionGroup, emptyProps, props } from '@ngrx/store';
import { ThemeMode } from './theme-mode';

export const ToolbarActions = createActionGroup({
  source: 'Toolbar',
  events: {
    'Theme Toggle Clicked': emptyProps(),
  },
});

export const ThemeStorageActions = createActionGroup({
  source: 'Theme Storage',
  events: {
    'Preference Restored': props<{ mode: ThemeMode }>(),
  },
});
