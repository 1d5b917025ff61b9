import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MockStore, provideMockStore } from '@ngrx/store/testing';
import { DataStatusActions } from '../../store/clinical-actions';
import { selectCaseloadSummary } from '../../store/caseload-selectors';
import { IDLE_QUERY, QueryStatus, queriesFeature } from '../../store/queries-feature';
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

  it('shows progress while loading', async () => {
    const { element } = await render({ ...IDLE_QUERY, status: 'loading' });
    expect(element.querySelector('mat-progress-bar')).not.toBeNull();
    expect(element.querySelector('[role="status"]')?.textContent).toContain(
      'Loading your caseload',
    );
  });
});
