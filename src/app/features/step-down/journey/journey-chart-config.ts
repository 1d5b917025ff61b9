import { ChartConfiguration, ChartDataset, Scale } from 'chart.js';
import { formatDay } from '../../../domain/progress/measure-summary';
import { dayMs, endOfDayMs } from '../../client-progress/charts/chart-format';
import { FlowsPalette, flowsPalette } from '../flows/flows-chart-palette';
import {
  PLANNED_DASH,
  PLANNED_MOVE_DASH,
  STAY_STYLES,
  STAY_WIDTH,
  TODAY_DASH,
  journeyColours,
  stayStyle,
} from './journey-chart-style';
import {
  JourneyTimelineView,
  TimelinePlan,
  TimelineScore,
  TimelineStay,
  laneOf,
  planDirection,
  showsToday,
} from './journey-timeline-view';

/*
 * The journey timeline: a lane per level of care with the client's stays drawn as thick lines in
 * their lanes, moves between lanes as thin connectors, the planned stay dashed, and the primary
 * measure over it all on a second axis whose ticks are the severity cut-offs. Everything is a
 * line dataset on one time axis (Chart.js bars cannot be dashed and a horizontal bar would need a
 * second index axis), so the route registers only the line controller. Pure functions of the
 * view, so the specs can check every number drawn without a canvas.
 */

/** A drawn point; the stay, score or plan rides along for the tooltip. */
export interface JourneyDatum {
  readonly x: number;
  /** `null` breaks the connectors' line between two moves. */
  readonly y: number | null;
  readonly stay?: TimelineStay;
  readonly score?: TimelineScore;
  readonly plan?: TimelinePlan;
  /** Set on the two ends of today's line. */
  readonly today?: string;
}

export type JourneyChartConfig = ChartConfiguration<'line', JourneyDatum[]>;
type JourneyDataset = ChartDataset<'line', JourneyDatum[]>;

/** Drawn back to front by `order` (highest first): connectors, stays, the plan, then scores. */
const ORDER = { today: 5, moves: 4, stays: 3, plan: 2, halo: 1, score: 0 } as const;

/** A dotted line across every lane at the start of today: what is past and what is planned. */
function todayDataset(view: JourneyTimelineView, palette: FlowsPalette): JourneyDataset {
  const ranks = view.lanes.map((l) => l.rank);
  const x = dayMs(view.today);
  return {
    type: 'line',
    label: 'Today',
    yAxisID: 'lane',
    data: [
      { x, y: Math.min(...ranks) - 0.5, today: view.today },
      { x, y: Math.max(...ranks) + 0.5, today: view.today },
    ],
    borderColor: journeyColours(palette).today,
    borderWidth: 1.5,
    borderDash: [...TODAY_DASH],
    pointRadius: 0,
    pointHitRadius: 6,
    order: ORDER.today,
  };
}

function stayDataset(stay: TimelineStay, palette: FlowsPalette): JourneyDataset {
  const style = stayStyle(stay.began);
  const colour = journeyColours(palette)[style];
  const marker = STAY_STYLES[style].marker;
  const lane = laneOf(stay.level);
  return {
    type: 'line',
    label: `${stay.label}: ${stay.beganLabel}`,
    yAxisID: 'lane',
    data: [
      { x: dayMs(stay.from), y: lane, stay },
      // A stay's last day is whole: the bar runs to the next day's midnight.
      { x: endOfDayMs(stay.lastDay), y: lane, stay },
    ],
    borderColor: colour,
    backgroundColor: colour,
    borderWidth: STAY_WIDTH,
    borderCapStyle: 'butt',
    // A marker only at the start, hollow so it shows on the bar's own colour.
    pointRadius: [marker ? 7 : 0, 0],
    pointStyle: marker ?? 'circle',
    pointBackgroundColor: palette.surface,
    pointBorderColor: colour,
    pointBorderWidth: 2,
    pointHitRadius: 10,
    order: ORDER.stays,
  };
}

