import { Page } from '@playwright/test';
import { LOAD_TIMEOUT, expect, signIn, test } from './fixtures';
import {
  FAULTS_ORIGIN,
  admissionsTile,
  board,
  clearFaults,
  dataStatus,
  expectCompleteCaseload,
  failedLoads,
  faultListing,
  mainNav,
  refreshData,
  setFaults,
} from './faults-helpers';

/**
 * The main flows (caseload, client page, step-down board, outcomes) against a server injecting
 * faults: each page says what is missing or retries, never shows partial numbers as complete,
 * recovers when the fault stops, and logs no uncaught error (the fixture fails a test on any
 * console error but the failed requests each test provokes). A therapist's caseload is small and
 * quick; the director's is large enough to page (over 1,000 appointments and sessions), so the
 * mid-paging faults and the outcomes page run as the director.
 *
 * The faults are global to the fault server, so these tests run one after another in one
 * worker (while the other worker runs other specs against the other servers).
 */
test.describe.configure({ mode: 'default' });
test.use({ baseURL: FAULTS_ORIGIN });

const DIRECTOR = 'Dana Riverstone';
const THERAPIST = 'Avery Lanternfield';

test.beforeEach(async ({ request }) => clearFaults(request));
test.afterEach(async ({ request }) => clearFaults(request));

test.describe('a slow or busy server (therapist)', () => {
  test.use({ expectedConsoleErrors: failedLoads([429]) });

  test('latency shows loading; a 429 is retried after Retry-After with a notice; a persistent one shows the error with Retry', async ({
    page,
    request,
  }) => {
    await signIn(page, THERAPIST, '/caseload');
    await expectCompleteCaseload(page);

    await setFaults(request, { kind: 'latency', ms: 400 });
    await refreshData(page);
    await expect(dataStatus(page).getByRole('status')).toHaveText('Loading your caseload…');
    await expectCompleteCaseload(page);
    await mainNav(page, 'Step-down').click();
    await openFirstCard(page);
    await expect(page.getByText('Partial data.')).toHaveCount(0);
    expect((await faultListing(request)).faults[0].hits).toBeGreaterThanOrEqual(11);

    await setFaults(request, {
      kind: '429',
      retryAfter: 2,
      match: { resourceType: 'Observation' },
      times: 1,
    });
    await refreshData(page);
    await expect(dataStatus(page).getByRole('status')).toContainText(
      /The FHIR server is busy and asked Waypoint to slow down\. Trying again in \d s…/,
    );
    await expectCompleteCaseload(page);
    await expect(dataStatus(page).getByRole('status')).not.toContainText('Trying again');
    expect((await faultListing(request)).faults[0].hits).toBe(1);

    // Refused on every try: after the retries, the error and Retry.
    await setFaults(request, { kind: '429', retryAfter: 1, match: { resourceType: 'Flag' } });
    await refreshData(page);
    await expect(dataStatus(page).getByRole('alert')).toHaveText(
      'Too many requests: slow down and retry later.',
      { timeout: LOAD_TIMEOUT },
    );
    // Three tries each for the caseload's Flag search and the open client's own record (the
    // caseload holds recent sessions only, so a client's page loads the client itself).
    // The two run side by side: the caseload's may fail first, so wait for the other's last try.
    await expect.poll(async () => (await faultListing(request)).faults[0].hits).toBe(6);
    await clearFaults(request);
    await refreshData(page, 'Retry');
    await expectCompleteCaseload(page);
  });
});

