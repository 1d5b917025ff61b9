import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { By } from '@angular/platform-browser';
import { BaseChartDirective } from 'ng2-charts';
import { dbtSkills } from './chart-fixtures';
import { provideProgressCharts } from './chart-registration';
import { provideChartVisibility } from '../../../ui/chart-frame/chart-visibility-testing';
import { ModalityWeeksChart } from './modality-weeks-chart';

describe('ModalityWeeksChart', () => {
  async function render() {
    TestBed.configureTestingModule({
      imports: [ModalityWeeksChart],
      providers: [provideProgressCharts(), provideChartVisibility()],
    });
    const fixture = TestBed.createComponent(ModalityWeeksChart);
    fixture.componentRef.setInput('modality', dbtSkills());
    await fixture.whenStable();
    return {
      fixture,
      loader: TestbedHarnessEnvironment.loader(fixture),
      element: fixture.nativeElement as HTMLElement,
    };
  }

  it('draws attended and missed sessions as an image with a spoken summary', async () => {
    const { fixture, element } = await render();
    const img = element.querySelector('[role="img"]')!;
    expect(img.getAttribute('aria-label')).toBe('DBT skills group: attended 10 of 12 sessions');
    const chart = fixture.debugElement
      .query(By.directive(BaseChartDirective))
      .injector.get(BaseChartDirective).chart!;
    expect(chart.data.datasets.map((d) => [d.label, d.data])).toEqual([
      ['Attended', [2, 2, 2, 1, 2, 1]],
      ['Missed', [0, 0, 0, 1, 0, 1]],
    ]);
  });

  it('swaps the chart for a table of the same sessions and back', async () => {
    const { loader, element } = await render();
    await (await loader.getHarness(MatButtonHarness.with({ text: 'Show table' }))).click();
    expect([...element.querySelectorAll('thead th')].map((th) => th.textContent!.trim())).toEqual([
      'Week',
      'Attended',
      'Missed',
      'Hours',
    ]);
    const rows = [...element.querySelectorAll('tbody tr')].map((tr) =>
      [...tr.querySelectorAll('th, td')].map((c) => c.textContent!.trim()),
    );
    expect(rows).toEqual([
      ['Wk 1', '2', '0', '5'],
      ['Wk 2', '2', '0', '5'],
      ['Wk 3', '2', '0', '5'],
      ['Wk 4', '1', '1', '2.5'],
      ['Wk 5', '2', '0', '5'],
      ['Wk 6', '1', '1', '2.5'],
    ]);
    await (await loader.getHarness(MatButtonHarness.with({ text: 'Show chart' }))).click();
    expect(element.querySelector('table')).toBeNull();
    expect(element.querySelector('[role="img"] canvas')).not.toBeNull();
  });
});
