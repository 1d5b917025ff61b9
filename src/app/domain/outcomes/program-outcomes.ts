import { InstrumentDefinition } from '../instruments/instrument';
import { instrumentOutcome, pairedOutcome } from '../instruments/outcome-category';
import { isResponse, isRemission } from '../instruments/response-remission';
import { improvementFromBaseline, severityOf } from '../instruments/scoring';
import { CalendarDay, LevelOfCare } from '../models';
import { Spread, mean, prePostEffectSize, spread } from '../stats/descriptive';
import { Proportion, wilsonInterval } from '../stats/wilson';
import { daysBetween } from '../time/calendar-day';
import { OutcomeEpisode } from './outcome-episode';

export interface ProgramOutcomes {
  readonly episodes: number;
  readonly active: number;
  readonly finished: number;
  /** Finished episodes that ended completed or stepped down / all finished episodes. */
  readonly completion: Proportion;
  /** Denominator: episodes with a baseline and a later primary score. */
  readonly response: Proportion;
  readonly remission: Proportion;
  readonly reliableImprovement: Proportion;
  readonly reliableDeterioration: Proportion;
  /** Denominator: episodes at caseness at the start (NHS Talking Therapies). */
  readonly recovery: Proportion;
  readonly reliableRecovery: Proportion;
  /** PHQ-9 + GAD-7 paired recovery, where both were measured. */
  readonly pairedRecovery: Proportion;
  readonly meanImprovement: number | undefined;
  readonly effectSize: number | undefined;
  /** Attended / (attended + missed) over all sessions. */
  readonly attendance: Proportion;
  readonly meanWeeklyHours: number | undefined;
  /** Weeks with a primary score / weeks in treatment. */
  readonly measureCompletion: Proportion;
  /** Length of stay in days of finished episodes, per level. */
  readonly lengthOfStay: Partial<Record<LevelOfCare, Spread>>;
}

/** Program outcomes for a set of episodes, in one pass; every rate carries its n and a Wilson interval. */
export function programOutcomes(
  rows: readonly OutcomeEpisode[],
  primary: InstrumentDefinition,
  anxiety?: InstrumentDefinition,
): ProgramOutcomes {
  let active = 0;
  let finished = 0;
  let completed = 0;
  let measured = 0;
  let responders = 0;
  let responseN = 0;
  let remitted = 0;
  let remissionN = 0;
  let improved = 0;
  let deteriorated = 0;
  let casesAtStart = 0;
  let recovered = 0;
  let reliablyRecovered = 0;
  let pairedCases = 0;
  let pairedRecovered = 0;
  let attended = 0;
  let due = 0;
  let hours = 0;
  let weeks = 0;
  let measuredWeeks = 0;
  const baselines: number[] = [];
  const finals: number[] = [];
  const improvements: number[] = [];
  const stays = new Map<LevelOfCare, number[]>();

  for (const row of rows) {
    const { episode } = row;
    if (episode.status === 'active') active++;
    if (episode.status === 'finished') {
      finished++;
      if (episode.endReason === 'completed' || episode.endReason === 'stepped-down') completed++;
      if (row.start && row.end) {
        const list = stays.get(episode.level) ?? [];
        list.push(daysBetween(row.start, row.end) + 1);
        stays.set(episode.level, list);
      }
    }
    attended += row.attended;
    due += row.attended + row.missed;
    hours += row.attendedHours;
    weeks += row.weeksInTreatment;
    measuredWeeks += row.weeksWithMeasure;

    if (!row.primary) continue;
    const { baseline, final } = row.primary;
    measured++;
    baselines.push(baseline);
    finals.push(final);
    improvements.push(improvementFromBaseline(primary, baseline, final));
    const response = isResponse(primary, baseline, final);
    if (response !== undefined) {
      responseN++;
      if (response) responders++;
    }
    const remission = isRemission(primary, final);
    if (remission !== undefined) {
      remissionN++;
      if (remission) remitted++;
    }
    const flags = instrumentOutcome(primary, row.primary);
    if (flags.reliableImprovement) improved++;
    if (flags.reliableDeterioration) deteriorated++;
    if (flags.atCasenessAtStart) {
      casesAtStart++;
      if (flags.recovery) recovered++;
      if (flags.reliableRecovery) reliablyRecovered++;
    }
    if (anxiety && row.paired) {
      const pair = pairedOutcome(
        { instrument: primary, scores: row.primary },
        { instrument: anxiety, scores: row.paired },
      );
      if (pair.atCasenessAtStart) {
        pairedCases++;
        if (pair.recovery) pairedRecovered++;
      }
    }
  }

  const lengthOfStay: Partial<Record<LevelOfCare, Spread>> = {};
  for (const [level, days] of stays) lengthOfStay[level] = spread(days);
  const hasReliableChange =
    primary.reliableChange !== undefined || primary.reliabilityInputs !== undefined;
  return {
    episodes: rows.length,
    active,
    finished,
    completion: wilsonInterval(completed, finished),
    response: wilsonInterval(responders, responseN),
    remission: wilsonInterval(remitted, remissionN),
    reliableImprovement: wilsonInterval(improved, hasReliableChange ? measured : 0),
    reliableDeterioration: wilsonInterval(deteriorated, hasReliableChange ? measured : 0),
    recovery: wilsonInterval(recovered, casesAtStart),
    reliableRecovery: wilsonInterval(reliablyRecovered, hasReliableChange ? casesAtStart : 0),
    pairedRecovery: wilsonInterval(pairedRecovered, pairedCases),
    meanImprovement: mean(improvements),
    effectSize:
      primary.direction === 'higher-is-worse'
        ? prePostEffectSize(baselines, finals)
        : prePostEffectSize(finals, baselines),
    attendance: wilsonInterval(attended, due),
    meanWeeklyHours: weeks === 0 ? undefined : hours / weeks,
    measureCompletion: wilsonInterval(measuredWeeks, weeks),
    lengthOfStay,
  };
}

