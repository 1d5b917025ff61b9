import { readFileSync } from 'node:fs';
import { openPort } from '../playwright.config';
import { LOAD_TIMEOUT, expect, seriousAccessibilityViolations, signIn, test } from './fixtures';

/** The same seeded data without security: the ground truth the caseload must match. */
async function activeEpisodesManagedBy(practitionerId: string): Promise<number> {
  const url = `http://127.0.0.1:${openPort}/fhir/EpisodeOfCare?care-manager=Practitioner/${practitionerId}&status=active&_summary=count`;
  const bundle = (await (await fetch(url)).json()) as { total: number };
  return bundle.total;
}

test.describe('therapist caseload', () => {
  test('shows only the therapist’s own clients, ordered by need, with reasons', async ({
    page,
  }) => {
    await signIn(page, 'Avery Lanternfield', '/caseload');
    const table = page.getByRole('table', { name: 'Clients in care' });
    await expect(table).toBeVisible({ timeout: LOAD_TIMEOUT });
    const expected = await activeEpisodesManagedBy('pr-therapist-1');
    expect(expected).toBeGreaterThan(0);
    await expect(table.getByRole('row')).toHaveCount(expected + 1);
    await expect(
      page.getByText(`${expected} ${expected === 1 ? 'client' : 'clients'} in care ·`).first(),
    ).toBeVisible();

    // Every flagged row says why, in text as well as on hover.
    const firstRow = table.getByRole('row').nth(1);
    const flags = firstRow.getByRole('list', { name: /^Flags for / });
    if ((await flags.getByRole('listitem').first().textContent())?.trim() !== 'none') {
      await expect(flags.getByRole('listitem').first()).toContainText(':');
    }
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
  });

  test('filters, sorts and searches through the URL, and back goes back', async ({ page }) => {
    await signIn(page, 'Dana Riverstone', '/caseload');
    const table = page.getByRole('table', { name: 'Clients in care' });
    // The director's caseload is the whole program: more to load than a therapist's.
    await expect(table).toBeVisible({ timeout: LOAD_TIMEOUT });
    const all = await table.getByRole('row').count();

    await page.getByRole('option', { name: 'Flagged' }).click();
    await expect(page).toHaveURL(/[?&]flag=flagged/);
    const flagged = await table.getByRole('row').count();
    expect(flagged).toBeLessThanOrEqual(all);

    await page.getByRole('button', { name: 'Client' }).click();
    await expect(page).toHaveURL(/sort=name/);
    const names = await table.locator('a.client-link').allTextContents();
    const safety = await table
      .getByRole('row')
      .filter({ has: page.locator('[data-kind="safety"]') })
      .count();
    const rest = names.slice(safety);
    expect(rest).toEqual([...rest].sort((a, b) => a.localeCompare(b)));

    await page.goBack();
    await expect(page).not.toHaveURL(/sort=name/);
    await page.goBack();
    await expect(page).not.toHaveURL(/flag=/);
    await expect(table.getByRole('row')).toHaveCount(all);

    const first = (await table.locator('a.client-link').first().textContent())!.trim();
    // The search filters as it is typed and reaches the URL once typing pauses.
    const search = page.getByRole('searchbox', { name: 'Search by name' });
    await search.fill(first.slice(0, 4));
    await expect(table.locator('a.client-link').filter({ hasText: first })).toBeVisible();
    await expect(page).toHaveURL(new RegExp(`q=${encodeURIComponent(first.slice(0, 4))}`));

    // A reload keeps it.
    await page.reload();
    await expect(search).toHaveValue(first.slice(0, 4));
    await expect(table.locator('a.client-link').filter({ hasText: first })).toBeVisible({
      timeout: LOAD_TIMEOUT,
    });
  });

  test('opens a client, and exports the view with the PHI notice', async ({ page }) => {
    await signIn(page, 'Avery Lanternfield', '/caseload');
    const link = page
      .getByRole('table', { name: 'Clients in care' })
      .locator('a.client-link')
      .first();
    const name = (await link.textContent())!.trim();

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export CSV' }).click();
    const csv = readFileSync((await (await download).path())!, 'utf8');
    expect(csv.split('\r\n')[0]).toContain('Contains protected health information');
    expect(csv).toContain(name);

    await link.click();
    await expect(page).toHaveURL(/\/clients\/[^/]+$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
  });
});
