// Scale data for the benchmarks: generated once per (seed, clients, variant) with the project's
// own generator (bench/lib/generate-scale-data.ts) and cached in
// bench/.cache/data/<seed>-<clients>[-<variant>]/ (NDJSON, a loaded SQLite database and
// manifest.json with the counts and the seed time). Each benchmark works on a copy of the
// database, because the server writes to it (AuditEvents for every search, paging snapshots), so
// every run starts from the same data.
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

/**
 * Longer stays after IOP (weekly therapy for 6–12 months, then 6–12 months of aftercare), so a
 * year of admissions leaves most clients in care, as at a provider with "about 2,000 clients in
 * care and 5,000+ episodes a year" (issue #10): with the demo program's stays (3–4 months of
 * weekly therapy) about 1,100 of 1,667 clients are in care at 5,038 episodes. Each client then
 * has about 2.7 episodes and about 80 % are in care, so ~2,000 in care come with ~6,500 episodes.
 */
const LONG_STAYS = { outpatientWeeks: '26-52', aftercareDays: '180-365' };

/**
 * The data sets the suite uses, by name: clients (the generator's unit) for a target size, the
 * generator's options, and `variant`, which names the options in the cache key (a set whose
 * options change gets a new variant, so it is generated afresh next to the old one).
 */
export const DATASETS = {
  // The demo data (`npm start`'s default: 200 clients, ~600 episodes).
  demo: { clients: 200, label: 'demo (200 clients)' },
  '1k': { clients: 381, stays: LONG_STAYS, variant: 'long-v2', label: '~1,000 episodes' },
  // ~400 clients in care for the director, therapists with ~40, and on the caseload nearest 40
  // the heavy client (two years, ~1,000 sessions: bench/lib/heavy-client.ts).
  caseload: {
    clients: 620,
    heavyClientNear: 40,
    variant: 'heavy-v2',
    label: '~1,900 episodes (director ~400 in care) + the heavy client',
  },
  '5k': {
    clients: 2460,
    stays: LONG_STAYS,
    variant: 'long-v2',
    label: '~2,000 clients in care, 5,000+ episodes a year',
  },
  '20k': { clients: 7520, stays: LONG_STAYS, variant: 'long-v2', label: '~20,000 episodes' },
};

/** The generator's options for a data set (see generate-scale-data.ts). */
function generatorArgs({ stays, heavyClientNear }) {
  return [
    ...(stays
      ? ['--outpatient-weeks', stays.outpatientWeeks, '--aftercare-days', stays.aftercareDays]
      : []),
    ...(heavyClientNear !== undefined ? ['--heavy-client-near', String(heavyClientNear)] : []),
  ];
}

function todayInChicago() {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Chicago' }).format(new Date());
}

function ageDays(day) {
  return (Date.parse(todayInChicago()) - Date.parse(day)) / 86_400_000;
}

/** The cached data set, generating it when missing or stale. Returns its manifest. */
export function ensureDataset(name, { seed = SEED } = {}) {
  const set = DATASETS[name];
  const { clients, variant } = set;
  const dir = join(CACHE, 'data', `${seed}-${clients}${variant ? `-${variant}` : ''}`);
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
  log(
    `data set ${name}: generating ${clients} clients${variant ? ` (${variant})` : ''} (seed ${seed}, today ${today})…`,
  );
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
      ...generatorArgs(set),
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
    `data set ${name}: ${stats.episodes} episodes, ${stats.inCare} clients in care, ${stats.resources} resources in ${(stats.totalMs / 1000).toFixed(1)} s`,
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
