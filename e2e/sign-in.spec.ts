import { Page } from '@playwright/test';
import { openPort } from '../playwright.config';
import { LOAD_TIMEOUT, expect, seriousAccessibilityViolations, signIn, test } from './fixtures';

/** Everything the page keeps in browser storage, to prove nothing clinical is left behind. */
async function browserStorage(page: Page) {
  return page.evaluate(async () => ({
    session: Object.keys(sessionStorage),
    local: Object.keys(localStorage),
    sessionText: Object.values(sessionStorage).join('\n'),
    indexedDb: (await indexedDB.databases()).map((db) => db.name),
  }));
}

test.describe('signing in with SMART on FHIR', () => {
  test('a therapist signs in through the dev server and lands where they were going', async ({
    page,
  }) => {
    await page.goto('/step-down');
    await expect(page).toHaveURL(/\/sign-in\?returnTo=%2Fstep-down$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Waypoint');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sign in to Waypoint');
    await page.getByRole('button', { name: /Avery Lanternfield/ }).click();

    // Signing in loads the staff record and the caseload: slow on a busy two-core machine.
    await expect(page).toHaveURL(/\/step-down$/, { timeout: LOAD_TIMEOUT });
    await page.getByRole('button', { name: 'Account: Avery Lanternfield, Therapist' }).click();
    await expect(page.getByRole('menu')).toContainText('Therapist');
    await page.keyboard.press('Escape');

    const stored = await browserStorage(page);
    expect(stored.session).toEqual(['waypoint.session']);
    // Tokens and the practitioner reference only: no FHIR resource is ever stored.
    expect(stored.sessionText).not.toContain('resourceType');
    expect(stored.indexedDb).toEqual([]);

    await page.reload();
    await expect(page.getByRole('button', { name: /^Account: Avery Lanternfield/ })).toBeVisible({
      timeout: LOAD_TIMEOUT,
    });
    await expect(page).toHaveURL(/\/step-down$/);
  });

  test('the program director signs in with the director role', async ({ page }) => {
    await signIn(page, 'Dana Riverstone');
    await expect(
      page.getByRole('button', { name: 'Account: Dana Riverstone, Program director' }),
    ).toBeVisible();
  });

  test('an EHR launch signs in with the launch context', async ({ page, baseURL }) => {
    await page.goto(`/auth/launch?launch_url=${encodeURIComponent(`${baseURL}/launch`)}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sign in to Waypoint');
    await page.getByRole('button', { name: /Morgan Quillstone/ }).click();
    await expect(page.getByRole('button', { name: /^Account: Morgan Quillstone/ })).toBeVisible({
      timeout: LOAD_TIMEOUT,
    });
  });

  test('an EHR launch from a client’s chart opens that client’s progress page', async ({
    page,
    baseURL,
  }) => {
    // One of Morgan Quillstone's clients in care, read from the same seed without security.
    const bundle = (await (
      await fetch(
        `http://127.0.0.1:${openPort}/fhir/EpisodeOfCare?care-manager=Practitioner/pr-therapist-2&status=active&_count=1`,
      )
    ).json()) as { entry: { resource: { patient: { reference: string } } }[] };
    const patientId = bundle.entry[0].resource.patient.reference.replace('Patient/', '');
    const patient = (await (
      await fetch(`http://127.0.0.1:${openPort}/fhir/Patient/${patientId}`)
    ).json()) as { name: { given: string[]; family: string }[] };
    const name = `${patient.name[0].given.join(' ')} ${patient.name[0].family}`;
    const launchUrl = encodeURIComponent(`${baseURL}/launch`);
    await page.goto(`/auth/launch?launch_url=${launchUrl}&patient=${patientId}`);
    await page.getByRole('button', { name: /Morgan Quillstone/ }).click();
    await expect(page).toHaveURL(new RegExp(`/clients/${patientId}$`), { timeout: LOAD_TIMEOUT });
    await expect(page.getByRole('heading', { level: 1, name })).toBeVisible({
      timeout: LOAD_TIMEOUT,
    });
  });

  test('refuses a launch that names another FHIR server', async ({ page }) => {
    await page.goto('/launch?iss=https%3A%2F%2Fehr.example.com%2Ffhir&launch=abc');
    await expect(page.getByRole('alert')).toContainText('not configured for');
  });

  test('a callback that was not started in this tab is refused with a way back', async ({
    page,
  }) => {
    await page.goto('/callback?code=forged&state=forged');
    await expect(page.getByRole('alert')).toContainText('does not belong to a sign-in');
    await page.getByRole('link', { name: 'Back to sign-in' }).click();
    await expect(page).toHaveURL(/\/sign-in$/);
  });

  test('signing out clears every storage area and the data', async ({ page }) => {
    await signIn(page, 'Avery Lanternfield', '/caseload');
    await page.getByRole('button', { name: /^Account:/ }).click();
    await page.getByRole('menuitem', { name: 'Sign out' }).click();

    await expect(page).toHaveURL(/\/sign-in$/);
    await expect(page.getByRole('status')).toHaveText('You have signed out.');
    const stored = await browserStorage(page);
    expect(stored.session).toEqual([]);
    expect(stored.local.filter((key) => key !== 'waypoint.theme')).toEqual([]);
    expect(stored.indexedDb).toEqual([]);

    await page.goto('/caseload');
    await expect(page).toHaveURL(/\/sign-in\?returnTo=%2Fcaseload$/);
  });

  test('logs off after 15 idle minutes, warning a minute before', async ({ page }) => {
    await page.clock.install();
    await signIn(page, 'Avery Lanternfield', '/caseload');

    await page.clock.fastForward('13:30');
    await expect(page.getByRole('alertdialog')).toHaveCount(0);
    await page.clock.fastForward('00:31');
    const warning = page.getByRole('alertdialog', { name: 'Still there?' });
    await expect(warning).toBeVisible();
    await page.keyboard.press('Enter');
    await expect(warning).toBeHidden();

    // Staying restarted the 15 minutes: 14 more are not enough to be logged off.
    await page.clock.fastForward('14:30');
    await expect(warning).toBeVisible();
    await page.clock.fastForward('01:00');
    await expect(page).toHaveURL(/\/sign-in$/);
    await expect(page.getByRole('status')).toContainText('idle');
    expect((await browserStorage(page)).session).toEqual([]);
  });
});

test.describe('open mode (a FHIR server without security)', () => {
  test.use({ baseURL: `http://127.0.0.1:${openPort}` });

  test('offers a practitioner picker marked as development only', async ({ page }) => {
    await page.route('**/config.json', async (route) => {
      const config = await (await route.fetch()).json();
      await route.fulfill({ json: { ...config, auth: 'open' } });
    });
    await page.goto('/');
    await expect(page).toHaveURL(/\/sign-in/);
    await expect(page.getByRole('note')).toContainText('Development only');
    const picker = page.getByRole('list', { name: 'Sign in as' }).getByRole('button');
    await expect(picker).toHaveCount(11);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    await picker.filter({ hasText: 'Dana Riverstone' }).click();
    await expect(
      page.getByRole('button', { name: 'Account: Dana Riverstone, Program director' }),
    ).toBeVisible();
    await expect(page).toHaveURL(/\/caseload$/);
    expect((await browserStorage(page)).sessionText).not.toContain('accessToken');
  });
});
