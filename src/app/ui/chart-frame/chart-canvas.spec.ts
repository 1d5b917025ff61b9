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
  const frame = () => new Promise<void>((done) => requestAnimationFrame(() => done()));
  /** Waits a few frames for `check` to hold: resize observations arrive with the next frames. */
  async function until(check: () => boolean): Promise<void> {
    for (let i = 0; i < 10 && !check(); i++) await frame();
  }

  async function render(legend = true, box = { width: 400, height: 200 }) {
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
      // As the app's charts: the box sets both sides, not an aspect ratio.
      options: {
        animation: false,
        maintainAspectRatio: false,
        plugins: { legend: { display: legend } },
      },
    };
    const fixture = TestBed.createComponent(ChartCanvas<'bar', number[], string>);
    fixture.componentRef.setInput('config', config);
    const element = fixture.nativeElement as HTMLElement;
    element.style.width = `${box.width}px`;
    element.style.height = `${box.height}px`;
    await fixture.whenStable();
    const chart = fixture.debugElement
      .query(By.directive(BaseChartDirective))
      .injector.get(BaseChartDirective).chart!;
    return { chart, element };
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

  it('draws at the pixel size of its box, sharp on the screen it is on', async () => {
    const { chart, element } = await render(true, { width: 412, height: 180 });
    expect([chart.width, chart.height]).toEqual([412, 180]);
    const canvas = element.querySelector('canvas')!;
    expect([canvas.style.width, canvas.style.height]).toEqual(['412px', '180px']);
    expect(canvas.width).toBe(Math.floor(412 * devicePixelRatio));
  });

  it('follows its box when it is resized', async () => {
    const { chart, element } = await render(true, { width: 400, height: 200 });
    const canvas = element.querySelector('canvas')!;
    element.style.width = '250px';
    await until(() => chart.width === 250);
    expect([chart.width, chart.height]).toEqual([250, 200]);
    expect(canvas.style.width).toBe('250px');
    element.style.height = '150px';
    element.style.width = '520px';
    await until(() => chart.height === 150);
    expect([chart.width, chart.height]).toEqual([520, 150]);
    expect([canvas.style.width, canvas.style.height]).toEqual(['520px', '150px']);
  });

  it('shows or hides the canvas legend as the options say', async () => {
    expect((await render(false)).chart.options.plugins!.legend!.display).toBeFalse();
    TestBed.resetTestingModule();
    expect((await render(true)).chart.options.plugins!.legend!.display).toBeTrue();
  });
});
