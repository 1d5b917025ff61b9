import { format, parseISO } from 'date-fns';
import { levelDefinition } from '../../domain/levels/level-of-care';
import { LevelOfCare } from '../../domain/models';
import { BreakdownRow } from '../../domain/outcomes/breakdown';
import { ModalityDoseResponse, OutcomeByDose } from '../../domain/outcomes/dose-response';
import { OutcomeRate } from '../../domain/outcomes/episode-flags';
import { PeriodKpiSet } from '../../domain/outcomes/period-kpis';
import { MonthRates, TREND_RATES, TrendRate } from '../../domain/outcomes/trends';
import { modalityLabel } from '../../ui/clinical-labels';
import { DrillSpec } from './drill-down/drill-down-view';
import { KpiId, kpiMembers } from './kpis/kpi-tile-views';
import { BREAKDOWN_RATE_LABELS, BreakdownRate } from './outcomes-view-model';

/**
 * Drill-down keys, as they appear in the URL's `list` parameter:
 * - a tile's id (`response`, `admissions`, …);
 * - `group:<rate>:<group key>` for a breakdown cell;
 * - `dose:<band id>` for a band of hours per week;
 * - `modality:<modality>:<band index>` for a modality's sessions band;
 * - `month:<rate>:<YYYY-MM>` for a rate in a month of admission (the trends table).
 */
export interface DrillContext {
  readonly kpis: PeriodKpiSet;
  readonly level: LevelOfCare;
  readonly instrument: string;
  readonly groups: readonly BreakdownRow[];
  readonly groupLabel: (key: string) => string;
  readonly dose: OutcomeByDose;
  readonly modalities: readonly ModalityDoseResponse[];
  readonly months: readonly MonthRates[];
}

const RATE_WORDS: Readonly<Record<OutcomeRate, readonly [string, string, string]>> = {
  // [numerator words, the rest, what the denominator is]
  completion: ['Completed', 'Did not complete', 'finished episodes'],
  response: ['Responded', 'Did not respond', 'episodes with a baseline and a later score'],
  remission: ['In remission', 'Not in remission', 'episodes with a baseline and a later score'],
  reliableImprovement: ['Reliably improved', 'Not reliably improved', 'episodes with a score pair'],
  reliableDeterioration: ['Reliably worse', 'Not reliably worse', 'episodes with a score pair'],
  recovery: ['Recovered', 'Not recovered', 'episodes at caseness at the start'],
  reliableRecovery: [
    'Reliably recovered',
    'Not reliably recovered',
    'episodes at caseness at the start',
  ],
};

const TILE_TITLES: Readonly<
  Record<Exclude<KpiId, OutcomeRate>, readonly [string, string, string]>
> = {
  census: ['In care at the end of the period', 'In care', ''],
  admissions: ['Admissions', 'Admitted', ''],
  discharges: ['Discharges', 'Discharged', ''],
  'length-of-stay': ['Length of stay', 'Finished', ''],
  'measure-completion': ['Measure completion', 'Counted', ''],
  attendance: ['Attendance', 'Counted', ''],
  'weekly-hours': ['Hours per week', 'Below the minimum', 'At or above the minimum'],
  'follow-up': ['Step-up or readmission within 30 days', 'Stepped back up', 'Held'],
};

function rateSpec(
  title: string,
  rate: OutcomeRate,
  members: { denominator: readonly string[]; numerator: readonly string[] },
): DrillSpec {
  const [yes, no, denominator] = RATE_WORDS[rate];
  return {
    title,
    episodeIds: members.denominator,
    counted: new Set(members.numerator),
    outcomeWords: [yes, no],
    describe: (total, counted) =>
      `${total} ${denominator} in the denominator; ${counted} counted: ${yes.toLowerCase()}.`,
  };
}

/** The list behind a drill-down key, or undefined for a key that names nothing (a stale URL). */
export function drillSpec(key: string, c: DrillContext): DrillSpec | undefined {
  const [kind, first, ...rest] = key.split(':');
  if (kind === 'group') {
    const group = c.groups.find((g) => g.key === rest.join(':'));
    const rate = first as BreakdownRate;
    if (!group || !Object.hasOwn(BREAKDOWN_RATE_LABELS, rate)) return undefined;
    return rateSpec(
      `${BREAKDOWN_RATE_LABELS[rate]}: ${c.groupLabel(group.key)}`,
      rate,
      group.rates[rate].members,
    );
  }
  if (kind === 'dose') {
    const band = c.dose.bands.find((b) => b.band.id === first);
    if (!band) return undefined;
    return {
      ...rateSpec(
        `Hours per week: ${band.band.label.toLowerCase()}`,
        'response',
        band.response.members,
      ),
      episodeIds: band.episodeIds,
    };
  }
  if (kind === 'month') {
    const month = c.months.find((m) => m.month === rest[0]);
    if (!month || !(TREND_RATES as readonly string[]).includes(first)) return undefined;
    const rate = first as TrendRate;
    return rateSpec(
      `${BREAKDOWN_RATE_LABELS[rate]}, admitted ${format(parseISO(`${month.month}-01`), 'MMMM yyyy')}`,
      rate,
      month[rate].members,
    );
  }
  if (kind === 'modality') {
    const m = c.modalities.find((x) => x.modality === first);
    const band = m?.bands[Number(rest[0])];
    if (!m || !band) return undefined;
    return {
      ...rateSpec(
        `${modalityLabel(m.modality)}: ${band.band.label.toLowerCase()}`,
        'reliableImprovement',
        band.reliableImprovement.members,
      ),
      episodeIds: band.episodeIds,
    };
  }
  const id = kind as KpiId;
  if (Object.hasOwn(RATE_WORDS, id)) {
    const rate = c.kpis.rates[id as OutcomeRate];
    const label = BREAKDOWN_RATE_LABELS[id as BreakdownRate] ?? id;
    const about = id === 'completion' ? levelDefinition(c.level).shortLabel : c.instrument;
    return rate ? rateSpec(`${label} (${about})`, id as OutcomeRate, rate.members) : undefined;
  }
  if (!Object.hasOwn(TILE_TITLES, id)) return undefined;
  const members = kpiMembers(c.kpis, id, c.level);
  const words = TILE_TITLES[id as Exclude<KpiId, OutcomeRate>];
  if (!members) return undefined;
  const [title, yes, no] = words;
  const splits = no !== '';
  return {
    title,
    episodeIds: members.episodeIds,
    counted: members.counted,
    outcomeWords: [yes, no || yes],
    describe: (total, counted) =>
      splits
        ? `${total} episodes; ${counted} ${yes.toLowerCase()}.`
        : `${total} episode${total === 1 ? '' : 's'} behind this number.`,
  };
}
