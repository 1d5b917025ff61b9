import {
  ChartConfiguration,
  ChartDataset,
  ChartOptions,
  TooltipCallbacks,
  TooltipItem,
} from 'chart.js';
import { levelDefinition } from '../../../domain/levels/level-of-care';
import { LevelOfCare } from '../../../domain/models';
import { DoseView, DoseWeek, ModalityView } from '../progress-view-model';
import { ChartPalette, chartPalette, modalityColour } from './chart-palette';
import { dayLabel, formatNumber, weekLabel } from './chart-format';

/*
 * The treatment-dose charts: attended hours per journey week by modality against the level's
 * minimum, and one modality's attended and missed sessions. Pure functions of the view model.
 */

/** Bars by modality plus the stepped minimum line. */
export type DoseChartType = 'bar' | 'line';
export type DoseChartConfig = ChartConfiguration<DoseChartType, (number | null)[], string>;
export type ModalityWeeksConfig = ChartConfiguration<'bar', number[], string>;

export const MINIMUM_LABEL = 'Level minimum';
export const HOURS_STACK = 'hours';

/** What differs between the stacked bar charts; the rest is `stackedBarOptions`. */
export interface StackedBarExtra<T extends DoseChartType> {
  /** Headroom above the tallest bar, as Chart.js's `grace`. */
  readonly grace?: string;
  /** Legend swatches in each dataset's point style rather than as boxes. */
  readonly pointStyleLegend?: boolean;
  readonly tooltip: Partial<TooltipCallbacks<T>>;
}

/** The options the dose and modality bar charts share; `extra` carries where they differ. */
export function stackedBarOptions<T extends DoseChartType>(
  palette: ChartPalette,
  yTitle: string,
  extra: StackedBarExtra<T>,
): ChartOptions<T> {
  const options: ChartOptions<DoseChartType> = {
    animation: false,
    responsive: true,
    maintainAspectRatio: false,
    interaction: { mode: 'index', intersect: false },
    scales: {
      x: {
        stacked: true,
        ticks: { color: palette.text, maxRotation: 0, autoSkipPadding: 8 },
        grid: { display: false },
        border: { color: palette.reference },
      },
      y: {
        stacked: true,
        beginAtZero: true,
        ...(extra.grace === undefined ? {} : { grace: extra.grace }),
        title: { display: true, text: yTitle, color: palette.text },
        ticks: { color: palette.text, precision: 0 },
        grid: { color: palette.grid },
        border: { color: palette.reference },
      },
    },
    plugins: {
      // The canvas legend names each colour; the table is the route that needs no colour.
      legend: {
        display: true,
        position: 'bottom',
        labels: {
          color: palette.text,
          boxHeight: 8,
          ...(extra.pointStyleLegend ? { usePointStyle: true } : {}),
        },
      },
      tooltip: { callbacks: extra.tooltip as Partial<TooltipCallbacks<DoseChartType>> },
    },
  };
  // TypeScript cannot relate a literal to the options of an unresolved type parameter, so the
  // literal is checked against the bar-and-line options, which hold for either T.
  return options as ChartOptions<T>;
}

export function doseChartConfig(dose: DoseView, dark = false): DoseChartConfig {
  const palette = chartPalette(dark);
  return {
    type: 'bar',
    data: {
      labels: dose.weeks.map((w) => weekLabel(w.week)),
      datasets: [...modalityDatasets(dose, palette), minimumDataset(dose.weeks, palette)],
    },
    options: stackedBarOptions<DoseChartType>(palette, 'Hours attended', {
      // Headroom, so a minimum equal to the tallest bar is not drawn on the frame's edge.
      grace: '10%',
      // Point styles let the legend tell the dashed minimum line from the modality bars.
      pointStyleLegend: true,
      tooltip: {
        title: (items) => doseTooltipTitle(dose, items[0]?.dataIndex),
        label: (item) => doseTooltipLabel(item),
        footer: (items) => doseTooltipFooter(dose, items[0]?.dataIndex),
      },
    }),
  };
}

