import { createFeature, createReducer, on } from '@ngrx/store';
import { ThemeStorageActions, ToolbarActions } from './theme-actions';
import { ThemeMode } from './theme-mode';

export interface ThemeState {
  readonly mode: ThemeMode;
}

const initialState: ThemeState = { mode: 'light' };

export const themeFeature = createFeature({
  name: 'theme',
  reducer: createReducer(
    initialState,
    on(ToolbarActions.themeToggleClicked, (state): ThemeState => ({
      mode: state.mode === 'light' ? 'dark' : 'light',
    })),
    on(ThemeStorageActions.preferenceRestored, (_state, { mode }): ThemeState => ({ mode })),
  ),
});
