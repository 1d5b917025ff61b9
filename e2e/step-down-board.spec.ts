import { Page } from '@playwright/test';
import { openPort } from '../playwright.config';
import { LOAD_TIMEOUT, expect, seriousAccessibilityViolations, signIn, test } from './fixtures';

interface Bundle<T> {
  readonly total?: number;
  readonly entry?: readonly { readonly resource: T }[];
}
interface Episode {
  readonly id: string;
  readonly type: readonly { readonly coding: readonly { system: string; code: string }[] }[];
  readonly patient: { readonly reference: string };
}

/** The same seeded data without security: the ground truth the board must match. */
const OPEN = `http://127.0.0.1:${openPort}/fhir`;
const SHORT: Record<string, string> = {
  inpatient: 'Inpatient',
  residential: 'Residential',
  php: 'PHP',
  iop: 'IOP',
  outpatient: 'Outpatient',
  aftercare: 'Aftercare',
};

async function fhir<T>(query: string): Promise<Bundle<T>> {
  return (await (await fetch(`${OPEN}/${query}`)).json()) as Bundle<T>;
}

const levelOf = (e: Episode) =>
  e.type[0].coding.find((c) => c.system.endsWith('/level-of-care'))!.code;

const clients = (n: number) => `${n} ${n === 1 ? 'client' : 'clients'}`;

function board(page: Page) {
  return page.getByRole('region', { name: 'Clients by level of care' });
}

test.describe('transition board', () => {
  test('shows a therapist each of her clients in care once, by level, linked to the client', async ({
    page,
  }) => {
    const query = 'EpisodeOfCare?care-manager=Practitioner/pr-therapist-1&status=active';
    const expected = (await fhir(`${query}&_summary=count`)).total!;
    expect(expected).toBeGreaterThan(0);
    const episodes = (await fhir<Episode>(`${query}&_count=1000`)).entry!.map((e) => e.resource);
    expect(episodes.length).toBe(expected);
    const byLevel = new Map<string, number>();
    for (const e of episodes) byLevel.set(levelOf(e), (byLevel.get(levelOf(e)) ?? 0) + 1);

    await signIn(page, 'Avery Lanternfield', '/step-down');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Step-down');
    const columns = board(page);
    await expect(columns).toBeVisible({ timeout: LOAD_TIMEOUT });
    await expect(columns.getByRole('article')).toHaveCount(expected);

    // One column per level the server has, most intensive first, each counted in its heading.
    const order = Object.keys(SHORT).filter((level) => byLevel.has(level));
    await expect(columns.getByRole('heading', { level: 3 })).toHaveText(
      order.map((level) => `${SHORT[level]} · ${clients(byLevel.get(level)!)}`),
    );
    for (const level of order) {
      const heading = `${SHORT[level]} · ${clients(byLevel.get(level)!)}`;
      await expect(columns.getByRole('region', { name: heading }).getByRole('article')).toHaveCount(
        byLevel.get(level)!,
      );
    }

    // Every card says where the client stands, in words.
    const statuses = await columns.locator('article .status').allTextContents();
    expect(statuses.length).toBe(expected);
    for (const s of statuses)
      expect(s.trim()).toMatch(
        /^(At risk of step-up|Ready to step down|Not ready to step down|Readiness not known yet)$/,
      );

    // She is on her clients' care teams and this server accepts EpisodeOfCare writes.
    await expect(page.getByText('The board is read-only')).toHaveCount(0);
    const plan = columns.getByRole('button', { name: /^Plan transition for / });
    expect(await plan.count()).toBeGreaterThan(0);
    expect(await plan.count()).toBeLessThanOrEqual(expected);

    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    const link = columns.getByRole('article').first().getByRole('heading').getByRole('link');
    const name = (await link.textContent())!.trim();
    const patient = episodes.map((e) => e.patient.reference.replace('Patient/', ''));
    await link.click();
    await expect(page).toHaveURL(/\/clients\/[^/]+$/);
    expect(patient).toContain(new URL(page.url()).pathname.split('/').pop()!);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
  });

  test('lets a director narrow the board to a program through the URL, read-only', async ({
    page,
  }) => {
    await signIn(page, 'Dana Riverstone', '/step-down');
    const columns = board(page);
    await expect(columns).toBeVisible({ timeout: LOAD_TIMEOUT });
    // The director may see every client: the board holds every active episode, once.
    const all = (await fhir('EpisodeOfCare?status=active&_summary=count')).total!;
    expect(all).toBeGreaterThan(0);
    await expect(columns.getByRole('article')).toHaveCount(all);
    // Directors are not on care teams: they see the board without the plan action.
    await expect(page.getByRole('button', { name: /^Plan transition/ })).toHaveCount(0);

    await page
      .getByRole('region', { name: 'Transition board (today)' })
      .getByRole('combobox', { name: 'Program', exact: true })
      .click();
    const option = page.getByRole('option').filter({ hasNotText: 'All programs' }).first();
    const programName = (await option.textContent())!.trim();
    await option.click();
    await expect(page).toHaveURL(/[?&]program=[^&]+/);
    const program = new URL(page.url()).searchParams.get('program')!;
    const expected = (
      await fhir(`EpisodeOfCare?organization=Organization/${program}&status=active&_summary=count`)
    ).total!;
    expect(expected).toBeGreaterThan(0);
    expect(expected).toBeLessThan(all);
    await expect(columns.getByRole('article')).toHaveCount(expected);
    await expect(page.getByRole('combobox', { name: 'Program', exact: true })).toContainText(
      programName,
    );

    // The scope is the URL's: a reload keeps it, and back returns to the whole board.
    await page.reload();
    await expect(board(page).getByRole('article')).toHaveCount(expected, {
      timeout: LOAD_TIMEOUT,
    });
    await page.goBack();
    await expect(page).not.toHaveURL(/program=/);
    await expect(board(page).getByRole('article')).toHaveCount(all, { timeout: LOAD_TIMEOUT });

    expect(await seriousAccessibilityViolations(page)).toEqual([]);
  });
});
