// Headless Debian Chromium driven by Playwright, the demo SMART sign-in, and the FHIR traffic
// of one navigation: what the app requested, and a "floor" that replays the same requests
// with fetch() + JSON.parse in the same page, with no app code.
import { chromium } from '@playwright/test';

export const CHROME = process.env.CHROME_BIN || '/usr/bin/chromium';
export const CHROME_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export function launchBrowser(extraArgs = []) {
  return chromium.launch({ executablePath: CHROME, args: [...CHROME_FLAGS, ...extraArgs] });
}

/** A new context and page at a desktop size (1366 × 768, an ordinary hospital laptop). */
export async function newPage(browser) {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  // Resource Timing keeps 250 entries by default and then drops new ones silently: the director's
  // loads make hundreds of requests, and waitForFhirIdle / lastFhirResponseBefore read them all.
  await context.addInitScript(() => performance.setResourceTimingBufferSize(1_000_000));
  const page = await context.newPage();
  return { context, page };
}

/** Signs in through the app and the server's demo SMART sign-in page (as e2e/fixtures.ts). */
export async function signIn(page, base, name, { path = '/', timeout = 300_000 } = {}) {
  await page.goto(`${base}${path}`);
  await page.waitForURL(/\/sign-in/);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.getByRole('list', { name: 'Demo users' }).getByRole('button', { name }).click();
  await page.getByRole('button', { name: new RegExp(`^Account: ${name}`) }).waitFor({ timeout });
}

/** The bearer token the app uses (SessionStore keeps it in sessionStorage). */
export function accessToken(page) {
  return page.evaluate(() => JSON.parse(sessionStorage.getItem('waypoint.session')).accessToken);
}

/**
 * Loads `path` as a fresh navigation, records its FHIR requests until `mark`, and returns the
 * floor's dependency graph of the requests finished by then.
 */
export async function captureGraph(page, base, path, mark) {
  const recorder = recordRequests(page);
  await page.goto(`${base}${path}`);
  const at = await waitForMark(page, mark);
  const cutoff = await page.evaluate((t) => performance.timeOrigin + t, at);
  return recorder.stop(cutoff);
}

/** Waits for a User Timing mark; returns its startTime (ms since navigation start). */
export async function waitForMark(page, name, timeout = 300_000) {
  await page.waitForFunction((n) => performance.getEntriesByName(n, 'mark').length > 0, name, {
    timeout,
    polling: 50,
  });
  return page.evaluate((n) => performance.getEntriesByName(n, 'mark')[0].startTime, name);
}

/** What kind of FHIR request a URL is: metadata, read, search or a next page. */
export function requestKind(url) {
  const u = new URL(url);
  if (!u.pathname.startsWith('/fhir')) return null;
  if (u.pathname === '/fhir' && u.searchParams.has('_getpages')) return 'page';
  if (u.pathname === '/fhir/metadata' || u.pathname.startsWith('/fhir/.well-known')) return 'meta';
  if (/^\/fhir\/[A-Z]\w+(\/_search)?$/.test(u.pathname)) return 'search';
  if (/^\/fhir\/[A-Z]\w+\/[^/]+$/.test(u.pathname)) return 'read';
  return 'other';
}

/** Counts the FHIR requests of the page from now on (cheap: no bodies). */
export function countRequests(page) {
  const counts = { search: 0, page: 0, read: 0, meta: 0, other: 0, searches: new Set() };
  const listener = (request) => {
    const kind = requestKind(request.url());
    if (!kind) return;
    counts[kind]++;
    if (kind === 'search') {
      const u = new URL(request.url());
      counts.searches.add(`${request.method()} ${u.pathname}`);
    }
  };
  page.on('request', listener);
  return {
    stop() {
      page.off('request', listener);
      return {
        searches: counts.search,
        distinctSearchTypes: counts.searches.size,
        pages: counts.page,
        reads: counts.read,
        other: counts.meta + counts.other,
        total: counts.search + counts.page + counts.read + counts.meta + counts.other,
      };
    },
  };
}

