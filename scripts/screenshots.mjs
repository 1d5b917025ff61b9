// `npm run screenshots`: the README's pictures. Serves the production build with the full demo
// data (building and seeding first if needed), signs in as a therapist and as the director, and
// captures each main page in light and dark into docs/screenshots/. All data is synthetic.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { chromium } from '@playwright/test';

const port = Number(process.env.SCREENSHOT_PORT ?? 4330);
const base = `http://127.0.0.1:${port}`;
const db = process.env.SCREENSHOT_DB ?? 'data/waypoint.sqlite';
const app = 'dist/waypoint/browser';
const out = 'docs/screenshots';
const LOAD = 180_000;

/** Its own process group, so stopping it stops npx's children too. */
function start(cmd, args) {
  return spawn(cmd, args, { stdio: ['ignore', 'inherit', 'inherit'], detached: true });
}
const finished = (child) => new Promise((resolve) => child.on('exit', (code) => resolve(code)));

async function waitFor(url, ms = 60_000) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not answer within ${ms} ms`);
}

/**
 * Each page: where to go, what to do there first (`before`), what shows it is ready, and what to
 * do once it is (`after`, e.g. scroll to a section that only has its height once loaded).
 */
const PAGES = {
  therapist: {
    user: 'Avery Lanternfield',
    pages: [
      { name: 'caseload', path: '/caseload', ready: (p) => p.getByText(/\d+ clients? in care ·/) },
      {
        name: 'client-progress',
        path: '/caseload',
        ready: (p) => p.getByRole('img').first(),
        before: async (p) => {
          await p.getByRole('table').getByRole('link').first().click({ timeout: LOAD });
        },
      },
      {
        name: 'step-down',
        path: '/step-down',
        ready: (p) => p.getByRole('button', { name: 'Close journey' }),
        before: async (p) => {
          await p
            .getByRole('link', { name: /^Journey for/ })
            .first()
            .click({ timeout: LOAD });
        },
      },
    ],
  },
  director: {
    user: 'Dana Riverstone',
    pages: [
      { name: 'caseload', path: '/caseload', ready: (p) => p.getByText(/\d+ clients? in care ·/) },
      {
        name: 'step-down-flows',
        path: '/step-down',
        ready: (p) =>
          p.getByRole('region', { name: 'Flows and outcomes' }).getByRole('img').first(),
        after: async (p) => {
          // The cohort's flows come before the whole caseload the board above them needs.
          await p.getByText(/\d+ clients? in care ·/).waitFor({ timeout: LOAD });
          await p.locator('#flows-heading').evaluate((h) => h.scrollIntoView());
        },
      },
      {
        name: 'outcomes',
        path: '/outcomes',
        ready: (p) => p.getByRole('heading', { name: 'The period at a glance' }),
      },
      {
        name: 'outcomes-trends',
        path: '/outcomes',
        ready: (p) => p.getByRole('heading', { name: 'Trends' }),
        after: async (p) => {
          await p.locator('#trends-heading').evaluate((h) => h.scrollIntoView());
        },
      },
    ],
  },
};

if (!existsSync(`${app}/index.html`) && (await finished(start('npx', ['ng', 'build']))) !== 0)
  process.exit(1);
if (
  !existsSync(db) &&
  (await finished(start('npx', ['tsx', 'server/seed/main.ts', '--db', db]))) !== 0
)
  process.exit(1);
mkdirSync(out, { recursive: true });
const server = start('npx', [
  'tsx',
  'server/main.ts',
  '--port',
  String(port),
  '--db',
  db,
  '--app',
  app,
]);
try {
  await waitFor(`${base}/fhir/metadata`);
  const browser = await chromium.launch({
    executablePath: process.env.CHROME_BIN || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
  });
  for (const [role, { user, pages }] of Object.entries(PAGES)) {
    for (const scheme of ['light', 'dark']) {
      // The app follows the system theme on a first visit: one context per theme.
      const context = await browser.newContext({
        viewport: { width: 1440, height: 900 },
        colorScheme: scheme,
        deviceScaleFactor: 1,
      });
      const page = await context.newPage();
      await page.goto(`${base}/caseload`);
      await page.getByRole('button', { name: 'Sign in', exact: true }).click();
      await page
        .getByRole('list', { name: 'Demo users' })
        .getByRole('button', { name: user })
        .click();
      await page.getByRole('button', { name: /^Account:/ }).waitFor({ timeout: LOAD });
      for (const shot of pages) {
        await page.goto(`${base}${shot.path}`);
        await shot.before?.(page);
        await shot.ready(page).first().waitFor({ timeout: LOAD });
        await shot.after?.(page);
        // Charts draw on the next frames.
        await page.waitForTimeout(800);
        const file = `${out}/${role}-${shot.name}-${scheme}.jpg`;
        await page.screenshot({ path: file, type: 'jpeg', quality: 80 });
        console.log(`saved ${file}`);
      }
      await context.close();
    }
  }
  await browser.close();
} finally {
  process.kill(-server.pid, 'SIGTERM');
}