/** One stacked bar dataset per modality, hours per journey week (zero where none). */
export function modalityDatasets(
  dose: DoseView,
  palette: ChartPalette,
): ChartDataset<DoseChartType, (number | null)[]>[] {
  return dose.modalities.map((m) => {
    // Matched by week number rather than position, so a modality missing a week cannot shift
    // every later bar into the wrong week.
    const hours = new Map(m.weeks.map((w) => [w.week, w.hours]));
    const colour = modalityColour(palette, m.modality);
    return {
      type: 'bar' as const,
      label: m.label,
      stack: HOURS_STACK,
      data: dose.weeks.map((w) => hours.get(w.week) ?? 0),
      backgroundColor: colour,
      hoverBackgroundColor: colour,
      // A surface-coloured seam between stacked segments separates them without relying on hue.
      borderColor: palette.surface,
      borderWidth: { top: 1, right: 0, bottom: 0, left: 0 },
      pointStyle: 'rect',
      order: 1,
    };
  });
}

/**
 * The level's minimum weekly hours as a stepped, dashed line; null (a gap) in weeks whose
 * level sets no minimum, rather than a misleading zero.
 */
export function minimumDataset(
  weeks: readonly DoseWeek[],
  palette: ChartPalette,
): ChartDataset<DoseChartType, (number | null)[]> {
  return {
    type: 'line' as const,
    label: MINIMUM_LABEL,
    // Its own stack, so it is never added on top of the bars.
    stack: 'minimum',
    data: weeks.map((w) => w.minimum ?? null),
    borderColor: palette.minimum,
    backgroundColor: palette.minimum,
    borderWidth: 2,
    borderDash: [6, 4],
    fill: false,
    // 'middle' puts the step between two weeks' bars, where the level actually changed.
    stepped: 'middle',
    spanGaps: false,
    pointRadius: 0,
    pointHitRadius: 8,
    pointStyle: 'line',
    // Drawn over the bars.
    order: 0,
  };
}

function doseTooltipTitle(dose: DoseView, index: number | undefined): string {
  const week = index === undefined ? undefined : dose.weeks[index];
  if (!week) return '';
  const level = week.level ? ` · ${levelName(week.level)}` : '';
  return `${weekLabel(week.week)}, from ${dayLabel(week.from)}${level}`;
}

function doseTooltipLabel(item: TooltipItem<DoseChartType>): string {
  const value = item.raw;
  if (typeof value !== 'number') return `${item.dataset.label}: none`;
  return `${item.dataset.label}: ${formatNumber(value)} h`;
}

function doseTooltipFooter(dose: DoseView, index: number | undefined): string {
  const week = index === undefined ? undefined : dose.weeks[index];
  return week ? `Total ${formatNumber(week.hours)} h` : '';
}

function levelName(level: LevelOfCare): string {
  return levelDefinition(level).shortLabel;
}

/**
 * The dose chart's text alternative: "Attended 7.5 hours a week on average over 6 weeks,
 * against the IOP minimum of 9".
 */
export function doseSummary(dose: DoseView): string {
  const weeks = dose.weeks.length;
  if (weeks === 0) return 'No treatment weeks yet';
  const average = dose.weeks.reduce((sum, w) => sum + w.hours, 0) / weeks;
  const head = `Attended ${formatNumber(average)} hours a week on average over ${weeks} week${weeks === 1 ? '' : 's'}`;
  const minimums = minimumsByLevel(dose.weeks);
  if (minimums.length === 0) return head;
  if (minimums.length === 1) {
    const [m] = minimums;
    return `${head}, against the ${m.name} minimum of ${formatNumber(m.minimum)}`;
  }
  const list = minimums.map((m) => `${formatNumber(m.minimum)} at ${m.name}`);
  return `${head}, against minimums of ${list.slice(0, -1).join(', ')} and ${list.at(-1)}`;
}

