import { ChartComponentLike, DatasetController, Element, Scale } from 'chart.js';
import { NG_CHARTS_CONFIGURATION } from 'ng2-charts';
import { OUTCOMES_CHART_REGISTERABLES, provideOutcomesCharts } from './outcomes-chart-registration';
import { censusTrendConfig } from './trends/census-trend-config';
import { rateTrendConfig } from './trends/rate-trend-config';
import { census, rateTrends } from './trends/trends-fixture';

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

interface LooseConfig {
  type: string;
  data: { datasets: { type?: string; fill?: unknown }[] };
  options?: {
    scales?: Record<string, { type?: string }>;
    plugins?: { legend?: { display?: boolean }; tooltip?: object };
  };
}

describe('provideOutcomesCharts', () => {
  const registered = OUTCOMES_CHART_REGISTERABLES.map(kindOf);
  const configs = [rateTrendConfig(rateTrends()), censusTrendConfig(census())] as LooseConfig[];

  it('registers exactly the Chart.js parts the trend charts use', () => {
    const provider = provideOutcomesCharts();
    expect(provider.provide).toBe(NG_CHARTS_CONFIGURATION);
    expect(provider.useValue.registerables).toEqual(OUTCOMES_CHART_REGISTERABLES);
    expect([...registered].sort()).toEqual([
      'controller:line',
      'element:line',
      'element:point',
      'plugin:filler',
      'plugin:tooltip',
      'scale:category',
      'scale:linear',
    ]);
  });

  it('covers every dataset type and scale type the configs ask for', () => {
    for (const config of configs) {
      const types = [config.type, ...config.data.datasets.map((d) => d.type ?? config.type)];
      for (const type of types) expect(registered).toContain(`controller:${type}`);
      const scales = Object.values(config.options?.scales ?? {});
      expect(scales.length).toBeGreaterThan(0);
      for (const scale of scales) expect(registered).toContain(`scale:${scale.type}`);
    }
  });

  it('registers the Filler because the configs fill, and Tooltip because they configure it', () => {
    for (const config of configs) {
      expect(config.data.datasets.some((d) => d.fill && d.fill !== false)).toBeTrue();
      expect(config.options?.plugins?.tooltip).toBeDefined();
    }
    expect(registered).toContain('plugin:filler');
    expect(registered).toContain('plugin:tooltip');
  });

  it('leaves the canvas legend out, and every config switches it off in case another route registered it', () => {
    expect(registered).not.toContain('plugin:legend');
    for (const config of configs) expect(config.options?.plugins?.legend?.display).toBeFalse();
  });
});
