import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { By } from '@angular/platform-browser';
import { BaseChartDirective } from 'ng2-charts';
import { provideStepDownCharts } from '../step-down-chart-registration';
import { durations } from './flows-fixture';
import { LevelDurationView } from './flows-view-model';
import { TimeInLevelChart } from './time-in-level-chart';
import { timeInLevelHeight, timeInLevelSummary } from './time-in-level-config';

describe('TimeInLevelChart', () => {
  async function render(rows: readonly LevelDurationView[] = durations()) {
    TestBed.configureTestingModule({
      imports: [TimeInLevelChart],
      providers: [provideStepDownCharts()],
    });
    const fixture = TestBed.createComponent(TimeInLevelChart);
    fixture.componentRef.setInput('durations', rows);
    await fixture.whenStable();
    return {
      fixture,
      loader: TestbedHarnessEnvironment.loader(fixture),
      element: fixture.nativeElement as HTMLElement,
    };
  }

  function chartOf(fixture: ComponentFixture<TimeInLevelChart>) {
    return fixture.debugElement
      .query(By.directive(BaseChartDirective))
      ?.injector.get(BaseChartDirective).chart;
  }

  function visible(element: Element | null): boolean {
    return !!element && element.checkVisibility();
  }

  it('draws the rows as an image with a spoken summary, sized by row count', async () => {
    const { fixture, element } = await render();
    const img = element.querySelector('[role="img"]')!;
    const label = img.getAttribute('aria-label')!;
    expect(label).toBe(timeInLevelSummary(durations()));
    expect(label).toContain(
      'IOP: median 56 days (IQR 30–63) over 5 finished stays; expected 56–84; ' +
        '2 shorter, 3 within, 0 longer',
    );
    expect(getComputedStyle(img).height).toBe(`${timeInLevelHeight(3)}px`);
    const chart = chartOf(fixture)!;
    expect(chart.data.labels).toEqual(['PHP', 'IOP', 'Outpatient']);
    expect(chart.data.datasets.map((d) => d.label)).toEqual([
      'Expected length',
      'Shortest to longest',
      'Middle half (IQR)',
      'Median',
    ]);
  });

  it('swaps the chart for a table of the same numbers and back', async () => {
    const { loader, element } = await render();
    await (await loader.getHarness(MatButtonHarness.with({ text: 'Show table' }))).click();
    expect(visible(element.querySelector('[role="img"]'))).toBeFalse();
    expect(visible(element.querySelector('.table-scroll'))).toBeTrue();
    expect([...element.querySelectorAll('thead th')].map((th) => th.textContent!.trim())).toEqual([
      'Level',
      'Finished stays',
      'Still there',
      'Median days',
      'IQR',
      'Range',
      'Expected',
      'Shorter / Within / Longer',
    ]);
    const rows = [...element.querySelectorAll('tbody tr')].map((tr) =>
      [...tr.querySelectorAll('th, td')].map((c) => c.textContent!.trim()),
    );
    expect(rows).toEqual([
      ['PHP', '24', '2', '21', '16–27.5', '6–41', '14–28', '5 / 15 / 4'],
      ['IOP', '5', '13', '56', '30–63', '12–70', '56–84', '2 / 3 / 0'],
      ['Outpatient', '0', '12', '—', '—', '—', '—', '—'],
    ]);

    await (await loader.getHarness(MatButtonHarness.with({ text: 'Show chart' }))).click();
    expect(visible(element.querySelector('[role="img"]'))).toBeTrue();
    expect(visible(element.querySelector('.table-scroll'))).toBeFalse();
  });

  it('says so instead of drawing when there are no stays', async () => {
    const { fixture, element } = await render([]);
    expect(element.querySelector('[role="img"]')).toBeNull();
    expect(chartOf(fixture)).toBeUndefined();
    expect(element.textContent!.trim()).toBe('No stays at any level in this cohort yet.');
  });
});
