import { openPort } from '../playwright.config';
import { LOAD_TIMEOUT, expect, seriousAccessibilityViolations, signIn, test } from './fixtures';

interface Episode {
  readonly status: string;
  readonly period: { readonly start: string };
  readonly type: readonly { readonly coding: readonly { system: string; code: string }[] }[];
  readonly patient: { readonly reference: string };
}

/**
 * The same seed without security, read independently of the app: every client's stays in
 * order of start, so the flow counts can be checked against it.
 */
async function staysByClient(): Promise<string[][]> {
  const bundle = (await (
    await fetch(`http://127.0.0.1:${openPort}/fhir/EpisodeOfCare?_count=1000`)
  ).json()) as { entry?: { resource: Episode }[] };
  const byPatient = new Map<string, Episode[]>();
  for (const { resource } of bundle.entry ?? []) {
    if (resource.status === 'cancelled') continue;
    const list = byPatient.get(resource.patient.reference) ?? [];
    list.push(resource);
    byPatient.set(resource.patient.reference, list);
  }
  return [...byPatient.values()].map((list) =>
    list
      .sort((a, b) => a.period.start.localeCompare(b.period.start))
      .map((e) => e.type[0].coding.find((c) => c.system.endsWith('/level-of-care'))!.code),
  );
}

test('the director sees how an admission cohort moved, matching the server', async ({ page }) => {
  const journeys = await staysByClient();
  const startedAt = (first: string) => journeys.filter((j) => j[0] === first).length;
  const phpThenIop = journeys.filter((j) => j[0] === 'php' && j[1] === 'iop').length;
  expect(journeys.length).toBeGreaterThan(10);

  // Every admission the seed holds: a period wide enough to take them all.
  await signIn(page, 'Dana Riverstone', '/step-down?admittedFrom=2000-01-01');
  const flows = page.getByRole('region', { name: 'Flows and outcomes' });
  await expect(flows.getByText(`${journeys.length} clients admitted`)).toBeVisible({
    timeout: LOAD_TIMEOUT,
  });

  const chart = flows.getByRole('img', { name: /clients admitted/ });
  await expect(chart).toBeVisible();
  await flows
    .getByRole('button', { name: /show table/i })
    .first()
    .click();
  const table = flows.getByRole('table').first();
  const row = (from: string, to: string) =>
    table.getByRole('row').filter({ hasText: from }).filter({ hasText: to });
  if (phpThenIop > 0)
    await expect(row('Stay 1: PHP', 'Stay 2: IOP').getByRole('cell').nth(2)).toHaveText(
      String(phpThenIop),
    );
  // Clients whose first stay was IOP: everyone leaving the "Stay 1: IOP" node.
  const fromIop = await table.getByRole('row').filter({ hasText: 'Stay 1: IOP' }).all();
  let leaving = 0;
  for (const r of fromIop) leaving += Number(await r.getByRole('cell').nth(2).textContent());
  expect(leaving).toBe(startedAt('iop'));

  expect(await seriousAccessibilityViolations(page)).toEqual([]);
});
