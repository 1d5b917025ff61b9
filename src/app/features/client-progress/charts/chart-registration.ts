import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  ChartComponentLike,
  Decimation,
  Filler,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  ScatterController,
  TimeScale,
  Tooltip,
} from 'chart.js';
import { provideCharts } from 'ng2-charts';
// The time scale has no date library of its own; this registers date-fns as its adapter.
import 'chartjs-adapter-date-fns';
import { progressBackdropPlugin } from './progress-backdrop';

/**
 * Exactly what the progress charts draw with, so the lazy chunk carries only these parts of
 * Chart.js (`withDefaultRegisterables()` would add pie, radar, polar, bubble, log scales…).
 * Scatter is here for the event markers: unlike a line dataset, Chart.js never decimates it,
 * so no missed session or safety signal can be thinned out of a long series.
 */
export const PROGRESS_CHART_REGISTERABLES: readonly ChartComponentLike[] = [
  LineController,
  BarController,
  ScatterController,
  LineElement,
  PointElement,
  BarElement,
  LinearScale,
  TimeScale,
  CategoryScale,
  Filler,
  Tooltip,
  Legend,
  Decimation,
  progressBackdropPlugin,
];

/**
 * The ng2-charts provider for the client progress route. The parts are registered here, once:
 * given to ng2-charts as `registerables`, they would be registered again by every chart it
 * creates, re-merging each part's defaults (a few milliseconds a chart, a dozen charts a page).
 */
export function provideProgressCharts() {
  Chart.register(...PROGRESS_CHART_REGISTERABLES);
  return provideCharts({
    // A canvas does not inherit CSS fonts; match the app's Roboto.
    defaults: { font: { family: 'Roboto, "Helvetica Neue", Arial, sans-serif' } },
  });
}