test.describe('server errors (therapist)', () => {
  test.use({ expectedConsoleErrors: failedLoads([500, 503]) });

  test('500 on the board, the caseload and a client page shows the error with Retry; 503s are retried with backoff', async ({
    page,
    request,
  }) => {
    // Failing from the first load: nothing to show but the error.
    await setFaults(request, { kind: '500', match: { resourceType: 'Observation' } });
    await signIn(page, THERAPIST, '/step-down');
    const failed = page.getByRole('alert').filter({ hasText: 'The board could not be loaded' });
    await expect(failed).toContainText('Internal server error.', { timeout: LOAD_TIMEOUT });
    await expect(dataStatus(page).getByRole('alert')).toHaveText('Internal server error.');
    await expect(board(page)).toHaveCount(0);
    await clearFaults(request);
    await failed.getByRole('button', { name: 'Retry' }).click();
    const client = await firstCard(page);
    await expectCompleteCaseload(page);

    // Failing on a refresh: the last load stays on screen and the bar says it failed.
    await mainNav(page, 'Caseload').click();
    const rows = page.getByRole('table', { name: 'Clients in care' }).getByRole('row');
    await expect(rows.nth(1)).toBeVisible();
    await setFaults(request, { kind: '500', match: { resourceType: 'Encounter' } });
    await refreshData(page);
    await expect(dataStatus(page).getByRole('alert')).toHaveText('Internal server error.', {
      timeout: LOAD_TIMEOUT,
    });
    await expect(dataStatus(page).getByRole('status')).not.toContainText('clients in care');
    await expect(rows.nth(1)).toBeVisible();
    await clearFaults(request);
    await refreshData(page, 'Retry');
    await expectCompleteCaseload(page);

    // A client page opened afresh: two 503s, then answers; the retries (1 s, 2 s) get it all.
    await setFaults(request, { kind: '503', match: { resourceType: 'Observation' }, times: 2 });
    await page.goto(client.path);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(client.name, {
      timeout: LOAD_TIMEOUT,
    });
    await expect(page.getByText('Partial data.')).toHaveCount(0);
    await expectCompleteCaseload(page);
    expect((await faultListing(request)).faults[0].hits).toBe(2);

    // ...and with a 500: the page says the record was not loaded, until Retry works.
    await setFaults(request, { kind: '500', match: { resourceType: 'CarePlan' } });
    await page.goto(client.path);
    const notLoaded = page.getByRole('alert').filter({ hasText: 'Client record not loaded' });
    await expect(notLoaded).toContainText('Internal server error.', { timeout: LOAD_TIMEOUT });
    await expect(page.getByRole('heading', { level: 1, name: client.name })).toHaveCount(0);
    await clearFaults(request);
    await notLoaded.getByRole('button', { name: 'Retry' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(client.name, {
      timeout: LOAD_TIMEOUT,
    });
    await expect(page.getByText('Partial data.')).toHaveCount(0);
  });
});

test.describe('a dropped connection and an expiring token (therapist)', () => {
  test.use({ expectedConsoleErrors: failedLoads([400, 401], true) });

  test('a drop shows the error with Retry; an expired token is renewed; a failed renewal ends the session clearly', async ({
    page,
    request,
  }) => {
    await signIn(page, THERAPIST, '/caseload');
    await expectCompleteCaseload(page);

    await setFaults(request, { kind: 'drop', match: { resourceType: 'Flag' } });
    await refreshData(page);
    await expect(dataStatus(page).getByRole('alert')).toHaveText(
      'The FHIR server could not be reached. Check the connection and try again.',
      { timeout: LOAD_TIMEOUT },
    );
    await clearFaults(request);
    await refreshData(page, 'Retry');
    await expectCompleteCaseload(page);

    // The token expires: the app renews it, retries, and the session carries on.
    await setFaults(request, { kind: 'expire-token' });
    await refreshData(page);
    await expectCompleteCaseload(page);
    await mainNav(page, 'Step-down').click();
    await openFirstCard(page);
    expect(await faultListing(request)).toEqual(
      expect.objectContaining({
        expiredTokens: 1,
        faults: [expect.objectContaining({ kind: 'expire-token', hits: 1 })],
      }),
    );

    // The renewal is refused too: the session ends with a plain sentence, and no data stays.
    await setFaults(request, { kind: 'expire-token', refresh: 'fail' });
    await refreshData(page);
    await expect(page).toHaveURL(/\/sign-in/, { timeout: LOAD_TIMEOUT });
    await expect(page.getByText('Your session expired. Sign in again to continue.')).toBeVisible();
    await expect(dataStatus(page)).toHaveCount(0);

    // Once the fault stops, signing in again works.
    await clearFaults(request);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page
      .getByRole('list', { name: 'Demo users' })
      .getByRole('button', { name: THERAPIST })
      .click();
    await expectCompleteCaseload(page);
  });
});

test.describe('a page failing in the middle of paging (director)', () => {
  test.use({ expectedConsoleErrors: failedLoads([500]) });

  test('marks the caseload, board and outcomes incomplete, names what is missing, and Refresh makes them whole', async ({
    page,
    request,
  }) => {
    test.slow();
    await signIn(page, DIRECTOR, '/caseload');
    await expectCompleteCaseload(page);

    // The director's caseload has over 1,000 appointments: page 2 of them fails.
    await setFaults(request, {
      kind: 'page-fail',
      page: 2,
      match: { resourceType: 'Appointment' },
      times: 1,
    });
    await refreshData(page);
    const status = dataStatus(page);
    await expect(status.getByRole('status')).toContainText(
      /^\s*Incomplete: \d+ clients in care · \d+ scores/,
      { timeout: LOAD_TIMEOUT },
    );
    await expect(status.getByRole('note')).toContainText(
      /Only 1000 of \d+ appointments were loaded: page 2 of the results failed \(the server answered HTTP 500\)\./,
    );

    // The board is built from the same caseload: the bar above it still says so.
    await mainNav(page, 'Step-down').click();
    await expect(board(page).getByRole('article').first()).toBeVisible();
    await expect(status.getByRole('status')).toContainText('Incomplete:');
    await expect(status.getByRole('note')).toContainText('appointments were loaded');

    // A client's page is not served from a partial caseload: it loads the client in full.
    await openFirstCard(page);
    await expect(page.getByText('Partial data.')).toHaveCount(0);

    // Outcomes (the caseload still partial above them): page 3 of the program's sessions fails.
    await setFaults(request, {
      kind: 'page-fail',
      page: 3,
      match: { resourceType: 'Encounter' },
      times: 1,
    });
    await mainNav(page, 'Outcomes').click();
    const note = page.getByRole('status').filter({ hasText: 'Partial data.' });
    await expect(note).toContainText(
      /Only 2000 of \d+ sessions were loaded: page 3 of the results failed \(the server answered HTTP 500\)\..*not complete\./s,
      { timeout: LOAD_TIMEOUT },
    );
    await expect(admissionsTile(page)).toBeVisible();
    await expect(status.getByRole('status')).toContainText('Incomplete:');

    // Both faults have stopped (times: 1): one Refresh makes every query whole again.
    await refreshData(page);
    await expect(note).toHaveCount(0, { timeout: LOAD_TIMEOUT });
    await expectCompleteCaseload(page);
    await expect(admissionsTile(page)).toBeVisible();
  });
});

test.describe('outcomes under faults (director)', () => {
  test.use({ expectedConsoleErrors: failedLoads([429], true) });

  test('a persistent 429 shows the error with Retry; a connection lost mid-paging is partial; both recover', async ({
    page,
    request,
  }) => {
    test.slow();
    await setFaults(request, { kind: '429', retryAfter: 1, match: { resourceType: 'Encounter' } });
    await signIn(page, DIRECTOR, '/outcomes');
    const alert = page
      .getByRole('alert')
      .filter({ hasText: 'Too many requests' })
      .filter({ has: page.getByRole('button', { name: 'Retry' }) });
    await expect(alert).toBeVisible({ timeout: LOAD_TIMEOUT });
    await expect(admissionsTile(page)).toHaveCount(0);
    await clearFaults(request);
    await alert.getByRole('button', { name: 'Retry' }).click();
    await expect(admissionsTile(page)).toBeVisible({ timeout: LOAD_TIMEOUT });
    await expect(page.getByText('Partial data.')).toHaveCount(0);

    // The connection drops on every later page of the program's appointments.
    await setFaults(request, {
      kind: 'drop',
      match: { resourceType: 'Appointment', pagesOnly: true },
    });
    await refreshData(page);
    const note = page.getByRole('status').filter({ hasText: 'Partial data.' });
    await expect(note).toContainText(
      /Only 1000 of \d+ appointments were loaded: page 2 of the results failed \(the connection was lost\)\./,
      { timeout: LOAD_TIMEOUT },
    );
    await expect(dataStatus(page).getByRole('status')).toContainText('Incomplete:');
    await clearFaults(request);
    await refreshData(page);
    await expect(note).toHaveCount(0, { timeout: LOAD_TIMEOUT });
    await expectCompleteCaseload(page);
    await expect(admissionsTile(page)).toBeVisible();
  });
});

/** The board's first card: its client's name and page. */
async function firstCard(page: Page): Promise<{ name: string; path: string }> {
  const link = board(page).getByRole('article').first().getByRole('heading').getByRole('link');
  await expect(link).toBeVisible({ timeout: LOAD_TIMEOUT });
  return {
    name: (await link.textContent())!.trim(),
    path: (await link.getAttribute('href'))!,
  };
}

/** Opens the client page of the board's first card; its heading names the client. */
async function openFirstCard(page: Page): Promise<void> {
  const { name } = await firstCard(page);
  await board(page).getByRole('article').first().getByRole('heading').getByRole('link').click();
  await expect(page).toHaveURL(/\/clients\/[^/]+$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(name, { timeout: LOAD_TIMEOUT });
}