/**
 * Records the FHIR requests of one navigation with their timing and bodies' next links, and
 * turns them into a dependency graph for the floor: a next page depends on the page whose
 * `next` link it is; any other request on the request that finished last before it started
 * (so the floor keeps the app's unavoidable order: the caseload's patients before their data).
 * Slow (reads every body): use it on an untimed navigation.
 */
export function recordRequests(page) {
  const records = [];
  const listener = async (request) => {
    const kind = requestKind(request.url());
    if (!kind || request.method() === 'OPTIONS') return;
    const timing = request.timing();
    let body = '';
    let status = 0;
    try {
      const response = await request.response();
      status = response?.status() ?? 0;
      body = (await response?.text()) ?? '';
    } catch {
      // aborted
    }
    const headers = await request.allHeaders();
    records.push({
      kind,
      method: request.method(),
      url: request.url(),
      postData: request.postData() ?? null,
      contentType: headers['content-type'] ?? null,
      accept: headers['accept'] ?? 'application/fhir+json',
      start: timing.startTime,
      end: timing.startTime + Math.max(timing.responseEnd, 0),
      status,
      bytes: body.length,
      next: nextLink(body),
    });
  };
  page.on('requestfinished', listener);
  return {
    /** The graph of the requests that had finished by `cutoff` (epoch ms), if given. */
    async stop(cutoff = Infinity) {
      page.off('requestfinished', listener);
      // let pending body reads finish
      await new Promise((r) => setTimeout(r, 500));
      return dependencyGraph(records.filter((r) => r.end <= cutoff + 1));
    },
  };
}

function nextLink(body) {
  // The links come before the entries; a POST search's `self` link can carry a list of
  // hundreds of patients, so the head is cut at the entries, not at a fixed length.
  const entries = body.indexOf('"entry"');
  const head = body.slice(0, entries > 0 ? entries : 200_000);
  const m = /"relation"\s*:\s*"next"\s*,\s*"url"\s*:\s*"([^"]+)"/.exec(head);
  return m ? m[1].replace(/\\\//g, '/') : null;
}

function pagingId(url) {
  try {
    return (
      new URL(url).searchParams.get('_getpagesoffset') +
      '|' +
      new URL(url).searchParams.get('_getpages')
    );
  } catch {
    return null;
  }
}

export function dependencyGraph(records) {
  const nodes = [...records].sort((a, b) => a.start - b.start);
  const byNext = new Map();
  nodes.forEach((n, i) => n.next && byNext.set(pagingId(n.next), i));
  return nodes.map((n, i) => {
    let pred = null;
    let pagingParent = null;
    if (n.kind === 'page') {
      pagingParent = byNext.get(pagingId(n.url)) ?? null;
      pred = pagingParent;
    } else {
      let best = -Infinity;
      nodes.forEach((q, j) => {
        if (j !== i && q.end <= n.start + 1 && q.end > best) {
          best = q.end;
          pred = j;
        }
      });
    }
    return {
      kind: n.kind,
      start: n.start,
      end: n.end,
      method: n.method,
      url: n.url,
      postData: n.postData,
      contentType: n.contentType,
      accept: n.accept,
      bytes: n.bytes,
      hasNext: !!n.next,
      pred,
      pagingParent,
    };
  });
}

/** Searches the app stopped paging (a page with a `next` link that was not followed). */
export function unfinishedSearches(graph) {
  const followed = new Set(graph.map((n) => n.pagingParent).filter((p) => p !== null));
  return graph.filter((n, i) => n.hasNext && !followed.has(i)).length;
}

/**
 * The floor: the same FHIR requests, in the same order constraints, fetched and JSON.parse'd
 * in the page with no app code. Next pages follow the fresh responses' own `next` links.
 * Returns { ms, requests, bytes }.
 */
