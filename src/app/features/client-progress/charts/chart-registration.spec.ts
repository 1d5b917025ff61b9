import {
  ChartComponentLike,
  DatasetController,
  Element,
  Scale,
  ScatterController,
  _adapters,
  registry,
} from 'chart.js';
import { NG_CHARTS_CONFIGURATION } from 'ng2-charts';
import { dbtSkills, dose, JOURNEY, phq9 } from './chart-fixtures';
import { PROGRESS_CHART_REGISTERABLES, provideProgressCharts } from './chart-registration';
import { doseChartConfig, modalityWeeksConfig } from './dose-chart-config';
import { measureChartConfig } from './measure-chart-config';

/** "controller:line", "element:line": ids alone are ambiguous (line controller, line element). */
function kindOf(item: ChartComponentLike): string {
  const id = (item as { id: string }).id;
  const proto = (item as { prototype?: object }).prototype;
  if (proto instanceof DatasetController) return `controller:${id}`;
  // A Scale is also an Element, so it is tested first.
  if (proto instanceof Scale) return `scale:${id}`;
  if (proto instanceof Element) return `element:${id}`;
  return `plugin:${id}`;
}

describe('provideProgressCharts', () => {
  const registered = PROGRESS_CHART_REGISTERABLES.map(kindOf);

  it('registers exactly the Chart.js parts the progress charts use, not the defaults', () => {
    const provider = provideProgressCharts();
    expect(provider.provide).toBe(NG_CHARTS_CONFIGURATION);
    // Registered once by the provider, not again by ng2-charts for every chart it creates.
    expect(provider.useValue.registerables).toBeUndefined();
    expect(registry.getController('scatter') as unknown).toBe(ScatterController);
    expect(registry.getPlugin('progressBackdrop')).toBeDefined();
    expect([...registered].sort()).toEqual([
      'controller:bar',
      'controller:line',
      'controller:scatter',
      'element:bar',
      'element:line',
      'element:point',
      'plugin:decimation',
      'plugin:filler',
      'plugin:legend',
      'plugin:progressBackdrop',
      'plugin:tooltip',
      'scale:category',
      'scale:linear',
      'scale:time',
    ]);
  });

  it('covers every dataset type and explicit scale type the configs ask for', () => {
    const configs = [
      measureChartConfig(phq9(), { phases: [], transitions: [], events: [], range: JOURNEY }),
      doseChartConfig(dose()),
      modalityWeeksConfig(dbtSkills()),
    ];
    for (const config of configs) {
      const types = [config.type, ...config.data.datasets.map((d) => d.type ?? config.type)];
      for (const type of types) expect(registered).toContain(`controller:${type}`);
      for (const scale of Object.values(config.options?.scales ?? {})) {
        if (scale?.type) expect(registered).toContain(`scale:${scale.type}`);
      }
    }
  });

  it('brings a date adapter for the time scale', () => {
    // Without one, Chart.js's stub adapter throws on every format call.
    const adapter = new _adapters._date();
    expect(adapter.format(new Date(2026, 9, 26).getTime(), 'd MMM yyyy')).toBe('26 Oct 2026');
  });
});
