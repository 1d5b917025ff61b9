import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { By } from '@angular/platform-browser';
import { BaseChartDirective } from 'ng2-charts';
import { CURRENT_LEVEL, EVENTS, JOURNEY, PHASES, TRANSITIONS, phq9 } from './chart-fixtures';
import { provideProgressCharts } from './chart-registration';
import { provideChartVisibility } from '../../../ui/chart-frame/chart-visibility-testing';
import { MeasureChart } from './measure-chart';

describe('MeasureChart', () => {
  async function render() {
    TestBed.configureTestingModule({
      imports: [MeasureChart],
      providers: [provideProgressCharts(), provideChartVisibility()],
    });
    const fixture = TestBed.createComponent(MeasureChart);
    fixture.componentRef.setInput('measure', phq9());
    fixture.componentRef.setInput('phases', PHASES);
    fixture.componentRef.setInput('transitions', TRANSITIONS);
    fixture.componentRef.setInput('events', EVENTS);
    fixture.componentRef.setInput('range', CURRENT_LEVEL);
    await fixture.whenStable();
    return {
      fixture,
      loader: TestbedHarnessEnvironment.loader(fixture),
      element: fixture.nativeElement as HTMLElement,
    };
  }

  function chartOf(fixture: ComponentFixture<MeasureChart>) {
    const debug = fixture.debugElement.query(By.directive(BaseChartDirective));
    return debug?.injector.get(BaseChartDirective).chart;
  }

  function cellTexts(element: HTMLElement): string[][] {
    return [...element.querySelectorAll('tbody tr')].map((tr) =>
      [...tr.querySelectorAll('th, td')].map((cell) => cell.textContent!.trim()),
    );
  }

  it('draws the chart as an image named by the measure’s summary', async () => {
    const { fixture, element } = await render();
    const img = element.querySelector('[role="img"]')!;
    expect(img.getAttribute('aria-label')).toBe(
      'PHQ-9 fell from 18 to 9 over 7 weeks; reliable improvement; now mild',
    );
    expect(img.querySelector('canvas')).not.toBeNull();
    expect(getComputedStyle(img).height).toBe('260px');
    const chart = chartOf(fixture)!;
    expect(chart).toBeDefined();
    expect(chart.data.datasets.map((d) => d.label)).toEqual([
      'PHQ-9',
      'Expected',
      'Amber edge',
      'Red edge',
      'Missed session',
      'Safety signal',
      'Care-plan change',
    ]);
  });

  it('names each line style and marker shape in a text legend', async () => {
    const { element } = await render();
    const items = [...element.querySelectorAll('.legend li')].map((li) => li.textContent!.trim());
    expect(items).toContain('Expected recovery');
    expect(items).toContain('Safety signal');
    const caseness = [...element.querySelectorAll('.legend li')].find((li) =>
      li.textContent!.includes('Caseness'),
    )!;
    expect(caseness.querySelector('line')!.getAttribute('stroke-dasharray')).toBe('6 4');
    const safety = [...element.querySelectorAll('.legend li')].find((li) =>
      li.textContent!.includes('Safety signal'),
    )!;
    expect(safety.querySelector('path')!.namespaceURI).toBe('http://www.w3.org/2000/svg');
  });

  it('swaps the chart for a table of the same scores and back', async () => {
    const { loader, element } = await render();
    const toggle = await loader.getHarness(MatButtonHarness.with({ text: 'Show table' }));
    const controlled = await (await toggle.host()).getAttribute('aria-controls');
    await toggle.click();

    expect(element.querySelector('[role="img"]')).toBeNull();
    expect(element.querySelector(`#${controlled} table`)).not.toBeNull();
    expect([...element.querySelectorAll('thead th')].map((th) => th.textContent!.trim())).toEqual([
      'Date',
      'Score',
      'Severity',
      'Change from baseline',
      'Reliable change',
    ]);
    expect(element.querySelector('caption')!.textContent!.trim()).toBe(
      'PHQ-9 scores, 7 Sep 2026 to 2 Nov 2026',
    );
    const rows = cellTexts(element);
    // The current-level range starts at the baseline: the PHP score before it is not listed.
    expect(rows.length).toBe(8);
    expect(rows[0]).toEqual(['7 Sep 2026', '18', 'Moderately severe', 'Baseline', '—']);
    expect(rows[4]).toEqual(['5 Oct 2026', '12', 'Moderate', '\u22126', 'Reliable improvement']);
    expect(rows[7]).toEqual(['26 Oct 2026', '9', 'Mild', '\u22129', 'Reliable improvement']);

    await (await loader.getHarness(MatButtonHarness.with({ text: 'Show chart' }))).click();
    expect(element.querySelector('table')).toBeNull();
    expect(element.querySelector('[role="img"] canvas')).not.toBeNull();
  });

  it('follows a new range into the chart and the table', async () => {
    const { fixture, loader, element } = await render();
    fixture.componentRef.setInput('range', JOURNEY);
    await fixture.whenStable();
    const scales = chartOf(fixture)!.options.scales!;
    expect(scales['x']!.min).toBe(new Date(2026, 7, 24).getTime());
    await (await loader.getHarness(MatButtonHarness.with({ text: 'Show table' }))).click();
    expect(cellTexts(element)[0]).toEqual(['25 Aug 2026', '21', 'Severe', '—', '—']);
  });

  it('says so when the range holds no scores', async () => {
    const { fixture, loader, element } = await render();
    fixture.componentRef.setInput('range', { from: '2026-11-01', to: '2026-11-02' });
    await (await loader.getHarness(MatButtonHarness.with({ text: 'Show table' }))).click();
    expect(cellTexts(element)).toEqual([['No scores in this period.']]);
  });
});
