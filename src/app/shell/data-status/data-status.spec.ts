import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MockStore, provideMockStore } from '@ngrx/store/testing';
import { DataStatusActions } from '../../store/clinical-actions';
import { selectCaseloadSummary } from '../../store/caseload-selectors';
import { IDLE_QUERY, QueryStatus, queriesFeature } from '../../store/queries-feature';
import { FhirRetryStatus } from '../../core/fhir/retry-status';
import { DataStatus } from './data-status';

describe('DataStatus', () => {
  afterEach(() => TestBed.inject(MockStore).resetSelectors());

  async function render(query: QueryStatus) {
    TestBed.configureTestingModule({
      imports: [DataStatus],
      providers: [
        provideMockStore({
          selectors: [
            { selector: queriesFeature.selectQuery('caseload'), value: query },
            {
              selector: selectCaseloadSummary,
              value: { clients: 27, scores: 1204, sessions: 3410 },
            },
          ],
        }),
      ],
    });
    const fixture = TestBed.createComponent(DataStatus);
    const dispatch = spyOn(TestBed.inject(MockStore), 'dispatch');
    await fixture.whenStable();
    return {
      fixture,
      element: fixture.nativeElement as HTMLElement,
      loader: TestbedHarnessEnvironment.loader(fixture),
      dispatch,
    };
  }

  it('says how much was loaded and when, and refreshes on request', async () => {
    const loadedAt = new Date(2026, 10, 29, 9, 5).getTime();
    const { element, loader, dispatch } = await render({
      ...IDLE_QUERY,
      status: 'loaded',
      loadedAt,
    });
    expect(element.querySelector('[role="status"]')?.textContent?.replace(/\s+/g, ' ').trim()).toBe(
      '27 clients in care · 1204 scores · 3410 sessions · updated 09:05',
    );
    await (await loader.getHarness(MatButtonHarness.with({ text: 'Refresh' }))).click();
    expect(dispatch).toHaveBeenCalledOnceWith(DataStatusActions.refreshClicked());
  });

  it('explains a failure and offers a retry', async () => {
    const { element, loader, dispatch } = await render({
      ...IDLE_QUERY,
      status: 'failed',
      error: 'The FHIR server answered 503.',
    });
    expect(element.querySelector('[role="alert"]')?.textContent).toContain('503');
    await (await loader.getHarness(MatButtonHarness.with({ text: 'Retry' }))).click();
    expect(dispatch).toHaveBeenCalledOnceWith(DataStatusActions.refreshClicked());
  });

  it('warns when data may be missing and counts what could not be read', async () => {
    const { element } = await render({
      ...IDLE_QUERY,
      status: 'loaded',
      loadedAt: 0,
      partial: true,
      partialReasons: ['The server returned fewer entries than its total.'],
      mapping: {
        rejected: 2,
        warnings: 1,
        examples: [
          {
            resourceType: 'Observation',
            id: 'o9',
            severity: 'rejected',
            reason: 'unknown instrument code',
          },
        ],
      },
    });
    expect(element.querySelector('[role="note"]')?.textContent).toContain(
      'fewer entries than its total',
    );
    expect(element.querySelector('summary')?.textContent).toContain('3 records could not be read');
    expect(element.querySelector('details li')?.textContent).toBe(
      'Observation/o9: unknown instrument code',
    );
  });

  it('never shows partial counts as complete', async () => {
    const { element } = await render({
      ...IDLE_QUERY,
      status: 'loaded',
      loadedAt: new Date(2026, 10, 29, 9, 5).getTime(),
      partial: true,
      partialReasons: ['Only 1000 of 1723 scores were loaded.'],
    });
    expect(element.querySelector('[role="status"]')?.textContent?.replace(/\s+/g, ' ').trim()).toBe(
      'Incomplete: 27 clients in care · 1204 scores · 3410 sessions · updated 09:05',
    );
    expect(element.querySelector('[role="note"]')?.textContent).toContain(
      'Only 1000 of 1723 scores were loaded.',
    );
  });

  it('says why nothing has come yet while a request waits to be retried', async () => {
    const { fixture, element } = await render({ ...IDLE_QUERY, status: 'loading' });
    const end = TestBed.inject(FhirRetryStatus).begin({ status: 429, waitMs: 2000, retry: 1 });
    await fixture.whenStable();
    expect(element.querySelector('[role="status"]')?.textContent).toContain(
      'The FHIR server is busy and asked Waypoint to slow down. Trying again in 2 s…',
    );
    end();
    await fixture.whenStable();
    expect(element.querySelector('[role="status"]')?.textContent).not.toContain('Trying again');
  });

  it('shows progress while loading', async () => {
    const { element } = await render({ ...IDLE_QUERY, status: 'loading' });
    expect(element.querySelector('mat-progress-bar')).not.toBeNull();
    expect(element.querySelector('[role="status"]')?.textContent).toContain(
      'Loading your caseload',
    );
  });

  it('announces each state through the same live region, not a new one per state', async () => {
    const { fixture, element } = await render({ ...IDLE_QUERY, status: 'loading' });
    const live = element.querySelector('[role="status"]');
    expect(live?.getAttribute('aria-live')).toBe('polite');
    const store = TestBed.inject(MockStore);
    store.overrideSelector(queriesFeature.selectQuery('caseload'), {
      ...IDLE_QUERY,
      status: 'loaded',
      loadedAt: Date.now(),
    });
    store.refreshState();
    await fixture.whenStable();
    expect(element.querySelector('[role="status"]')).toBe(live);
    expect(live?.textContent).toContain('27 clients in care');
  });
});
