import { ThemeStorageActions, ToolbarActions } from './theme-actions';
import { themeFeature } from './theme-feature';

describe('themeFeature', () => {
  const initial = themeFeature.reducer(undefined, { type: '@@init' });

  it('starts light', () => {
    expect(initial.mode).toBe('light');
  });

  it('flips between light and dark each time the toolbar toggle is clicked', () => {
    const dark = themeFeature.reducer(initial, ToolbarActions.themeToggleClicked());
    expect(dark.mode).toBe('dark');
    expect(themeFeature.reducer(dark, ToolbarActions.themeToggleClicked()).mode).toBe('light');
  });

  it('takes the restored preference', () => {
    const state = themeFeature.reducer(
      initial,
      ThemeStorageActions.preferenceRestored({ mode: 'dark' }),
    );
    expect(themeFeature.selectMode({ theme: state })).toBe('dark');
  });
});
