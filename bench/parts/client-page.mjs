// 6. Client page: a deep link to /clients/:id for the heavy client of the ~1,900-episode data
// set (bench/lib/heavy-client.ts: two years of weekly measures and about 1,000 sessions through
// PHP, IOP, weekly therapy and two step-ups, made with the seed's own functions), on the
// caseload of the therapist nearest 40 clients, signed in as that therapist. Charts drawn after
// data arrived = the later of `waypoint:client-charts-ready` (the first frame showing the
// record) and the last `waypoint:chart-drawn` (each chart marks it when Chart.js has drawn it)
// − the end of the last FHIR response before the ready mark.
//
// The page draws a chart only once it comes near the visible area (ChartFrame's
// drawWhenSeen), so two figures: the first screen (1366 × 768: the charts in view, drawn just
// after the ready frame; the part waits until no chart has been drawn for a second), and the
// whole page (a viewport as tall as the page, so every chart is in view and drawn, as the
// page drew them all before it deferred any). Each also notes the page's main-thread CPU time
// over the same span (from a trace), which a loaded machine inflates far less than wall time.
import Database from 'better-sqlite3';
import { activeCaseloads } from '../lib/caseloads.mjs';
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

/** A client's record in the database: sessions (Appointments), attended, measures, their span. */
function clientCounts(dbFile, id) {
  const db = new Database(dbFile, { readonly: true });
  const count = db.prepare(
    'SELECT COUNT(*) AS n FROM resources WHERE type = ? AND patient_id = ? AND deleted = 0',
  );
  const span = db
    .prepare(
      "SELECT MIN(json_extract(json, '$.effectiveDateTime')) AS a, MAX(json_extract(json, '$.effectiveDateTime')) AS b FROM resources WHERE type = 'Observation' AND patient_id = ? AND deleted = 0",
    )
    .get(id);
  const counts = {
    id,
    sessions: count.get('Appointment', id).n,
    attended: count.get('Encounter', id).n,
    measures: count.get('Observation', id).n,
    episodes: count.get('EpisodeOfCare', id).n,
    weeks: span.a ? round((Date.parse(span.b) - Date.parse(span.a)) / (7 * 86_400_000)) : 0,
  };
  db.close();
  return counts;
}

/** Waits until no chart has been drawn for `quietMs`; returns the marks' times and the frames. */
async function chartsSettled(page, quietMs = 1000) {
  await page.waitForFunction(
    (quiet) => {
      const n = performance.getEntriesByName('waypoint:chart-drawn').length;
      const now = performance.now();
      const seen = window.__benchCharts;
      if (!seen || seen.n !== n) {
        window.__benchCharts = { n, since: now };
        return false;
      }
      return now - seen.since >= quiet;
    },
    quietMs,
    { polling: 100, timeout: 120_000 },
  );
  return page.evaluate(() => ({
    drawn: performance.getEntriesByName('waypoint:chart-drawn').map((m) => m.startTime),
    frames: document.querySelectorAll('app-chart-frame').length,
  }));
}

const TRACE_CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline'];

/**
 * CPU time of the page's main thread (its tasks' thread time, from a Chromium trace) between
 * two User Timing times: unlike the wall time, it does not grow when other processes hold the
 * machine's cores. `anchor` is a mark whose time is known, to place the trace on the page's clock.
 */
function mainThreadCpuMs(trace, anchor, anchorAt, from, to) {
  const events = JSON.parse(trace.toString()).traceEvents;
  const mark = events.find((e) => e.name === anchor && e.ph !== 'E');
  if (!mark) return NaN;
  const offset = mark.ts - anchorAt * 1000;
  const main = events.find(
    (e) => e.name === 'thread_name' && e.pid === mark.pid && e.args?.name === 'CrRendererMain',
  );
  const a = from * 1000 + offset;
  const b = to * 1000 + offset;
  let cpu = 0;
  for (const e of events) {
    if (e.pid !== mark.pid || e.tid !== main?.tid || e.name !== 'RunTask') continue;
    if (e.ph !== 'X' || e.tdur === undefined || !e.dur) continue;
    const overlap = Math.min(b, e.ts + e.dur) - Math.max(a, e.ts);
    if (overlap > 0) cpu += e.tdur * (overlap / e.dur);
  }
  return cpu / 1000;
}

