import { Page } from '@playwright/test';
import { openPort } from '../playwright.config';
import { LOAD_TIMEOUT, expect, signIn, test } from './fixtures';
import { seedPatientNames } from './outcomes-oracle';

const SEED = `data/e2e-${openPort - 1}-ndjson`;
const CLINICAL =
  /"resourceType"\s*:\s*"(Patient|Observation|EpisodeOfCare|Encounter|Appointment|Condition|QuestionnaireResponse|Flag|CarePlan|CareTeam)"/;

/** Everything the browser keeps for the origin: Web Storage, IndexedDB and Cache Storage. */
async function everythingStored(page: Page) {
  return page.evaluate(async () => ({
    local: Object.entries(localStorage),
    session: Object.entries(sessionStorage),
    indexedDb: (await indexedDB.databases()).map((db) => db.name ?? ''),
    caches: await caches.keys(),
  }));
}

test.describe('access and what the browser keeps', () => {
  // Whole-program pages and axe over them, on a shared two-core machine.
  test.describe.configure({ timeout: 180_000 });
  test('a director’s whole session leaves no clinical data in any browser storage', async ({
    page,
  }) => {
    const names = [...seedPatientNames(SEED).values()];
    await signIn(page, 'Dana Riverstone', '/caseload');
    await expect(page.getByRole('region', { name: 'Caseload data' })).toContainText(
      'clients in care',
      { timeout: LOAD_TIMEOUT },
    );
    await page.getByRole('table').getByRole('link').first().click();
    await expect(page.getByRole('img').first()).toBeVisible({ timeout: LOAD_TIMEOUT });
    await page.goto('/step-down?admittedFrom=2000-01-01');
    await expect(page.getByRole('region', { name: 'Flows and outcomes' })).toContainText(
      'clients admitted',
      { timeout: LOAD_TIMEOUT },
    );
    await page.goto('/outcomes?list=completion');
    await page.getByRole('switch', { name: 'Show names' }).click({ timeout: LOAD_TIMEOUT });

    const stored = await everythingStored(page);
    // At most the display theme (set only once someone switches it), never clinical data.
    expect(stored.local.map(([key]) => key).filter((key) => key !== 'waypoint.theme')).toEqual([]);
    expect(stored.indexedDb).toEqual([]);
    expect(stored.caches).toEqual([]);
    const text = [...stored.local, ...stored.session].flat().join('\n');
    expect(text).not.toMatch(CLINICAL);
    expect(names.filter((name) => text.includes(name))).toEqual([]);
  });

  test('after signing out, Back shows nothing of the clients', async ({ page }) => {
    const names = [...seedPatientNames(SEED).values()];
    await signIn(page, 'Avery Lanternfield', '/caseload');
    const table = page.getByRole('table');
    await expect(table.getByRole('link').first()).toBeVisible({ timeout: LOAD_TIMEOUT });
    const shown = (await table.getByRole('link').first().textContent())!.trim();
    expect(names.some((name) => shown.includes(name.split(' ').at(-1)!))).toBe(true);

    await page.getByRole('button', { name: /^Account:/ }).click();
    await page.getByRole('menuitem', { name: 'Sign out' }).click();
    await expect(page).toHaveURL(/\/sign-in$/);
    // Sign-out replaced the page's history entry, so Back leaves the app's pages altogether.
    await page.goBack();
    await expect(page).not.toHaveURL(/\/caseload|\/clients\//);
    // However far back: any app page asks to sign in again and shows no client.
    for (let step = 0; step < 3; step++) {
      const body = await page.locator('body').innerText();
      expect(names.filter((name) => body.includes(name))).toEqual([]);
      await expect(page.getByRole('table')).toHaveCount(0);
      if (!(await page.goBack())) break;
      await page.waitForLoadState();
    }
  });

  test('a therapist reaches no director-only view by its address', async ({ page }) => {
    await signIn(page, 'Avery Lanternfield', '/step-down?admittedFrom=2000-01-01');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Step-down');
    await expect(page.getByRole('link', { name: /^Journey for/ }).first()).toBeVisible({
      timeout: LOAD_TIMEOUT,
    });
    await expect(page.getByRole('region', { name: 'Flows and outcomes' })).toHaveCount(0);
    await page.goto('/outcomes?list=completion');
    await expect(page.getByText('for program directors')).toBeVisible();
    await expect(page.getByRole('table')).toHaveCount(0);
  });
});
