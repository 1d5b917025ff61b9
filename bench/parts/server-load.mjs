// 8. Server under load: the caseload's and the client page's FHIR queries (the first page of
// each, exactly as the app sends them, captured from the app) on the 5,000-episode database,
// 50 concurrent connections for 60 s (autocannon: 25 connections cycling through the
// caseload's searches and 25 through client pages for ten clients, at the same time). Reports
// p95 latency of each and of all, errors, and each query's latency alone (unloaded). Requests
// carry Chromium's Accept-Encoding, as the app's do.
import autocannon from 'autocannon';
import { activeCaseloads, therapistNear } from '../lib/caseloads.mjs';
import {
  accessToken,
  launchBrowser,
  newPage,
  recordRequests,
  signIn,
  waitForMark,
} from '../lib/browser.mjs';
import { ensureDataset, workingCopy } from '../lib/data.mjs';
import { startServer } from '../lib/server.mjs';
import { figure, log, median, quantile, round } from '../lib/util.mjs';

const DURATION = Number(process.env.BENCH_LOAD_SECONDS ?? 60);
// What Chromium sends with every fetch: the load models the app's requests, and the server
// compresses its answers when they allow it (server/fhir/api-encoding.ts).
const ACCEPT_ENCODING = 'gzip, deflate, br, zstd';
const CONNECTIONS = Number(process.env.BENCH_LOAD_CONNECTIONS ?? 50);

function toRequest(n, token) {
  const u = new URL(n.url);
  const headers = {
    authorization: `Bearer ${token}`,
    accept: n.accept,
    'accept-encoding': ACCEPT_ENCODING,
  };
  if (n.postData !== null && n.contentType) headers['content-type'] = n.contentType;
  return {
    method: n.method,
    path: u.pathname + u.search,
    headers,
    ...(n.postData !== null ? { body: n.postData } : {}),
  };
}

/** The same search for one patient (`patient=Patient/<id>`), or null if it has no patient list. */
function forPatient(n, id) {
  if (n.postData !== null) {
    const body = new URLSearchParams(n.postData);
    if (!body.has('patient')) return null;
    body.set('patient', `Patient/${id}`);
    return { ...n, postData: body.toString() };
  }
  const u = new URL(n.url);
  if (!u.searchParams.has('patient')) return null;
  u.searchParams.set('patient', `Patient/${id}`);
  return { ...n, url: u.toString() };
}

/** The app's first-page FHIR requests for one navigation (no next pages). */
async function capture(page, base, path, mark) {
  const recorder = recordRequests(page);
  await page.goto(`${base}${path}`);
  await waitForMark(page, mark);
  return (await recorder.stop()).filter((n) => n.kind === 'search' || n.kind === 'read');
}

async function single(base, requests) {
  const rows = [];
  for (const r of requests) {
    const times = [];
    let bytes = 0;
    for (let i = 0; i < 3; i++) {
      const t0 = performance.now();
      const res = await fetch(base + r.path, {
        method: r.method,
        headers: r.headers,
        body: r.body,
      });
      // The bytes on the wire (fetch decompresses the body it hands over).
      const body = (await res.arrayBuffer()).byteLength;
      bytes = Number(res.headers.get('content-length') ?? body);
      times.push(performance.now() - t0);
    }
    const u = new URL(base + r.path);
    rows.push({
      query: `${r.method} ${u.pathname.replace('/fhir/', '')}${u.search.length > 60 ? `${u.search.slice(0, 57)}…` : u.search}`,
      ms: round(median(times)),
      kB: round(bytes / 1000),
    });
  }
  return rows;
}

function load(base, requests, connections) {
  return new Promise((resolve, reject) => {
    const latencies = [];
    const instance = autocannon(
      { url: base, connections, duration: DURATION, requests, timeout: 30 },
      (error, result) => (error ? reject(error) : resolve({ result, latencies })),
    );
    instance.on('response', (_client, _status, _bytes, responseTime) =>
      latencies.push(responseTime),
    );
  });
}

