import { CalendarDay } from '../../../domain/models';
import { addDays } from '../../../domain/time/calendar-day';
import { CohortChoice } from './flows-view-model';

/** URL query parameters of the cohort (distinct from the board's own filters). */
export const COHORT_PARAMS = {
  from: 'admittedFrom',
  to: 'admittedTo',
  program: 'cohortProgram',
} as const;

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function validDay(value: unknown): value is CalendarDay {
  return typeof value === 'string' && DAY.test(value) && !Number.isNaN(Date.parse(value));
}

/**
 * The admission cohort a URL describes: admitted from/to (inclusive) and a program. Without a
 * valid period it is the year up to today; a reversed period is put the right way round rather
 * than shown empty.
 */
export function cohortFromParams(
  params: Readonly<Record<string, unknown>>,
  today: CalendarDay,
): CohortChoice {
  const asked = [params[COHORT_PARAMS.from], params[COHORT_PARAMS.to]];
  let from: CalendarDay = validDay(asked[0]) ? asked[0] : addDays(today, -364);
  let to: CalendarDay = validDay(asked[1]) ? asked[1] : today;
  if (from > to) [from, to] = [to, from];
  const program = params[COHORT_PARAMS.program];
  return {
    from,
    to,
    ...(typeof program === 'string' && program ? { programId: program } : {}),
  };
}

/** The query parameters for a cohort, leaving the defaults out of the URL. */
export function cohortParams(
  choice: CohortChoice,
  today: CalendarDay,
): Record<string, string | null> {
  const defaults = cohortFromParams({}, today);
  return {
    [COHORT_PARAMS.from]: choice.from === defaults.from ? null : choice.from,
    [COHORT_PARAMS.to]: choice.to === defaults.to ? null : choice.to,
    [COHORT_PARAMS.program]: choice.programId ?? null,
  };
}
