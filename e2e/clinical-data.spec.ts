import { Page, Request } from '@playwright/test';
import { LOAD_TIMEOUT, expect, seriousAccessibilityViolations, signIn, test } from './fixtures';

/** FHIR searches the page sends (GET [type]?… and POST [type]/_search), paging links included. */
function recordSearches(page: Page): string[] {
  const searches: string[] = [];
  page.on('request', (request: Request) => {
    const url = new URL(request.url());
    const match = /^\/fhir\/([A-Z][A-Za-z]+)(\/_search)?$/.exec(url.pathname);
    const isPage = url.pathname === '/fhir' && url.searchParams.has('_getpages');
    if (isPage) searches.push('(next page)');
    else if (
      match &&
      (match[2] || request.method() === 'GET') &&
      !/\/[^/]+\/[^/]+$/.test(url.pathname.slice(6))
    )
      searches.push(`${request.method()} ${match[1]}`);
  });
  return searches;
}

/** The Encounter searches the page sends, each as its URL and form body (a long OR list posts). */
function recordEncounterSearches(page: Page): string[] {
  const searches: string[] = [];
  page.on('request', (request: Request) => {
    const url = new URL(request.url());
    if (/^\/fhir\/Encounter(\/_search)?$/.test(url.pathname))
      searches.push(decodeURIComponent(`${url.search}&${request.postData() ?? ''}`));
  });
  return searches;
}

test.describe('clinical data reaches the store', () => {
  test('a therapist’s caseload loads in a fixed number of searches, and is reused between pages', async ({
    page,
  }) => {
    const searches = recordSearches(page);
    const encounters = recordEncounterSearches(page);
    await signIn(page, 'Avery Lanternfield', '/caseload');
    const status = page.getByRole('region', { name: 'Caseload data' });
    await expect(status).toContainText(/\d+ clients? in care · \d+ scores · \d+ sessions/, {
      timeout: LOAD_TIMEOUT,
    });
    const clients = Number(/(\d+) client/.exec((await status.textContent()) ?? '')![1]);
    expect(clients).toBeGreaterThan(0);

    // The caseload search, nine per-patient searches, staff, programs and the curves Library,
    // plus the signed-in user's own PractitionerRoles: a fixed set, whatever the caseload size.
    expect(searches.filter((s) => s.endsWith(' EpisodeOfCare'))).toHaveLength(2);
    expect(searches.filter((s) => s.endsWith(' PractitionerRole'))).toHaveLength(2);
    for (const type of [
      'Observation',
      'QuestionnaireResponse',
      'Appointment',
      'Encounter',
      'Flag',
      'CarePlan',
      'Condition',
      'CareTeam',
      'Organization',
      'Library',
    ]) {
      expect(searches.filter((s) => s.endsWith(` ${type}`)).length, type).toBe(1);
    }
    // Sessions from shortly before the earliest active episode, trimmed to what the rows read.
    expect(encounters).toHaveLength(1);
    expect(encounters[0]).toMatch(/date=ge\d{4}-\d{2}-\d{2}/);
    expect(encounters[0]).toContain('_elements=meta,status,');
    const count = searches.length;
    test.info().annotations.push({
      type: 'searches',
      description: `therapist: ${clients} clients, ${count} searches: ${searches.join(', ')}`,
    });

    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Step-down' })
      .click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Step-down');
    await expect(status).toContainText('clients in care');
    expect(searches.length, 'moving between pages uses the cache').toBe(count);

    await status.getByRole('button', { name: 'Refresh' }).click();
    await expect(status).toContainText('clients in care');
    await expect.poll(() => searches.length).toBeGreaterThan(count);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
  });

  test('the director’s program-wide caseload loads in the same number of searches', async ({
    page,
  }) => {
    const searches = recordSearches(page);
    await signIn(page, 'Dana Riverstone', '/caseload');
    const status = page.getByRole('region', { name: 'Caseload data' });
    await expect(status).toContainText(/\d+ clients in care/, { timeout: LOAD_TIMEOUT });
    const clients = Number(/(\d+) clients/.exec((await status.textContent()) ?? '')![1]);
    test.info().annotations.push({
      type: 'searches',
      description: `director: ${clients} clients, ${searches.length} searches: ${searches.join(', ')}`,
    });
    expect(clients).toBeGreaterThan(10);
    expect(searches.filter((s) => s.endsWith('Observation'))).toHaveLength(1);
  });

  test('a client’s page loads that client’s whole record once', async ({ page }) => {
    const searches = recordSearches(page);
    const encounters = recordEncounterSearches(page);
    await signIn(page, 'Avery Lanternfield', '/caseload');
    const table = page.getByRole('table', { name: 'Clients in care' });
    await expect(table).toBeVisible({ timeout: LOAD_TIMEOUT });
    const afterCaseload = searches.length;
    const link = table.getByRole('link').first();
    const name = (await link.textContent())!.trim();
    await link.click();
    await expect(page.getByRole('heading', { level: 1, name })).toBeVisible({
      timeout: LOAD_TIMEOUT,
    });
    const stays = page.getByRole('list', { name: 'Stays by level of care, oldest first' });
    await expect(stays).toBeVisible();
    const patientId = /\/clients\/([^/?]+)/.exec(page.url())![1];
    // The caseload read recent sessions only: the page reads the client's whole record.
    const own = searches.slice(afterCaseload);
    expect(own.filter((s) => s.endsWith(' Encounter'))).toHaveLength(1);
    expect(own).not.toContain('GET Organization');
    const whole = encounters[encounters.length - 1];
    expect(whole).toContain(`patient=Patient/${patientId}`);
    expect(whole).not.toContain('date=');

    // Back to the caseload and to the client again: both are fresh, nothing is fetched.
    const loaded = searches.length;
    await page.goBack();
    await expect(table).toBeVisible();
    await page.goForward();
    await expect(stays).toBeVisible();
    expect(searches.length, 'a client loaded minutes ago is not fetched again').toBe(loaded);

    // Opened from a link in a new page load: the client's own whole record, beside the
    // caseload's recent sessions (the data status bar shows the caseload on every page).
    const beforeReload = encounters.length;
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name })).toBeVisible({
      timeout: LOAD_TIMEOUT,
    });
    await expect(stays).toBeVisible();
    const direct = encounters.slice(beforeReload).filter((e) => !e.includes('date='));
    expect(direct).toHaveLength(1);
    expect(direct[0]).toContain(`patient=Patient/${patientId}`);
  });
});
