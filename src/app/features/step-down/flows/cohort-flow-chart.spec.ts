import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { By } from '@angular/platform-browser';
import { BaseChartDirective } from 'ng2-charts';
import { CohortFlowChart } from './cohort-flow-chart';
import { provideStepDownCharts } from '../step-down-chart-registration';
import { cohortFlow, emptyFlow, FLOW_SUMMARY } from './flows-fixture';
import { FlowView } from './flows-view-model';

describe('CohortFlowChart', () => {
  async function render(flow: FlowView = cohortFlow()) {
    TestBed.configureTestingModule({
      imports: [CohortFlowChart],
      providers: [provideStepDownCharts()],
    });
    const fixture = TestBed.createComponent(CohortFlowChart);
    fixture.componentRef.setInput('flow', flow);
    await fixture.whenStable();
    return {
      fixture,
      loader: TestbedHarnessEnvironment.loader(fixture),
      element: fixture.nativeElement as HTMLElement,
    };
  }

  function chartOf(fixture: ComponentFixture<CohortFlowChart>) {
    return fixture.debugElement
      .query(By.directive(BaseChartDirective))
      ?.injector.get(BaseChartDirective).chart;
  }

  /** Shown on screen: the frame builds only the view the toggle has chosen. */
  function visible(element: Element | null): boolean {
    return !!element && element.checkVisibility();
  }

  function cellTexts(element: HTMLElement): string[][] {
    return [...element.querySelectorAll('tbody tr')].map((tr) =>
      [...tr.querySelectorAll('th, td')].map((cell) => cell.textContent!.trim()),
    );
  }

  it('draws the Sankey as an image named by the cohort summary', async () => {
    const { fixture, element } = await render();
    const img = element.querySelector('[role="img"]')!;
    expect(img.getAttribute('aria-label')).toBe(FLOW_SUMMARY);
    expect(img.querySelector('canvas')).not.toBeNull();
    expect(visible(img)).toBeTrue();
    const chart = chartOf(fixture)!;
    expect((chart.config as { type: string }).type).toBe('sankey');
    expect(chart.data.datasets[0].data.length).toBe(19);
  });

  it('lays stays out in columns by step and ends every journey in one exit column', async () => {
    const { fixture } = await render();
    const chart = chartOf(fixture)!;
    const flows = chart.getDatasetMeta(0).data as unknown as { x: number; x2: number }[];
    const links = cohortFlow().links;
    const startX = (from: string) => flows[links.findIndex((l) => l.from === from)].x;
    const endsAtExit = flows.filter((_, i) => links[i].kind === 'exit').map((f) => f.x2);
    // PHP's early leavers (from stay 1) reach the same column as those leaving after stay 4.
    expect(new Set(endsAtExit.map(Math.round)).size).toBe(1);
    expect(startX('1:php')).toBeCloseTo(startX('1:iop'), 0);
    expect(startX('1:php')).toBeLessThan(startX('2:iop'));
    expect(startX('2:iop')).toBeLessThan(startX('3:iop'));
    expect(startX('3:iop')).toBeLessThan(startX('4:outpatient'));
    expect(startX('4:outpatient')).toBeLessThan(endsAtExit[0]);
  });

  it('names every kind of move in a legend beside the chart', async () => {
    const { element } = await render();
    const items = [...element.querySelectorAll('.legend li')];
    expect(items.map((li) => li.textContent!.trim())).toEqual([
      'Step-down',
      'Step-up',
      'Readmission',
      'Moved within level',
      'Exit',
    ]);
    expect(items.every((li) => li.querySelector('.swatch'))).toBeTrue();
    // Beside the image, not inside it, where screen readers would skip it.
    expect(element.querySelector('[role="img"] .legend')).toBeNull();
  });

  it('swaps the chart for a table of the same moves and back, by keyboard-usable button', async () => {
    const { loader, element } = await render();
    expect(element.querySelector('table')).toBeNull();

    const show = await loader.getHarness(MatButtonHarness.with({ text: 'Show table' }));
    expect(await (await show.host()).getAttribute('type')).toBe('button');
    await show.click();
    expect(visible(element.querySelector('[role="img"]'))).toBeFalse();
    expect(element.querySelector('.legend')).toBeNull();
    const region = element.querySelector('[role="region"]')!;
    expect(visible(region)).toBeTrue();
    expect(region.getAttribute('aria-label')).toBe('Moves between stays, 42 clients');
    expect(region.querySelector('caption')!.textContent!.trim()).toBe(
      'Moves between stays, 42 clients',
    );
    expect([...element.querySelectorAll('thead th')].map((th) => th.textContent!.trim())).toEqual([
      'From',
      'To',
      'Move',
      'Clients',
      'Share of cohort',
    ]);
    const rows = cellTexts(element);
    expect(rows.length).toBe(19);
    expect(rows[0]).toEqual(['Stay 1: PHP', 'Stay 2: IOP', 'Step-down', '20', '48 %']);
    expect(rows[3]).toEqual(['Stay 1: IOP', 'Stay 2: PHP', 'Step-up', '4', '10 %']);
    expect(rows[10]).toEqual(['Stay 2: Outpatient', 'Stay 3: IOP', 'Readmission', '3', '7 %']);
    expect(rows[18]).toEqual(['Stay 4: IOP', 'Transferred', 'Exit', '1', '2 %']);

    await (await loader.getHarness(MatButtonHarness.with({ text: 'Show chart' }))).click();
    expect(visible(element.querySelector('[role="img"]'))).toBeTrue();
    expect(element.querySelector('table')).toBeNull();
  });

  it('notes journeys cut at the sixth stay', async () => {
    const { element } = await render(cohortFlow({ truncated: 2 }));
    expect(element.querySelector('.note')!.textContent!.trim()).toBe(
      '2 journeys with more than 6 stays are shown up to their 6th stay.',
    );
  });

  it('has no note when no journey was cut', async () => {
    const { element } = await render();
    expect(element.querySelector('.note')).toBeNull();
  });

  it('says so in a sentence instead of drawing an empty cohort', async () => {
    const { fixture, element } = await render(emptyFlow());
    expect(element.querySelector('[role="img"]')).toBeNull();
    expect(element.querySelector('table')).toBeNull();
    expect(chartOf(fixture)).toBeUndefined();
    expect(element.textContent).toContain('No clients were admitted in this period');
  });
});
