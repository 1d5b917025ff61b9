import AxeBuilder from '@axe-core/playwright';
import { Page, expect, test as base } from '@playwright/test';
import { settleAnimations } from './audit-helpers';

/** The page function through which each page reports its CSP violations to the test. */
const CSP_REPORTER = '__waypointCspViolation';

/**
 * Every e2e test fails on an uncaught page error or a console error, so a broken page cannot
 * pass by accident. A test that provokes a failed request on purpose (a 404 for a record the
 * user may not see) lists the browser's own "Failed to load resource" line it expects in
 * `expectedConsoleErrors`; anything else still fails it.
 *
 * Every test also fails on a Content-Security-Policy or Trusted Types violation: a script in
 * each page of the test's browser context reports every `securitypolicyviolation` event, so the
 * whole suite checks that the production policy (server/security-headers.ts) and the app agree.
 */
export const test = base.extend<{
  consoleErrors: string[];
  expectedConsoleErrors: RegExp[];
  cspViolations: string[];
}>({
  expectedConsoleErrors: [[], { option: true }],
  consoleErrors: [
    async ({ page, expectedConsoleErrors }, use) => {
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
      page.on('console', (message) => {
        if (message.type() !== 'error') return;
        const text = message.text();
        if (!expectedConsoleErrors.some((pattern) => pattern.test(text)))
          errors.push(`console: ${text}`);
      });
      await use(errors);
      expect(errors, 'errors logged by the page').toEqual([]);
    },
    { auto: true },
  ],
  cspViolations: [
    async ({ context }, use) => {
      const violations: string[] = [];
      await context.exposeBinding(CSP_REPORTER, ({ page }, violation: string) => {
        violations.push(`${page.url()}: ${violation}`);
      });
      await context.addInitScript((reporter: string) => {
        document.addEventListener(
          'securitypolicyviolation',
          (e) => {
            const report = (window as unknown as Record<string, (v: string) => void>)[reporter];
            report(
              `${e.disposition} ${e.effectiveDirective}: blocked ${e.blockedURI || '(inline)'}` +
                ` at ${e.sourceFile || '?'}:${e.lineNumber}:${e.columnNumber}` +
                (e.sample ? ` "${e.sample}"` : ''),
            );
          },
          true,
        );
      }, CSP_REPORTER);
      await use(violations);
      expect(violations, 'Content-Security-Policy violations').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/**
 * How long a page may take to load and map its data: a director's is the whole program, and CI
 * machines share two cores between the server, the browser and the test runner (at a load average
 * of 20, one run was still loading the director's caseload after 30 s). A generous wait costs nothing when
 * the page is quick; the bench, not these tests, measures speed.
 */
export const LOAD_TIMEOUT = 60_000;

/** Runs axe (WCAG 2.x A/AA) and returns the serious and critical violations, summarised. */
export async function seriousAccessibilityViolations(page: Page): Promise<string[]> {
  await settleAnimations(page);
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/**
 * Signs in through the app and the dev server's SMART flow as a demo user: the app's sign-in
 * button, the server's sign-in page, then back to `path` in the app.
 */
export async function signIn(page: Page, name = 'Avery Lanternfield', path = '/'): Promise<void> {
  await page.goto(path);
  await expect(page).toHaveURL(/\/sign-in\?returnTo=/, { timeout: LOAD_TIMEOUT });
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.getByRole('list', { name: 'Demo users' }).getByRole('button', { name }).click();
  // A director's first page maps the whole program while signing in, on a shared CI machine.
  await expect(page.getByRole('button', { name: new RegExp(`^Account: ${name}`) })).toBeVisible({
    timeout: LOAD_TIMEOUT,
  });
}
