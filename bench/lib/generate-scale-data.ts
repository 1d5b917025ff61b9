/**
 * Generates one scale data set for the benchmarks with the project's own generator (the same
 * functions `server/seed/main.ts` calls, so the data are the seed's), but writes the NDJSON as a
 * stream and loads it in one transaction through `ResourceStore.loadNdjson`, because the
 * seed CLI's writer copies each type's array once per resource (quadratic: minutes at 5,000
 * episodes). Prints one JSON line with the counts and the time of each phase.
 *
 * npx tsx bench/lib/generate-scale-data.ts --clients N --seed S --today YYYY-MM-DD --out DIR --db FILE
 */
import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ResourceStore } from '../../server/db/resource-store';
import { DEFAULT_TIME_ZONE, simulateCohort } from '../../server/seed/cohort';
import { curvesFromCohort } from '../../server/seed/seed-curves';
import { clientResources, curvesLibrary, directoryResources } from '../../server/seed/to-fhir';

const { values } = parseArgs({
  options: {
    clients: { type: 'string' },
    seed: { type: 'string' },
    today: { type: 'string' },
    out: { type: 'string' },
    db: { type: 'string' },
  },
});
if (!values.clients || !values.seed || !values.today || !values.out || !values.db)
  throw new Error('--clients, --seed, --today, --out and --db are required');

const timeZone = DEFAULT_TIME_ZONE;
const settings = { seed: Number(values.seed), today: values.today, timeZone, historyDays: 365 };
const t0 = performance.now();
const cohort = simulateCohort(settings, Number(values.clients));
const t1 = performance.now();

mkdirSync(values.out, { recursive: true });
const files = new Map<string, { fd: number; buffer: string[] }>();
const counts: Record<string, number> = {};
function write(resource: { resourceType: string }): void {
  let file = files.get(resource.resourceType);
  if (!file) {
    file = { fd: openSync(join(values.out!, `${resource.resourceType}.ndjson`), 'w'), buffer: [] };
    files.set(resource.resourceType, file);
  }
  file.buffer.push(JSON.stringify(resource));
  if (file.buffer.length >= 2000) flush(file);
  counts[resource.resourceType] = (counts[resource.resourceType] ?? 0) + 1;
}
function flush(file: { fd: number; buffer: string[] }): void {
  if (file.buffer.length) writeSync(file.fd, `${file.buffer.join('\n')}\n`);
  file.buffer = [];
}
for (const r of directoryResources()) write(r);
for (const client of cohort) for (const r of clientResources(client)) write(r);
write(curvesLibrary(curvesFromCohort(cohort, timeZone, settings.today)));
for (const file of files.values()) {
  flush(file);
  closeSync(file.fd);
}
const t2 = performance.now();

const store = new ResourceStore(values.db);
// A bulk load into one transaction: a page cache large enough for the growing index B-trees
// keeps it linear (with the server's 64 MB it slows down several-fold past ~200,000 resources).
store.db.pragma('cache_size = -4000000');
store.loadNdjson(values.out);
store.analyze();
store.close();
const t3 = performance.now();

const resources = Object.values(counts).reduce((a, b) => a + b, 0);
console.log(
  JSON.stringify({
    clients: cohort.length,
    episodes: counts['EpisodeOfCare'] ?? 0,
    resources,
    counts,
    today: settings.today,
    seed: settings.seed,
    generateMs: Math.round(t1 - t0),
    writeNdjsonMs: Math.round(t2 - t1),
    loadDbMs: Math.round(t3 - t2),
    totalMs: Math.round(t3 - t0),
  }),
);
