// 6. Client page: a deep link to /clients/:id for the heaviest client (most sessions and
// measures) of the therapist whose caseload is nearest 40, on the ~1,900-episode data set.
// Charts drawn after data arrived = `waypoint:client-charts-ready` (the first frame showing
// the record; every chart marks `waypoint:chart-drawn` when Chart.js has drawn it, and the
// later of the two is taken) − the end of the last FHIR response before it.
//
// The seed simulates one year of admissions with journeys of weeks to months, so no client has
// two years of weekly measures and 1,000 sessions: the figure is reported for the heaviest one
// there is, with its counts.
import Database from 'better-sqlite3';
import { activeCaseloads, therapistNear } from '../lib/caseloads.mjs';
import {
  launchBrowser,
  lastFhirResponseBefore,
  newPage,
  signIn,
  waitForMark,
} from '../lib/browser.mjs';
import { ensureDataset, workingCopy } from '../lib/data.mjs';
import { startServer } from '../lib/server.mjs';
import { figure, log, median, round } from '../lib/util.mjs';

const MARK = 'waypoint:client-charts-ready';

function heaviestClient(dbFile, therapistId) {
  const db = new Database(dbFile, { readonly: true });
  const patients = db
    .prepare("SELECT json FROM resources WHERE type = 'EpisodeOfCare' AND deleted = 0")
    .all()
    .map(({ json }) => JSON.parse(json))
    .filter(
      (e) => e.status === 'active' && e.careManager?.reference === `Practitioner/${therapistId}`,
    )
    .map((e) => e.patient.reference.split('/')[1]);
  const count = db.prepare(
    'SELECT COUNT(*) AS n FROM resources WHERE type = ? AND patient_id = ? AND deleted = 0',
  );
  const span = db.prepare(
    "SELECT MIN(json_extract(json, '$.effectiveDateTime')) AS a, MAX(json_extract(json, '$.effectiveDateTime')) AS b FROM resources WHERE type = 'Observation' AND patient_id = ?",
  );
  const rows = [...new Set(patients)].map((id) => ({
    id,
    sessions: count.get('Encounter', id).n,
    appointments: count.get('Appointment', id).n,
    measures: count.get('Observation', id).n,
    ...span.get(id),
  }));
  db.close();
  return rows.sort((a, b) => b.sessions + b.measures - (a.sessions + a.measures))[0];
}

export async function run({ app, runs }) {
  const dataset = ensureDataset('caseload');
  const therapist = therapistNear(activeCaseloads(dataset.db), 40);
  const client = heaviestClient(dataset.db, therapist.id);
  const weeks = client.a
    ? round((Date.parse(client.b) - Date.parse(client.a)) / (7 * 86_400_000))
    : 0;
  const copy = workingCopy(dataset);
  const server = await startServer({ db: copy.file, app });
  const browser = await launchBrowser();
  const path = `/clients/${client.id}`;
  const after = [];
  const ready = [];
  let charts = 0;
  try {
    const { page } = await newPage(browser);
    await signIn(page, server.base, therapist.name, { path });
    await waitForMark(page, MARK);
    for (let i = 0; i < runs + 1; i++) {
      await page.goto(`${server.base}${path}`);
      const readyAt = await waitForMark(page, MARK);
      const drawn = await page.evaluate(() =>
        performance.getEntriesByName('waypoint:chart-drawn').map((m) => m.startTime),
      );
      const last = await lastFhirResponseBefore(page, readyAt);
      if (i === 0) continue; // warm-up (first compile of the route's code)
      charts = drawn.length;
      const end = Math.max(readyAt, ...drawn);
      ready.push(readyAt);
      after.push(end - last);
    }
  } finally {
    await browser.close();
    await server.stop();
    copy.remove();
  }
  log(`client page ${client.id}: after data ${after.map(Math.round).join('/')} ms`);
  const P = '6 client page';
  return {
    figures: [
      figure(
        P,
        `charts drawn after data arrived (${client.sessions} sessions, ${client.measures} measures over ${weeks} weeks, ${charts} charts)`,
        round(median(after)),
        'ms',
        {
          op: '<=',
          limit: 200,
          note: `page ready ${round(median(ready))} ms after navigation (waits for ${therapist.name}'s caseload, ${therapist.clients} clients); seed has no 2-year / 1,000-session client`,
        },
      ),
    ],
    detail: { therapist, client, weeks, charts, after, ready },
  };
}
