import { Chart } from 'chart.js';
import { DoseView, MeasureView } from '../progress-view-model';
import { doseChartConfig } from './dose-chart-config';
import { measureChartConfig } from './measure-chart-config';

/*
 * The first chart a page load draws costs three to four times the next (~35 vs ~9 ms for the
 * two-year client): Chart.js's code runs for the first time, so V8 compiles it as it goes. A
 * small measure chart and a small dose chart drawn on a detached canvas while the client's
 * data is still on its way take that cost where the page is waiting on the network anyway,
 * not between the data arriving and the charts showing it. Nothing is attached to the page
 * and both charts are destroyed at once.
 */

const DAYS = Array.from(
  { length: 12 },
  (_, i) => `2026-0${1 + Math.floor(i / 4)}-${10 + 7 * (i % 4)}`,
);

const MEASURE: MeasureView = {
  instrumentId: 'warm-up',
  name: 'Warm-up',
  shortName: 'W',
  primary: true,
  direction: 'higher-is-worse',
  range: { min: 0, max: 27 },
  bands: [
    { min: 0, max: 9, label: 'Low', level: 0 },
    { min: 10, max: 27, label: 'High', level: 3 },
  ],
  caseness: 10,
  baseline: { day: DAYS[0], total: 18 },
  reliableChangeLines: { improved: 12, deteriorated: 24 },
  reliableChangeThreshold: 6,
  points: DAYS.map((day, i) => ({ id: `w${i}`, day, total: 18 - i })),
  expected: DAYS.map((day, week) => ({
    week,
    day,
    expected: 18 - week,
    amberEdge: 20 - week,
    redEdge: 22 - week,
  })),
  summary: '',
  modalities: [],
  setAside: 0,
};

const PHASE = {
  episodeId: 'w',
  level: 'iop',
  label: 'IOP',
  from: DAYS[0],
  to: DAYS[11],
  days: 77,
  ongoing: true,
} as const;

const DOSE: DoseView = {
  weeks: DAYS.map((from, i) => ({
    week: i + 1,
    from,
    to: from,
    hours: 9,
    minimum: 9,
    level: 'iop',
  })),
  modalities: [
    {
      modality: 'dbt-skills',
      label: 'DBT skills group',
      attended: 12,
      scheduled: 12,
      hours: 108,
      weeks: DAYS.map((from, i) => ({ week: i + 1, from, attended: 3, missed: 0, hours: 9 })),
    },
  ],
};

/** Draws and destroys one small measure chart and one dose chart off the page. */
export function warmUpCharts(document: Document): void {
  const measure = measureChartConfig(MEASURE, {
    phases: [PHASE],
    transitions: [{ day: DAYS[6], kind: 'step-down', label: 'Step-down' }],
    events: [{ day: DAYS[3], kind: 'missed-session', label: 'Missed' }],
    range: { from: DAYS[0], to: DAYS[11] },
  });
  for (const config of [measure, doseChartConfig(DOSE)] as const) {
    const canvas = document.createElement('canvas');
    canvas.width = 640;
    canvas.height = 240;
    const chart = new Chart(canvas, {
      ...config,
      options: { ...config.options, responsive: false },
    } as never);
    chart.destroy();
  }
}
