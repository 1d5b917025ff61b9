import { TestBed } from '@angular/core/testing';
import { By } from '@angular/platform-browser';
import {
  BarController,
  BarElement,
  CategoryScale,
  ChartConfiguration,
  Legend,
  LinearScale,
} from 'chart.js';
import { BaseChartDirective, provideCharts } from 'ng2-charts';
import { ChartCanvas } from './chart-canvas';

describe('ChartCanvas', () => {
  async function render(legend = true) {
    TestBed.configureTestingModule({
      imports: [ChartCanvas],
      providers: [
        provideCharts({
          registerables: [BarController, BarElement, CategoryScale, LinearScale, Legend],
        }),
      ],
    });
    const config: ChartConfiguration<'bar', number[], string> = {
      type: 'bar',
      data: { labels: ['Wk 1', 'Wk 2'], datasets: [{ label: 'Hours', data: [9, 7.5] }] },
      options: {
        animation: false,
        plugins: { legend: { display: legend } },
      },
    };
    const fixture = TestBed.createComponent(ChartCanvas<'bar', number[], string>);
    fixture.componentRef.setInput('config', config);
    await fixture.whenStable();
    const chart = fixture.debugElement
      .query(By.directive(BaseChartDirective))
      .injector.get(BaseChartDirective).chart!;
    return { chart, element: fixture.nativeElement as HTMLElement };
  }

  it('draws the configuration on a canvas', async () => {
    const { chart, element } = await render();
    expect(element.querySelector('canvas')).not.toBeNull();
    expect(chart.data.datasets[0].data).toEqual([9, 7.5]);
  });

  it('marks waypoint:chart-drawn once per chart, when it is first drawn', async () => {
    performance.clearMarks('waypoint:chart-drawn');
    const { chart } = await render();
    const marks = () => performance.getEntriesByName('waypoint:chart-drawn') as PerformanceMark[];
    expect(marks().length).toBe(1);
    expect(marks()[0].detail).toEqual({ type: 'bar' });
    chart.update();
    expect(marks().length).toBe(1);
  });

  it('shows or hides the canvas legend as the options say', async () => {
    expect((await render(false)).chart.options.plugins!.legend!.display).toBeFalse();
    TestBed.resetTestingModule();
    expect((await render(true)).chart.options.plugins!.legend!.display).toBeTrue();
  });
});
