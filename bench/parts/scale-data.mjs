// 3. Scale data: the data sets every other part uses, sized in episodes, generated once per
// seed, size and variant with the project's generator and cached
// (bench/.cache/data/<seed>-<clients>[-<variant>]/: NDJSON + SQLite). Reports episodes, clients
// in care, resources, the heavy client if the set has one, and the seed time (generate, write
// NDJSON, load into SQLite) recorded when each was generated.
import { activeCaseloads } from '../lib/caseloads.mjs';
import { DATASETS, ensureDataset } from '../lib/data.mjs';
import { figure, round } from '../lib/util.mjs';

export async function run({ large }) {
  const names = ['demo', '1k', 'caseload', '5k', ...(large ? ['20k'] : [])];
  const P = '3 scale data';
  const figures = [];
  const sets = [];
  for (const name of names) {
    const d = ensureDataset(name);
    // Manifests written before the generator counted clients in care lack it.
    const inCare = d.inCare ?? activeCaseloads(d.db).director.clients;
    sets.push({ ...d, inCare, db: undefined, ndjson: undefined });
    const h = d.heavyClient;
    const heavy = h
      ? `; heavy client ${h.id} (${h.sessions} sessions, ${h.measures} measures over ${h.weeks} weeks, ${h.episodes} episodes)`
      : '';
    figures.push(
      figure(P, `${name}: ${d.clients} clients → episodes`, d.episodes, '', {
        note: `${inCare.toLocaleString('en-US')} clients in care; ${d.resources.toLocaleString('en-US')} resources${heavy}; seed ${round(d.totalMs / 1000, 1)} s (generate ${round(d.generateMs / 1000, 1)}, NDJSON ${round(d.writeNdjsonMs / 1000, 1)}, SQLite ${round(d.loadDbMs / 1000, 1)}); ${d.cached ? 'cached' : 'generated now'}, as of ${d.today}, seed ${d.seed}`,
      }),
    );
  }
  return { figures, detail: { datasets: sets, sizes: DATASETS } };
}
