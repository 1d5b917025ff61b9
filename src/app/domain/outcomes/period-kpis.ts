import { InstrumentDefinition } from '../instruments/instrument';
import { minimumWeeklyHours } from '../levels/level-of-care';
import { CalendarDay, EpisodeEndReason, LevelOfCare } from '../models';
import { Spread, mean, spread } from '../stats/descriptive';
import { Proportion, wilsonInterval } from '../stats/wilson';
import { inCareOn } from './census-flows';
import { episodeOutcomeFlags } from './episode-flags';
import { stayDays, weeklyHoursOf } from './episode-hours';
import { OutcomeEpisode } from './outcome-episode';
import { OutcomesScope, Period, inPeriod, previousPeriod } from './period';
import {
  FollowUpEvent,
  FollowUpKind,
  ProgramStay,
  clientChains,
  followUpEvents,
  programStays,
} from './program-stays';
import {
  KpiMembers,
  OutcomeRates,
  OutcomeRatesCollector,
  RateCollector,
  RateKpi,
} from './rate-members';

/** Days after a step-down or exit in which a step-up or readmission counts against it. */
export const FOLLOW_UP_DAYS = 30;

/** A count of episodes, by level, with the episodes counted. */
export interface CountKpi {
  readonly total: number;
  readonly byLevel: Readonly<Partial<Record<LevelOfCare, number>>>;
  readonly episodeIds: readonly string[];
}

/** Clients in care at each level on `day` (see `censusByLevel`); `episodeIds` are the stays. */
export interface CensusKpi extends CountKpi {
  readonly day: CalendarDay;
}

export interface DischargeKpi extends CountKpi {
  /** By the exiting episode's end reason; `unknown` where none was recorded. */
  readonly byReason: Readonly<Partial<Record<EpisodeEndReason | 'unknown', number>>>;
}

/** Length of stay in days (first and last day counted): median, type-7 quartiles and n. */
export interface LengthOfStayKpi extends Spread {
  readonly episodeIds: readonly string[];
}

/** A rate over units that are not episodes (sessions, weeks), pooled across episodes. */
export interface PooledRateKpi {
  readonly value: Proportion;
  readonly unit: 'sessions' | 'weeks';
  /** Episodes contributing at least one unit to the denominator. */
  readonly episodeIds: readonly string[];
}

/** Attended hours per week at one level against the level's minimum. */
export interface WeeklyHoursKpi {
  /** Episodes with a weekly figure (finished, at least 7 days; see `weeklyHoursOf`). */
  readonly n: number;
  /** Mean over episodes of each episode's hours per week (each client counts once). */
  readonly mean: number | undefined;
  /** The level's minimum hours per week (IOP 9, PHP 20 by default), if it has one. */
  readonly minimum: number | undefined;
  /** Share of those episodes averaging below the minimum; absent without a minimum. */
  readonly belowMinimum?: RateKpi;
  readonly episodeIds: readonly string[];
}

/** The 30-day step-up or readmission rate after step-downs and program exits. */
export interface FollowUpKpi {
  readonly windowDays: number;
  /**
   * Stepped back up / (held + stepped back up): denominator = step-downs and exits out of
   * episodes in scope that ended in the period and whose window has passed by `today`;
   * numerator = those followed within the window by a step-up or readmission.
   */
  readonly value: Proportion;
  readonly members: KpiMembers;
  /** The same split by kind of event. */
  readonly byKind: Readonly<Record<FollowUpKind, Proportion>>;
  /** Censored: the window has not passed yet. Excluded from the rate, listed here. */
  readonly tooEarly: readonly string[];
}

/** Every KPI of the dashboard for one period. */
export interface PeriodKpiSet {
  readonly period: Period;
  /** On the period's last day. */
  readonly census: CensusKpi;
  /** Entries into the program: program stays (see `ProgramStay`) starting in the period. */
  readonly admissions: CountKpi;
  /** Exits from the program: program stays whose last day is in the period. */
  readonly discharges: DischargeKpi;
  /** Over the discharge cohort, per level. */
  readonly lengthOfStay: Readonly<Partial<Record<LevelOfCare, LengthOfStayKpi>>>;
  /**
   * The discharge cohort: episodes at the scope's levels that finished (status `finished`)
   * with their last day in the period. The rates, attendance, measure completion and hours
   * below are over it.
   */
  readonly cohort: readonly string[];
  /** Completion, response, remission, reliable improvement / deterioration, recovery. */
  readonly rates: OutcomeRates;
  /** Complete treatment weeks with a primary score / complete treatment weeks. */
  readonly measureCompletion: PooledRateKpi;
  /** Attended / (attended + missed) sessions; clinic cancellations excluded. */
  readonly attendance: PooledRateKpi;
  readonly weeklyHours: Readonly<Partial<Record<LevelOfCare, WeeklyHoursKpi>>>;
  readonly followUp: FollowUpKpi;
}

