import { Scale } from 'chart.js';
import { dayMs, endOfDayMs } from '../../client-progress/charts/chart-format';
import { flowsPalette } from '../flows/flows-chart-palette';
import {
  JourneyDatum,
  journeyChartConfig,
  laneTickLabel,
  laneTicks,
  scoreTickLabel,
  scoreTicks,
  tooltipText,
} from './journey-chart-config';
import { PLANNED_DASH, STAY_WIDTH } from './journey-chart-style';
import { readmittedRecords, timelineOf } from './journey-fixture';

describe('journeyChartConfig', () => {
  const view = timelineOf();
  const config = journeyChartConfig(view);
  const datasets = config.data.datasets;
  const byLabel = (label: string) => datasets.find((d) => d.label === label)!;
  const light = flowsPalette(false);

  it('draws each stay as a thick bar in its level’s lane, end of its last day included', () => {
    const stays = datasets.filter((d) => d.data.some((p) => p.stay));
    expect(stays.map((d) => d.label)).toEqual([
      'PHP: Admitted to PHP',
      'IOP: Step-down to IOP',
      'PHP: Step-up to PHP',
      'IOP: Step-down to IOP',
    ]);
    const first = stays[0];
    expect(first.yAxisID).toBe('lane');
    expect(first.borderWidth).toBe(STAY_WIDTH);
    expect(first.data.map((p) => [p.x, p.y])).toEqual([
      [dayMs('2026-09-01'), 4],
      [endOfDayMs('2026-09-14'), 4],
    ]);
    // The open stay runs to the end of today.
    expect(stays[3].data[1].x).toBe(endOfDayMs('2026-11-28'));
  });

  it('tells a step-up apart by colour and by a hollow triangle at its start', () => {
    const stepUp = byLabel('PHP: Step-up to PHP');
    const steady = byLabel('PHP: Admitted to PHP');
    expect(stepUp.borderColor).toBe(light.kinds['step-up']);
    expect(steady.borderColor).toBe(light.kinds['step-down']);
    expect(stepUp.pointStyle).toBe('triangle');
    expect(stepUp.pointRadius).toEqual([7, 0]);
    expect(stepUp.pointBackgroundColor).toBe(light.surface);
    expect(steady.pointRadius).toEqual([0, 0]);
  });

  it('draws today as a dotted line across every lane, named in its tooltip', () => {
    const today = byLabel('Today');
    expect(today.yAxisID).toBe('lane');
    expect(today.borderDash).toEqual([2, 3]);
    expect(today.borderColor).toBe(light.text);
    // Across the six lanes' full height, at the start of today (28 Nov in the fixture).
    expect(today.data.map((p) => [p.x, p.y])).toEqual([
      [dayMs('2026-11-28'), 0.5],
      [dayMs('2026-11-28'), 6.5],
    ]);
    expect(tooltipText(view, today.data[0])).toEqual({ title: 'Today', lines: ['28 Nov 2026'] });
    // A journey whose drawn range ended before today has no today line.
    const past = journeyChartConfig({ ...view, today: '2027-06-01' });
    expect(past.data.datasets.some((d) => d.label === 'Today')).toBeFalse();
  });

  it('marks a readmission with its own colour and a diamond', () => {
    const readmission = journeyChartConfig(timelineOf(readmittedRecords())).data.datasets.find(
      (d) => d.label === 'IOP: Readmission to IOP',
    )!;
    expect(readmission.borderColor).toBe(light.kinds.readmission);
    expect(readmission.pointStyle).toBe('rectRot');
  });

  it('dashes the planned stay in the target lane and points the planned move down', () => {
    const stay = byLabel('Planned stay at Planned step-down to Outpatient');
    expect(stay.borderDash).toEqual([...PLANNED_DASH]);
    expect(stay.data.map((p) => [p.x, p.y])).toEqual([
      [dayMs('2026-12-10'), 2],
      [endOfDayMs('2026-12-23'), 2],
    ]);
    const move = byLabel('Planned step-down to Outpatient');
    expect(move.data.map((p) => [p.x, p.y])).toEqual([
      [dayMs('2026-12-10'), 3],
      [dayMs('2026-12-10'), 2],
    ]);
    expect(move.pointRadius).toEqual([0, 7]);
    expect(move.pointRotation).toBe(180);
  });

  it('joins stays with thin connectors broken between moves', () => {
    const moves = byLabel('Moves between levels');
    expect(moves.data.map((p) => p.y)).toEqual([4, 3, null, 3, 4, null, 4, 3, null]);
    expect(moves.spanGaps).toBeFalse();
  });

  it('lays the scores on the right-hand axis over a halo, on top of everything else', () => {
    const score = byLabel('PHQ-9 score');
    expect(score.yAxisID).toBe('score');
    expect(score.data.length).toBe(13);
    expect(score.data[0]).toEqual(
      jasmine.objectContaining({ x: dayMs('2026-09-01'), y: 22 }) as unknown as JourneyDatum,
    );
    expect(score.order).toBe(0);
    const halo = byLabel('halo');
    expect(halo.borderColor).toBe(light.surface);
    expect(halo.data.every((p) => !p.score)).toBeTrue();
    // Drawn first, so behind everything: today's line, then the connectors.
    const order = datasets.map((d) => d.order ?? 0).sort((a, b) => b - a);
    expect(order.slice(0, 2)).toEqual([
      byLabel('Today').order!,
      byLabel('Moves between levels').order!,
    ]);
    expect(order[1]).toBeLessThan(order[0]);
  });

  it('spans the axis from the first stay to the end of the drawn plan', () => {
    const x = config.options!.scales!['x']!;
    expect([x.min, x.max]).toEqual([dayMs('2026-09-01'), endOfDayMs('2026-12-23')]);
    const lane = config.options!.scales!['lane']!;
    expect([lane.min, lane.max]).toEqual([0.5, 6.5]);
  });

  it('labels a lane at its centre and draws only the lane edges', () => {
    expect(laneTicks(view)).toEqual([0.5, 1, 1.5, 2, 2.5, 3, 3.5, 4, 4.5, 5, 5.5, 6, 6.5]);
    expect(laneTickLabel(view, 4)).toBe('PHP');
    expect(laneTickLabel(view, 4.5)).toBe('');
    const scale = { ticks: [] } as unknown as Scale;
    config.options!.scales!['lane']!.afterBuildTicks!(scale);
    expect(scale.ticks.map((t) => t.value)).toEqual(laneTicks(view));
  });

  it('puts the severity cut-offs on the score axis, named', () => {
    expect(scoreTicks(view)).toEqual([0, 5, 10, 15, 20, 27]);
    expect(scoreTickLabel(view, 10)).toEqual(['10', 'Moderate']);
    expect(scoreTickLabel(view, 15)).toEqual(['15', 'Moderately severe']);
    expect(scoreTickLabel(view, 27)).toBe('27');
  });

  it('has no score axis for a client without scores', () => {
    const none = journeyChartConfig({ ...view, measure: undefined });
    expect(none.options!.scales!['score']).toBeUndefined();
    expect(none.data.datasets.some((d) => d.yAxisID === 'score')).toBeFalse();
  });

  it('says in the tooltip what a point is, and nothing for halos and connectors', () => {
    const score = byLabel('PHQ-9 score').data[12];
    expect(tooltipText(view, score)).toEqual({ title: '24 Nov 2026', lines: ['PHQ-9 8 · Mild'] });
    const stepUp = byLabel('PHP: Step-up to PHP').data[0];
    expect(tooltipText(view, stepUp)).toEqual({
      title: 'Partial hospitalization, 13 Oct 2026 – 26 Oct 2026',
      lines: ['2 wk', 'Step-up to PHP', 'Stepped down to a lower level of care'],
    });
    expect(tooltipText(view, byLabel('Planned step-down to Outpatient').data[1])).toEqual({
      title: 'Planned step-down to Outpatient on 10 Dec 2026',
      lines: ['Reason: met step-down criteria'],
    });
    expect(tooltipText(view, byLabel('halo').data[0])).toBeUndefined();
    expect(tooltipText(view, byLabel('Moves between levels').data[0])).toBeUndefined();
  });
});