/**
 * `runs` timed loads of `url` (after one untimed); per load, data → charts drawn, in wall time
 * and in main-thread CPU time.
 */
async function timedLoads(browser, page, url, runs) {
  const loads = [];
  for (let i = 0; i < runs + 1; i++) {
    await browser.startTracing(page, {
      categories: [...TRACE_CATEGORIES, 'blink.user_timing'],
    });
    await page.goto(url);
    const readyAt = await waitForMark(page, MARK);
    const { drawn, frames } = await chartsSettled(page);
    const trace = await browser.stopTracing();
    const last = await lastFhirResponseBefore(page, readyAt);
    if (i === 0) continue; // warm-up (first compile of the route's code)
    const end = Math.max(readyAt, ...drawn);
    loads.push({
      readyAt,
      after: end - last,
      cpu: mainThreadCpuMs(trace, MARK, readyAt, last, end),
      charts: drawn.length,
      frames,
    });
  }
  return loads;
}

export async function run({ app, runs }) {
  const dataset = ensureDataset('caseload');
  const heavy = dataset.heavyClient;
  if (!heavy) throw new Error(`the ${dataset.name} data set has no heavy client`);
  const therapist = activeCaseloads(dataset.db).therapists.find((t) => t.id === heavy.therapistId);
  const client = clientCounts(dataset.db, heavy.id);
  log(
    `client page: ${client.id} (${heavy.levels}): ${client.sessions} sessions, ${client.attended} attended, ${client.measures} measures over ${client.weeks} weeks; ${therapist.name}, ${therapist.clients} clients`,
  );
  const copy = workingCopy(dataset);
  const server = await startServer({ db: copy.file, app });
  const browser = await launchBrowser();
  const path = `/clients/${client.id}`;
  let screen;
  let whole;
  let pageHeight;
  try {
    const { page } = await newPage(browser);
    await signIn(page, server.base, therapist.name, { path });
    await waitForMark(page, MARK);
    screen = await timedLoads(browser, page, `${server.base}${path}`, runs);
    // Every scroll container's full height: the page's length at this width.
    pageHeight = await page.evaluate(() =>
      Math.max(...[...document.querySelectorAll('*')].map((e) => e.scrollHeight)),
    );
    await page.setViewportSize({ width: 1366, height: Math.min(16_000, pageHeight + 200) });
    whole = await timedLoads(browser, page, `${server.base}${path}`, runs);
  } finally {
    await browser.close();
    await server.stop();
    copy.remove();
  }
  const ms = (loads, key = 'after') => loads.map((l) => Math.round(l[key])).join('/');
  const cpu = (loads) => `main-thread CPU ${round(median(loads.map((l) => l.cpu)))} ms`;
  log(
    `client page ${client.id}: first screen ${ms(screen)} ms (CPU ${ms(screen, 'cpu')}), whole page ${ms(whole)} ms (CPU ${ms(whole, 'cpu')})`,
  );
  const frames = whole.at(-1).frames;
  const screenCharts = median(screen.map((l) => l.charts));
  const wholeCharts = Math.min(...whole.map((l) => l.charts));
  const P = '6 client page';
  const counts = `${client.sessions.toLocaleString('en-US')} sessions, ${client.measures} measures over ${client.weeks} weeks`;
  return {
    figures: [
      figure(
        P,
        `first screen (1366 × 768): charts in view drawn after data arrived (${counts}; ${screenCharts} of ${frames} charts)`,
        round(median(screen.map((l) => l.after))),
        'ms',
        {
          op: '<=',
          limit: 200,
          note: `${cpu(screen)}; page ready ${round(median(screen.map((l) => l.readyAt)))} ms after navigation (its own load; the shell loads ${therapist.name}'s caseload of ${therapist.clients} clients beside it); ${client.attended} sessions attended, ${client.episodes} episodes`,
        },
      ),
      figure(
        P,
        `whole page (viewport ${Math.min(16_000, pageHeight + 200)} px tall): every chart drawn after data arrived (${wholeCharts} of ${frames} charts)`,
        round(median(whole.map((l) => l.after))),
        'ms',
        { op: '<=', limit: 200, note: cpu(whole) },
      ),
    ],
    detail: { therapist, client, heavy, frames, pageHeight, screen, whole },
  };
}
