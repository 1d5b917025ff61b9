import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { By } from '@angular/platform-browser';
import { BaseChartDirective } from 'ng2-charts';
import { provideOutcomesCharts } from '../outcomes-chart-registration';
import { RateTrendsView } from '../outcomes-view-model';
import { RateTrendChart } from './rate-trend-chart';
import { rateTrendSummary } from './rate-trend-config';
import { trendsPalette } from './trends-chart-palette';
import { rateTrends } from './trends-fixture';

describe('RateTrendChart', () => {
  async function render(trends: RateTrendsView = rateTrends(), dark = false) {
    TestBed.configureTestingModule({
      imports: [RateTrendChart],
      providers: [provideOutcomesCharts()],
    });
    const fixture = TestBed.createComponent(RateTrendChart);
    fixture.componentRef.setInput('trends', trends);
    fixture.componentRef.setInput('dark', dark);
    await fixture.whenStable();
    return {
      fixture,
      loader: TestbedHarnessEnvironment.loader(fixture),
      element: fixture.nativeElement as HTMLElement,
    };
  }

  function chartOf(fixture: ComponentFixture<RateTrendChart>) {
    return fixture.debugElement
      .query(By.directive(BaseChartDirective))
      ?.injector.get(BaseChartDirective).chart;
  }

  function toggles(element: HTMLElement): HTMLButtonElement[] {
    return [...element.querySelectorAll<HTMLButtonElement>('.legend button')];
  }

  it('draws the rates as an image named by the summary sentence', async () => {
    const { fixture, element } = await render();
    const img = element.querySelector('[role="img"]')!;
    expect(img.getAttribute('aria-label')).toBe(rateTrendSummary(rateTrends()));
    expect(img.getAttribute('aria-label')).toContain(
      'response from 40 % (n = 10) to 55 % (n = 20)',
    );
    expect(getComputedStyle(img).height).toBe('320px');
    const chart = chartOf(fixture)!;
    expect(chart.data.labels).toEqual(['Jan 2026', 'Feb 2026', 'Mar 2026', 'Apr 2026']);
    expect(
      chart.data.datasets.filter((d) => !d.label!.includes('interval')).map((d) => d.label),
    ).toEqual(['Completion', 'Response', 'Remission', 'Reliable improvement']);
    // The fixture's view carries a summary of its own; the chart words what it draws.
    expect(img.getAttribute('aria-label')).not.toBe('From the view');
  });

  it('names the dash, shape, band and hollow points in the legend', async () => {
    const { element } = await render();
    const items = [...element.querySelectorAll('.legend li')].map((li) => li.textContent!.trim());
    expect(items).toEqual([
      'Completion',
      'Response',
      'Remission',
      'Reliable improvement',
      'Shaded: 95 % interval',
      'Hollow: fewer than 10 episodes',
    ]);
    const response = toggles(element)[1];
    expect(response.querySelector('line')!.getAttribute('stroke-dasharray')).toBe('6 4');
    expect(response.querySelector('rect')!.getAttribute('fill')).toBe(
      trendsPalette().rates.response,
    );
    // The legend is beside the image, where screen readers reach it, not inside it.
    expect(element.querySelector('[role="img"] .legend')).toBeNull();
  });

  it('hides and shows a rate’s line and band from its legend button', async () => {
    const { fixture, element } = await render();
    const remission = toggles(element)[2];
    expect(toggles(element).map((b) => b.getAttribute('aria-pressed'))).toEqual([
      'true',
      'true',
      'true',
      'true',
    ]);
    remission.click();
    await fixture.whenStable();
    expect(remission.getAttribute('aria-pressed')).toBe('false');
    const chart = chartOf(fixture)!;
    const visible = chart.data.datasets
      .map((d, i) => ({ label: d.label!, visible: chart.isDatasetVisible(i) }))
      .filter((d) => d.label.startsWith('Remission'));
    expect(visible).toEqual([
      { label: 'Remission 95 % interval (low)', visible: false },
      { label: 'Remission 95 % interval (high)', visible: false },
      { label: 'Remission 95 % interval (single month)', visible: false },
      { label: 'Remission', visible: false },
    ]);
    expect(
      chart.isDatasetVisible(chart.data.datasets.findIndex((d) => d.label === 'Response')),
    ).toBeTrue();

    remission.click();
    await fixture.whenStable();
    expect(remission.getAttribute('aria-pressed')).toBe('true');
    expect(chartOf(fixture)!.data.datasets.every((d) => !d.hidden)).toBeTrue();
  });

  it('swaps the chart for a table of every rate, interval and n, and back', async () => {
    const { loader, element } = await render();
    await (await loader.getHarness(MatButtonHarness.with({ text: 'Show table' }))).click();
    expect(element.querySelector('[role="img"]')).toBeNull();
    expect(element.querySelector('caption')!.textContent!.trim()).toBe(
      'Outcome rates by admission month (PHQ-9): rate (95 % interval), n episodes',
    );
    expect([...element.querySelectorAll('thead th')].map((th) => th.textContent!.trim())).toEqual([
      'Admission month',
      'Completion',
      'Response',
      'Remission',
      'Reliable improvement',
    ]);
    const rows = [...element.querySelectorAll('tbody tr')].map((tr) =>
      [...tr.querySelectorAll('th, td')].map((c) => c.textContent!.trim()),
    );
    expect(rows).toEqual([
      [
        'Jan 2026',
        '67 % (39–86 %), n = 12',
        '40 % (17–69 %), n = 10',
        '20 % (6–51 %), n = 10',
        '50 % (24–76 %), n = 10',
      ],
      ['Feb 2026', '—, n = 0', '—, n = 0', '—, n = 0', '—, n = 0'],
      [
        'Mar 2026',
        '83 % (44–97 %), n = 6',
        '60 % (23–88 %), n = 5',
        '20 % (4–62 %), n = 5',
        '60 % (23–88 %), n = 5',
      ],
      [
        'Apr 2026',
        '80 % (58–92 %), n = 20',
        '55 % (34–74 %), n = 20',
        '30 % (15–52 %), n = 20',
        '60 % (39–78 %), n = 20',
      ],
    ]);

    await (await loader.getHarness(MatButtonHarness.with({ text: 'Show chart' }))).click();
    expect(element.querySelector('table')).toBeNull();
    expect(element.querySelector('[role="img"] canvas')).not.toBeNull();
  });

  it('asks for the episodes behind a month’s rate, and offers none for an empty month', async () => {
    const { fixture, loader } = await render();
    const asked: string[] = [];
    fixture.componentInstance.drill.subscribe((key) => asked.push(key));
    await (await loader.getHarness(MatButtonHarness.with({ text: 'Show table' }))).click();
    await (
      await loader.getHarness(
        MatButtonHarness.with({ selector: '[aria-label^="Response, admitted Mar 2026"]' }),
      )
    ).click();
    expect(asked).toEqual(['month:response:2026-03']);
    const february = await loader.getAllHarnesses(
      MatButtonHarness.with({ selector: '[aria-label*="admitted Feb 2026"]' }),
    );
    expect(february.length).toBe(0);
  });

  it('draws in the dark palette when asked', async () => {
    const { fixture } = await render(rateTrends(), true);
    const chart = chartOf(fixture)!;
    const completion = chart.data.datasets.find((d) => d.label === 'Completion')!;
    expect(completion.borderColor).toBe(trendsPalette(true).rates.completion);
  });

  it('says so instead of drawing when there are no months', async () => {
    const { fixture, element } = await render({ instrument: 'PHQ-9', months: [] });
    expect(element.querySelector('[role="img"]')).toBeNull();
    expect(chartOf(fixture)).toBeUndefined();
    expect(element.textContent!.trim()).toBe('No finished episodes in these months.');
  });
});
