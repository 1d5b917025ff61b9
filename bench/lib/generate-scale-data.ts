/**
 * Generates one scale data set for the benchmarks with the project's own generator (the same
 * functions `server/seed/main.ts` calls, so the data are the seed's), but writes the NDJSON as a
 * stream and loads it in one transaction through `ResourceStore.loadNdjson`, because the
 * seed CLI's writer copies each type's array once per resource (quadratic: minutes at 5,000
 * episodes). Prints one JSON line with the counts and the time of each phase.
 *
 * npx tsx bench/lib/generate-scale-data.ts --clients N --seed S --today YYYY-MM-DD --out DIR --db FILE
 *   [--outpatient-weeks MIN-MAX --aftercare-days MIN-MAX]  longer stays after IOP (more in care)
 *   [--heavy-client-near N]  adds the heavy client (./heavy-client.ts) to the caseload of the
 *                            therapist whose caseload is nearest N clients
 */
import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ResourceStore } from '../../server/db/resource-store';
import { DEFAULT_TIME_ZONE, simulateCohort } from '../../server/seed/cohort';
import { DEFAULT_STAY_LENGTHS } from '../../server/seed/journey-plan';
import { SimulatedClient, simulateClient } from '../../server/seed/simulate-client';
import { curvesFromCohort } from '../../server/seed/seed-curves';
import { clientResources, curvesLibrary, directoryResources } from '../../server/seed/to-fhir';
import { HEAVY_CLIENT_DAYS, heavyClientJourney } from './heavy-client';

const { values } = parseArgs({
  options: {
    clients: { type: 'string' },
    seed: { type: 'string' },
    today: { type: 'string' },
    out: { type: 'string' },
    db: { type: 'string' },
    'outpatient-weeks': { type: 'string' },
    'aftercare-days': { type: 'string' },
    'heavy-client-near': { type: 'string' },
  },
});
if (!values.clients || !values.seed || !values.today || !values.out || !values.db)
  throw new Error('--clients, --seed, --today, --out and --db are required');

/** `"26-52"` → `[26, 52]`. */
function range(text: string | undefined, fallback: readonly [number, number]): [number, number] {
  if (text === undefined) return [...fallback];
  const m = /^(\d+)-(\d+)$/.exec(text);
  if (!m || Number(m[1]) > Number(m[2])) throw new Error(`expected MIN-MAX, got ${text}`);
  return [Number(m[1]), Number(m[2])];
}

/** Active caseloads by care manager, as `bench/lib/caseloads.mjs` counts them from the database. */
function caseloadSizes(cohort: readonly SimulatedClient[]): Map<string, number> {
  const byManager = new Map<string, Set<string>>();
  for (const client of cohort)
    for (const e of client.episodes) {
      if (e.status !== 'active' || !e.careManagerId) continue;
      if (!byManager.has(e.careManagerId)) byManager.set(e.careManagerId, new Set());
      byManager.get(e.careManagerId)!.add(client.patient.id);
    }
  return new Map([...byManager].map(([id, set]) => [id, set.size]));
}

const timeZone = DEFAULT_TIME_ZONE;
const settings = {
  seed: Number(values.seed),
  today: values.today,
  timeZone,
  historyDays: 365,
  stayLengths: {
    outpatientWeeks: range(values['outpatient-weeks'], DEFAULT_STAY_LENGTHS.outpatientWeeks),
    aftercareDays: range(values['aftercare-days'], DEFAULT_STAY_LENGTHS.aftercareDays),
  },
};
const t0 = performance.now();
const cohort = simulateCohort(settings, Number(values.clients));
let heavyClient: Record<string, unknown> | undefined;
if (values['heavy-client-near'] !== undefined) {
  const near = Number(values['heavy-client-near']);
  // The same choice as the client-page part's `therapistNear`, made before the client is added.
  const [therapistId, before] = [...caseloadSizes(cohort)].sort(
    ([a, x], [b, y]) => Math.abs(x - near) - Math.abs(y - near) || a.localeCompare(b),
  )[0];
  const client = simulateClient(
    settings,
    cohort.length,
    heavyClientJourney(settings.today, therapistId),
  );
  cohort.push(client);
  heavyClient = {
    id: client.patient.id,
    therapistId,
    caseload: before + 1,
    weeks: HEAVY_CLIENT_DAYS / 7,
    episodes: client.episodes.length,
    levels: client.episodes.map((e) => e.level).join(' → '),
    sessions: client.sessions.length,
    attended: client.sessions.filter((s) => s.status === 'attended').length,
    measures: client.scores.length,
  };
}
const inCare = cohort.filter((c) => c.episodes.some((e) => e.status === 'active')).length;
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
    inCare,
    episodes: counts['EpisodeOfCare'] ?? 0,
    resources,
    counts,
    today: settings.today,
    seed: settings.seed,
    stayLengths: settings.stayLengths,
    ...(heavyClient ? { heavyClient } : {}),
    generateMs: Math.round(t1 - t0),
    writeNdjsonMs: Math.round(t2 - t1),
    loadDbMs: Math.round(t3 - t2),
    totalMs: Math.round(t3 - t0),
  }),
);
