import { Page } from '@playwright/test';
import { openPort } from '../playwright.config';
import { LOAD_TIMEOUT, expect, seriousAccessibilityViolations, signIn, test } from './fixtures';

interface Bundle<T> {
  readonly total?: number;
  readonly entry?: readonly { readonly resource: T }[];
}
interface Episode {
  readonly id: string;
  readonly status: string;
  readonly period: { readonly start: string; readonly end?: string };
  readonly type: readonly { readonly coding: readonly { system: string; code: string }[] }[];
  readonly patient: { readonly reference: string };
  readonly careManager?: { readonly reference: string };
}
interface Named {
  readonly name: readonly { readonly given: readonly string[]; readonly family: string }[];
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

const LABEL: Record<string, string> = {
  inpatient: 'Inpatient',
  residential: 'Residential',
  php: 'Partial hospitalization',
  iop: 'Intensive outpatient',
  outpatient: 'Outpatient (weekly)',
  aftercare: 'Aftercare',
};
const MONTHS = 'Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec'.split(' ');

/** `2026-08-27` as the app writes it: `27 Aug 2026`. */
const shown = (day: string) =>
  `${Number(day.slice(8, 10))} ${MONTHS[Number(day.slice(5, 7)) - 1]} ${day.slice(0, 4)}`;
const nameOf = (r: Named) => `${r.name[0].given.join(' ')} ${r.name[0].family}`;

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

  test('opens a client’s journey from a card: the lanes’ table matches the server, and links on', async ({
    page,
  }) => {
    // From the open-mode server: the client in care with the most stays, and their therapist.
    const all = (await fhir<Episode>('EpisodeOfCare?_count=1000')).entry!.map((e) => e.resource);
    const byPatient = new Map<string, Episode[]>();
    for (const e of all) {
      if (['cancelled', 'planned', 'waitlist'].includes(e.status)) continue;
      byPatient.set(e.patient.reference, [...(byPatient.get(e.patient.reference) ?? []), e]);
    }
    const [ref, stays] = [...byPatient]
      .filter(([, list]) => list.some((e) => e.status === 'active' && e.careManager))
      .sort(([a, x], [b, y]) => y.length - x.length || b.localeCompare(a))[0];
    stays.sort((a, b) => a.period.start.localeCompare(b.period.start));
    expect(stays.length).toBeGreaterThan(1);
    const patientId = ref.replace('Patient/', '');
    const name = nameOf((await fhir<Named>(`Patient?_id=${patientId}`)).entry![0].resource);
    const manager = stays.find((e) => e.status === 'active')!.careManager!.reference;
    const therapist = nameOf(
      (await fhir<Named>(`Practitioner?_id=${manager.replace('Practitioner/', '')}`)).entry![0]
        .resource,
    );

    await signIn(page, therapist, '/step-down');
    const card = board(page)
      .getByRole('article')
      .filter({ has: page.getByRole('heading', { name, exact: true }) });
    await expect(card).toBeVisible({ timeout: LOAD_TIMEOUT });
    // By keyboard: the link is in the tab order and named for the client.
    const link = card.getByRole('link', { name: `Journey for ${name}` });
    await link.focus();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(new RegExp(`[?&]journey=${patientId}(&|$)`));
    await expect(link).toHaveAttribute('aria-current', 'true');

    const journey = page.getByRole('region', { name: `Journey: ${name}` });
    await expect(journey.getByRole('heading', { level: 2 })).toBeFocused();
    await expect(journey.getByRole('img')).toHaveAttribute(
      'aria-label',
      new RegExp(`^${name}: ${stays.length} stays since ${shown(stays[0].period.start)} `),
    );
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    // The table behind the lanes: one row per stay, in order, as the server has them (a plan
    // another test may have added is its own row, marked planned).
    await journey.getByRole('button', { name: 'Show table' }).click();
    const rows = journey
      .getByRole('table', { name: 'Stays by level of care, oldest first' })
      .locator('tbody tr')
      .filter({ hasNotText: '(planned)' });
    await expect(rows).toHaveCount(stays.length);
    for (const [i, stay] of stays.entries()) {
      const cells = rows.nth(i).getByRole('cell');
      await expect(rows.nth(i).getByRole('rowheader')).toHaveText(LABEL[levelOf(stay)]);
      await expect(cells.nth(0)).toHaveText(shown(stay.period.start));
      await expect(cells.nth(1)).toHaveText(stay.period.end ? shown(stay.period.end) : 'ongoing');
    }
    const scores = journey.getByRole('table', { name: /scores, oldest first$/ });
    await expect(scores).toBeVisible();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    // Closing hands focus back to the card; Back would reopen it, as it lives in the URL.
    await journey.getByRole('button', { name: 'Close journey' }).click();
    await expect(page).not.toHaveURL(/journey=/);
    await expect(journey).toHaveCount(0);
    await expect(link).toBeFocused();
    await page.goBack();
    await expect(journey).toBeVisible();

    await journey.getByRole('link', { name: 'Open progress page' }).click();
    await expect(page).toHaveURL(new RegExp(`/clients/${patientId}$`));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(name, {
      timeout: LOAD_TIMEOUT,
    });
  });
});
