import { InstrumentDefinition } from '../instruments/instrument';
import { CalendarDay, LevelOfCare } from '../models';
import { dayFromIndex, dayIndex } from './day-index';
import { isStay } from './census-flows';
import { episodeOutcomeFlags } from './episode-flags';
import { OutcomeEpisode } from './outcome-episode';
import { RateCollector, RateKpi } from './rate-members';

/** The rates trended by month of admission. */
export const TREND_RATES = ['completion', 'response', 'remission', 'reliableImprovement'] as const;
export type TrendRate = (typeof TREND_RATES)[number];

export interface MonthRates extends Readonly<Record<TrendRate, RateKpi>> {
  /** `YYYY-MM` of the episodes' first day, in the program's time zone. */
  readonly month: string;
  /** Finished episodes admitted in the month (the completion denominator). */
  readonly finished: number;
  /**
   * Episodes admitted in the month still open. While many are, the month's rates describe
   * early leavers more than completers (they finish first), so recent months read low: mark a
   * month as incomplete while `inCare` is a large share of `finished + inCare`.
   */
  readonly inCare: number;
}

/** `YYYY-MM` months from `first` to `last` inclusive. */
export function monthsBetween(first: string, last: string): string[] {
  const out: string[] = [];
  let year = Number(first.slice(0, 4));
  let month = Number(first.slice(5, 7));
  for (let key = first; key <= last;) {
    out.push(key);
    month = month === 12 ? 1 : month + 1;
    if (month === 1) year++;
    key = `${year}-${String(month).padStart(2, '0')}`;
  }
  return out;
}

/**
 * Completion, response, remission and reliable improvement by month of admission (the
 * episode's first day), over finished episodes only, each with its own denominator (as
 * `episodeOutcomeFlags` defines it), Wilson interval and members. Months run in order from the
 * first to the last month with an episode, with empty months filled in (n = 0, no rate), so a
 * chart's axis has no hidden gaps. Planned, wait-listed and cancelled episodes are left out.
 */
export function ratesByAdmissionMonth(
  rows: readonly OutcomeEpisode[],
  primary: InstrumentDefinition,
): MonthRates[] {
  const cells = new Map<
    string,
    { rates: Record<TrendRate, RateCollector>; finished: number; inCare: number }
  >();
  for (const row of rows) {
    if (!row.start || !isStay(row)) continue;
    const month = row.start.slice(0, 7);
    let cell = cells.get(month);
    if (!cell) {
      cell = { rates: collectors(), finished: 0, inCare: 0 };
      cells.set(month, cell);
    }
    if (row.episode.status !== 'finished') {
      cell.inCare++;
      continue;
    }
    cell.finished++;
    const flags = episodeOutcomeFlags(row, primary);
    for (const rate of TREND_RATES) cell.rates[rate].add(row.episode.id, flags[rate]);
  }
  if (cells.size === 0) return [];
  const keys = [...cells.keys()].sort();
  return monthsBetween(keys[0], keys[keys.length - 1]).map((month) => {
    const { rates, finished, inCare } = cells.get(month) ?? {
      rates: collectors(),
      finished: 0,
      inCare: 0,
    };
    return {
      month,
      finished,
      inCare,
      completion: rates.completion.result(),
      response: rates.response.result(),
      remission: rates.remission.result(),
      reliableImprovement: rates.reliableImprovement.result(),
    };
  });
}

function collectors(): Record<TrendRate, RateCollector> {
  return {
    completion: new RateCollector(),
    response: new RateCollector(),
    remission: new RateCollector(),
    reliableImprovement: new RateCollector(),
  };
}

export interface CensusPoint {
  readonly day: CalendarDay;
  readonly total: number;
  readonly byLevel: Readonly<Partial<Record<LevelOfCare, number>>>;
}

/**
 * The days a census series is taken on, oldest first, always ending on `to`:
 * - `week`: `to`, `to` − 7, `to` − 14 … back to `from`;
 * - `month`: the last day of each month from `from`'s month on, and `to` for the last month.
 * A point's day is the end of its step, so the last point is the census on `to`.
 */
export function censusDays(
  from: CalendarDay,
  to: CalendarDay,
  step: 'week' | 'month',
): CalendarDay[] {
  if (from > to) return [];
  if (step === 'week') {
    const days: CalendarDay[] = [];
    for (let n = dayIndex(to); n >= dayIndex(from); n -= 7) days.push(dayFromIndex(n));
    return days.reverse();
  }
  return monthsBetween(from.slice(0, 7), to.slice(0, 7)).map((month) => {
    const [y, m] = [Number(month.slice(0, 4)), Number(month.slice(5, 7))];
    const last = dayFromIndex(Date.UTC(y, m, 0) / 86_400_000);
    return last < to ? last : to;
  });
}

/**
 * Census by level on each step's day (see `censusDays`), for a stacked area chart: the same
 * rule as `censusByLevel` (a stay counts from its first to its last day inclusive; planned,
 * wait-listed and cancelled episodes never count). Each row is placed on the points it covers
 * by binary search, so the cost is rows × log(points), not rows × points.
 */
export function censusSeries(
  rows: readonly OutcomeEpisode[],
  from: CalendarDay,
  to: CalendarDay,
  step: 'week' | 'month',
): CensusPoint[] {
  const days = censusDays(from, to, step);
  // Per level, +1 at the first covered point and −1 after the last (a difference array).
  const deltas = new Map<LevelOfCare, number[]>();
  for (const row of rows) {
    if (!row.start || !isStay(row)) continue;
    const first = lowerBound(days, row.start);
    const after = row.end ? lowerBound(days, row.end, true) : days.length;
    if (first >= after) continue;
    let list = deltas.get(row.episode.level);
    if (!list) {
      list = new Array<number>(days.length + 1).fill(0);
      deltas.set(row.episode.level, list);
    }
    list[first]++;
    list[after]--;
  }
  const running = new Map<LevelOfCare, number>();
  return days.map((day, i) => {
    const byLevel: Partial<Record<LevelOfCare, number>> = {};
    let total = 0;
    for (const [level, list] of deltas) {
      const value = (running.get(level) ?? 0) + list[i];
      running.set(level, value);
      if (value > 0) {
        byLevel[level] = value;
        total += value;
      }
    }
    return { day, total, byLevel };
  });
}

/** First index whose day is >= `day` (or > `day` when `strict`). */
function lowerBound(days: readonly CalendarDay[], day: CalendarDay, strict = false): number {
  let lo = 0;
  let hi = days.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (days[mid] < day || (strict && days[mid] === day)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
