import { createHash } from 'node:crypto';
import { expect, seriousAccessibilityViolations, test } from './fixtures';

const verifier = 'e2e-verifier-0123456789-abcdefghijklmnopqrstuvwxyz-ABCDEFG';
const challenge = createHash('sha256').update(verifier).digest('base64url');

test.describe('demo SMART sign-in served beside the app', () => {
  test('lists the demo users, says it is a demo, and returns a code to the app', async ({
    page,
    baseURL,
  }) => {
    const authorize = new URL('/auth/authorize', baseURL);
    const params = {
      response_type: 'code',
      client_id: 'waypoint',
      redirect_uri: `${baseURL}/e2e-callback`,
      scope: 'openid fhirUser user/Patient.rs',
      state: 'e2e-state-0123456789',
      aud: `${baseURL}/fhir`,
      code_challenge: challenge,
      code_challenge_method: 'S256',
    };
    for (const [key, value] of Object.entries(params)) authorize.searchParams.set(key, value);
    await page.goto(authorize.toString());
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sign in to Waypoint');
    await expect(page.getByRole('note')).toContainText('synthetic');
    const users = page.getByRole('list', { name: 'Demo users' }).getByRole('button');
    await expect(users).toHaveCount(11);
    await expect(users.filter({ hasText: 'Program director' })).toHaveCount(1);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    // The redirect is caught before the app handles it, so the raw code and state can be read.
    await page.route('**/e2e-callback?**', (route) =>
      route.fulfill({ contentType: 'text/html', body: '<title>caught</title>' }),
    );
    await users.filter({ hasText: 'Avery Lanternfield' }).click();
    await expect(page).toHaveURL(/\/e2e-callback\?/);
    const landed = new URL(page.url());
    expect(landed.searchParams.get('state')).toBe('e2e-state-0123456789');
    expect(landed.searchParams.get('code')).toMatch(/^[\w-]{40,}$/);
  });

  test('answers FHIR requests without a token with 401 and an OperationOutcome', async ({
    request,
  }) => {
    const response = await request.get('/fhir/Patient');
    expect(response.status()).toBe(401);
    expect((await response.json()).resourceType).toBe('OperationOutcome');
  });
});
