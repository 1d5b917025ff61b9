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

/**
 * Exactly what the flows section draws with, so the step-down chunk carries only these parts
 * (with the journey timeline's, in `../step-down-chart-registration.ts`):
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
