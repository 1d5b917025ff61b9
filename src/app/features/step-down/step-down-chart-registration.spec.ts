import { NG_CHARTS_CONFIGURATION } from 'ng2-charts';
import { kindOf } from './chart-registration-fixture';
import { FLOWS_CHART_REGISTERABLES } from './flows/flows-chart-registration';
import { journeyChartConfig } from './journey/journey-chart-config';
import { JOURNEY_CHART_REGISTERABLES } from './journey/journey-chart-registration';
import { timelineOf } from './journey/journey-fixture';
import {
  STEP_DOWN_CHART_REGISTERABLES,
  provideStepDownCharts,
} from './step-down-chart-registration';

describe('provideStepDownCharts', () => {
  it('registers the flows’ and the journey’s parts once each, and nothing else', () => {
    const provider = provideStepDownCharts();
    expect(provider.provide).toBe(NG_CHARTS_CONFIGURATION);
    expect(provider.useValue.registerables).toEqual(STEP_DOWN_CHART_REGISTERABLES);
    const kinds = STEP_DOWN_CHART_REGISTERABLES.map(kindOf);
    expect(new Set(kinds).size).toBe(kinds.length);
    expect(JOURNEY_CHART_REGISTERABLES.map(kindOf).sort()).toEqual([
      'controller:line',
      'element:line',
      'element:point',
      'plugin:tooltip',
      'scale:linear',
      'scale:time',
    ]);
    expect([...kinds].sort()).toEqual(
      [
        ...new Set([...FLOWS_CHART_REGISTERABLES, ...JOURNEY_CHART_REGISTERABLES].map(kindOf)),
      ].sort(),
    );
  });

  it('covers every dataset type and scale type the journey chart asks for', () => {
    const registered = JOURNEY_CHART_REGISTERABLES.map(kindOf);
    const config = journeyChartConfig(timelineOf());
    for (const dataset of config.data.datasets)
      expect(registered).toContain(`controller:${dataset.type ?? config.type}`);
    for (const scale of Object.values(config.options!.scales!))
      expect(registered).toContain(`scale:${scale!.type}`);
  });
});
