import { DOCUMENT, inject } from '@angular/core';
import { Actions, ROOT_EFFECTS_INIT, createEffect, ofType } from '@ngrx/effects';
import { Store } from '@ngrx/store';
import { concatLatestFrom } from '@ngrx/operators';
import { distinctUntilChanged, map, tap } from 'rxjs';
import { ThemeStorageActions, ToolbarActions } from './theme-actions';
import { themeFeature } from './theme-feature';
import { ThemeStorage } from './theme-storage';

export const restoreThemePreference = createEffect(
  (actions$ = inject(Actions), storage = inject(ThemeStorage)) => {
    return actions$.pipe(
      ofType(ROOT_EFFECTS_INIT),
      map(() => ThemeStorageActions.preferenceRestored({ mode: storage.restore() })),
    );
  },
  { functional: true },
);

export const saveThemePreference = createEffect(
  (actions$ = inject(Actions), store = inject(Store), storage = inject(ThemeStorage)) => {
    return actions$.pipe(
      ofType(ToolbarActions.themeToggleClicked),
      concatLatestFrom(() => store.select(themeFeature.selectMode)),
      tap(([, mode]) => storage.save(mode)),
    );
  },
  { functional: true, dispatch: false },
);

/** The M3 theme is built on `light-dark()`, so switching is one `color-scheme` property. */
export const applyThemeToDocument = createEffect(
  (store = inject(Store), document = inject(DOCUMENT)) => {
    return store.select(themeFeature.selectMode).pipe(
      distinctUntilChanged(),
      tap((mode) => {
        document.documentElement.style.colorScheme = mode;
        document.documentElement.dataset['theme'] = mode;
      }),
    );
  },
  { functional: true, dispatch: false },
);
