import {
  ChartComponentLike,
  LineController,
  LineElement,
  LinearScale,
  PointElement,
  TimeScale,
  Tooltip,
} from 'chart.js';
// The time scale has no date library of its own; this registers date-fns as its adapter.
import 'chartjs-adapter-date-fns';

/**
 * What the journey timeline draws with: line datasets (stays, moves, the plan, scores) on a time
 * axis and two linear axes (lanes, scores), with a tooltip. Its legend is HTML.
 */
export const JOURNEY_CHART_REGISTERABLES: readonly ChartComponentLike[] = [
  LineController,
  LineElement,
  PointElement,
  LinearScale,
  TimeScale,
  Tooltip,
];
