import { Browser, Locator, Page } from '@playwright/test';
import { openPort } from '../playwright.config';
import { LOAD_TIMEOUT, expect, seriousAccessibilityViolations, signIn, test } from './fixtures';

interface Bundle<T> {
  readonly entry?: readonly { readonly resource: T }[];
}
interface Episode {
  readonly resourceType: 'EpisodeOfCare';
  readonly id: string;
  readonly meta: { readonly versionId: string };
  readonly status: string;
  readonly type: readonly { readonly coding: readonly { system: string; code: string }[] }[];
  readonly patient: { readonly reference: string };
  readonly careManager?: { readonly reference: string };
}
interface Patient {
  readonly id: string;
  readonly name: readonly { readonly given: readonly string[]; readonly family: string }[];
}
interface CareTeam {
  readonly subject: { readonly reference: string };
}
interface Practitioner {
  readonly id: string;
  readonly name: readonly { readonly given: readonly string[]; readonly family: string }[];
}

/** The same seed without security: which clients exist, independently of the app. */
const OPEN = `http://127.0.0.1:${openPort}/fhir`;
const AVERY = 'pr-therapist-1';
const TIME_ZONE = 'America/Chicago';
const RANK: Record<string, number> = {
  inpatient: 6,
  residential: 5,
  php: 4,
  iop: 3,
  outpatient: 2,
  aftercare: 1,
};
const LABEL: Record<string, string> = {
  inpatient: 'Inpatient',
  residential: 'Residential',
  php: 'Partial hospitalization',
  iop: 'Intensive outpatient',
  outpatient: 'Outpatient (weekly)',
  aftercare: 'Aftercare',
};
const SHORT: Record<string, string> = {
  inpatient: 'Inpatient',
  residential: 'Residential',
  php: 'PHP',
  iop: 'IOP',
  outpatient: 'Outpatient',
  aftercare: 'Aftercare',
};
const MONTHS = 'Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec'.split(' ');

async function search<T>(query: string): Promise<T[]> {
  const bundle = (await (await fetch(`${OPEN}/${query}`)).json()) as Bundle<T>;
  return (bundle.entry ?? []).map((e) => e.resource);
}

const levelOf = (e: Episode) =>
  e.type[0].coding.find((c) => c.system.endsWith('/level-of-care'))!.code;
const nameOf = (p: Patient | Practitioner) => `${p.name[0].given.join(' ')} ${p.name[0].family}`;

