import { openPort } from '../playwright.config';
import { LOAD_TIMEOUT, expect, seriousAccessibilityViolations, signIn, test } from './fixtures';

interface Bundle<T> {
  readonly entry?: readonly { readonly resource: T }[];
}
interface Episode {
  readonly id: string;
  readonly status: string;
  readonly period: { readonly start: string; readonly end?: string };
  readonly type: readonly { readonly coding: readonly { system: string; code: string }[] }[];
  readonly patient: { readonly reference: string };
}
interface Observation {
  readonly effectiveDateTime: string;
  readonly valueInteger?: number;
  readonly code: { readonly coding: readonly { code: string }[] };
}

const OPEN = `http://127.0.0.1:${openPort}/fhir`;
const RANK: Record<string, number> = {
  inpatient: 6,
  residential: 5,
  php: 4,
  iop: 3,
  outpatient: 2,
  aftercare: 1,
};
const SHORT: Record<string, string> = {
  inpatient: 'Inpatient',
  residential: 'Residential',
  php: 'PHP',
  iop: 'IOP',
  outpatient: 'Outpatient',
  aftercare: 'Aftercare',
};

async function search<T>(query: string): Promise<T[]> {
  const bundle = (await (await fetch(`${OPEN}/${query}`)).json()) as Bundle<T>;
  return (bundle.entry ?? []).map((e) => e.resource);
}

const levelOf = (e: Episode) =>
  e.type[0].coding.find((c) => c.system.endsWith('/level-of-care'))!.code;

/**
 * From the open-mode server (the same seed, no security): a client in care whose journey has
 * both a step-down and a step-up, with their episodes in order.
 */
async function clientWithStepDownAndStepUp(): Promise<{ id: string; levels: string[] }> {
  const episodes = await search<Episode>('EpisodeOfCare?_count=1000');
  const byPatient = new Map<string, Episode[]>();
  for (const e of episodes) {
    const list = byPatient.get(e.patient.reference) ?? [];
    list.push(e);
    byPatient.set(e.patient.reference, list);
  }
  for (const [ref, list] of [...byPatient].sort(([a], [b]) => a.localeCompare(b))) {
    list.sort((a, b) => a.period.start.localeCompare(b.period.start));
    const levels = list.map(levelOf);
    const moves = levels.slice(1).map((l, i) => RANK[l] - RANK[levels[i]]);
    if (
      list.some((e) => e.status === 'active') &&
      moves.some((m) => m > 0) &&
      moves.some((m) => m < 0)
    )
      return { id: ref.replace('Patient/', ''), levels };
  }
  throw new Error('the e2e seed has no client in care with both a step-down and a step-up');
}

