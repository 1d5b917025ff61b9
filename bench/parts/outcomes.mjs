// 5. Director outcomes (/outcomes, Dana Riverstone) at ~1,000 and ~5,000 episodes (and
// ~20,000 with --large): navigation → `waypoint:outcomes-ready`, its fetch-and-parse floor (the
// FHIR requests finished by then, replayed in the same page with no app code), the
// aggregation time (choosing another measure in the Measure filter → the page showing it:
// the rows and the whole view model rebuilt for that measure from the store, no network), the
// JS heap after a full GC once the page is loaded, and the growth between sizes.
import {
  accessToken,
  captureGraph,
  fetchFloor,
  heapAfterGc,
  launchBrowser,
  newPage,
  signIn,
  unfinishedSearches,
  waitForFhirIdle,
  waitForMark,
} from '../lib/browser.mjs';
import { ensureDataset, workingCopy } from '../lib/data.mjs';
import { startServer } from '../lib/server.mjs';
import { figure, log, median, round } from '../lib/util.mjs';

const MARK = 'waypoint:outcomes-ready';
const SLOW_MS = 15_000;
/** A run slower than this is not repeated: one app run and one floor, side by side. */
const VERY_SLOW_MS = 60_000;
const DIRECTOR = 'Dana Riverstone';
/** How long one load of the page may take before the size is reported as not loaded. */
const LOAD_LIMIT_MS = Number(process.env.BENCH_OUTCOMES_LOAD_LIMIT_S ?? 300) * 1000;

/** The ready mark's time, or an error as soon as the page says its data could not be loaded. */
function readyOrFailed(page) {
  const failed = page.getByText(/outcome data could not be loaded/).first();
  return Promise.race([
    waitForMark(page, MARK, LOAD_LIMIT_MS),
    failed.waitFor({ timeout: LOAD_LIMIT_MS }).then(async () => {
      throw new Error(`the page says: ${(await failed.textContent())?.trim()}`);
    }),
  ]);
}

/** Picks `label` in the Measure filter and times click → the subtitle showing it, painted. */
async function switchMeasure(page, label) {
  await page.getByRole('combobox', { name: 'Measure' }).click();
  const option = page.getByRole('option', { name: label, exact: true });
  await option.waitFor({ timeout: 120_000 });
  const handle = await option.elementHandle();
  return page.evaluate(
    ({ el, label }) =>
      new Promise((resolve) => {
        const subtitle = document.querySelector('.page-header .subtitle');
        const t0 = performance.now();
        const done = () =>
          requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - t0)));
        const observer = new MutationObserver(() => {
          if (document.querySelector('.page-header .subtitle')?.textContent?.includes(label)) {
            observer.disconnect();
            done();
          }
        });
        observer.observe(subtitle?.parentElement ?? document.body, {
          subtree: true,
          childList: true,
          characterData: true,
        });
        el.click();
      }),
    { el: handle, label },
  );
}

/**
 * The searches that stopped paging before the ready mark (a page with a `next` link that was not
 * followed): each as its type, its parameter names and the pages read, e.g.
 * `Appointment?date,_elements,_count (50 pages)`. A caseload search still paging at the mark
 * shows here too; `pageSaysPartial` is the page's own verdict once every load has settled.
 */