function movesDataset(view: JourneyTimelineView, palette: FlowsPalette): JourneyDataset {
  return {
    type: 'line',
    label: 'Moves between levels',
    yAxisID: 'lane',
    data: view.moves.flatMap((m) => [
      { x: dayMs(m.day), y: laneOf(m.from) },
      { x: dayMs(m.day), y: laneOf(m.to) },
      { x: dayMs(m.day), y: null },
    ]),
    borderColor: journeyColours(palette).move,
    borderWidth: 1.5,
    pointRadius: 0,
    pointHitRadius: 0,
    spanGaps: false,
    order: ORDER.moves,
  };
}

function planDatasets(plan: TimelinePlan, palette: FlowsPalette): JourneyDataset[] {
  const colour = journeyColours(palette).planned;
  const target = laneOf(plan.to);
  return [
    {
      type: 'line',
      label: `Planned stay at ${plan.label}`,
      yAxisID: 'lane',
      data: [
        { x: dayMs(plan.day), y: target, plan },
        { x: endOfDayMs(plan.drawnUntil), y: target, plan },
      ],
      borderColor: colour,
      backgroundColor: colour,
      borderWidth: STAY_WIDTH,
      borderCapStyle: 'butt',
      borderDash: [...PLANNED_DASH],
      pointRadius: 0,
      pointHitRadius: 10,
      order: ORDER.plan,
    },
    {
      type: 'line',
      label: plan.label,
      yAxisID: 'lane',
      data: [
        { x: dayMs(plan.day), y: laneOf(plan.from), plan },
        { x: dayMs(plan.day), y: target, plan },
      ],
      borderColor: colour,
      backgroundColor: colour,
      borderWidth: 2,
      borderDash: [...PLANNED_MOVE_DASH],
      // An arrowhead at the target lane, pointing the way the plan moves.
      pointRadius: [0, 7],
      pointStyle: 'triangle',
      pointRotation: planDirection(plan) === 'down' ? 180 : 0,
      pointBorderColor: palette.surface,
      pointBorderWidth: 1,
      pointHitRadius: 10,
      order: ORDER.plan,
    },
  ];
}

function scoreDatasets(view: JourneyTimelineView, palette: FlowsPalette): JourneyDataset[] {
  const m = view.measure;
  if (!m || m.points.length === 0) return [];
  const colour = journeyColours(palette).score;
  const points = m.points.map((score) => ({ x: dayMs(score.day), y: score.total, score }));
  return [
    {
      type: 'line',
      label: `${m.shortName} score`,
      yAxisID: 'score',
      data: points,
      borderColor: colour,
      backgroundColor: colour,
      borderWidth: 2,
      pointRadius: 3.5,
      pointHoverRadius: 6,
      pointStyle: 'circle',
      tension: 0,
      order: ORDER.score,
    },
    {
      // A halo in the surface colour under the score line, so it stays legible where it
      // crosses a stay of a similar darkness. Carries no score, so the tooltip skips it.
      type: 'line',
      label: 'halo',
      yAxisID: 'score',
      data: points.map(({ x, y }) => ({ x, y })),
      borderColor: palette.surface,
      backgroundColor: palette.surface,
      borderWidth: 6,
      pointRadius: 5.5,
      pointBorderWidth: 0,
      pointHitRadius: 0,
      tension: 0,
      order: ORDER.halo,
    },
  ];
}

export function laneTicks(view: JourneyTimelineView): number[] {
  // Each lane's centre (labelled) and its edges (unlabelled, drawn as the lane separators).
  const ranks = view.lanes.map((l) => l.rank);
  return [...new Set(ranks.flatMap((r) => [r - 0.5, r, r + 0.5]))].sort((a, b) => a - b);
}

export function laneTickLabel(view: JourneyTimelineView, value: number): string {
  return view.lanes.find((l) => l.rank === value)?.label ?? '';
}

/** The score axis ticks: where each severity band starts, and the top of the scale. */
export function scoreTicks(view: JourneyTimelineView): number[] {
  const m = view.measure;
  if (!m) return [];
  return [...new Set([...m.bands.map((b) => b.min), m.range.max])].sort((a, b) => a - b);
}

export function scoreTickLabel(view: JourneyTimelineView, value: number): string | string[] {
  const band = view.measure?.bands.find((b) => b.min === value);
  return band ? [String(value), band.label] : String(value);
}

