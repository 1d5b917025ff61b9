import { format, parseISO } from 'date-fns';
import { LEVELS } from '../../domain/levels/level-of-care';
import { formatDay } from '../../domain/progress/measure-summary';
import { CensusPoint, MonthRates } from '../../domain/outcomes/trends';
import { CensusTrendView, RateTrendsView } from './outcomes-view-model';

const monthLabel = (month: string) => format(parseISO(`${month}-01`), 'MMM yyyy');

/** The rate trends as the chart reads them (its sentence is the chart's own: trend-format.ts). */
export function rateTrendsView(months: readonly MonthRates[], instrument: string): RateTrendsView {
  return {
    instrument,
    months: months.map((m) => ({
      month: m.month,
      label: monthLabel(m.month),
      rates: {
        completion: m.completion.value,
        response: m.response.value,
        remission: m.remission.value,
        reliableImprovement: m.reliableImprovement.value,
      },
    })),
  };
}

/** The census series as the stacked chart reads it, levels in order of intensity. */
export function censusTrendView(points: readonly CensusPoint[]): CensusTrendView {
  return {
    levels: LEVELS.filter((d) => points.some((p) => p.byLevel[d.level])).map((d) => ({
      level: d.level,
      label: d.shortLabel,
    })),
    points: points.map((p) => ({ ...p, label: formatDay(p.day) })),
  };
}
