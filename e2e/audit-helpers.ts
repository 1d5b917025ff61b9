import AxeBuilder from '@axe-core/playwright';
import { Page } from '@playwright/test';

/** Every WCAG 2.0, 2.1 and 2.2 level A and AA rule axe has. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

/** Every axe violation of any impact (not only serious and critical), summarised. */
export async function allAccessibilityViolations(page: Page): Promise<string[]> {
  await settleAnimations(page);
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  return results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
}

/**
 * Tabs through the page and reports every focused element that the sticky toolbar covers
 * (WCAG 2.4.11 Focus Not Obscured) or that has no visible box.
 */
export async function focusProblems(page: Page, presses: number): Promise<string[]> {
  const problems: string[] = [];
  for (let i = 0; i < presses; i++) {
    await page.keyboard.press('Tab');
    const problem = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return null;
      const name = `${el.tagName.toLowerCase()} "${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 40)}"`;
      const box = el.getBoundingClientRect();
      if (box.width === 0 && box.height === 0 && !el.classList.contains('cdk-visually-hidden'))
        return `${name} has no visible box`;
      const bar = document.querySelector(
        'mat-toolbar, .toolbar, header[role="banner"], [role="banner"]',
      );
      if (!bar || bar.contains(el)) return null;
      const barBox = bar.getBoundingClientRect();
      const underBar = box.top < barBox.bottom && box.bottom <= barBox.bottom + 1;
      if (!underBar) return null;
      // Under the bar's box is not yet hidden: a skip link is drawn over the toolbar on purpose.
      // Hidden means the toolbar is what the eye sees at the element's centre (WCAG 2.4.11).
      const top = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
      const hidden = !top || (bar.contains(top) && !el.contains(top));
      return hidden ? `${name} is hidden under the toolbar` : null;
    });
    if (problem) problems.push(problem);
  }
  return [...new Set(problems)];
}

/**
 * Waits for the page's finite CSS transitions and animations (a form error fading in, a dialog
 * opening) to end: axe reads colours as they are at that instant, and text halfway through a
 * fade-in fails colour contrast on a busy machine. Spinners and progress bars run forever and
 * are not waited for; nothing is waited for longer than two seconds.
 */
export async function settleAnimations(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const finite = document
      .getAnimations()
      .filter((a) => a.effect?.getComputedTiming().endTime !== Infinity);
    const ended = Promise.all(finite.map((a) => a.finished.catch(() => undefined)));
    await Promise.race([ended, new Promise((r) => setTimeout(r, 2000))]);
  });
}
