// Scale data for the benchmarks: generated once per (seed, clients) with the project's own
// generator (bench/lib/generate-scale-data.ts) and cached in bench/.cache/data/<seed>-<clients>/
// (NDJSON, a loaded SQLite database and manifest.json with the counts and the seed time). Each
// benchmark works on a copy of the database, because the server writes to it (AuditEvents for
// every search, paging snapshots), so every run starts from the same data.
//
// The generator simulates a year of admissions up to "today"; the app reads "today" from the
// clock, so a data set older than BENCH_DATA_MAX_AGE_DAYS (default 7) is regenerated.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, log } from './util.mjs';

export const SEED = Number(process.env.BENCH_SEED ?? 20261128);
const CACHE = join(ROOT, 'bench/.cache');
const MAX_AGE_DAYS = Number(process.env.BENCH_DATA_MAX_AGE_DAYS ?? 7);

/** The data sets the suite uses, by name: clients (the generator's unit) for a target size. */
export const DATASETS = {
  // The demo data (`npm start`'s default: 200 clients, ~600 episodes).
  demo: { clients: 200, label: 'demo (200 clients)' },
  '1k': { clients: 333, label: '~1,000 episodes' },
  // ~400 clients in care for the director, and therapists with ~40.
  caseload: { clients: 620, label: '~1,900 episodes (director ~400 in care)' },
  '5k': { clients: 1667, label: '~5,000 episodes' },
  '20k': { clients: 6667, label: '~20,000 episodes' },
};

function todayInChicago() {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Chicago' }).format(new Date());
}

function ageDays(day) {
  return (Date.parse(todayInChicago()) - Date.parse(day)) / 86_400_000;
}

/** The cached data set, generating it when missing or stale. Returns its manifest. */
export function ensureDataset(name, { seed = SEED } = {}) {
  const { clients } = DATASETS[name];
  const dir = join(CACHE, 'data', `${seed}-${clients}`);
  const manifestFile = join(dir, 'manifest.json');
  if (existsSync(manifestFile)) {
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
    if (existsSync(manifest.db) && ageDays(manifest.today) <= MAX_AGE_DAYS)
      return { ...manifest, name, cached: true };
    log(`data set ${name}: cached copy is from ${manifest.today}, regenerating`);
  }
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const today = process.env.BENCH_TODAY ?? todayInChicago();
  const db = join(dir, 'waypoint.sqlite');
  log(`data set ${name}: generating ${clients} clients (seed ${seed}, today ${today})…`);
  const result = spawnSync(
    process.execPath,
    [
      '--import',
      'tsx',
      'bench/lib/generate-scale-data.ts',
      '--clients',
      String(clients),
      '--seed',
      String(seed),
      '--today',
      today,
      '--out',
      join(dir, 'ndjson'),
      '--db',
      db,
    ],
    { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 26, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  if (result.status !== 0) throw new Error(`generating ${name} failed (${result.status})`);
  const stats = JSON.parse(result.stdout.trim().split('\n').pop());
  const manifest = {
    ...stats,
    db,
    ndjson: join(dir, 'ndjson'),
    generatedAt: new Date().toISOString(),
  };
  writeFileSync(manifestFile, JSON.stringify(manifest, null, 2));
  log(
    `data set ${name}: ${stats.episodes} episodes, ${stats.resources} resources in ${(stats.totalMs / 1000).toFixed(1)} s`,
  );
  return { ...manifest, name, cached: false };
}

let copies = 0;
/** A throw-away copy of a data set's database for one server run; `remove()` deletes it. */
export function workingCopy(dataset) {
  const dir = join(CACHE, 'run');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${dataset.name}-${process.pid}-${copies++}.sqlite`);
  copyFileSync(dataset.db, file);
  return {
    file,
    remove: () => {
      for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
    },
  };
}
