import { Page } from '@playwright/test';
import { LOAD_TIMEOUT, expect, signIn, test } from './fixtures';
import { allAccessibilityViolations, focusProblems } from './audit-helpers';

/**
 * The accessibility audit: every route and dialog against every WCAG 2.0–2.2 A/AA rule axe has
 * (any impact, not only serious), in light and dark, plus what axe cannot see: focus never under
 * the toolbar along a keyboard walk, and status changes in a live region.
 */
async function audit(page: Page, where: string): Promise<void> {
  expect(await allAccessibilityViolations(page), where).toEqual([]);
}

test.describe('accessibility audit', () => {
  // Whole-program pages and axe over them, on a shared two-core machine.
  test.describe.configure({ timeout: 180_000 });
  test('sign-in, callback error and not-found', async ({ page }) => {
    await page.goto('/sign-in');
    await expect(page.getByRole('button', { name: 'Sign in', exact: true })).toBeVisible();
    await audit(page, 'sign-in');
    await page.goto('/callback?code=x&state=y');
    await expect(page.getByRole('alert')).toBeVisible();
    await audit(page, 'callback error');
    await signIn(page, 'Avery Lanternfield', '/nowhere');
    await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
    await audit(page, 'not found');
  });

  test('a therapist’s caseload, menu, client page, board, journey and plan dialog', async ({
    page,
  }) => {
    await signIn(page, 'Avery Lanternfield', '/caseload');
    await expect(page.getByRole('region', { name: 'Caseload data' })).toContainText(
      'clients in care',
      { timeout: LOAD_TIMEOUT },
    );
    await audit(page, 'caseload');

    await page.getByRole('button', { name: /^Account:/ }).click();
    await expect(page.getByRole('menu')).toBeVisible();
    await audit(page, 'user menu');
    await page.keyboard.press('Escape');

    await page.getByRole('table').getByRole('link').first().click();
    await expect(page.getByRole('heading', { level: 1 })).not.toHaveText('Caseload', {
      timeout: LOAD_TIMEOUT,
    });
    await expect(page.getByRole('img').first()).toBeVisible({ timeout: LOAD_TIMEOUT });
    await audit(page, 'client progress');
    await page.getByRole('button', { name: 'Show table' }).first().click();
    await audit(page, 'client progress, table');

    await page.goto('/step-down');
    await expect(page.getByRole('link', { name: /^Journey for/ }).first()).toBeVisible({
      timeout: LOAD_TIMEOUT,
    });
    await audit(page, 'step-down board');
    await page
      .getByRole('link', { name: /^Journey for/ })
      .first()
      .click();
    await expect(page.getByRole('button', { name: 'Close journey' })).toBeVisible();
    await audit(page, 'journey');
    await page.getByRole('button', { name: /^Plan transition/ }).first().click();
    const dialog = page.getByRole('dialog');
    await expect(dialog).toBeVisible();
    await audit(page, 'plan transition dialog');
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();

    await page.goto('/outcomes');
    await expect(page.getByText('for program directors')).toBeVisible();
    await audit(page, 'outcomes, not a director');
  });

  test('a director’s flows, outcomes and drill-down, light and dark', async ({ page }) => {
    await signIn(page, 'Dana Riverstone', '/outcomes?period=last-365');
    const glance = page.getByRole('region', { name: 'The period at a glance' });
    await expect(glance).toBeVisible({ timeout: LOAD_TIMEOUT });
    await audit(page, 'outcomes');
    await glance
      .getByRole('button', { name: /^Show the \d+ episodes$/ })
      .nth(4)
      .click();
    await page.getByRole('switch', { name: 'Show names' }).click();
    await audit(page, 'outcomes drill-down with names');

    await page.getByRole('button', { name: 'Switch to dark theme' }).click();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await audit(page, 'outcomes, dark');

    await page.goto('/step-down?admittedFrom=2000-01-01');
    await expect(page.getByRole('region', { name: 'Flows and outcomes' })).toContainText(
      'clients admitted',
      { timeout: LOAD_TIMEOUT },
    );
    await audit(page, 'step-down flows, dark');
  });

  test('the idle warning dialog', async ({ page }) => {
    await page.clock.install();
    await signIn(page, 'Avery Lanternfield', '/caseload');
    await page.clock.fastForward('14:01');
    await expect(page.getByRole('alertdialog', { name: 'Still there?' })).toBeVisible();
    await audit(page, 'idle warning');
  });

  test('focus is never hidden under the toolbar along a keyboard walk', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 600 });
    await signIn(page, 'Dana Riverstone', '/caseload');
    await expect(page.getByRole('region', { name: 'Caseload data' })).toContainText(
      'clients in care',
      { timeout: LOAD_TIMEOUT },
    );
    expect(await focusProblems(page, 60), 'caseload').toEqual([]);
    await page.goto('/outcomes');
    await expect(page.getByRole('region', { name: 'The period at a glance' })).toBeVisible({
      timeout: LOAD_TIMEOUT,
    });
    expect(await focusProblems(page, 80), 'outcomes').toEqual([]);
  });

  test('the data status is announced from a live region that outlives each state', async ({
    page,
  }) => {
    await signIn(page, 'Avery Lanternfield', '/caseload');
    const live = page
      .getByRole('region', { name: 'Caseload data' })
      .locator('[role="status"][aria-live="polite"]');
    await expect(live).toHaveCount(1);
    await expect(live).toContainText('clients in care', { timeout: LOAD_TIMEOUT });
    const handle = await live.elementHandle();
    await page.getByRole('button', { name: 'Refresh' }).click();
    await expect(live).toContainText('clients in care', { timeout: LOAD_TIMEOUT });
    // The same element announced both states: a live region created with its text is not read.
    expect(await handle!.evaluate((el) => el.isConnected)).toBe(true);
  });
});
