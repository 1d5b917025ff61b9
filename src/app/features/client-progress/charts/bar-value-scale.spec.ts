import { Chart, ChartConfiguration, LinearScale } from 'chart.js';
import { BarValueScale } from './bar-value-scale';
import { provideProgressCharts } from './chart-registration';
import { dbtSkills, dose } from './chart-fixtures';
import { doseChartConfig, modalityWeeksConfig } from './dose-chart-config';

/** Draws `config` on a fixed-size canvas and returns its pixels and the chart. */
function draw(config: ChartConfiguration<'bar' | 'line', (number | null)[], string>) {
  const canvas = document.createElement('canvas');
  canvas.width = 480;
  canvas.height = 200;
  document.body.append(canvas);
  const options = { ...config.options, responsive: false, devicePixelRatio: 1 };
  const chart = new Chart(canvas, { ...config, options } as typeof config);
  return { chart, canvas, pixels: canvas.toDataURL() };
}

/** The same configuration with Chart.js's own linear scale on y. */
function withLinearY<T extends ChartConfiguration<'bar' | 'line', (number | null)[], string>>(
  config: T,
): T {
  const scales = config.options!.scales!;
  return {
    ...config,
    options: { ...config.options, scales: { ...scales, y: { ...scales['y'], type: 'linear' } } },
  } as T;
}

describe('BarValueScale', () => {
  const charts: Chart[] = [];
  beforeAll(() => provideProgressCharts());
  afterEach(() => {
    for (const chart of charts.splice(0)) {
      const canvas = chart.canvas;
      chart.destroy();
      canvas.remove();
    }
  });

  it('is the value axis of the dose and modality charts', () => {
    expect(doseChartConfig(dose()).options!.scales!['y']!.type).toBe('barValue');
    expect(modalityWeeksConfig(dbtSkills()).options!.scales!['y']!.type).toBe('barValue');
  });

  it('draws the dose and modality charts exactly as the linear scale does', () => {
    for (const config of [doseChartConfig(dose()), modalityWeeksConfig(dbtSkills())]) {
      const ours = draw(config);
      const linear = draw(withLinearY(config));
      charts.push(ours.chart, linear.chart);
      expect(ours.chart.scales['y']).toBeInstanceOf(BarValueScale);
      expect(linear.chart.scales['y']).not.toBeInstanceOf(BarValueScale);
      expect(ours.pixels).toBe(linear.pixels);
    }
  });

  it('leaves the bars ungrouped (one stack) and draws them where grouped bars would be', () => {
    for (const config of [doseChartConfig(dose()), modalityWeeksConfig(dbtSkills())]) {
      expect(config.options!.datasets!.bar!.grouped).toBeFalse();
      const grouped = { ...config, options: { ...config.options, datasets: {} } };
      const ours = draw(config);
      const theirs = draw(grouped);
      charts.push(ours.chart, theirs.chart);
      expect(ours.pixels).toBe(theirs.pixels);
    }
  });

  it('resolves the grid width at a value once per set of ticks, and again after an update', () => {
    const { chart } = draw(modalityWeeksConfig(dbtSkills()));
    charts.push(chart);
    const resolve = spyOn(LinearScale.prototype, 'getLineWidthForValue').and.callThrough();
    chart.update();
    // Every bar starting at zero asks; Chart.js's resolver is reached once for the value.
    expect(resolve).toHaveBeenCalledTimes(1);
    const y = chart.scales['y'];
    expect(y.getLineWidthForValue(0)).toBe(1);

    // New grid options come with new ticks, so the width follows them.
    chart.options.scales!['y']!.grid!.lineWidth = 3;
    chart.update();
    expect(y.getLineWidthForValue(0)).toBe(3);
    expect(resolve).toHaveBeenCalledTimes(2);
  });
});
