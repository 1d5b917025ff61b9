// 4. Caseload ready: navigation → `waypoint:caseload-ready` (the table rendered with data) for
// a caseload of ~40 clients (the therapist whose caseload is nearest 40) and ~400 (the director,
// on a data set where ~400 clients are in care), the FHIR requests it took, and the floor:
// the same FHIR requests fetched and JSON.parse'd in the same page with no app code, measured
// in the same run, alternating with the app's runs.
import { activeCaseloads, therapistNear } from '../lib/caseloads.mjs';
import {
  accessToken,
  countRequests,
  fetchFloor,
  fhirPhases,
  launchBrowser,
  newPage,
  captureGraph,
  signIn,
  waitForMark,
} from '../lib/browser.mjs';
import { ensureDataset, workingCopy } from '../lib/data.mjs';
import { startServer } from '../lib/server.mjs';
import { figure, log, median, round } from '../lib/util.mjs';

const MARK = 'waypoint:caseload-ready';
/** Repetitions of the ~40-client caseload per `--runs` (see `run`). */
const SMALL_RUNS = 3;
/** A run slower than this is repeated only once more (keeps the suite within its time). */
const SLOW_MS = 15_000;
/** A run slower than this is not repeated: one app run and one floor, side by side. */
const VERY_SLOW_MS = 60_000;

/**
 * Where the bytes go: the recorded requests by resource type (a next page counts for the search
 * it continues), with requests and MB received, largest first.
 */
export function bytesByType(used) {
  const typeOf = (n) => {
    let root = n;
    for (let guard = 0; root.pagingParent !== null && guard < used.length; guard++)
      root = used[root.pagingParent];
    // A next page whose parent was not recognised cannot be told apart by its URL.
    if (root.kind === 'page') return 'next pages (search not recognised)';
    return /^\/fhir\/([A-Z]\w+)/.exec(new URL(root.url).pathname)?.[1] ?? root.kind;
  };
  const types = new Map();
  for (const n of used) {
    const t = types.get(typeOf(n)) ?? { requests: 0, bytes: 0 };
    t.requests++;
    t.bytes += n.bytes;
    types.set(typeOf(n), t);
  }
  return [...types]
    .sort((a, b) => b[1].bytes - a[1].bytes)
    .map(([type, t]) => ({ type, requests: t.requests, mb: round(t.bytes / 1e6, 2) }));
}

/** Measures one user's caseload: N app loads and N floors, alternating. */
export async function measureCaseload(browser, base, user, runs, { path = '/caseload' } = {}) {
  const { context, page } = await newPage(browser);
  try {
    await signIn(page, base, user);
    const token = await accessToken(page);
    // Untimed navigation: record the requests and their order for the floor.
    const used = await captureGraph(page, base, path, MARK);
    const clientsText = await page
      .getByText(/\d+ clients? in care/)
      .first()
      .textContent();
    const clients = Number(/(\d+) clients? in care/.exec(clientsText ?? '')?.[1] ?? NaN);
    const app = [];
    const floor = [];
    const phases = [];
    let requests;
    for (let i = 0; i < runs; i++) {
      const counter = countRequests(page);
      await page.goto(`${base}${path}`);
      app.push(await waitForMark(page, MARK));
      phases.push(await fhirPhases(page, MARK));
      requests = counter.stop();
      if (i === 0 && app[0] > SLOW_MS) runs = Math.min(runs, app[0] > VERY_SLOW_MS ? 1 : 2);
      floor.push((await fetchFloor(page, used, token)).ms);
    }
    const ratios = app.map((a, i) => a / floor[i]);
    const bytes = used.reduce((s, n) => s + n.bytes, 0);
    const byType = bytesByType(used);
    log(
      `caseload ${user}: by type ${byType.map((t) => `${t.type} ${t.mb} MB/${t.requests}`).join(', ')}`,
    );
    const phase = (key) => round(median(phases.map((p) => p[key])));
    const split = {
      beforeFirstRequestMs: phase('beforeFirstRequest'),
      requestsMs: phase('requests'),
      afterLastResponseMs: phase('afterLastResponse'),
    };
    log(
      `caseload ${user}: ${clients} clients, app ${app.map(Math.round).join('/')} ms, floor ${floor.map(Math.round).join('/')} ms`,
    );
    log(
      `caseload ${user}: medians: before the first FHIR request ${split.beforeFirstRequestMs} ms, requests ${split.requestsMs} ms, after the last response ${split.afterLastResponseMs} ms`,
    );
    return {
      user,
      clients,
      appMs: median(app),
      floorMs: median(floor),
      ratio: median(ratios),
      ...split,
      runsApp: app.map(Math.round),
      runsFloor: floor.map(Math.round),
      requests,
      floorRequests: used.length,
      mbReceived: round(bytes / 1e6, 2),
      byType,
    };
  } finally {
    await context.close();
  }
}

/** The app's time in three parts (medians; they need not add up to the median total). */
function phaseNote(s) {
  return `app: ${s.beforeFirstRequestMs} ms to the first FHIR request, ${s.requestsMs} ms of requests, ${s.afterLastResponseMs} ms after the last response`;
}

export async function run({ app, runs }) {
  const dataset = ensureDataset('caseload');
  const caseloads = activeCaseloads(dataset.db);
  const small = therapistNear(caseloads, 40);
  const copy = workingCopy(dataset);
  const server = await startServer({ db: copy.file, app });
  const browser = await launchBrowser();
  const results = [];
  try {
    // A ~40-client load and its floor take well under a second, and the floor (~150–250 ms)
    // moves by a fifth between runs: three times the runs keep its ratio's median steady.
    results.push(await measureCaseload(browser, server.base, small.name, runs * SMALL_RUNS));
    results.push(await measureCaseload(browser, server.base, caseloads.director.name, runs));
  } finally {
    await browser.close();
    await server.stop();
    copy.remove();
  }
  const [s, l] = results;
  const P = '4 caseload';
  const data = `${dataset.episodes} episodes, ${dataset.resources} resources`;
  return {
    figures: [
      figure(P, `ready, ${s.clients} clients (${s.user})`, round(s.appMs), 'ms', {
        note: `floor ${round(s.floorMs)} ms; ${data}`,
      }),
      figure(P, `ready ÷ floor, ${s.clients} clients`, round(s.ratio, 2), '×', {
        op: '<=',
        limit: 2,
        note: phaseNote(s),
      }),
      figure(P, `ready, ${l.clients} clients (${l.user})`, round(l.appMs), 'ms', {
        note: `floor ${round(l.floorMs)} ms; ${l.mbReceived} MB`,
      }),
      figure(P, `ready ÷ floor, ${l.clients} clients`, round(l.ratio, 2), '×', {
        op: '<=',
        limit: 2,
        note: phaseNote(l),
      }),
      figure(
        P,
        `searches ${s.clients} vs ${l.clients} clients`,
        l.requests.searches - s.requests.searches,
        'extra',
        {
          op: '==',
          limit: 0,
          target: 'same number',
          note: `${s.requests.searches} vs ${l.requests.searches} searches; next pages ${s.requests.pages} vs ${l.requests.pages}; total requests ${s.requests.total} vs ${l.requests.total}`,
        },
      ),
    ],
    detail: { dataset: { ...dataset, db: undefined }, caseloads, results },
  };
}
