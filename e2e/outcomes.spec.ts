import { readFile } from 'node:fs/promises';
import { openPort } from '../playwright.config';
import { LOAD_TIMEOUT, expect, seriousAccessibilityViolations, signIn, test } from './fixtures';
import {
  admissions,
  completion,
  programDays,
  pseudonymOf,
  seedEpisodes,
  seedPatientNames,
} from './outcomes-oracle';

/** The NDJSON the e2e server was seeded from (both servers load the same seed). */
const SEED = `data/e2e-${openPort - 1}-ndjson`;
const ZONE = 'America/Chicago';

test.describe('program outcomes (director)', () => {
  test('tiles match an independent reading of the seed, and a tile lists its episodes', async ({
    page,
  }) => {
    const episodes = seedEpisodes(SEED);
    const names = seedPatientNames(SEED);
    const { today, from } = programDays(ZONE, 364);
    const expectedAdmissions = admissions(episodes, from, today);
    const iop = completion(episodes, 'iop', from, today);
    expect(iop.n, 'the seed has IOP discharges in the last year').toBeGreaterThan(3);

    await signIn(page, 'Dana Riverstone', '/outcomes?period=last-365');
    const glance = page.getByRole('region', { name: 'The period at a glance' });
    const tile = (name: string) =>
      glance
        .getByRole('listitem')
        .filter({ has: page.getByRole('heading', { name, exact: true }) });
    await expect(tile('Admissions')).toBeVisible({ timeout: LOAD_TIMEOUT });

    await expect(tile('Admissions').locator('.value')).toHaveText(String(expectedAdmissions));
    const completionTile = tile('Completion (IOP)');
    await expect(completionTile.locator('.value')).toHaveText(
      `${Math.round((100 * iop.completed) / iop.n)} %`,
    );
    await expect(completionTile).toContainText(`n = ${iop.n}`);

    await completionTile.getByRole('button', { name: `Show the ${iop.n} episodes` }).click();
    const list = page.getByRole('region', { name: 'Completion (IOP)' });
    await expect(list.getByRole('heading', { name: 'Completion (IOP)' })).toBeFocused();
    await expect(page).toHaveURL(/list=completion/);
    const rows = list.getByRole('table').locator('tbody tr');
    await expect(rows).toHaveCount(iop.n);
    const shown = (await list.locator('tbody th').allTextContents()).map((t) => t.trim()).sort();
    expect(shown).toEqual(iop.patients.map(pseudonymOf).sort());
    await expect(list.getByText('Completed', { exact: true })).toHaveCount(iop.completed);

    // Names only after the deliberate switch.
    const someone = names.get(iop.patients[0])!;
    await expect(page.getByText(someone)).toHaveCount(0);
    await list.getByRole('switch', { name: 'Show names' }).click();
    await expect(list.getByText(someone).first()).toBeVisible();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    // The list is part of the address: Back closes it, a reload brings names back hidden.
    await page.goBack();
    await expect(list).toBeHidden();
    await page.goForward();
    await expect(page.getByRole('region', { name: 'Completion (IOP)' })).toBeVisible();
    await expect(page.getByText(someone)).toHaveCount(0);
  });

  test('filters live in the URL, and a breakdown exports with its notices', async ({ page }) => {
    await signIn(page, 'Dana Riverstone', '/outcomes?level=php&by=therapist');
    const glance = page.getByRole('region', { name: 'The period at a glance' });
    await expect(glance).toBeVisible({ timeout: LOAD_TIMEOUT });
    await expect(page.getByRole('combobox', { name: 'Level' })).toContainText('PHP');
    await expect(glance.getByRole('heading', { name: 'Completion (PHP)' })).toBeVisible();

    const breakdown = page.getByRole('region', { name: 'Who is it working for?' });
    await expect(breakdown.getByRole('table')).toContainText('Outcomes by therapist');

    await page.getByRole('combobox', { name: 'Measure' }).click();
    await page.getByRole('option', { name: 'GAD-7' }).click();
    await expect(page).toHaveURL(/measure=gad-7/);
    await expect(glance.getByRole('heading', { name: 'Response (GAD-7)' })).toBeVisible();
    await page.reload();
    await expect(page.getByRole('heading', { name: 'Response (GAD-7)' })).toBeVisible({
      timeout: LOAD_TIMEOUT,
    });

    const download = page.waitForEvent('download');
    await breakdown.getByRole('button', { name: 'Export CSV' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^outcomes-by-therapist-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = await readFile((await file.path())!, 'utf8');
    expect(csv).toContain('protected health information');
    expect(csv).toContain('Therapist,Episodes,Fewer than 10');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
  });
});