function stoppedSearches(graph) {
  const followed = new Set(graph.map((n) => n.pagingParent).filter((p) => p !== null));
  const out = [];
  graph.forEach((n, i) => {
    if (!n.hasNext || followed.has(i)) return;
    let root = i;
    let pages = 1;
    while (graph[root].pagingParent !== null) {
      root = graph[root].pagingParent;
      pages++;
    }
    // A first page whose `next` link lies beyond the part of the body read (a long `self` link
    // of a POST with a long OR list) leaves its later pages without a root.
    if (graph[root].kind === 'page') {
      out.push(`a search whose first page was not matched (${pages} later pages)`);
      return;
    }
    const url = new URL(graph[root].url);
    const params = [...new Set([...url.searchParams.keys()])].join(',');
    const type = url.pathname.replace(/^\/fhir\//, '').replace(/\/_search$/, '');
    out.push(`${graph[root].method === 'POST' ? 'POST ' : ''}${type}?${params} (${pages} pages)`);
  });
  return out;
}

/** The outcomes page's own statement that its figures are partial, if it makes one. */
async function partialNote(page) {
  const notes = await page.locator('.data-note').allTextContents();
  return notes.map((t) => t.replace(/\s+/g, ' ').trim()).find((t) => t.startsWith('Partial data'));
}

async function measureSize(browser, name, runs) {
  const dataset = ensureDataset(name);
  const copy = workingCopy(dataset);
  const server = await startServer({ db: copy.file, app: globalThis.__benchApp });
  const { context, page } = await newPage(browser);
  try {
    await signIn(page, server.base, DIRECTOR, { path: '/outcomes' });
    await readyOrFailed(page);
    const token = await accessToken(page);
    const graph = await captureGraph(page, server.base, '/outcomes', MARK);
    const ready = [];
    const floor = [];
    for (let i = 0; i < runs; i++) {
      await page.goto(`${server.base}/outcomes`);
      ready.push(await readyOrFailed(page));
      floor.push((await fetchFloor(page, graph, token)).ms);
      if (i === 0 && ready[0] > SLOW_MS) runs = Math.min(runs, ready[0] > VERY_SLOW_MS ? 1 : 2);
    }
    // The page as loaded by the last run: its heap, then the aggregation for other measures
    // once the caseload (every shell page loads it) has finished loading too.
    const idleWait = await waitForFhirIdle(page, { timeout: 240_000 }).catch(() => NaN);
    const heap = await heapAfterGc(page);
    const pageNote = await partialNote(page);
    const measures = await page.getByRole('combobox', { name: 'Measure' }).textContent();
    const aggregation = [];
    await page.getByRole('combobox', { name: 'Measure' }).click();
    const labels = (await page.getByRole('option').allTextContents()).map((s) => s.trim());
    await page.keyboard.press('Escape');
    await page.getByRole('option').first().waitFor({ state: 'detached' });
    for (const label of labels.filter((l) => !measures?.includes(l)).slice(0, Math.max(runs, 3)))
      aggregation.push(await switchMeasure(page, label));
    const bytes = graph.reduce((s, n) => s + n.bytes, 0);
    const result = {
      name,
      episodes: dataset.episodes,
      resources: dataset.resources,
      readyMs: median(ready),
      floorMs: median(floor),
      ratio: median(ready.map((r, i) => r / floor[i])),
      aggregationMs: median(aggregation),
      heapMB: round(heap / 1e6, 1),
      idleWaitMs: idleWait,
      requests: graph.length,
      pages: graph.filter((n) => n.kind === 'page').length,
      unfinished: unfinishedSearches(graph),
      stopped: stoppedSearches(graph),
      pageSaysPartial: pageNote ?? false,
      mbReceived: round(bytes / 1e6, 1),
      runsReady: ready.map(Math.round),
      runsFloor: floor.map(Math.round),
      runsAggregation: aggregation.map(Math.round),
    };
    log(`outcomes ${name}: ${JSON.stringify(result)}`);
    return result;
  } finally {
    await context.close();
    await server.stop();
    copy.remove();
  }
}

/** Whether any search was still paging at the ready mark, and whether the page said partial. */
function capNote(r) {
  const stopped = r.unfinished
    ? `${r.unfinished} search(es) still paging at the ready mark (not the outcomes query's: the mark waits for it): ${r.stopped.join('; ')}`
    : 'no search stopped paging';
  return `${stopped}; page ${r.pageSaysPartial ? 'says partial' : 'does not say partial'}`;
}

export async function run({ app, runs, large }) {
  globalThis.__benchApp = app;
  const browser = await launchBrowser();
  const sizes = ['1k', '5k', ...(large ? ['20k'] : [])];
  const results = [];
  try {
    for (const size of sizes) {
      try {
        results.push(await measureSize(browser, size, runs));
      } catch (error) {
        // One size that does not load leaves the others' figures standing.
        const failed = String(error.message ?? error)
          .split('\n')[0]
          .slice(0, 300);
        log(`outcomes ${size}: not measured: ${failed}`);
        results.push({ name: size, episodes: ensureDataset(size).episodes, failed });
      }
    }
  } finally {
    await browser.close();
  }
  const P = '5 outcomes';
  const five = results.find((r) => r.name === '5k');
  const failedNote = (r) => `NOT MEASURED at ${r.episodes} episodes: ${r.failed}`;
  const figures = five.failed
    ? [
        figure(P, `ready, ${five.episodes} episodes`, NaN, 'ms', { note: failedNote(five) }),
        figure(P, `ready ÷ floor, ${five.episodes} episodes`, NaN, '×', { op: '<=', limit: 2 }),
      ]
    : [
        figure(P, `aggregation, ${five.episodes} episodes`, round(five.aggregationMs), 'ms', {
          op: '<=',
          limit: 300,
          note: 'Measure filter changed → view for it painted (no network)',
        }),
        figure(P, `ready, ${five.episodes} episodes`, round(five.readyMs), 'ms', {
          note: `floor ${round(five.floorMs)} ms; ${five.requests} requests, ${five.mbReceived} MB; ${capNote(five)}`,
        }),
        figure(P, `ready ÷ floor, ${five.episodes} episodes`, round(five.ratio, 2), '×', {
          op: '<=',
          limit: 2,
        }),
        figure(P, `JS heap after load, ${five.episodes} episodes`, five.heapMB, 'MB', {
          op: '<=',
          limit: 150,
        }),
      ];
  const base = results[0];
  for (const r of results.slice(1)) {
    const scale = r.episodes / base.episodes;
    const exp = (a, b) => round(Math.log(b / a) / Math.log(scale), 2);
    // The ready mark waits for every outcomes search, so a search still paging at the mark is
    // another load's (the caseload every shell page starts) and does not make the sizes
    // incomparable; a capped outcomes search does, and the page then says its data are partial.
    const partial = [base, r].filter((x) => x.pageSaysPartial).map((x) => x.episodes);
    const failed = [base, r].find((x) => x.failed);
    if (failed) {
      figures.push(
        figure(P, `growth ${base.episodes}→${r.episodes} episodes: ready exponent`, NaN, '', {
          op: '<=',
          limit: 1.2,
          target: '≈ 1 (linear), <= 1.2',
          note: failedNote(failed),
        }),
      );
      continue;
    }
    figures.push(
      figure(
        P,
        `growth ${base.episodes}→${r.episodes} episodes (×${round(scale, 1)}): ready exponent`,
        partial.length ? NaN : exp(base.readyMs, r.readyMs),
        '',
        {
          op: '<=',
          limit: 1.2,
          target: '≈ 1 (linear), <= 1.2',
          note: `${partial.length ? `NOT COMPARABLE: the page says partial at ${partial.join(' and ')} episodes; ` : ''}ready ${round(base.readyMs)} → ${round(r.readyMs)} ms; aggregation ${round(base.aggregationMs)} → ${round(r.aggregationMs)} ms (exponent ${exp(base.aggregationMs, r.aggregationMs)}); heap ${base.heapMB} → ${r.heapMB} MB`,
        },
      ),
    );
  }
  for (const r of results.filter((x) => x.name !== '5k'))
    figures.push(
      figure(P, `ready / aggregation / heap, ${r.episodes} episodes`, round(r.readyMs), 'ms', {
        note: r.failed
          ? failedNote(r)
          : `floor ${round(r.floorMs)} ms (×${round(r.ratio, 2)}); aggregation ${round(r.aggregationMs)} ms; heap ${r.heapMB} MB; ${capNote(r)}`,
      }),
    );
  return { figures, detail: { results } };
}
