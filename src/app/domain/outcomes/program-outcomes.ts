import { InstrumentDefinition } from '../instruments/instrument';
import { OutcomeCategory, OutcomeFlags } from '../instruments/outcome-category';
import { LevelOfCare } from '../models';
import { Spread, mean, prePostEffectSize, spread } from '../stats/descriptive';
import { Proportion, wilsonInterval } from '../stats/wilson';
import { dayNumber } from '../recovery/day-number';
import { episodeOutcomeFlags } from './episode-flags';
import { OutcomeEpisode } from './outcome-episode';

/**
 * Program outcomes. Every rate is a `Proportion` carrying its own denominator `n` and a Wilson
 * 95 % interval; the per-episode rates tally `episodeOutcomeFlags`, and the denominators are:
 * - completion: finished episodes;
 * - response, remission, reliable improvement / deterioration, outcome categories: episodes with
 *   a baseline and a later primary score for which the measure is defined (response needs a
 *   higher-is-worse scale and a baseline above its floor; remission a remission score; reliable
 *   change a threshold);
 * - recovery and reliable recovery: those of them at caseness at the start (NHS Talking Therapies);
 * - paired PHQ-9 + GAD-7: episodes with both measured (recovery: at caseness on either);
 * - attendance: attended + missed sessions (clinic cancellations excluded);
 * - measure completion: complete treatment weeks.
 */
export interface ProgramOutcomes {
  readonly episodes: number;
  readonly active: number;
  readonly finished: number;
  /** Ended 'completed' or 'stepped-down' (a planned move to less care is a completion). */
  readonly completion: Proportion;
  readonly response: Proportion;
  readonly remission: Proportion;
  readonly reliableImprovement: Proportion;
  readonly reliableDeterioration: Proportion;
  readonly recovery: Proportion;
  readonly reliableRecovery: Proportion;
  readonly pairedRecovery: Proportion;
  readonly pairedReliableImprovement: Proportion;
  readonly pairedReliableDeterioration: Proportion;
  readonly pairedReliableRecovery: Proportion;
  /** Episodes per outcome category (primary measure), over the episodes with a score pair. */
  readonly categories: Readonly<Record<OutcomeCategory, number>>;
  /** Episodes with a baseline and a later primary score. */
  readonly measured: number;
  /** Mean improvement in points (positive = better) over `measured`. */
  readonly meanImprovement: number | undefined;
  /** mean(baseline − final) / SD(baseline), mirrored for higher-is-better scales. */
  readonly effectSize: number | undefined;
  readonly attendance: Proportion;
  /** Attended hours / complete weeks in treatment, over all episodes. */
  readonly meanWeeklyHours: number | undefined;
  readonly measureCompletion: Proportion;
  /** Length of stay of finished episodes, per level, in days counting first and last day. */
  readonly lengthOfStay: Partial<Record<LevelOfCare, Spread>>;
  /** Scores set aside as out of range or fractional, across the episodes. */
  readonly unusableScores: number;
}

/** A running successes / n tally for flags that are undefined outside the denominator. */
class Tally {
  successes = 0;
  n = 0;
  add(flag: boolean | undefined): void {
    if (flag === undefined) return;
    this.n++;
    if (flag) this.successes++;
  }
  interval(): Proportion {
    return wilsonInterval(this.successes, this.n);
  }
}

function emptyCategories(): Record<OutcomeCategory, number> {
  return { recovered: 0, improved: 0, 'no-change': 0, deteriorated: 0, 'not-enough-data': 0 };
}

/** Program outcomes for a set of joined episodes, in one pass. */
export function programOutcomes(
  rows: readonly OutcomeEpisode[],
  primary: InstrumentDefinition,
  anxiety?: InstrumentDefinition,
): ProgramOutcomes {
  const t = {
    completion: new Tally(),
    response: new Tally(),
    remission: new Tally(),
    improvement: new Tally(),
    deterioration: new Tally(),
    recovery: new Tally(),
    reliableRecovery: new Tally(),
    pRecovery: new Tally(),
    pImprovement: new Tally(),
    pDeterioration: new Tally(),
    pReliableRecovery: new Tally(),
  };
  const categories = emptyCategories();
  let active = 0;
  let attended = 0;
  let due = 0;
  let hours = 0;
  let weeks = 0;
  let measuredWeeks = 0;
  let unusableScores = 0;
  const baselines: number[] = [];
  const finals: number[] = [];
  const improvements: number[] = [];
  const stays = new Map<LevelOfCare, number[]>();

  for (const row of rows) {
    const { episode } = row;
    const flags = episodeOutcomeFlags(row, primary, anxiety);
    if (episode.status === 'active') active++;
    t.completion.add(flags.completion);
    if (episode.status === 'finished') {
      if (row.start && row.end) {
        const list = stays.get(episode.level) ?? [];
        list.push(dayNumber(row.end) - dayNumber(row.start) + 1);
        stays.set(episode.level, list);
      }
    }
    attended += row.attended;
    due += row.attended + row.missed;
    hours += row.attendedHours;
    weeks += row.weeksInTreatment;
    measuredWeeks += row.weeksWithMeasure;
    unusableScores += row.unusableScores;

    if (!row.primary) continue;
    baselines.push(row.primary.baseline);
    finals.push(row.primary.final);
    improvements.push(flags.improvement!);
    t.response.add(flags.response);
    t.remission.add(flags.remission);
    categories[flags.category!]++;
    t.improvement.add(flags.reliableImprovement);
    t.deterioration.add(flags.reliableDeterioration);
    t.recovery.add(flags.recovery);
    // Undefined unless at caseness at the start, so this is the caseness denominator.
    t.reliableRecovery.add(flags.reliableRecovery);
    if (flags.paired) addPaired(t, flags.paired);
  }

  const lengthOfStay: Partial<Record<LevelOfCare, Spread>> = {};
  for (const [level, days] of stays) lengthOfStay[level] = spread(days);
  return {
    episodes: rows.length,
    active,
    finished: t.completion.n,
    completion: t.completion.interval(),
    response: t.response.interval(),
    remission: t.remission.interval(),
    reliableImprovement: t.improvement.interval(),
    reliableDeterioration: t.deterioration.interval(),
    recovery: t.recovery.interval(),
    reliableRecovery: t.reliableRecovery.interval(),
    pairedRecovery: t.pRecovery.interval(),
    pairedReliableImprovement: t.pImprovement.interval(),
    pairedReliableDeterioration: t.pDeterioration.interval(),
    pairedReliableRecovery: t.pReliableRecovery.interval(),
    categories,
    measured: baselines.length,
    meanImprovement: mean(improvements),
    // Negating both series mirrors a higher-is-better scale and keeps the baseline SD.
    effectSize:
      primary.direction === 'higher-is-worse'
        ? prePostEffectSize(baselines, finals)
        : prePostEffectSize(
            baselines.map((v) => -v),
            finals.map((v) => -v),
          ),
    attendance: wilsonInterval(attended, due),
    meanWeeklyHours: weeks === 0 ? undefined : hours / weeks,
    measureCompletion: wilsonInterval(measuredWeeks, weeks),
    lengthOfStay,
    unusableScores,
  };
}

function addPaired(
  t: { pRecovery: Tally; pImprovement: Tally; pDeterioration: Tally; pReliableRecovery: Tally },
  flags: OutcomeFlags,
): void {
  t.pRecovery.add(flags.recovery);
  t.pImprovement.add(flags.reliableImprovement);
  t.pDeterioration.add(flags.reliableDeterioration);
  // Undefined unless at caseness at the start on either measure.
  t.pReliableRecovery.add(flags.reliableRecovery);
}