/** Groups rows by a key (program, therapist, presenting problem, entry route, admission month…). */
export function groupRows<K extends string>(
  rows: readonly OutcomeEpisode[],
  keyOf: (row: OutcomeEpisode) => K | readonly K[] | undefined,
): Map<K, OutcomeEpisode[]> {
  const groups = new Map<K, OutcomeEpisode[]>();
  for (const row of rows) {
    const key = keyOf(row);
    if (key === undefined) continue;
    for (const k of (Array.isArray(key) ? key : [key]) as K[]) {
      const list = groups.get(k) ?? [];
      list.push(row);
      groups.set(k, list);
    }
  }
  return groups;
}

export const byProgram = (row: OutcomeEpisode) => row.episode.programId;
export const byTherapist = (row: OutcomeEpisode) => row.episode.careManagerId;
export const byPresentingProblem = (row: OutcomeEpisode) => row.episode.presentingProblems;
export const byEntryRoute = (row: OutcomeEpisode) => row.episode.entryRoute;
export const byAdmissionMonth = (row: OutcomeEpisode) => row.start?.slice(0, 7);

export interface SeverityAdjusted {
  readonly n: number;
  readonly observed: number | undefined;
  readonly expected: number | undefined;
  /** observed − expected: positive means more improvement than the case mix predicts. */
  readonly difference: number | undefined;
}

/**
 * Severity-adjusted comparison: each episode's expected improvement is the mean improvement of
 * all episodes in the reference set that started in the same severity band; a group's figure is
 * its mean observed improvement minus the mean of its expected values, so a therapist with harder
 * cases is compared with what those cases usually achieve.
 */
export function severityAdjusted(
  groups: ReadonlyMap<string, readonly OutcomeEpisode[]>,
  reference: readonly OutcomeEpisode[],
  instrument: InstrumentDefinition,
): Map<string, SeverityAdjusted> {
  const bandSums = new Map<string, { sum: number; n: number }>();
  for (const row of reference) {
    if (!row.primary) continue;
    const band = severityOf(instrument, row.primary.baseline)?.label;
    if (!band) continue;
    const cell = bandSums.get(band) ?? { sum: 0, n: 0 };
    cell.sum += improvementFromBaseline(instrument, row.primary.baseline, row.primary.final);
    cell.n++;
    bandSums.set(band, cell);
  }
  const out = new Map<string, SeverityAdjusted>();
  for (const [key, rows] of groups) {
    const observed: number[] = [];
    const expected: number[] = [];
    for (const row of rows) {
      if (!row.primary) continue;
      const band = severityOf(instrument, row.primary.baseline)?.label;
      const cell = band ? bandSums.get(band) : undefined;
      if (!cell) continue;
      observed.push(improvementFromBaseline(instrument, row.primary.baseline, row.primary.final));
      expected.push(cell.sum / cell.n);
    }
    const o = mean(observed);
    const e = mean(expected);
    out.set(key, {
      n: observed.length,
      observed: o,
      expected: e,
      difference: o === undefined || e === undefined ? undefined : o - e,
    });
  }
  return out;
}

/** Clients at each level on a day: episodes that had started and not yet ended. */
export function censusByLevel(
  rows: readonly OutcomeEpisode[],
  day: CalendarDay,
): Partial<Record<LevelOfCare, number>> {
  const census: Partial<Record<LevelOfCare, number>> = {};
  for (const row of rows) {
    if (
      !row.start ||
      row.start > day ||
      (row.end && row.end < day) ||
      row.episode.status === 'cancelled'
    )
      continue;
    census[row.episode.level] = (census[row.episode.level] ?? 0) + 1;
  }
  return census;
}

/** Admissions (episode starts) and discharges (episode ends) per month, `YYYY-MM` in the program zone. */
export function flowsByMonth(
  rows: readonly OutcomeEpisode[],
): Map<string, { admissions: number; discharges: number }> {
  const months = new Map<string, { admissions: number; discharges: number }>();
  const cell = (month: string) => {
    const c = months.get(month) ?? { admissions: 0, discharges: 0 };
    months.set(month, c);
    return c;
  };
  for (const row of rows) {
    if (row.start) cell(row.start.slice(0, 7)).admissions++;
    if (row.end) cell(row.end.slice(0, 7)).discharges++;
  }
  return new Map([...months.entries()].sort(([a], [b]) => (a < b ? -1 : 1)));
}
