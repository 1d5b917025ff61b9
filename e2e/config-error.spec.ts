import { expect, seriousAccessibilityViolations, test } from './fixtures';

const validConfig = {
  fhirBaseUrl: '/fhir',
  auth: 'smart',
  clientId: 'waypoint',
  scopes: 'openid fhirUser online_access user/*.rs',
  programTimeZone: 'America/Chicago',
};

test.describe('runtime configuration errors', () => {
  test('names the file and each wrong field instead of showing a blank page', async ({ page }) => {
    await page.route('**/config.json', (route) =>
      route.fulfill({
        json: { ...validConfig, auth: 'password', programTimeZone: 'Atlantis/Capital' },
      }),
    );
    await page.goto('/caseload');
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('Waypoint cannot start');
    await expect(alert).toContainText('config.json');
    await expect(alert.getByRole('listitem')).toHaveText([
      'auth must be one of "smart", "open"',
      'programTimeZone "Atlantis/Capital" is not a known IANA time zone',
    ]);
    await expect(page.getByRole('navigation')).toHaveCount(0);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
  });

  test('explains a configuration file that is missing', async ({ page, consoleErrors }) => {
    await page.route('**/config.json', (route) =>
      route.fulfill({ status: 404, body: 'Not found' }),
    );
    await page.goto('/');
    await expect(page.getByRole('alert')).toContainText('the file could not be loaded (HTTP 404)');
    // The browser itself logs the failed request; that is expected here.
    consoleErrors.splice(
      0,
      consoleErrors.length,
      ...consoleErrors.filter((e) => !e.includes('404')),
    );
  });

  test('explains a configuration file that is not JSON', async ({ page }) => {
    await page.route('**/config.json', (route) =>
      route.fulfill({ contentType: 'application/json', body: '{ "fhirBaseUrl": "/fhir", ' }),
    );
    await page.goto('/');
    await expect(page.getByRole('alert')).toContainText('the file is not valid JSON');
  });

  test('starts normally with a different valid configuration', async ({ page }) => {
    await page.route('**/config.json', (route) =>
      route.fulfill({ json: { ...validConfig, programName: 'Harbour PHP & IOP' } }),
    );
    await page.goto('/outcomes');
    await expect(page).toHaveURL(/\/sign-in\?returnTo=%2Foutcomes$/);
    await expect(page.getByRole('main')).toContainText('Harbour PHP & IOP');
  });
});
