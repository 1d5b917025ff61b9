// 2. Lighthouse 12 (desktop preset, performance only) in Debian Chromium against the
// production build served with the FHIR server from one origin (what `npm run serve:prod`
// runs) over the demo data (200 clients): the sign-in page, and the caseload of Avery
// Lanternfield after signing in (the same tab, storage kept, so the session in sessionStorage
// survives Lighthouse's navigation). Medians of `runs` runs each. Each run's report is written
// to bench/results/lighthouse/ (`<page>-<run>.json`, the Lighthouse JSON), and the long tasks
// behind the total blocking time go into latest.json, so a TBT can be explained.
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import { CHROME, CHROME_FLAGS } from '../lib/browser.mjs';
import { ensureDataset, workingCopy } from '../lib/data.mjs';
import { freePort, startServer } from '../lib/server.mjs';
import { ROOT, figure, log, median, round } from '../lib/util.mjs';

const REPORTS = join(ROOT, 'bench/results/lighthouse');

/** puppeteer-core is Lighthouse's own dependency: resolved from there. */
async function loadPuppeteer() {
  const require = createRequire(import.meta.url);
  const lhRequire = createRequire(require.resolve('lighthouse'));
  return (await import(lhRequire.resolve('puppeteer-core'))).default;
}

export async function audit(browser, url, { signInAs, base, report } = {}) {
  const page = await browser.newPage();
  try {
    if (signInAs) {
      await page.goto(`${base}/`, { waitUntil: 'networkidle0' });
      await Promise.all([
        page.waitForNavigation(),
        page.locator('::-p-aria(Sign in[role="button"])').click(),
      ]);
      await page.waitForSelector('ul.users');
      const [button] = await page.$$(
        `xpath/.//ul[@class="users"]//button[contains(., "${signInAs}")]`,
      );
      await Promise.all([page.waitForNavigation(), button.click()]);
      await page.waitForFunction(
        () => performance.getEntriesByName('waypoint:caseload-ready').length > 0,
        { timeout: 120_000 },
      );
    }
    const result = await lighthouse(
      url,
      {
        onlyCategories: ['performance'],
        disableStorageReset: !!signInAs,
        logLevel: 'error',
        output: 'json',
      },
      desktopConfig,
      page,
    );
    const lhr = result.lhr;
    const a = lhr.audits;
    if (report) {
      mkdirSync(REPORTS, { recursive: true });
      writeFileSync(join(REPORTS, `${report}.json`), result.report);
    }
    if (lhr.runtimeError)
      return {
        error: `${lhr.runtimeError.code}: ${lhr.runtimeError.message}`.slice(0, 200),
        finalUrl: lhr.finalDisplayedUrl,
      };
    return {
      score: round(lhr.categories.performance.score * 100),
      lcp: a['largest-contentful-paint'].numericValue,
      cls: a['cumulative-layout-shift'].numericValue,
      tbt: a['total-blocking-time'].numericValue,
      fcp: a['first-contentful-paint'].numericValue,
      longTasks: longTasks(a),
      finalUrl: lhr.finalDisplayedUrl,
      warnings: lhr.runWarnings,
    };
  } finally {
    await page.close();
  }
}

/**
 * The main-thread tasks over 50 ms that Lighthouse saw (observed, not simulated: the simulated
 * TBT is worked out from these), each with its start, length and the script it is charged to.
 */
function longTasks(audits) {
  return (audits['long-tasks']?.details?.items ?? []).map((t) => ({
    startMs: round(t.startTime),
    ms: round(t.duration),
    url: typeof t.url === 'string' ? t.url.replace(/^https?:\/\/[^/]+/, '') : t.url,
  }));
}

export async function run({ app, runs }) {
  const pptr = await loadPuppeteer();
  const dataset = ensureDataset('demo');
  const copy = workingCopy(dataset);
  const server = await startServer({ db: copy.file, app });
  const port = await freePort();
  const browser = await pptr.launch({
    executablePath: CHROME,
    headless: true,
    args: [...CHROME_FLAGS, `--remote-debugging-port=${port}`, '--window-size=1350,940'],
    defaultViewport: null,
  });
  const pages = [
    { name: 'sign-in page', slug: 'sign-in', url: `${server.base}/sign-in` },
    {
      name: 'caseload (Avery Lanternfield, demo data)',
      slug: 'caseload',
      url: `${server.base}/caseload`,
      signInAs: 'Avery Lanternfield',
    },
  ];
  const results = {};
  try {
    for (const p of pages) {
      results[p.name] = [];
      for (let i = 0; i < runs; i++) {
        const r = await audit(browser, p.url, {
          signInAs: p.signInAs,
          base: server.base,
          report: `${p.slug}-${i + 1}`,
        });
        log(`lighthouse ${p.name}: ${JSON.stringify(r)}`);
        results[p.name].push(r);
      }
    }
  } finally {
    await browser.close();
    await server.stop();
    copy.remove();
  }
  const P = '2 lighthouse';
  const figures = [];
  for (const [name, all] of Object.entries(results)) {
    const rs = all.filter((r) => !r.error);
    const errors = all.filter((r) => r.error).map((r) => r.error);
    const m = (k) => median(rs.map((r) => r[k]));
    const urls = [...new Set(all.map((r) => new URL(r.finalUrl).pathname))].join(' ');
    figures.push(
      figure(P, `${name}: performance score`, m('score'), '', {
        op: '>=',
        limit: 95,
        note: `median of ${rs.length}: ${rs.map((r) => r.score).join(', ')}; final URL ${urls}${errors.length ? `; ${errors.length} run(s) failed: ${errors[0]}` : ''}`,
      }),
      figure(P, `${name}: LCP`, round(m('lcp') / 1000, 2), 's', {
        op: '<=',
        limit: 1.2,
        note: `FCP ${round(m('fcp') / 1000, 2)} s`,
      }),
      figure(P, `${name}: CLS`, round(m('cls'), 3), '', { op: '<=', limit: 0.05 }),
      figure(P, `${name}: total blocking time`, round(m('tbt')), 'ms', { op: '<=', limit: 100 }),
    );
  }
  return { figures, detail: { results } };
}
