import { DOCUMENT } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { ROOT_EFFECTS_INIT } from '@ngrx/effects';
import { provideMockActions } from '@ngrx/effects/testing';
import { Action } from '@ngrx/store';
import { MockStore, provideMockStore } from '@ngrx/store/testing';
import { Observable, Subject, firstValueFrom } from 'rxjs';
import { ThemeStorageActions, ToolbarActions } from './theme-actions';
import { applyThemeToDocument, restoreThemePreference, saveThemePreference } from './theme-effects';
import { themeFeature } from './theme-feature';
import { ThemeStorage } from './theme-storage';

describe('theme effects', () => {
  let actions$: Subject<Action>;
  let storage: jasmine.SpyObj<ThemeStorage>;
  let store: MockStore;

  beforeEach(() => {
    actions$ = new Subject<Action>();
    storage = jasmine.createSpyObj<ThemeStorage>('ThemeStorage', ['restore', 'save']);
    TestBed.configureTestingModule({
      providers: [
        provideMockActions(() => actions$ as Observable<Action>),
        provideMockStore({ initialState: { theme: { mode: 'light' } } }),
        { provide: ThemeStorage, useValue: storage },
      ],
    });
    store = TestBed.inject(MockStore);
  });

  afterEach(() => {
    store.resetSelectors();
    document.documentElement.style.colorScheme = '';
    delete document.documentElement.dataset['theme'];
  });

  it('restores the stored preference when the effects start', async () => {
    storage.restore.and.returnValue('dark');
    const result = TestBed.runInInjectionContext(() => firstValueFrom(restoreThemePreference()));
    actions$.next({ type: ROOT_EFFECTS_INIT });
    expect(await result).toEqual(ThemeStorageActions.preferenceRestored({ mode: 'dark' }));
  });

  it('saves the mode the reducer chose after a toggle', () => {
    TestBed.runInInjectionContext(() => saveThemePreference().subscribe());
    store.overrideSelector(themeFeature.selectMode, 'dark');
    store.refreshState();
    actions$.next(ToolbarActions.themeToggleClicked());
    expect(storage.save).toHaveBeenCalledOnceWith('dark');
  });

  it('does not save on a restore, so the OS preference is not pinned', () => {
    TestBed.runInInjectionContext(() => saveThemePreference().subscribe());
    actions$.next(ThemeStorageActions.preferenceRestored({ mode: 'dark' }));
    expect(storage.save).not.toHaveBeenCalled();
  });

  it('applies the mode to the document colour scheme', () => {
    const doc = TestBed.inject(DOCUMENT);
    TestBed.runInInjectionContext(() => applyThemeToDocument().subscribe());
    expect(doc.documentElement.style.colorScheme).toBe('light');
    store.overrideSelector(themeFeature.selectMode, 'dark');
    store.refreshState();
    expect(doc.documentElement.style.colorScheme).toBe('dark');
    expect(doc.documentElement.dataset['theme']).toBe('dark');
  });
});