/** Each distinct (level, minimum) the journey met, in the order it met them. */
function minimumsByLevel(weeks: readonly DoseWeek[]): { name: string; minimum: number }[] {
  const seen = new Map<string, { name: string; minimum: number }>();
  for (const w of weeks) {
    if (w.minimum === undefined) continue;
    const name = w.level ? levelName(w.level) : 'level';
    const key = `${name}:${w.minimum}`;
    if (!seen.has(key)) seen.set(key, { name, minimum: w.minimum });
  }
  return [...seen.values()];
}

/** One row of the dose table; `modalities` follows `dose.modalities` order. */
export interface DoseTableRow {
  readonly week: string;
  readonly from: string;
  readonly hours: string;
  readonly minimum: string;
  readonly modalities: readonly string[];
}

export function doseTableRows(dose: DoseView): DoseTableRow[] {
  const byModality = dose.modalities.map((m) => new Map(m.weeks.map((w) => [w.week, w.hours])));
  return dose.weeks.map((w) => ({
    week: weekLabel(w.week),
    from: dayLabel(w.from),
    hours: formatNumber(w.hours),
    minimum: w.minimum === undefined ? '—' : formatNumber(w.minimum),
    modalities: byModality.map((hours) => formatNumber(hours.get(w.week) ?? 0)),
  }));
}

export const ATTENDED_LABEL = 'Attended';
export const MISSED_LABEL = 'Missed';

/**
 * One modality's sessions per week: attended as solid bars, missed as outline-only bars, so
 * the two differ by fill as well as colour.
 */
export function modalityWeeksConfig(modality: ModalityView, dark = false): ModalityWeeksConfig {
  const palette = chartPalette(dark);
  const colour = modalityColour(palette, modality.modality);
  return {
    type: 'bar',
    data: {
      labels: modality.weeks.map((w) => weekLabel(w.week)),
      datasets: [
        {
          label: ATTENDED_LABEL,
          stack: 'sessions',
          data: modality.weeks.map((w) => w.attended),
          backgroundColor: colour,
          borderColor: colour,
          borderWidth: 0,
        },
        {
          label: MISSED_LABEL,
          stack: 'sessions',
          data: modality.weeks.map((w) => w.missed),
          backgroundColor: 'transparent',
          borderColor: palette.missed,
          borderWidth: 2,
          // Keep all four sides: the outline is the whole point of the missed bar.
          borderSkipped: false,
        },
      ],
    },
    options: stackedBarOptions<'bar'>(palette, 'Sessions', {
      tooltip: {
        title: (items) => modalityTooltipTitle(modality, items[0]?.dataIndex),
        footer: (items) => {
          const week = items[0] ? modality.weeks[items[0].dataIndex] : undefined;
          return week ? `${formatNumber(week.hours)} h attended` : '';
        },
      },
    }),
  };
}

function modalityTooltipTitle(modality: ModalityView, index: number | undefined): string {
  const week = index === undefined ? undefined : modality.weeks[index];
  return week ? `${weekLabel(week.week)}, from ${dayLabel(week.from)}` : '';
}

/** "DBT skills group: attended 10 of 12 sessions". */
export function modalitySummary(modality: ModalityView): string {
  if (modality.scheduled === 0) return `${modality.label}: no sessions due`;
  return `${modality.label}: attended ${modality.attended} of ${modality.scheduled} session${modality.scheduled === 1 ? '' : 's'}`;
}

export interface ModalityWeekRow {
  readonly week: string;
  readonly attended: string;
  readonly missed: string;
  readonly hours: string;
}

export function modalityTableRows(modality: ModalityView): ModalityWeekRow[] {
  return modality.weeks.map((w) => ({
    week: weekLabel(w.week),
    attended: String(w.attended),
    missed: String(w.missed),
    hours: formatNumber(w.hours),
  }));
}