export async function run({ app }) {
  const dataset = ensureDataset('5k');
  const caseloads = activeCaseloads(dataset.db);
  const therapist = therapistNear(caseloads, 40);
  const copy = workingCopy(dataset);
  const server = await startServer({ db: copy.file, app });
  let caseloadReqs;
  let clientReqs;
  let clientIds;
  try {
    const browser = await launchBrowser();
    try {
      const { page } = await newPage(browser);
      await signIn(page, server.base, therapist.name);
      await waitForMark(page, 'waypoint:caseload-ready');
      const token = await accessToken(page);
      const caseload = await capture(page, server.base, '/caseload', 'waypoint:caseload-ready');
      caseloadReqs = caseload.map((n) => toRequest(n, token));
      // Ten of the therapist's clients, from the caseload's first search.
      const ids = await page.evaluate(
        async ({ t, token }) => {
          const r = await fetch(
            `/fhir/EpisodeOfCare?care-manager=Practitioner/${t}&status=active&_count=10`,
            { headers: { Authorization: `Bearer ${token}`, Accept: 'application/fhir+json' } },
          );
          return (await r.json()).entry.map((e) => e.resource.patient.reference.split('/')[1]);
        },
        { t: therapist.id, token },
      );
      clientIds = ids;
      // The client page's own load (client-query.ts): the Patient read, then the caseload's
      // per-type searches for that one patient.
      const perType = caseload.filter((n) => forPatient(n, 'x') !== null);
      clientReqs = ids.flatMap((id) => [
        toRequest(
          {
            method: 'GET',
            url: `${server.base}/fhir/Patient/${id}`,
            postData: null,
            accept: 'application/fhir+json',
          },
          token,
        ),
        ...perType.map((n) => toRequest(forPatient(n, id), token)),
      ]);
    } finally {
      await browser.close();
    }
    log(
      `server-load: ${caseloadReqs.length} caseload queries, ${clientReqs.length / clientIds.length} per client page`,
    );
    const unloaded = await single(server.base, [
      ...caseloadReqs,
      ...clientReqs.slice(0, clientReqs.length / clientIds.length),
    ]);
    log(`server-load: ${CONNECTIONS} connections for ${DURATION} s …`);
    const half = Math.round(CONNECTIONS / 2);
    const [c, p] = await Promise.all([
      load(server.base, caseloadReqs, half),
      load(server.base, clientReqs, CONNECTIONS - half),
    ]);
    // autocannon counts timeouts among errors.
    const errors = (x) => x.result.errors + x.result.non2xx;
    const all = [...c.latencies, ...p.latencies];
    const P = '8 server';
    const note = (x) =>
      `${x.result.requests.total} requests, ${round(x.result.requests.average)} req/s, p50 ${round(quantile(x.latencies, 0.5))} ms, p99 ${round(quantile(x.latencies, 0.99))} ms, ${round(x.result.throughput.average / 1e6, 1)} MB/s`;
    return {
      figures: [
        figure(
          P,
          `p95, caseload queries (${therapist.name}, ${therapist.clients} clients)`,
          round(quantile(c.latencies, 0.95)),
          'ms',
          { op: '<=', limit: 50, note: note(c) },
        ),
        figure(P, 'p95, client-page queries', round(quantile(p.latencies, 0.95)), 'ms', {
          op: '<=',
          limit: 50,
          note: note(p),
        }),
        figure(
          P,
          `p95, all (${CONNECTIONS} connections, ${DURATION} s)`,
          round(quantile(all, 0.95)),
          'ms',
          {
            op: '<=',
            limit: 50,
            note: `${dataset.episodes} episodes, ${dataset.resources} resources`,
          },
        ),
        figure(P, 'errors (incl. non-2xx, timeouts)', errors(c) + errors(p), '', {
          op: '==',
          limit: 0,
          note: `timeouts (30 s) ${c.result.timeouts + p.result.timeouts}, non-2xx ${c.result.non2xx + p.result.non2xx}`,
        }),
      ],
      detail: {
        therapist,
        clientIds,
        unloaded,
        caseload: { ...c.result, latencies: undefined },
        client: { ...p.result, latencies: undefined },
      },
    };
  } finally {
    await server.stop();
    copy.remove();
  }
}