export interface PeriodKpis {
  readonly current: PeriodKpiSet;
  /** The same number of days immediately before (see `previousPeriod`). */
  readonly previous: PeriodKpiSet;
}

export interface PeriodKpiOptions {
  /** The primary measure (e.g. PHQ-9) the rows were joined with. */
  readonly primary: InstrumentDefinition;
  readonly anxiety?: InstrumentDefinition;
  /** Today in the program's time zone: follow-up windows must have passed by then. */
  readonly today: CalendarDay;
  readonly followUpDays?: number;
  readonly minimumOverrides?: Partial<Record<LevelOfCare, number>>;
}

/**
 * Whether the dashboard reports on an episode: at a program (episodes without a `programId` are
 * care elsewhere, read only as context) and in the scope's program and therapist. Use it to
 * pick the rows for trends, census series and breakdowns so they match the KPIs.
 */
export function inOutcomesScope(
  row: OutcomeEpisode,
  scope: Omit<OutcomesScope, 'period'>,
): boolean {
  const { programId } = row.episode;
  return (
    programId !== undefined &&
    (scope.programId === undefined || programId === scope.programId) &&
    (scope.therapistId === undefined || row.episode.careManagerId === scope.therapistId)
  );
}

/** Whether the episode is at one of the scope's levels (any level when none are chosen). */
export function atScopeLevels(row: OutcomeEpisode, scope: Omit<OutcomesScope, 'period'>): boolean {
  return !scope.levels?.length || scope.levels.includes(row.episode.level);
}

class CountCollector {
  private readonly ids: string[] = [];
  private readonly byLevel: Partial<Record<LevelOfCare, number>> = {};
  add(row: OutcomeEpisode): void {
    this.ids.push(row.episode.id);
    this.byLevel[row.episode.level] = (this.byLevel[row.episode.level] ?? 0) + 1;
  }
  result(): CountKpi {
    return { total: this.ids.length, byLevel: this.byLevel, episodeIds: this.ids };
  }
}

/**
 * The dashboard's KPIs for the scope's period and the period before it (see `PeriodKpiSet` for
 * each definition). `rows` should be every episode loaded (all programs, all therapists, past
 * ones too, and stays elsewhere such as an inpatient unit): the scope picks the episodes
 * reported on, always episodes at a program (with a `programId`); the rest give context —
 * whether an episode continues a stay, whether a step-down held. Linear in rows: one bucketing
 * by client and program, one by client, then a pass per period.
 */
export function periodKpis(
  rows: readonly OutcomeEpisode[],
  scope: OutcomesScope,
  options: PeriodKpiOptions,
): PeriodKpis {
  const chains = clientChains(rows);
  const stays = programStays(rows, chains);
  const windowDays = options.followUpDays ?? FOLLOW_UP_DAYS;
  const events = followUpEvents(rows, stays, windowDays, options.today, chains);
  const context = { rows, scope, options, stays, events, windowDays };
  return {
    current: kpisFor(scope.period, context),
    previous: kpisFor(previousPeriod(scope.period), context),
  };
}

interface Context {
  readonly rows: readonly OutcomeEpisode[];
  readonly scope: OutcomesScope;
  readonly options: PeriodKpiOptions;
  readonly stays: readonly ProgramStay[];
  readonly events: readonly FollowUpEvent[];
  readonly windowDays: number;
}

function kpisFor(period: Period, c: Context): PeriodKpiSet {
  const { scope, options } = c;
  const census = new CountCollector();
  const cohort: OutcomeEpisode[] = [];
  for (const row of c.rows) {
    if (!inOutcomesScope(row, scope)) continue;
    if (inCareOn(row, period.to)) census.add(row);
    if (atScopeLevels(row, scope) && row.episode.status === 'finished' && inPeriod(row.end, period))
      cohort.push(row);
  }
  const admissions = new CountCollector();
  const discharges = new CountCollector();
  const byReason: Partial<Record<EpisodeEndReason | 'unknown', number>> = {};
  for (const stay of c.stays) {
    if (inPeriod(stay.start, period) && inOutcomesScope(stay.first, scope))
      admissions.add(stay.first);
    if (inPeriod(stay.end, period) && inOutcomesScope(stay.last, scope)) {
      discharges.add(stay.last);
      const reason = stay.last.episode.endReason ?? 'unknown';
      byReason[reason] = (byReason[reason] ?? 0) + 1;
    }
  }
  return {
    period,
    census: { ...census.result(), day: period.to },
    admissions: admissions.result(),
    discharges: { ...discharges.result(), byReason },
    ...cohortKpis(cohort, options),
    followUp: followUpKpi(period, c),
  };
}