/** A day in the program's time zone, `days` from today, as the date input and as the UI writes it. */
function dayFromToday(days: number): { iso: string; shown: string } {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE }).format(new Date());
  const date = new Date(`${today}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  const iso = date.toISOString().slice(0, 10);
  return {
    iso,
    shown: `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`,
  };
}

interface Client {
  readonly patientId: string;
  readonly episode: Episode;
  readonly name: string;
  readonly level: string;
  /** The nearest move the dialog offers first: a step-down where there is a lower level. */
  readonly move: { readonly verb: 'Step-down' | 'Step-up'; readonly target: string };
}

/** A client in care, with the move the plan dialog offers first from their level. */
async function clientOf(episode: Episode): Promise<Client> {
  const patientId = episode.patient.reference.replace('Patient/', '');
  const [patient] = await search<Patient>(`Patient?_id=${patientId}`);
  const level = levelOf(episode);
  const lower = Object.keys(RANK)
    .filter((l) => RANK[l] < RANK[level])
    .sort((a, b) => RANK[b] - RANK[a]);
  const higher = Object.keys(RANK)
    .filter((l) => RANK[l] > RANK[level])
    .sort((a, b) => RANK[a] - RANK[b]);
  return {
    patientId,
    episode,
    name: nameOf(patient),
    level,
    move: lower.length
      ? { verb: 'Step-down', target: lower[0] }
      : { verb: 'Step-up', target: higher[0] },
  };
}

/**
 * Avery's clients in care (her caseload), last patient id first, so tests that write take
 * distinct clients, and ones the other suites pick first are left alone.
 */
async function averysClients(): Promise<Client[]> {
  const episodes = await search<Episode>(
    `EpisodeOfCare?care-manager=Practitioner/${AVERY}&status=active&_count=1000`,
  );
  const clients = await Promise.all(episodes.map(clientOf));
  return clients.sort((a, b) => b.patientId.localeCompare(a.patientId));
}

/**
 * A therapist with a client in care at IOP or PHP, where a step-down is a real choice (Avery's
 * clients in the e2e seed are all in aftercare): read from the open-mode server, the client with
 * the last patient id whose care team includes their care manager (only then may they plan).
 * Avery is left out, so this test and her tests never write to the same client.
 */
async function therapistWithStepDownCandidate(): Promise<{ therapist: string; client: Client }> {
  const episodes = (await search<Episode>('EpisodeOfCare?status=active&_count=1000'))
    .filter((e) => ['iop', 'php'].includes(levelOf(e)) && e.careManager)
    .filter((e) => e.careManager!.reference !== `Practitioner/${AVERY}`)
    .sort((a, b) => b.patient.reference.localeCompare(a.patient.reference));
  for (const episode of episodes) {
    const manager = episode.careManager!.reference;
    const teams = await search<CareTeam>(
      `CareTeam?participant=${manager}&subject=${episode.patient.reference}&status=active`,
    );
    if (teams.length === 0) continue;
    const [practitioner] = await search<Practitioner>(
      `Practitioner?_id=${manager.replace('Practitioner/', '')}`,
    );
    return { therapist: nameOf(practitioner), client: await clientOf(episode) };
  }
  throw new Error(
    'the e2e seed has no client in care at IOP or PHP on their therapist’s care team',
  );
}

function board(page: Page): Locator {
  return page.getByRole('region', { name: 'Clients by level of care' });
}

function card(page: Page, name: string): Locator {
  return board(page)
    .getByRole('article')
    .filter({ has: page.getByRole('heading', { name, exact: true }) });
}

async function openPlan(page: Page, client: Client): Promise<Locator> {
  await expect(card(page, client.name)).toBeVisible({ timeout: LOAD_TIMEOUT });
  await card(page, client.name).getByRole('button', { name: 'Plan transition' }).click();
  const dialog = page.getByRole('dialog', { name: `Plan a transition for ${client.name}` });
  await expect(dialog).toBeVisible();
  return dialog;
}

async function fillPlan(
  page: Page,
  dialog: Locator,
  client: Client,
  date: string,
  reason: string,
): Promise<void> {
  await dialog.getByRole('combobox', { name: 'Transition' }).click();
  await page
    .getByRole('option', { name: `${client.move.verb} to ${LABEL[client.move.target]}` })
    .click();
  await dialog.getByLabel('Planned date').fill(date);
  await dialog.getByRole('combobox', { name: 'Reason' }).fill(reason);
  // Tab closes the reason suggestions, which would otherwise cover the rest of the form.
  await page.keyboard.press('Tab');
  await dialog.getByLabel('Note (optional)').fill('Written by the e2e suite');
}

async function signedInPage(browser: Browser, path: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, 'Avery Lanternfield', path);
  return page;
}

test.describe('planning a transition', () => {
  test('a therapist plans a step-down from IOP or PHP and sees it on the board and in the journey', async ({
    page,
  }) => {
    const { therapist, client } = await therapistWithStepDownCandidate();
    expect(client.move.verb).toBe('Step-down');
    const date = dayFromToday(14);
    const target = SHORT[client.move.target];
    const planned = `Step-down to ${target}`;

    await signIn(page, therapist, '/step-down');
    const dialog = await openPlan(page, client);
    // The form starts on the level, and explains what it needs before anything is sent.
    await expect(dialog.getByRole('combobox', { name: 'Transition' })).toBeFocused();
    await dialog.getByRole('button', { name: 'Save plan' }).click();
    await expect(
      dialog.getByText('Choose the level of care the client will move to.'),
    ).toBeVisible();
    await expect(dialog.getByText('Give the reason for the transition.')).toBeVisible();
    await expect(dialog.getByLabel('Planned date')).toHaveAttribute('min', dayFromToday(0).iso);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    await fillPlan(page, dialog, client, date.iso, 'Treatment goals met');
    await dialog.getByRole('button', { name: 'Save plan' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByText(`${planned} planned for ${date.shown}`)).toBeVisible();
    await expect(card(page, client.name)).toContainText(
      `Planned step-down to ${target} on ${date.shown}`,
      { timeout: LOAD_TIMEOUT },
    );
    await expect(card(page, client.name)).toContainText('Reason: Treatment goals met');

    // The journey shows the plan: in the chart's sentence, under the chart and in its table.
    await card(page, client.name)
      .getByRole('link', { name: `Journey for ${client.name}` })
      .click();
    await expect(page).toHaveURL(new RegExp(`[?&]journey=${client.patientId}(&|$)`));
    const journey = page.getByRole('region', { name: `Journey: ${client.name}` });
    await expect(journey.getByRole('heading', { level: 2 })).toBeFocused();
    await expect(journey.getByRole('img')).toHaveAttribute(
      'aria-label',
      new RegExp(`; planned step-down to ${target} on ${date.shown}\\.$`),
    );
    await expect(journey).toContainText(
      `Planned step-down to ${target} on ${date.shown} · Reason: Treatment goals met`,
    );
    await journey.getByRole('button', { name: 'Show table' }).click();
    const row = journey
      .getByRole('table', { name: 'Stays by level of care, oldest first' })
      .getByRole('row', { name: `${target} (planned)` });
    await expect(row).toContainText(`${date.shown}`);
    await expect(row).toContainText(`Planned step-down to ${target}`);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    await journey.getByRole('link', { name: 'Open progress page' }).click();
    await expect(page).toHaveURL(new RegExp(`/clients/${client.patientId}$`));
    await expect(page.getByText(`Planned step-down to ${target}`).first()).toBeVisible({
      timeout: LOAD_TIMEOUT,
    });
  });

  test.describe('two people planning the same client', () => {
    // The second save is refused with 412 on purpose; the browser logs the failed request.
    test.use({ expectedConsoleErrors: [/status of 412/] });

    test('the second save gets the conflict, naming who changed it, and nothing is overwritten', async ({
      page,
      browser,
    }) => {
      const clients = await averysClients();
      expect(clients.length).toBeGreaterThanOrEqual(2);
      const client = clients[1];
      const first = dayFromToday(21);
      const second = dayFromToday(28);
      const verb = client.move.verb.toLowerCase();
      const target = SHORT[client.move.target];

      const other = await signedInPage(browser, '/step-down');
      await signIn(page, 'Avery Lanternfield', '/step-down');
      const theirs = await openPlan(other, client);
      const mine = await openPlan(page, client);

      await fillPlan(other, theirs, client, first.iso, 'Treatment goals met');
      await theirs.getByRole('button', { name: 'Save plan' }).click();
      await expect(theirs).toBeHidden();
      await expect(other.getByText(`planned for ${first.shown}`)).toBeVisible();

      await fillPlan(page, mine, client, second.iso, 'Client prefers less intensive care');
      await mine.getByRole('button', { name: 'Save plan' }).click();
      const conflict = page.getByRole('alertdialog', { name: 'Someone else changed this episode' });
      await expect(conflict).toBeVisible();
      await expect(mine).toBeHidden();
      await expect(conflict).toContainText(
        /Changed by Avery Lanternfield on \d{1,2} \w{3} \d{4} at \d{2}:\d{2}\./,
      );
      await expect(conflict).toContainText('Your plan was not saved, and nothing was overwritten.');
      await expect(conflict.getByRole('row', { name: /Planned transition/ })).toContainText(
        `${client.move.verb} to ${target} on ${first.shown}`,
      );
      expect(await seriousAccessibilityViolations(page)).toEqual([]);

      // Planning again starts from their plan, against the version now shown.
      await conflict.getByRole('button', { name: 'Review and plan again' }).click();
      const again = page.getByRole('dialog', { name: `Plan a transition for ${client.name}` });
      await expect(again).toContainText(
        `This replaces the plan already recorded: ${client.move.verb} to ${target} on ${first.shown}.`,
      );
      await expect(again.getByRole('combobox', { name: 'Reason' })).toHaveValue(
        'Treatment goals met',
      );
      await again.getByLabel('Planned date').fill(second.iso);
      await again.getByRole('button', { name: 'Save plan' }).click();
      await expect(again).toBeHidden();
      await expect(page.getByText(`planned for ${second.shown}`)).toBeVisible();
      await expect(card(page, client.name)).toContainText(
        `Planned ${verb} to ${target} on ${second.shown}`,
        { timeout: LOAD_TIMEOUT },
      );
      await other.context().close();
    });
  });

  test('a therapist cannot plan for another therapist\u2019s client', async ({ page }) => {
    const teams = await search<CareTeam>(
      `CareTeam?participant=Practitioner/${AVERY}&status=active&_count=1000`,
    );
    const hers = new Set(teams.map((t) => t.subject.reference.replace('Patient/', '')));
    const episodes = await search<Episode>('EpisodeOfCare?status=active&_count=1000');
    const theirs = episodes
      .filter((e) => !hers.has(e.patient.reference.replace('Patient/', '')))
      .sort((a, b) => b.patient.reference.localeCompare(a.patient.reference))[0];
    expect(theirs).toBeDefined();
    const patientId = theirs.patient.reference.replace('Patient/', '');
    const [patient] = await search<Patient>(`Patient?_id=${patientId}`);

    await signIn(page, 'Avery Lanternfield', '/step-down');
    await expect(board(page).getByRole('article').first()).toBeVisible({ timeout: LOAD_TIMEOUT });
    await expect(card(page, nameOf(patient))).toHaveCount(0);
    await expect(
      page.getByRole('button', { name: `Plan transition for ${nameOf(patient)}` }),
    ).toHaveCount(0);

    // Straight to the server with her token, as the app would write it: refused, not merely hidden.
    const token = await page.evaluate(
      () =>
        (JSON.parse(sessionStorage.getItem('waypoint.session') ?? '{}') as { accessToken?: string })
          .accessToken,
    );
    expect(token).toBeTruthy();
    const uuid = 'urn:uuid:5b1e0c7a-2f3d-4e6a-9b8c-7d6e5f4a3b2c';
    const response = await fetch(`${new URL(page.url()).origin}/fhir`, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${token}`,
        'Content-Type': 'application/fhir+json',
        Accept: 'application/fhir+json',
      },
      body: JSON.stringify({
        resourceType: 'Bundle',
        type: 'transaction',
        entry: [
          {
            resource: theirs,
            request: {
              method: 'PUT',
              url: `EpisodeOfCare/${theirs.id}`,
              ifMatch: `W/"${theirs.meta.versionId}"`,
            },
          },
          {
            fullUrl: uuid,
            resource: {
              resourceType: 'EpisodeOfCare',
              status: 'planned',
              type: theirs.type,
              patient: theirs.patient,
              period: { start: dayFromToday(7).iso },
            },
            request: { method: 'POST', url: 'EpisodeOfCare' },
          },
        ],
      }),
    });
    expect(response.status).toBe(403);
    expect(((await response.json()) as { resourceType: string }).resourceType).toBe(
      'OperationOutcome',
    );
  });
});
