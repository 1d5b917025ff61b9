import { InstrumentDefinition } from '../instruments/instrument';
import { mean } from '../stats/descriptive';
import { OutcomeRate, episodeOutcomeFlags } from './episode-flags';
import { OutcomeEpisode } from './outcome-episode';
import { GroupKey, groupRows } from './outcome-groups';
import { OutcomeRates, OutcomeRatesCollector, RateCollector, RateKpi } from './rate-members';
import { SeverityAdjusted, severityAdjusted } from './severity-adjusted';

/** Groups (or denominators) smaller than this are shown but marked and never ranked. */
export const SMALL_GROUP_SIZE = 10;

export type PairedRate =
  'recovery' | 'reliableImprovement' | 'reliableDeterioration' | 'reliableRecovery';

/** One group of a breakdown (a program, a therapist, a presenting problem …). */
export interface BreakdownRow {
  readonly key: string;
  /** Episodes in the group. */
  readonly n: number;
  /** Episodes with a baseline and a later primary score (the outcome rates' widest denominator). */
  readonly measured: number;
  /** Every outcome rate with its own denominator, Wilson interval and members. */
  readonly rates: OutcomeRates;
  /** PHQ-9 + GAD-7 style paired rates, over episodes with both measured; only with `anxiety`. */
  readonly paired?: Readonly<Record<PairedRate, RateKpi>>;
  /** Mean improvement in points on the primary measure (positive = better), over `measured`. */
  readonly meanImprovement: number | undefined;
  /** Observed vs. expected improvement for the group's case mix (see `severityAdjusted`). */
  readonly severityAdjusted: SeverityAdjusted;
  /** n < `SMALL_GROUP_SIZE`: shown, marked, never ranked. */
  readonly smallGroup: boolean;
  readonly episodeIds: readonly string[];
}

/**
 * Outcomes per group for a breakdown table: each group's rates (denominators as
 * `episodeOutcomeFlags` defines them), mean improvement and severity-adjusted difference, with
 * `reference` (usually every episode in the period's cohort) giving what each starting severity
 * band usually achieves. A row with several keys (two presenting problems) joins each group.
 * Groups come out in first-seen order; use `rankBreakdown` to order them. Linear in rows.
 */
export function breakdownRows(
  rows: readonly OutcomeEpisode[],
  keyOf: GroupKey,
  primary: InstrumentDefinition,
  anxiety: InstrumentDefinition | undefined,
  reference: readonly OutcomeEpisode[],
): BreakdownRow[] {
  const groups = groupRows(rows, keyOf);
  const adjusted = severityAdjusted(groups, reference, primary);
  const out: BreakdownRow[] = [];
  for (const [key, group] of groups) {
    const rates = new OutcomeRatesCollector();
    const paired = {
      recovery: new RateCollector(),
      reliableImprovement: new RateCollector(),
      reliableDeterioration: new RateCollector(),
      reliableRecovery: new RateCollector(),
    };
    const improvements: number[] = [];
    for (const row of group) {
      const flags = episodeOutcomeFlags(row, primary, anxiety);
      rates.add(row.episode.id, flags);
      if (flags.improvement !== undefined) improvements.push(flags.improvement);
      if (flags.paired)
        for (const rate of Object.keys(paired) as PairedRate[])
          paired[rate].add(row.episode.id, flags.paired[rate]);
    }
    out.push({
      key,
      n: group.length,
      measured: improvements.length,
      rates: rates.result(),
      ...(anxiety
        ? {
            paired: {
              recovery: paired.recovery.result(),
              reliableImprovement: paired.reliableImprovement.result(),
              reliableDeterioration: paired.reliableDeterioration.result(),
              reliableRecovery: paired.reliableRecovery.result(),
            },
          }
        : {}),
      meanImprovement: mean(improvements),
      severityAdjusted: adjusted.get(key)!,
      smallGroup: group.length < SMALL_GROUP_SIZE,
      episodeIds: group.map((r) => r.episode.id),
    });
  }
  return out;
}

/** What a breakdown can be ranked by. */
export type BreakdownMetric = OutcomeRate | 'meanImprovement' | 'severityAdjusted' | 'n';

export interface RankedBreakdownRow extends BreakdownRow {
  /** 1 for the best; undefined when the group is not ranked (small group or denominator). */
  readonly rank: number | undefined;
}

/** The metric's value and its own denominator. */
function metricOf(row: BreakdownRow, metric: BreakdownMetric): { value?: number; n: number } {
  switch (metric) {
    case 'n':
      return { value: row.n, n: row.n };
    case 'meanImprovement':
      return { value: row.meanImprovement, n: row.measured };
    case 'severityAdjusted':
      return { value: row.severityAdjusted.difference, n: row.severityAdjusted.n };
    default:
      return { value: row.rates[metric].value.rate, n: row.rates[metric].value.n };
  }
}

/**
 * Orders a breakdown for display: ranked groups first, best first (`higher-first` for most
 * metrics; pass `lower-first` for reliable deterioration), ties by size; then every group that is
 * not ranked, by key. A group is ranked only when it is not a small group **and** the metric's
 * own denominator reaches `SMALL_GROUP_SIZE`: 30 episodes of which 4 were measured do not
 * support a response ranking.
 */
export function rankBreakdown(
  rows: readonly BreakdownRow[],
  metric: BreakdownMetric,
  order: 'higher-first' | 'lower-first' = 'higher-first',
): RankedBreakdownRow[] {
  const ranked: { row: BreakdownRow; value: number }[] = [];
  const rest: BreakdownRow[] = [];
  for (const row of rows) {
    const { value, n } = metricOf(row, metric);
    if (row.smallGroup || value === undefined || n < SMALL_GROUP_SIZE) rest.push(row);
    else ranked.push({ row, value });
  }
  const sign = order === 'higher-first' ? -1 : 1;
  ranked.sort(
    (a, b) => sign * (a.value - b.value) || b.row.n - a.row.n || compareKeys(a.row, b.row),
  );
  rest.sort(compareKeys);
  return [
    ...ranked.map(({ row }, i) => ({ ...row, rank: i + 1 })),
    ...rest.map((row) => ({ ...row, rank: undefined })),
  ];
}

function compareKeys(a: BreakdownRow, b: BreakdownRow): number {
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}
