// The production build the benchmarks measure: dist/waypoint/browser when it is newer than
// every source of the build, else a build of the bench's own into bench/.cache/dist (so a
// bench run never rewrites the dist/ that someone else may be testing against).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { addModulePreloads } from '../../scripts/preload-initial-modules.mjs';
import { ROOT, log } from './util.mjs';

const INPUTS = [
  'scripts/preload-initial-modules.mjs',
  'src',
  'public',
  'angular.json',
  'package-lock.json',
  'tsconfig.json',
  'tsconfig.app.json',
];

function newestMtime(path) {
  const full = join(ROOT, path);
  if (!existsSync(full)) return 0;
  const stat = statSync(full);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(full, { withFileTypes: true })) {
    if (entry.isDirectory() || !entry.name.endsWith('.spec.ts'))
      newest = Math.max(newest, newestMtime(join(path, entry.name)));
  }
  return newest;
}

function builtAt(dir) {
  const index = join(ROOT, dir, 'index.html');
  return existsSync(index) ? statSync(index).mtimeMs : 0;
}

/**
 * Returns { app, built, buildMs }: the directory to serve (relative to the repository) and
 * whether this run built it.
 */
export function ensureBuild({ force = false } = {}) {
  const sources = Math.max(...INPUTS.map(newestMtime));
  for (const dir of ['dist/waypoint/browser', 'bench/.cache/dist/browser'])
    if (!force && builtAt(dir) > sources) return { app: dir, built: false, buildMs: 0 };
  log('production build is older than the sources: building into bench/.cache/dist …');
  const t0 = Date.now();
  const result = spawnSync(
    process.execPath,
    [
      'node_modules/@angular/cli/bin/ng.js',
      'build',
      '--output-path',
      'bench/.cache/dist',
      '--no-progress',
    ],
    {
      cwd: ROOT,
      stdio: ['ignore', 'inherit', 'inherit'],
      env: { ...process.env, NG_CLI_ANALYTICS: 'false' },
    },
  );
  if (result.status !== 0) throw new Error(`ng build failed (${result.status})`);
  addModulePreloads(join(ROOT, 'bench/.cache/dist/browser'));
  return { app: 'bench/.cache/dist/browser', built: true, buildMs: Date.now() - t0 };
}