function cohortKpis(
  cohort: readonly OutcomeEpisode[],
  options: PeriodKpiOptions,
): Pick<
  PeriodKpiSet,
  'lengthOfStay' | 'cohort' | 'rates' | 'measureCompletion' | 'attendance' | 'weeklyHours'
> {
  const rates = new OutcomeRatesCollector();
  const stays = new Map<LevelOfCare, { days: number[]; ids: string[] }>();
  const hours = new Map<LevelOfCare, { values: number[]; ids: string[]; below: RateCollector }>();
  const attendance = { successes: 0, n: 0, ids: [] as string[] };
  const measures = { successes: 0, n: 0, ids: [] as string[] };
  for (const row of cohort) {
    const id = row.episode.id;
    const level = row.episode.level;
    rates.add(id, episodeOutcomeFlags(row, options.primary, options.anxiety));
    const days = stayDays(row);
    if (days !== undefined) {
      const cell = stays.get(level) ?? { days: [], ids: [] };
      cell.days.push(days);
      cell.ids.push(id);
      stays.set(level, cell);
    }
    const weekly = weeklyHoursOf(row);
    if (weekly !== undefined) {
      const cell = hours.get(level) ?? { values: [], ids: [], below: new RateCollector() };
      const minimum = minimumWeeklyHours(level, options.minimumOverrides);
      cell.values.push(weekly);
      cell.ids.push(id);
      cell.below.add(id, minimum === undefined ? undefined : weekly < minimum);
      hours.set(level, cell);
    }
    if (row.attended + row.missed > 0) {
      attendance.successes += row.attended;
      attendance.n += row.attended + row.missed;
      attendance.ids.push(id);
    }
    if (row.weeksInTreatment > 0) {
      measures.successes += row.weeksWithMeasure;
      measures.n += row.weeksInTreatment;
      measures.ids.push(id);
    }
  }
  const lengthOfStay: Partial<Record<LevelOfCare, LengthOfStayKpi>> = {};
  for (const [level, cell] of stays)
    lengthOfStay[level] = { ...spread(cell.days), episodeIds: cell.ids };
  const weeklyHours: Partial<Record<LevelOfCare, WeeklyHoursKpi>> = {};
  for (const [level, cell] of hours) {
    const minimum = minimumWeeklyHours(level, options.minimumOverrides);
    weeklyHours[level] = {
      n: cell.values.length,
      mean: mean(cell.values),
      minimum,
      ...(minimum === undefined ? {} : { belowMinimum: cell.below.result() }),
      episodeIds: cell.ids,
    };
  }
  return {
    cohort: cohort.map((r) => r.episode.id),
    rates: rates.result(),
    lengthOfStay,
    measureCompletion: {
      value: wilsonInterval(measures.successes, measures.n),
      unit: 'weeks',
      episodeIds: measures.ids,
    },
    attendance: {
      value: wilsonInterval(attendance.successes, attendance.n),
      unit: 'sessions',
      episodeIds: attendance.ids,
    },
    weeklyHours,
  };
}

function followUpKpi(period: Period, c: Context): FollowUpKpi {
  const all = new RateCollector();
  const kinds = { 'step-down': new RateCollector(), exit: new RateCollector() };
  const tooEarly: string[] = [];
  for (const e of c.events) {
    if (!inPeriod(e.end, period)) continue;
    if (!inOutcomesScope(e.row, c.scope) || !atScopeLevels(e.row, c.scope)) continue;
    if (e.fate === 'too-early') {
      tooEarly.push(e.episodeId);
      continue;
    }
    all.add(e.episodeId, e.fate === 'stepped-back-up');
    kinds[e.kind].add(e.episodeId, e.fate === 'stepped-back-up');
  }
  const { value, members } = all.result();
  return {
    windowDays: c.windowDays,
    value,
    members,
    byKind: { 'step-down': kinds['step-down'].result().value, exit: kinds.exit.result().value },
    tooEarly,
  };
}
