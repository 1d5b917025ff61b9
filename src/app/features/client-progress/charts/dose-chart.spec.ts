import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { By } from '@angular/platform-browser';
import { BaseChartDirective } from 'ng2-charts';
import { dose } from './chart-fixtures';
import { provideProgressCharts } from './chart-registration';
import { provideChartVisibility } from '../../../ui/chart-frame/chart-visibility-testing';
import { DoseChart } from './dose-chart';

describe('DoseChart', () => {
  async function render() {
    TestBed.configureTestingModule({
      imports: [DoseChart],
      providers: [provideProgressCharts(), provideChartVisibility()],
    });
    const fixture = TestBed.createComponent(DoseChart);
    fixture.componentRef.setInput('dose', dose());
    await fixture.whenStable();
    return {
      fixture,
      loader: TestbedHarnessEnvironment.loader(fixture),
      element: fixture.nativeElement as HTMLElement,
    };
  }

  it('draws hours by week as an image with a spoken summary', async () => {
    const { fixture, element } = await render();
    const img = element.querySelector('[role="img"]')!;
    expect(img.getAttribute('aria-label')).toBe(
      'Attended 7.5 hours a week on average over 6 weeks, against the IOP minimum of 9',
    );
    const chart = fixture.debugElement
      .query(By.directive(BaseChartDirective))
      .injector.get(BaseChartDirective).chart!;
    expect(chart.data.labels).toEqual(['Wk 1', 'Wk 2', 'Wk 3', 'Wk 4', 'Wk 5', 'Wk 6']);
    expect(chart.data.datasets.map((d) => d.label)).toEqual([
      'Individual psychotherapy',
      'DBT skills group',
      'Psychoeducation group',
      'Level minimum',
    ]);
  });

  it('swaps the chart for a table of the same hours and back', async () => {
    const { loader, element } = await render();
    await (await loader.getHarness(MatButtonHarness.with({ text: 'Show table' }))).click();
    expect(element.querySelector('[role="img"]')).toBeNull();
    expect([...element.querySelectorAll('thead th')].map((th) => th.textContent!.trim())).toEqual([
      'Week',
      'From',
      'Hours',
      'Minimum',
      'Individual psychotherapy',
      'DBT skills group',
      'Psychoeducation group',
    ]);
    const rows = [...element.querySelectorAll('tbody tr')].map((tr) =>
      [...tr.querySelectorAll('th, td')].map((c) => c.textContent!.trim()),
    );
    expect(rows.length).toBe(6);
    expect(rows[0]).toEqual(['Wk 1', '7 Sep 2026', '9', '9', '1', '5', '3']);
    expect(rows[3]).toEqual(['Wk 4', '28 Sep 2026', '5.5', '9', '0', '2.5', '3']);

    await (await loader.getHarness(MatButtonHarness.with({ text: 'Show chart' }))).click();
    expect(element.querySelector('table')).toBeNull();
    expect(element.querySelector('[role="img"] canvas')).not.toBeNull();
  });
});
