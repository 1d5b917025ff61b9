import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// @ts-expect-error: a plain ESM build script, without type declarations.
import { addModulePreloads, staticImports } from './preload-initial-modules.mjs';

describe('preload-initial-modules (after ng build)', () => {
  it("reads a module's leading static imports, not dynamic ones or strings in its code", () => {
    const source =
      'import{a as b,c as d}from"./chunk-AAAAAAAA.js";import"./chunk-BBBBBBBB.js";export{e}from"./chunk-CCCCCCCC.js";' +
      'var x=()=>import("./chunk-DDDDDDDD.js");var s=\'import"./chunk-EEEEEEEE.js"\';';
    expect(staticImports(source)).toEqual([
      'chunk-AAAAAAAA.js',
      'chunk-BBBBBBBB.js',
      'chunk-CCCCCCCC.js',
    ]);
  });

  it('adds a module preload for every module the entry imports statically, once', () => {
    const dir = mkdtempSync(join(tmpdir(), 'waypoint-preload-'));
    try {
      const files: Record<string, string> = {
        'main-MAINMAIN.js':
          'import{a}from"./chunk-AAAAAAAA.js";import"./chunk-BBBBBBBB.js";const l=()=>import("./chunk-LAZYLAZY.js");',
        'chunk-AAAAAAAA.js': 'import{c}from"./chunk-CCCCCCCC.js";export const a=1;',
        'chunk-BBBBBBBB.js': 'import"./chunk-AAAAAAAA.js";' + 'x'.repeat(500),
        'chunk-CCCCCCCC.js': 'export const c=1;' + 'y'.repeat(900),
        'chunk-LAZYLAZY.js': 'export const lazy=1;',
        'index.html':
          '<html><head></head><body><app-root></app-root><link rel="modulepreload" href="chunk-AAAAAAAA.js"><script src="main-MAINMAIN.js" type="module"></script></body></html>',
      };
      for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
      expect(addModulePreloads(dir)).toEqual(['chunk-CCCCCCCC.js', 'chunk-BBBBBBBB.js']);
      const html = readFileSync(join(dir, 'index.html'), 'utf8');
      const preloads = [...html.matchAll(/<link rel="modulepreload" href="([^"]+)">/g)].map(
        (m) => m[1],
      );
      expect(preloads).toEqual(['chunk-CCCCCCCC.js', 'chunk-BBBBBBBB.js', 'chunk-AAAAAAAA.js']);
      expect(html).not.toContain('LAZYLAZY');
      expect(addModulePreloads(dir)).toEqual([]);
      expect(readFileSync(join(dir, 'index.html'), 'utf8')).toBe(html);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
