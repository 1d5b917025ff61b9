import { expect, seriousAccessibilityViolations, signIn, test } from './fixtures';

test.describe('app shell', () => {
  test('opens on the caseload and moves between the feature areas', async ({ page }) => {
    await signIn(page);
    await expect(page).toHaveURL(/\/caseload$/);
    await expect(page).toHaveTitle('Caseload · Waypoint');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Caseload');
    await expect(page.getByRole('banner')).toContainText('Riverside Behavioral Health (demo)');

    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('link', { name: 'Step-down' }).click();
    await expect(page).toHaveTitle('Step-down · Waypoint');
    await expect(nav.getByRole('link', { name: 'Step-down' })).toHaveAttribute(
      'aria-current',
      'page',
    );

    await nav.getByRole('link', { name: 'Caseload' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Caseload');

    await page.goBack();
    await expect(page).toHaveURL(/\/step-down$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Step-down');
  });

  test('keeps the program outcomes to directors: no link, and the address says why', async ({
    page,
  }) => {
    await signIn(page, 'Avery Lanternfield', '/caseload');
    const nav = page.getByRole('navigation', { name: 'Main' });
    await expect(nav.getByRole('link')).toHaveText(['Caseload', 'Step-down']);
    await page.goto('/outcomes');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Outcomes');
    await expect(page.getByRole('main')).toContainText('for program directors');
    await expect(page.getByRole('table')).toHaveCount(0);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
  });

  test('shows a not-found page for an unknown address', async ({ page }) => {
    await signIn(page, 'Avery Lanternfield', '/nowhere/at-all');
    await expect(page).toHaveTitle('Page not found · Waypoint');
    await expect(page.getByRole('main')).toContainText('/nowhere/at-all');
    await page.getByRole('link', { name: 'Go to your caseload' }).click();
    await expect(page).toHaveURL(/\/caseload$/);
  });

  test('switches to the dark theme and remembers it across a reload', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'light' });
    await signIn(page, 'Avery Lanternfield', '/caseload');
    const html = page.locator('html');
    await expect(html).toHaveAttribute('data-theme', 'light');
    const lightBackground = await page.evaluate(
      () => getComputedStyle(document.body).backgroundColor,
    );

    await page.getByRole('button', { name: 'Switch to dark theme' }).click();
    await expect(html).toHaveAttribute('data-theme', 'dark');
    const darkBackground = await page.evaluate(
      () => getComputedStyle(document.body).backgroundColor,
    );
    expect(darkBackground).not.toBe(lightBackground);

    await page.reload();
    await expect(html).toHaveAttribute('data-theme', 'dark');
    await expect(page.getByRole('button', { name: 'Switch to light theme' })).toBeVisible();
  });

  test('follows the operating system preference on a first visit', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await signIn(page, 'Avery Lanternfield', '/caseload');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  });

  test('collapses the navigation into a menu under 960 px', async ({ page }) => {
    await page.setViewportSize({ width: 800, height: 800 });
    await signIn(page, 'Avery Lanternfield', '/caseload');
    const menuButton = page.getByRole('button', { name: 'Open navigation menu' });
    const nav = page.getByRole('navigation', { name: 'Main' });
    await expect(nav).toBeHidden();
    await menuButton.click();
    await expect(menuButton).toHaveAttribute('aria-expanded', 'true');
    await nav.getByRole('link', { name: 'Step-down' }).click();
    await expect(page).toHaveURL(/\/step-down$/);
    await expect(nav).toBeHidden();
  });

  test('can be used from the keyboard: skip link, navigation and user menu', async ({ page }) => {
    await signIn(page, 'Avery Lanternfield', '/caseload');
    await page.reload();
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Skip to main content' });
    await expect(skip).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.locator('#main-content')).toBeFocused();

    await page.getByRole('link', { name: 'Step-down' }).focus();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/step-down$/);

    await page.getByRole('button', { name: /^Account:/ }).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('menu')).toContainText('Avery Lanternfield');
    await expect(page.getByRole('menu')).toContainText('Therapist');
    await page.keyboard.press('Escape');
    await expect(page.getByRole('menu')).toBeHidden();
  });

  for (const scheme of ['light', 'dark'] as const) {
    test(`has no serious or critical accessibility violations (${scheme})`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme });
      await signIn(page, 'Avery Lanternfield', '/caseload');
      await expect(page.locator('html')).toHaveAttribute('data-theme', scheme);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      expect(await seriousAccessibilityViolations(page)).toEqual([]);

      await page.goto('/nowhere');
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
      expect(await seriousAccessibilityViolations(page)).toEqual([]);
    });
  }

  test('has no serious or critical accessibility violations with the compact menu open', async ({
    page,
  }) => {
    await page.setViewportSize({ width: 800, height: 800 });
    await signIn(page, 'Avery Lanternfield', '/caseload');
    await page.getByRole('button', { name: 'Open navigation menu' }).click();
    await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
  });
});
