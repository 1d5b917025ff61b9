import { LEVELS } from '../levels/level-of-care';
import { LevelOfCare } from '../models';
import { spread } from '../stats/descriptive';
import { Journey } from './journey';

export interface LevelDuration {
  readonly level: LevelOfCare;
  /** Finished stays measured (open stays are censored: their length is not yet known). */
  readonly n: number;
  readonly ongoing: number;
  readonly medianDays?: number;
  readonly q1Days?: number;
  readonly q3Days?: number;
  readonly minDays?: number;
  readonly maxDays?: number;
  readonly expectedWeeks?: { readonly min: number; readonly max: number };
  /** Finished stays shorter than, within and longer than the expected length. */
  readonly shorter: number;
  readonly within: number;
  readonly longer: number;
}

/**
 * Time at each level across journeys, for finished stays (median and interquartile range, type-7
 * quartiles), set against the program's expected length (IOP 8–12 weeks and PHP 2–4 by default,
 * configurable). A stay of exactly the expected bounds counts as within.
 */
export function timeInLevel(
  journeys: readonly Journey[],
  expected: Partial<Record<LevelOfCare, { min: number; max: number }>> = {},
): LevelDuration[] {
  const days = new Map<LevelOfCare, number[]>();
  const ongoing = new Map<LevelOfCare, number>();
  for (const j of journeys)
    for (const stay of j.stays) {
      if (!stay.end) ongoing.set(stay.level, (ongoing.get(stay.level) ?? 0) + 1);
      else days.set(stay.level, [...(days.get(stay.level) ?? []), stay.days]);
    }
  return LEVELS.filter((l) => days.has(l.level) || ongoing.has(l.level)).map((definition) => {
    const values = days.get(definition.level) ?? [];
    const s = spread(values);
    const weeks = expected[definition.level] ?? definition.expectedWeeks;
    const shorter = weeks ? values.filter((d) => d < weeks.min * 7).length : 0;
    const longer = weeks ? values.filter((d) => d > weeks.max * 7).length : 0;
    return {
      level: definition.level,
      n: values.length,
      ongoing: ongoing.get(definition.level) ?? 0,
      ...(s.median !== undefined ? { medianDays: s.median, q1Days: s.q1!, q3Days: s.q3! } : {}),
      // reduce, not Math.min(...values): spreading a program's stays as arguments can overflow the stack.
      ...(values.length
        ? {
            minDays: values.reduce((a, b) => Math.min(a, b)),
            maxDays: values.reduce((a, b) => Math.max(a, b)),
          }
        : {}),
      ...(weeks ? { expectedWeeks: { min: weeks.min, max: weeks.max } } : {}),
      shorter,
      within: weeks ? values.length - shorter - longer : 0,
      longer,
    };
  });
}