test.describe('client progress', () => {
  test('a client with a step-down and a step-up: phases, measures and the numbers behind them', async ({
    page,
  }) => {
    const client = await clientWithStepDownAndStepUp();
    const patient = (await (await fetch(`${OPEN}/Patient/${client.id}`)).json()) as {
      name: { given: string[]; family: string }[];
    };
    const name = `${patient.name[0].given.join(' ')} ${patient.name[0].family}`;

    // Opened from the director's caseload, as a director would.
    await signIn(page, 'Dana Riverstone', '/caseload');
    const table = page.getByRole('table', { name: 'Clients in care' });
    await expect(table).toBeVisible({ timeout: LOAD_TIMEOUT });
    await page.getByRole('searchbox', { name: 'Search by name' }).fill(name);
    await table.getByRole('link', { name }).click();
    await expect(page).toHaveURL(new RegExp(`/clients/${client.id}$`));
    await expect(page.getByRole('heading', { level: 1, name })).toBeVisible({
      timeout: LOAD_TIMEOUT,
    });

    // The journey lists every stay in order, with the step-up and step-down between them.
    const stays = page
      .getByRole('list', { name: 'Stays by level of care, oldest first' })
      .locator('li.stay');
    await expect(stays).toHaveCount(client.levels.length);
    for (const [i, level] of client.levels.entries())
      await expect(stays.nth(i)).toContainText(SHORT[level]);
    await expect(page.getByText(/Step-up to /).first()).toBeAttached();
    await expect(page.getByText(/Step-down to /).first()).toBeAttached();

    // The PHQ-9 chart is an image with a text summary, and its table shows the server's scores.
    const phqScores = (
      await search<Observation>(
        `Observation?patient=Patient/${client.id}&code=http://loinc.org|44261-6&_count=1000`,
      )
    )
      .map((o) => ({ day: o.effectiveDateTime.slice(0, 10), score: o.valueInteger! }))
      .sort((a, b) => a.day.localeCompare(b.day));
    expect(phqScores.length).toBeGreaterThan(1);
    const phq = page.getByRole('article', { name: /PHQ-9|Patient Health Questionnaire/ });
    await expect(phq.getByRole('img')).toHaveAttribute('aria-label', /^PHQ-9 /);
    await phq.getByRole('button', { name: /show table/i }).click();
    const rows = phq.getByRole('table').getByRole('row');
    await expect(rows).toHaveCount(phqScores.length + 1);
    const last = phqScores[phqScores.length - 1];
    await expect(rows.last()).toContainText(String(last.score));

    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    // Print preview: the report alone, without the app's toolbar or navigation.
    await page.emulateMedia({ media: 'print' });
    await expect(page.getByRole('button', { name: 'Print report' })).toBeHidden();
    await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();
    await expect(page.getByText('Contains protected health information')).toBeVisible();
    // Charts draw as they are scrolled to; for print, every one is drawn, seen or not.
    const charts = page.locator('app-chart-frame [role="img"]');
    expect(await charts.count()).toBeGreaterThan(3);
    await expect(charts.locator('canvas')).toHaveCount(await charts.count());
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.byteLength).toBeGreaterThan(20_000);
  });

  test('the time range narrows the charts and lives in the URL', async ({ page }) => {
    const client = await clientWithStepDownAndStepUp();
    await signIn(page, 'Dana Riverstone', `/clients/${client.id}`);
    const phq = page.getByRole('article', { name: /PHQ-9|Patient Health Questionnaire/ });
    await expect(phq).toBeVisible({ timeout: LOAD_TIMEOUT });
    await phq.getByRole('button', { name: /show table/i }).click();
    // The table renders in the next change detection after the click: count once it has rows.
    const rows = phq.getByRole('table').getByRole('row');
    await expect(rows.nth(1)).toBeVisible();
    const all = await rows.count();
    await page
      .getByRole('radio', { name: 'Last 8 weeks' })
      .or(page.getByRole('button', { name: 'Last 8 weeks' }))
      .click();
    await expect(page).toHaveURL(/range=last-8-weeks/);
    await expect.poll(async () => rows.count()).toBeLessThan(all);
  });

  test('the charts fill their boxes and follow them when the window or the grid resizes', async ({
    page,
  }) => {
    const client = await clientWithStepDownAndStepUp();
    await page.setViewportSize({ width: 1366, height: 4000 });
    await signIn(page, 'Dana Riverstone', `/clients/${client.id}`);
    const boxes = page.locator('app-chart-frame [role="img"]');
    await expect(boxes.first().locator('canvas')).toBeVisible({ timeout: LOAD_TIMEOUT });
    // Every drawn canvas, as drawn (its style) beside its box, as laid out; modality charts sit
    // in a grid, whose columns change with the width.
    const sizes = () =>
      boxes.evaluateAll((all) =>
        all.flatMap((box) => {
          const canvas = box.querySelector('canvas');
          if (!canvas) return [];
          const { width, height } = box.getBoundingClientRect();
          return [
            {
              box: [width, height],
              canvas: [parseFloat(canvas.style.width), parseFloat(canvas.style.height)],
            },
          ];
        }),
      );
    // Chart.js keeps a fractional box's size to a tenth of a pixel.
    const fit = (all: Awaited<ReturnType<typeof sizes>>) =>
      all.every(({ box, canvas }) => box.every((side, i) => Math.abs(side - canvas[i]) < 0.5));
    await expect.poll(async () => (await sizes()).length).toBeGreaterThan(3);
    await expect.poll(async () => fit(await sizes())).toBe(true);
    const wide = (await sizes())[0].canvas[0];

    await page.setViewportSize({ width: 700, height: 4000 });
    await expect.poll(async () => fit(await sizes())).toBe(true);
    expect((await sizes())[0].canvas[0]).toBeLessThan(wide);

    // Back to the first width: the sidenav slides back in, and the canvases follow its
    // animation, fitting at each step; so wait for the first width, then check every fit.
    await page.setViewportSize({ width: 1366, height: 4000 });
    await expect.poll(async () => (await sizes())[0].canvas[0]).toBeCloseTo(wide, 0);
    await expect.poll(async () => fit(await sizes())).toBe(true);
  });

  test.describe(() => {
    // The server answers 404 for a patient outside the user's care team; the browser logs it.
    test.use({ expectedConsoleErrors: [/Failed to load resource: .* 404 \(Not Found\)/] });

    test('a therapist opening a client outside their care team sees "not permitted" and no data', async ({
      page,
    }) => {
      // Every client in care; Avery's care teams are a subset of them.
      const episodes = await search<Episode>('EpisodeOfCare?status=active&_count=1000');
      const teams = await search<{
        participant?: { member?: { reference: string } }[];
        subject: { reference: string };
      }>('CareTeam?participant=Practitioner/pr-therapist-1&_count=1000');
      const mine = new Set(teams.map((t) => t.subject.reference));
      const other = episodes.find((e) => !mine.has(e.patient.reference))!;
      expect(other).toBeDefined();
      const id = other.patient.reference.replace('Patient/', '');

      await signIn(page, 'Avery Lanternfield', `/clients/${id}`);
      await expect(page.getByRole('heading', { name: 'Not permitted' })).toBeVisible({
        timeout: LOAD_TIMEOUT,
      });
      await expect(page.getByRole('article')).toHaveCount(0);
      expect(await seriousAccessibilityViolations(page)).toEqual([]);
    });
  });
});
