import { provideCharts } from 'ng2-charts';
import { FLOWS_CHART_REGISTERABLES } from './flows/flows-chart-registration';
import { JOURNEY_CHART_REGISTERABLES } from './journey/journey-chart-registration';

/**
 * Every Chart.js part the step-down route draws with, once: the flows section's and the journey
 * timeline's. ng2-charts takes one configuration per injector, so the route provides the union.
 */
export const STEP_DOWN_CHART_REGISTERABLES = [
  ...new Set([...FLOWS_CHART_REGISTERABLES, ...JOURNEY_CHART_REGISTERABLES]),
];

/** The ng2-charts provider for the step-down route. */
export function provideStepDownCharts() {
  return provideCharts({
    registerables: STEP_DOWN_CHART_REGISTERABLES,
    // A canvas does not inherit CSS fonts; match the app's Roboto.
    defaults: { font: { family: 'Roboto, "Helvetica Neue", Arial, sans-serif' } },
  });
}
