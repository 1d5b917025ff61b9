import {
  CategoryScale,
  ChartComponentLike,
  Filler,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
} from 'chart.js';
import { provideCharts } from 'ng2-charts';

/**
 * Exactly what the outcomes trend charts draw with, so the outcomes chunk carries only these
 * parts of Chart.js: line datasets on a category (month or census day) axis against a linear
 * one, the Filler for the rates' interval bands and the census's stacked areas, and tooltips.
 * No Legend: both charts draw their own HTML legend (dash, shape, hollow points, counts) and
 * switch the canvas legend off.
 */
export const OUTCOMES_CHART_REGISTERABLES: readonly ChartComponentLike[] = [
  LineController,
  LineElement,
  PointElement,
  CategoryScale,
  LinearScale,
  Filler,
  Tooltip,
];

/** The ng2-charts provider for the outcomes route. */
export function provideOutcomesCharts() {
  return provideCharts({
    registerables: OUTCOMES_CHART_REGISTERABLES,
    // A canvas does not inherit CSS fonts; match the app's Roboto.
    defaults: { font: { family: 'Roboto, "Helvetica Neue", Arial, sans-serif' } },
  });
}
