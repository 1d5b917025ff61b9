import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { By } from '@angular/platform-browser';
import { BaseChartDirective } from 'ng2-charts';
import { provideOutcomesCharts } from '../outcomes-chart-registration';
import { CensusTrendView } from '../outcomes-view-model';
import { CensusTrendChart } from './census-trend-chart';
import { trendsPalette } from './trends-chart-palette';
import { census } from './trends-fixture';

describe('CensusTrendChart', () => {
  async function render(view: CensusTrendView = census(), dark = false) {
    TestBed.configureTestingModule({
      imports: [CensusTrendChart],
      providers: [provideOutcomesCharts()],
    });
    const fixture = TestBed.createComponent(CensusTrendChart);
    fixture.componentRef.setInput('census', view);
    fixture.componentRef.setInput('dark', dark);
    await fixture.whenStable();
    return {
      fixture,
      loader: TestbedHarnessEnvironment.loader(fixture),
      element: fixture.nativeElement as HTMLElement,
    };
  }

  function chartOf(fixture: ComponentFixture<CensusTrendChart>) {
    return fixture.debugElement
      .query(By.directive(BaseChartDirective))
      ?.injector.get(BaseChartDirective).chart;
  }

  it('draws the stacked census as an image named by the summary', async () => {
    const { fixture, element } = await render();
    const img = element.querySelector('[role="img"]')!;
    expect(img.getAttribute('aria-label')).toBe(
      'Census on 2 Mar 2026: 41 clients (PHP 6, IOP 22, Outpatient 11, Aftercare 2); ' +
        '12 weeks earlier, on 8 Dec 2025: 35.',
    );
    expect(getComputedStyle(img).height).toBe('280px');
    const chart = chartOf(fixture)!;
    expect(chart.data.datasets.map((d) => d.label)).toEqual([
      'PHP',
      'IOP',
      'Outpatient',
      'Aftercare',
    ]);
    expect(chart.options.scales!['y']!.stacked).toBeTrue();
  });

  it('gives each level’s latest count and the total in the legend', async () => {
    const { element } = await render();
    const legend = element.querySelector('.legend')!;
    expect(legend.getAttribute('aria-label')).toBe('Legend, clients on 2 Mar 2026');
    expect([...legend.querySelectorAll('li')].map((li) => li.textContent!.trim())).toEqual([
      'PHP 6',
      'IOP 22',
      'Outpatient 11',
      'Aftercare 2',
      'Total 41 on 2 Mar 2026',
    ]);
    const swatch = legend.querySelector<HTMLElement>('.swatch')!;
    expect(getComputedStyle(swatch).borderTopColor).toBe('rgb(81, 22, 123)');
  });

  it('swaps the chart for a table with a column per level and the total, and back', async () => {
    const { loader, element } = await render();
    await (await loader.getHarness(MatButtonHarness.with({ text: 'Show table' }))).click();
    expect(element.querySelector('[role="img"]')).toBeNull();
    expect(element.querySelector('caption')!.textContent!.trim()).toBe(
      'Clients at each level of care, 8 Dec 2025 to 2 Mar 2026',
    );
    expect([...element.querySelectorAll('thead th')].map((th) => th.textContent!.trim())).toEqual([
      'Day',
      'PHP',
      'IOP',
      'Outpatient',
      'Aftercare',
      'Total',
    ]);
    const rows = [...element.querySelectorAll('tbody tr')].map((tr) =>
      [...tr.querySelectorAll('th, td')].map((c) => c.textContent!.trim()),
    );
    expect(rows).toEqual([
      ['8 Dec 2025', '5', '20', '10', '0', '35'],
      ['2 Feb 2026', '4', '22', '12', '0', '38'],
      ['2 Mar 2026', '6', '22', '11', '2', '41'],
    ]);
    await (await loader.getHarness(MatButtonHarness.with({ text: 'Show chart' }))).click();
    expect(element.querySelector('table')).toBeNull();
    expect(element.querySelector('[role="img"] canvas')).not.toBeNull();
  });

  it('draws in the dark palette when asked', async () => {
    const { fixture } = await render(census(), true);
    expect(chartOf(fixture)!.data.datasets[1].borderColor).toBe(trendsPalette(true).levels.iop);
  });

  it('says so instead of drawing when there are no census days', async () => {
    const { fixture, element } = await render({ levels: [], points: [] });
    expect(element.querySelector('[role="img"]')).toBeNull();
    expect(chartOf(fixture)).toBeUndefined();
    expect(element.textContent!.trim()).toBe('No census to show for this period.');
  });
});
