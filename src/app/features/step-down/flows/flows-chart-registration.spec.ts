import { ChartComponentLike, DatasetController, Element, Scale } from 'chart.js';
import { NG_CHARTS_CONFIGURATION } from 'ng2-charts';
import { cohortFlowConfig } from './cohort-flow-config';
import { FLOWS_CHART_REGISTERABLES, provideFlowsCharts } from './flows-chart-registration';
import { cohortFlow, durations } from './flows-fixture';
import { timeInLevelConfig } from './time-in-level-config';

/** "controller:sankey", "element:flow": ids alone are ambiguous (bar controller, bar element). */
function kindOf(item: ChartComponentLike): string {
  const id = (item as { id: string }).id;
  const proto = (item as { prototype?: object }).prototype;
  if (proto instanceof DatasetController) return `controller:${id}`;
  // A Scale is also an Element, so it is tested first.
  if (proto instanceof Scale) return `scale:${id}`;
  if (proto instanceof Element) return `element:${id}`;
  return `plugin:${id}`;
}

describe('provideFlowsCharts', () => {
  const registered = FLOWS_CHART_REGISTERABLES.map(kindOf);

  it('registers exactly the parts the flows charts use, Sankey included', () => {
    const provider = provideFlowsCharts();
    expect(provider.provide).toBe(NG_CHARTS_CONFIGURATION);
    expect(provider.useValue.registerables).toEqual(FLOWS_CHART_REGISTERABLES);
    expect([...registered].sort()).toEqual([
      'controller:bar',
      'controller:sankey',
      'controller:scatter',
      'element:bar',
      'element:flow',
      'element:point',
      'plugin:legend',
      'plugin:tooltip',
      'scale:category',
      'scale:linear',
    ]);
  });

  it('covers every dataset type and scale type the configs ask for', () => {
    const configs = [cohortFlowConfig(cohortFlow()), timeInLevelConfig(durations())];
    for (const config of configs) {
      const types = [
        config.type,
        ...config.data.datasets.map((d) => (d as { type?: string }).type ?? config.type),
      ];
      for (const type of types) expect(registered).toContain(`controller:${type}`);
      const scales = (config.options as { scales?: Record<string, { type?: string }> }).scales;
      for (const scale of Object.values(scales ?? {})) {
        if (scale.type) expect(registered).toContain(`scale:${scale.type}`);
      }
    }
    // The Sankey lays its nodes out on linear scales of its own.
    expect(registered).toContain('scale:linear');
  });
});
