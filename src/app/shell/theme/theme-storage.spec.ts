import { DOCUMENT } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { ThemeStorage } from './theme-storage';

describe('ThemeStorage', () => {
  let values: Map<string, string>;
  let prefersDark: boolean;
  let failing: boolean;

  beforeEach(() => {
    values = new Map();
    prefersDark = false;
    failing = false;
    const storage = {
      getItem: (key: string) => {
        if (failing) throw new DOMException('denied', 'SecurityError');
        return values.get(key) ?? null;
      },
      setItem: (key: string, value: string) => {
        if (failing) throw new DOMException('denied', 'SecurityError');
        values.set(key, value);
      },
    };
    const fakeWindow = {
      localStorage: storage,
      matchMedia: (query: string) => ({ matches: query.includes('dark') && prefersDark }),
    };
    TestBed.configureTestingModule({
      providers: [{ provide: DOCUMENT, useValue: { defaultView: fakeWindow } }],
    });
  });

  it('falls back to the operating system preference when nothing is stored', () => {
    const storage = TestBed.inject(ThemeStorage);
    expect(storage.restore()).toBe('light');
    prefersDark = true;
    expect(storage.restore()).toBe('dark');
  });

  it('remembers the last choice, and ignores a tampered value', () => {
    const storage = TestBed.inject(ThemeStorage);
    prefersDark = true;
    storage.save('light');
    expect(values.get('waypoint.theme')).toBe('light');
    expect(storage.restore()).toBe('light');
    values.set('waypoint.theme', '<script>');
    expect(storage.restore()).toBe('dark');
  });

  it('keeps working when storage is blocked by policy', () => {
    const storage = TestBed.inject(ThemeStorage);
    failing = true;
    expect(() => storage.save('dark')).not.toThrow();
    expect(storage.restore()).toBe('light');
  });
});
