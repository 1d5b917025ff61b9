import {
  BarController,
  BarElement,
  CategoryScale,
  ChartComponentLike,
  Legend,
  LinearScale,
  PointElement,
  ScatterController,
  Tooltip,
} from 'chart.js';
import { Flow, SankeyController } from 'chartjs-chart-sankey';
import { provideCharts } from 'ng2-charts';

/**
 * Exactly what the flows section draws with, so the step-down chunk carries only these parts:
 * the Sankey (its controller, its flow element and the linear scales it lays nodes out on) and
 * the time-in-level rows (floating bars for the expected band, range and IQR on a category axis,
 * and a scatter point for the median, which a bar cannot mark).
 */
export const FLOWS_CHART_REGISTERABLES: readonly ChartComponentLike[] = [
  SankeyController,
  Flow,
  BarController,
  ScatterController,
  BarElement,
  PointElement,
  LinearScale,
  CategoryScale,
  Tooltip,
  Legend,
];

/** The ng2-charts provider for the step-down route's flows section. */
export function provideFlowsCharts() {
  return provideCharts({
    registerables: FLOWS_CHART_REGISTERABLES,
    // A canvas does not inherit CSS fonts; match the app's Roboto.
    defaults: { font: { family: 'Roboto, "Helvetica Neue", Arial, sans-serif' } },
  });
}