export function fetchFloor(page, graph, token) {
  return page.evaluate(
    async ({ graph, token }) => {
      const started = performance.now();
      const results = new Map();
      let bytes = 0;
      let requests = 0;
      const headersOf = (n) => {
        const h = { Accept: n.accept };
        if (token) h.Authorization = `Bearer ${token}`;
        if (n.contentType && n.postData !== null) h['Content-Type'] = n.contentType;
        return h;
      };
      const run = async (i) => {
        const n = graph[i];
        let url = n.url;
        if (n.pred !== null) {
          const before = await get(n.pred);
          if (n.pagingParent !== null) {
            if (!before.next) return { next: null };
            url = before.next;
          }
        }
        const response = await fetch(url, {
          method: n.pagingParent !== null ? 'GET' : n.method,
          headers: headersOf(n),
          body: n.pagingParent !== null ? undefined : (n.postData ?? undefined),
        });
        const text = await response.text();
        requests++;
        bytes += text.length;
        const json = text ? JSON.parse(text) : null;
        return { next: json?.link?.find((l) => l.relation === 'next')?.url ?? null };
      };
      const get = (i) => {
        if (!results.has(i)) results.set(i, run(i));
        return results.get(i);
      };
      await Promise.all(graph.map((_, i) => get(i)));
      return { ms: performance.now() - started, requests, bytes };
    },
    { graph, token },
  );
}

/** Used JS heap after a full garbage collection (CDP), in bytes. */
export async function heapAfterGc(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  return usedSize;
}

/**
 * CPU profile of `fn()` (CDP Profiler); returns the top self-time functions as
 * [{ fn, url, line, selfMs }].
 */
export async function profile(page, fn, top = 12) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  const value = await fn();
  const { profile: p } = await cdp.send('Profiler.stop');
  await cdp.detach();
  return { value, top: topSelfTime(p, top), profile: p };
}

export function topSelfTime(p, top = 12) {
  const self = new Map();
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const dt = p.timeDeltas;
  for (let i = 0; i < p.samples.length; i++) {
    const node = byId.get(p.samples[i]);
    const cf = node.callFrame;
    const key = `${cf.functionName || '(anonymous)'}|${cf.url.split('/').pop()}|${cf.lineNumber + 1}:${cf.columnNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + (dt[i + 1] ?? 0) / 1000);
  }
  return [...self]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([key, ms]) => {
      const [fn, url, pos] = key.split('|');
      return { fn, url, pos, selfMs: Math.round(ms) };
    });
}

/**
 * Waits until no FHIR request has been in flight for `quietMs` (the page's background loads
 * have settled), at most `timeout`; returns how long it waited.
 */
export async function waitForFhirIdle(page, { quietMs = 1500, timeout = 300_000 } = {}) {
  const t0 = Date.now();
  await page.waitForFunction(
    (quiet) => {
      const now = performance.now();
      const fhir = performance.getEntriesByType('resource').filter((e) => e.name.includes('/fhir'));
      const last = Math.max(0, ...fhir.map((e) => e.responseEnd || now));
      const open = fhir.some((e) => e.responseEnd === 0);
      return !open && now - last > quiet;
    },
    quietMs,
    { timeout, polling: 250 },
  );
  return Date.now() - t0;
}

/** The end of the last FHIR response before `before` (ms since navigation start). */
/**
 * Where a navigation's time went up to `mark`, from Resource Timing: before its first FHIR
 * request (HTML, JavaScript, bootstrap, sign-in state), from there to the end of the last FHIR
 * response before the mark (the requests, as the app's main thread let them go), and after it
 * (mapping, store, first render of the data). Milliseconds.
 */
export function fhirPhases(page, mark) {
  return page.evaluate((name) => {
    const ready = performance.getEntriesByName(name, 'mark')[0].startTime;
    const fhir = performance
      .getEntriesByType('resource')
      .filter((e) => e.name.includes('/fhir') && e.responseEnd <= ready);
    const first = Math.min(...fhir.map((e) => e.startTime));
    const last = Math.max(...fhir.map((e) => e.responseEnd));
    return { beforeFirstRequest: first, requests: last - first, afterLastResponse: ready - last };
  }, mark);
}

export function lastFhirResponseBefore(page, before) {
  return page.evaluate(
    (t) =>
      Math.max(
        0,
        ...performance
          .getEntriesByType('resource')
          .filter((e) => e.name.includes('/fhir') && e.responseEnd <= t)
          .map((e) => e.responseEnd),
      ),
    before,
  );
}
