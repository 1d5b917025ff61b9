// 3. Scale data: the data sets every other part uses, sized in episodes, generated once per
// seed and size with the project's generator and cached (bench/.cache/data/<seed>-<clients>/:
// NDJSON + SQLite). Reports episodes, resources and the seed time (generate, write NDJSON,
// load into SQLite) recorded when each was generated.
import { DATASETS, ensureDataset } from '../lib/data.mjs';
import { figure, round } from '../lib/util.mjs';

export async function run({ large }) {
  const names = ['demo', '1k', 'caseload', '5k', ...(large ? ['20k'] : [])];
  const P = '3 scale data';
  const figures = [];
  const sets = [];
  for (const name of names) {
    const d = ensureDataset(name);
    sets.push({ ...d, db: undefined, ndjson: undefined });
    figures.push(
      figure(P, `${name}: ${d.clients} clients → episodes`, d.episodes, '', {
        note: `${d.resources.toLocaleString('en-US')} resources; seed ${round(d.totalMs / 1000, 1)} s (generate ${round(d.generateMs / 1000, 1)}, NDJSON ${round(d.writeNdjsonMs / 1000, 1)}, SQLite ${round(d.loadDbMs / 1000, 1)}); ${d.cached ? 'cached' : 'generated now'}, as of ${d.today}, seed ${d.seed}`,
      }),
    );
  }
  return { figures, detail: { datasets: sets, sizes: DATASETS } };
}
