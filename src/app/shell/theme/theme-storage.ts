import { DOCUMENT, Injectable, inject } from '@angular/core';
import { ThemeMode, isThemeMode } from './theme-mode';

const STORAGE_KEY = 'waypoint.theme';

/**
 * Remembers the light/dark choice. This is a display preference, never PHI, so it is the one
 * thing Waypoint keeps in localStorage; clinical data never goes there.
 */
@Injectable({ providedIn: 'root' })
export class ThemeStorage {
  private readonly window = inject(DOCUMENT).defaultView;

  /** The stored choice, else the operating system's preference. */
  restore(): ThemeMode {
    const stored = this.read();
    if (isThemeMode(stored)) return stored;
    return this.window?.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
  }

  save(mode: ThemeMode): void {
    try {
      this.window?.localStorage.setItem(STORAGE_KEY, mode);
    } catch {
      // Storage can be disabled by policy; the toggle still works for this session.
    }
  }

  private read(): string | null {
    try {
      return this.window?.localStorage.getItem(STORAGE_KEY) ?? null;
    } catch {
      return null;
    }
  }
}
