import { parseArgs } from 'node:util';
import { ResourceStore } from '../db/resource-store';
import { DEFAULT_TIME_ZONE } from './cohort';
import { todayIn } from './seed-calendar';
import { curvesFromRecords } from './seed-curves';
import { recordsFromStore } from './store-records';
import { curvesLibrary } from './to-fhir';

/** `npm run curves`: recompute the expected recovery curves from whatever the server holds. */
const { values } = parseArgs({
  options: {
    db: { type: 'string', default: 'data/waypoint.sqlite' },
    'time-zone': { type: 'string', default: DEFAULT_TIME_ZONE },
  },
});
const store = new ResourceStore(values.db!);
const { episodes, scores } = recordsFromStore(store);
const curves = curvesFromRecords(
  episodes,
  scores,
  values['time-zone']!,
  todayIn(values['time-zone']!),
);
const library = curvesLibrary(curves);
store.update('Library', library.id!, library);
store.close();
const fromProgram = curves.curves.filter((c) => c.source === 'program').length;
console.log(
  `Recomputed ${curves.curves.length} curves (${fromProgram} from program history) from ${episodes.length} episodes and ${scores.length} scores.`,
);
