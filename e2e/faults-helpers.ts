import { APIRequestContext, Page } from '@playwright/test';
import { faultsPort } from '../playwright.config';
import { LOAD_TIMEOUT, expect } from './fixtures';

/** The e2e server started with `--faults` (its own database: faults are global to a server). */
export const FAULTS_ORIGIN = `http://127.0.0.1:${faultsPort}`;
const CONTROL = `${FAULTS_ORIGIN}/__faults`;

/** One fault, as `PUT /__faults` takes it (see server/faults/fault-spec.ts). */
export interface Fault {
  readonly kind: 'latency' | '429' | '500' | '503' | 'page-fail' | 'drop' | 'expire-token';
  readonly match?: { readonly resourceType?: string; readonly pagesOnly?: boolean };
  readonly times?: number;
  readonly ms?: number;
  readonly retryAfter?: number;
  readonly page?: number;
  readonly status?: 500 | 503;
  readonly refresh?: 'ok' | 'fail';
}

export interface FaultListing {
  readonly faults: (Fault & { hits: number; remaining?: number })[];
  readonly expiredTokens: number;
}

/** Replaces the server's faults with these. */
export async function setFaults(request: APIRequestContext, ...faults: Fault[]): Promise<void> {
  const response = await request.put(CONTROL, { data: faults });
  expect(response.status(), await response.text()).toBe(200);
}

/** Stops every fault: the server answers normally again. */
export async function clearFaults(request: APIRequestContext): Promise<void> {
  expect((await request.delete(CONTROL)).status()).toBe(204);
}

export async function faultListing(request: APIRequestContext): Promise<FaultListing> {
  return (await (await request.get(CONTROL)).json()) as FaultListing;
}

/**
 * The browser's own console lines for the failed requests a test provokes on purpose: answers
 * with these statuses, and (with `dropped`) connections closed without an answer. One pattern
 * in a one-element list, as Playwright would read a two-element list as [value, options].
 */
export function failedLoads(statuses: readonly number[], dropped = false): RegExp[] {
  const answered = statuses.length
    ? [`the server responded with a status of (${statuses.join('|')})\\b`]
    : [];
  const alternatives = [...answered, ...(dropped ? ['net::ERR_EMPTY_RESPONSE'] : [])];
  return [new RegExp(`^Failed to load resource: (${alternatives.join('|')})`)];
}

/** The shell's data status bar (the caseload query: every page shows it). */
export function dataStatus(page: Page) {
  return page.getByRole('region', { name: 'Caseload data' });
}

const LOADED = /\d+ clients? in care · \d+ scores · \d+ sessions/;

/** The caseload has loaded and is complete: counts shown, nothing marked missing. */
export async function expectCompleteCaseload(page: Page): Promise<void> {
  const status = dataStatus(page);
  await expect(status.getByRole('status')).toContainText(LOADED, { timeout: LOAD_TIMEOUT });
  await expect(status.getByRole('status')).not.toContainText('Incomplete');
  await expect(status.getByRole('note')).toHaveCount(0);
  await expect(status.getByRole('alert')).toHaveCount(0);
}

/** Clicks the data status bar's Refresh (or Retry) button. */
export async function refreshData(page: Page, name: 'Refresh' | 'Retry' = 'Refresh') {
  await dataStatus(page).getByRole('button', { name }).click();
}

export function mainNav(page: Page, name: 'Caseload' | 'Step-down' | 'Outcomes') {
  return page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name });
}

/** The outcomes page's first tile: there once the outcomes have been computed. */
export function admissionsTile(page: Page) {
  return page
    .getByRole('region', { name: 'The period at a glance' })
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading', { name: 'Admissions', exact: true }) });
}

export function board(page: Page) {
  return page.getByRole('region', { name: 'Clients by level of care' });
}
