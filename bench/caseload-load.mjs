// `npm run bench:caseload`: how the app loads each demo user's caseload from the development
// server over the full demo data (200 clients): searches, paging requests, bytes and time from
// choosing the user on the sign-in page to the data status line. Prints a table; asserts nothing.
// Needs a production build (`npm run build`) and Chromium (CHROME_BIN or /usr/bin/chromium).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

const port = Number(process.env.BENCH_PORT ?? 4310);
const db = process.env.BENCH_DB ?? 'data/waypoint.sqlite';
const app = 'dist/waypoint/browser';
const base = `http://127.0.0.1:${port}`;
const users = (
  process.argv[2] ?? 'Avery Lanternfield,Morgan Quillstone,Harper Wrenwood,Dana Riverstone'
)
  .split(',')
  .map((s) => s.trim());

/** Its own process group, so stopping it stops npx's children (tsx, node) too. */
function run(cmd, args) {
  return spawn(cmd, args, { stdio: ['ignore', 'inherit', 'inherit'], detached: true });
}

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

if (!existsSync(`${app}/index.html`)) {
  console.error(`No production build in ${app}: run \`npm run build\` first.`);
  process.exit(2);
}
if (!existsSync(db)) {
  const seed = run('npx', ['tsx', 'server/seed/main.ts', '--db', db]);
  await new Promise((r) => seed.on('exit', r));
}
const server = run('npx', [
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
  const rows = [];
  for (const name of users) rows.push(await measure(browser, name));
  await browser.close();
  console.log(`\nCaseload load over ${db} (production build, one origin, loopback)`);
  console.table(rows);
} finally {
  process.kill(-server.pid, 'SIGTERM');
}

async function measure(browser, name) {
  const context = await browser.newContext();
  const page = await context.newPage();
  let started = 0;
  const searches = [];
  let pages = 0;
  let bytes = 0;
  page.on('request', (request) => {
    if (!started) return;
    const url = new URL(request.url());
    if (url.pathname === '/fhir' && url.searchParams.has('_getpages')) pages++;
    else if (/^\/fhir\/[A-Z]\w+(\/_search)?$/.test(url.pathname))
      searches.push(url.pathname.slice(6));
  });
  page.on('response', async (response) => {
    if (!started || !new URL(response.url()).pathname.startsWith('/fhir')) return;
    try {
      bytes += (await response.body()).length;
    } catch {
      // redirects and aborted requests have no body
    }
  });
  await page.goto(`${base}/`);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  const button = page.getByRole('list', { name: 'Demo users' }).getByRole('button', { name });
  await button.waitFor();
  started = performance.now();
  await button.click();
  const status = page.getByText(/\d+ clients? in care · \d+ scores/);
  await status.waitFor({ timeout: 180_000 });
  const ms = Math.round(performance.now() - started);
  process.stderr.write(`${name}: loaded in ${ms} ms\n`);
  const text = (await status.textContent()) ?? '';
  const role = (await page.getByRole('button', { name: /^Account:/ }).getAttribute('aria-label'))
    ?.split(', ')
    .pop();
  await context.close();
  return {
    user: name,
    role,
    clients: Number(/(\d+) clients?/.exec(text)?.[1] ?? NaN),
    scores: Number(/(\d+) scores/.exec(text)?.[1] ?? NaN),
    sessions: Number(/(\d+) sessions/.exec(text)?.[1] ?? NaN),
    searches: searches.length,
    'next pages': pages,
    'MB received': +(bytes / 1e6).toFixed(2),
    'ms to loaded': ms,
  };
}