function setTicks(values: number[]) {
  return (scale: Scale) => {
    scale.ticks = values.map((value) => ({ value }));
  };
}

export function journeyChartConfig(view: JourneyTimelineView, dark = false): JourneyChartConfig {
  const palette = flowsPalette(dark);
  const ranks = view.lanes.map((l) => l.rank);
  const m = view.measure;
  return {
    type: 'line',
    data: {
      datasets: [
        ...scoreDatasets(view, palette),
        ...(view.planned ? planDatasets(view.planned, palette) : []),
        ...view.stays.map((s) => stayDataset(s, palette)),
        movesDataset(view, palette),
        ...(showsToday(view) ? [todayDataset(view, palette)] : []),
      ],
    },
    options: {
      // Points are already `{x, y}` in ms: no parsing, and no animation on a page that redraws.
      parsing: false,
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      layout: { padding: { top: 8, right: 4 } },
      interaction: { mode: 'nearest', axis: 'xy', intersect: false },
      scales: {
        x: {
          type: 'time',
          min: dayMs(view.range.from),
          max: endOfDayMs(view.range.to),
          time: {
            minUnit: 'day',
            displayFormats: { day: 'd MMM', week: 'd MMM', month: 'MMM yyyy', quarter: 'MMM yyyy' },
          },
          ticks: { color: palette.text, maxRotation: 0, autoSkipPadding: 12 },
          grid: { color: palette.grid },
          border: { color: palette.axis },
        },
        lane: {
          type: 'linear',
          position: 'left',
          min: Math.min(...ranks) - 0.5,
          max: Math.max(...ranks) + 0.5,
          afterBuildTicks: setTicks(laneTicks(view)),
          ticks: { color: palette.text, autoSkip: false, callback: (v) => laneTickLabel(view, +v) },
          // Only the lane edges are drawn: a line through a lane's centre would strike its stays.
          grid: {
            color: (ctx) => (Number.isInteger(ctx.tick?.value) ? 'transparent' : palette.grid),
          },
          border: { color: palette.axis },
        },
        ...(m
          ? {
              score: {
                type: 'linear' as const,
                position: 'right' as const,
                min: m.range.min,
                max: m.range.max,
                title: { display: true, text: `${m.shortName} score`, color: palette.text },
                afterBuildTicks: setTicks(scoreTicks(view)),
                ticks: {
                  color: palette.text,
                  autoSkip: false,
                  callback: (v: string | number) => scoreTickLabel(view, +v),
                },
                // The severity cut-offs across the plot, dashed so they read apart from lanes.
                grid: { color: palette.grid, drawOnChartArea: true },
                border: { color: palette.axis, dash: [4, 4] },
              },
            }
          : {}),
      },
      plugins: {
        // The component draws an HTML legend that can show dashes and marker shapes in words.
        legend: { display: false },
        tooltip: {
          filter: (item) => tooltipText(view, item.raw) !== undefined,
          callbacks: {
            title: (items) => tooltipText(view, items[0]?.raw)?.title ?? '',
            label: (item) => tooltipText(view, item.raw)?.lines ?? [],
          },
        },
      },
    },
  };
}

/** What the tooltip says about a drawn point; undefined for halos and connectors. */
export function tooltipText(
  view: JourneyTimelineView,
  raw: unknown,
): { title: string; lines: string[] } | undefined {
  const datum = raw as JourneyDatum | undefined;
  if (datum?.score) {
    const s = datum.score;
    return {
      title: formatDay(s.day),
      lines: [
        `${view.measure?.shortName ?? 'Score'} ${s.total}${s.severity ? ` · ${s.severity}` : ''}`,
      ],
    };
  }
  if (datum?.stay) {
    const s = datum.stay;
    return {
      title: `${s.levelName}, ${formatDay(s.from)} – ${s.to ? formatDay(s.to) : 'today'}`,
      lines: [`${s.duration}`, s.beganLabel, s.ended],
    };
  }
  if (datum?.today) return { title: 'Today', lines: [formatDay(datum.today)] };
  if (datum?.plan) {
    const p = datum.plan;
    return {
      title: `${p.label} on ${formatDay(p.day)}`,
      lines: p.reason ? [`Reason: ${p.reason}`] : [],
    };
  }
  return undefined;
}
