import { kindOf } from '../chart-registration-fixture';
import { cohortFlowConfig } from './cohort-flow-config';
import { FLOWS_CHART_REGISTERABLES } from './flows-chart-registration';
import { cohortFlow, durations } from './flows-fixture';
import { timeInLevelConfig } from './time-in-level-config';

describe('FLOWS_CHART_REGISTERABLES', () => {
  const registered = FLOWS_CHART_REGISTERABLES.map(kindOf);

  it('registers exactly the parts the flows charts use, Sankey included', () => {
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
