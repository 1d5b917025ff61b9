import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { Resource, ResourceStore } from '../db/resource-store';
import { DEFAULT_CLIENTS, DEFAULT_SEED, DEFAULT_TIME_ZONE, simulateCohort } from './cohort';
import { todayIn } from './seed-calendar';
import { curvesFromCohort } from './seed-curves';
import { clientResources, curvesLibrary, directoryResources } from './to-fhir';

/**
 * `npm run seed -- --clients N --seed S [--out DIR] [--db FILE] [--today YYYY-MM-DD]`:
 * generates the synthetic cohort, writes it as FHIR Bulk Data NDJSON (one file per resource
 * type), and loads it into the server's database. `--from DIR` loads an existing NDJSON folder
 * instead of generating.
 */
const { values } = parseArgs({
  options: {
    clients: { type: 'string', default: String(DEFAULT_CLIENTS) },
    seed: { type: 'string', default: String(DEFAULT_SEED) },
    out: { type: 'string' },
    db: { type: 'string', default: 'data/waypoint.sqlite' },
    today: { type: 'string' },
    'time-zone': { type: 'string', default: DEFAULT_TIME_ZONE },
    from: { type: 'string' },
  },
});

function writeNdjson(dir: string, resources: readonly Resource[]): Map<string, number> {
  mkdirSync(dir, { recursive: true });
  const byType = new Map<string, string[]>();
  for (const r of resources) {
    const lines = byType.get(r.resourceType) ?? [];
    if (lines.length === 0) byType.set(r.resourceType, lines);
    lines.push(JSON.stringify(r));
  }
  for (const [type, lines] of byType)
    writeFileSync(join(dir, `${type}.ndjson`), `${lines.join('\n')}\n`);
  return new Map([...byType].map(([t, l]) => [t, l.length]));
}

function readNdjson(dir: string): Resource[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.ndjson'))
    .flatMap((f) =>
      readFileSync(join(dir, f), 'utf8')
        .split('\n')
        .filter((line) => line.trim() !== '')
        .map((line) => JSON.parse(line) as Resource),
    );
}

function main(): void {
  const started = Date.now();
  let resources: Resource[];
  if (values.from) {
    resources = readNdjson(values.from);
  } else {
    const timeZone = values['time-zone']!;
    const settings = {
      seed: Number(values.seed),
      today: values.today ?? todayIn(timeZone),
      timeZone,
      historyDays: 365,
    };
    const cohort = simulateCohort(settings, Number(values.clients));
    resources = [
      ...directoryResources(),
      ...cohort.flatMap(clientResources),
      curvesLibrary(curvesFromCohort(cohort, timeZone, settings.today)),
    ];
    const out = values.out ?? join('data', `seed-${values.seed}-${values.clients}`);
    const counts = writeNdjson(out, resources);
    console.log(
      `Generated ${cohort.length} clients (${counts.get('EpisodeOfCare') ?? 0} episodes) as of ${settings.today} into ${out}`,
    );
  }
  mkdirSync(dirname(values.db!), { recursive: true });
  const store = new ResourceStore(values.db!);
  const batch = 5000;
  for (let i = 0; i < resources.length; i += batch) store.loadMany(resources.slice(i, i + batch));
  store.close();
  console.log(
    `Loaded ${resources.length} resources into ${values.db} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
}

main();
