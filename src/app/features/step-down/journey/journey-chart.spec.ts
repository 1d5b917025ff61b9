import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { By } from '@angular/platform-browser';
import { BaseChartDirective } from 'ng2-charts';
import { provideStepDownCharts } from '../step-down-chart-registration';
import { JourneyChart } from './journey-chart';
import { timelineOf } from './journey-fixture';

describe('JourneyChart', () => {
  const view = timelineOf();

  async function render(dark = false) {
    TestBed.configureTestingModule({
      imports: [JourneyChart],
      providers: [provideStepDownCharts()],
    });
    const fixture = TestBed.createComponent(JourneyChart);
    fixture.componentRef.setInput('view', view);
    fixture.componentRef.setInput('dark', dark);
    await fixture.whenStable();
    return {
      fixture,
      loader: TestbedHarnessEnvironment.loader(fixture),
      element: fixture.nativeElement as HTMLElement,
    };
  }

  function chartOf(fixture: ComponentFixture<JourneyChart>) {
    return fixture.debugElement
      .query(By.directive(BaseChartDirective))
      ?.injector.get(BaseChartDirective).chart;
  }

  const text = (e: Element) => e.textContent!.replace(/\s+/g, ' ').trim();

  it('draws the lanes as an image named by the journey’s summary sentence', async () => {
    const { fixture, element } = await render();
    const img = element.querySelector('[role="img"]')!;
    expect(img.getAttribute('aria-label')).toBe(view.summary);
    const chart = chartOf(fixture)!;
    expect(chart).toBeDefined();
    // Drawn with the route's registered parts: the time axis and both linear axes exist.
    expect(Object.keys(chart.scales).sort()).toEqual(['lane', 'score', 'x']);
    expect(chart.scales['lane'].ticks.map((t) => t.label)).toContain('Aftercare');
    expect(chart.data.datasets.length).toBe(10);
  });

  it('names every mark in a legend beside the image, not inside it', async () => {
    const { element } = await render();
    const legend = element.querySelector('ul[aria-label="Legend"]')!;
    expect(legend.closest('[role="img"]')).toBeNull();
    expect([...legend.querySelectorAll('li')].map(text)).toEqual([
      'Stay at a level',
      'Stay after a step-up',
      'Move between levels',
      'Planned stay (first 2 weeks drawn)',
      'Planned transition',
      'PHQ-9 score (right axis, severity cut-offs marked)',
      'Today (dotted line)',
    ]);
  });

  it('swaps the chart for tables of the stays and the scores', async () => {
    const { loader, element, fixture } = await render();
    await (await loader.getHarness(MatButtonHarness.with({ text: 'Show table' }))).click();
    expect(element.querySelector('[role="img"]')).toBeNull();
    expect(chartOf(fixture)).toBeUndefined();
    const region = element.querySelector('[role="region"]')!;
    expect(region.getAttribute('aria-label')).toBe('Robin Testfield: stays and scores');
    expect(region.getAttribute('tabindex')).toBe('0');
    const [stays, scores] = [...region.querySelectorAll('table')];
    expect(text(stays.querySelector('caption')!)).toBe('Stays by level of care, oldest first');
    const stayRows = [...stays.querySelectorAll('tbody tr')].map((r) => [...r.children].map(text));
    expect(stayRows.length).toBe(5);
    expect(stayRows[2]).toEqual([
      'Partial hospitalization',
      '13 Oct 2026',
      '26 Oct 2026',
      '14',
      'Step-up to PHP',
      'Stepped down to a lower level of care',
    ]);
    expect(stayRows[4][0]).toBe('Outpatient (planned)');
    expect(stays.querySelectorAll('tbody th[scope="row"]').length).toBe(5);
    expect(text(scores.querySelector('caption')!)).toBe('PHQ-9 scores, oldest first');
    const last = scores.querySelector('tbody tr:last-child')!;
    expect([...last.children].map(text)).toEqual(['24 Nov 2026', '8', 'Mild']);
    await (await loader.getHarness(MatButtonHarness.with({ text: 'Show chart' }))).click();
    expect(element.querySelector('[role="img"]')).not.toBeNull();
  });

  it('draws with the dark palette in the dark theme', async () => {
    const { fixture } = await render(true);
    const score = chartOf(fixture)!.data.datasets.find((d) => d.label === 'PHQ-9 score')!;
    expect(score.borderColor).toBe('#ffffff');
  });
});
