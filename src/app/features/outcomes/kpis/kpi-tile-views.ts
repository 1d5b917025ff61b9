import { SMALL_GROUP_SIZE } from '../../../domain/outcomes/breakdown';
import { levelDefinition, LEVELS } from '../../../domain/levels/level-of-care';
import { EpisodeEndReason, LevelOfCare } from '../../../domain/models';
import { OutcomeRate } from '../../../domain/outcomes/episode-flags';
import { CountKpi, PeriodKpiSet, PeriodKpis } from '../../../domain/outcomes/period-kpis';
import { Proportion } from '../../../domain/stats/wilson';
import { KpiComparisonView, KpiTileView } from '../outcomes-view-model';

/** Fewer than this in a denominator: shown, and marked as too few to read much into. */
export const SMALL_N = SMALL_GROUP_SIZE;

const END_REASONS: Readonly<Record<EpisodeEndReason | 'unknown', string>> = {
  completed: 'completed',
  'stepped-down': 'stepped down',
  'stepped-up': 'stepped up',
  'left-early': 'left early',
  transferred: 'transferred',
  other: 'other',
  unknown: 'no reason recorded',
};

/** The tiles' ids, which are also the drill-down keys in the URL. */
export type KpiId =
  | 'census'
  | 'admissions'
  | 'discharges'
  | 'length-of-stay'
  | OutcomeRate
  | 'measure-completion'
  | 'attendance'
  | 'weekly-hours'
  | 'follow-up';

export const percent = (value: number | undefined) =>
  value === undefined ? '—' : `${Math.round(value * 100)} %`;

/** "48 % (35–61 %), n = 52": a rate never without its interval and its denominator. */
export function rateText(p: Proportion): string {
  if (p.rate === undefined) return `—, n = ${p.n}`;
  return `${percent(p.rate)} (${Math.round(p.low! * 100)}–${Math.round(p.high! * 100)} %), n = ${p.n}`;
}

function rateDetail(p: Proportion, unit = ''): string {
  return p.rate === undefined
    ? `none in the period${unit ? ` (${unit})` : ''}`
    : `95 % CI ${Math.round(p.low! * 100)}–${Math.round(p.high! * 100)} % · n = ${p.n}${unit ? ` ${unit}` : ''}`;
}

function rateComparison(
  now: Proportion,
  before: Proportion,
  previous: string,
  higherIsBetter: boolean,
): KpiComparisonView | undefined {
  if (before.rate === undefined) return { text: `none in ${previous}`, direction: 'same' };
  if (now.rate === undefined) return undefined;
  const points = Math.round(now.rate * 100) - Math.round(before.rate * 100);
  const direction = points > 0 ? 'up' : points < 0 ? 'down' : 'same';
  return {
    text: `${points > 0 ? '+' : ''}${points} points vs. ${previous} (${percent(before.rate)}, n = ${before.n})`,
    direction,
    ...(direction === 'same' ? {} : { better: (direction === 'up') === higherIsBetter }),
  };
}

function countComparison(now: number, before: number, previous: string): KpiComparisonView {
  const change = now - before;
  return {
    text: `${change > 0 ? '+' : ''}${change} vs. ${previous} (${before})`,
    direction: change > 0 ? 'up' : change < 0 ? 'down' : 'same',
  };
}

function byLevel(count: CountKpi): string[] {
  return LEVELS.filter((d) => count.byLevel[d.level]).map(
    (d) => `${d.shortLabel} ${count.byLevel[d.level]}`,
  );
}

const RATE_TILES: readonly { id: OutcomeRate; label: string; higherIsBetter: boolean }[] = [
  { id: 'completion', label: 'Completion', higherIsBetter: true },
  { id: 'response', label: 'Response', higherIsBetter: true },
  { id: 'remission', label: 'Remission', higherIsBetter: true },
  { id: 'reliableImprovement', label: 'Reliable improvement', higherIsBetter: true },
  { id: 'reliableDeterioration', label: 'Reliable deterioration', higherIsBetter: false },
];

/**
 * The KPI tiles for a period against the one before. `previous` names the comparison period in
 * words ("the previous 90 days"); `level` is the level the outcome rates are about.
 */
export function kpiTiles(
  kpis: PeriodKpis,
  level: LevelOfCare,
  instrument: string,
  previous: string,
): KpiTileView[] {
  const { current: now, previous: before } = kpis;
  const levelLabel = levelDefinition(level).shortLabel;
  const tiles: KpiTileView[] = [
    {
      id: 'census',
      label: 'In care at the end of the period',
      value: String(now.census.total),
      detail: 'clients across levels',
      parts: byLevel(now.census),
      comparison: countComparison(now.census.total, before.census.total, previous),
      episodes: now.census.episodeIds.length,
    },
    {
      id: 'admissions',
      label: 'Admissions',
      value: String(now.admissions.total),
      detail: 'entries into a program',
      parts: byLevel(now.admissions),
      comparison: countComparison(now.admissions.total, before.admissions.total, previous),
      episodes: now.admissions.episodeIds.length,
    },
    {
      id: 'discharges',
      label: 'Discharges',
      value: String(now.discharges.total),
      detail: 'exits from a program',
      parts: Object.entries(now.discharges.byReason).map(
        ([reason, n]) => `${END_REASONS[reason as EpisodeEndReason | 'unknown']} ${n}`,
      ),
      comparison: countComparison(now.discharges.total, before.discharges.total, previous),
      episodes: now.discharges.episodeIds.length,
    },
    lengthOfStayTile(now, before, level, previous),
    ...RATE_TILES.map(({ id, label, higherIsBetter }): KpiTileView => {
      const p = now.rates[id].value;
      return {
        id,
        label: id === 'completion' ? `${label} (${levelLabel})` : `${label} (${instrument})`,
        value: percent(p.rate),
        detail: rateDetail(p),
        ...optional(rateComparison(p, before.rates[id].value, previous, higherIsBetter)),
        episodes: p.n,
        small: p.n > 0 && p.n < SMALL_N,
      };
    }),
    {
      id: 'measure-completion',
      label: `Measure completion (${instrument})`,
      value: percent(now.measureCompletion.value.rate),
      detail: rateDetail(now.measureCompletion.value, 'weeks'),
      ...optional(
        rateComparison(now.measureCompletion.value, before.measureCompletion.value, previous, true),
      ),
      episodes: now.measureCompletion.episodeIds.length,
    },
    {
      id: 'attendance',
      label: 'Attendance',
      value: percent(now.attendance.value.rate),
      detail: rateDetail(now.attendance.value, 'sessions'),
      ...optional(rateComparison(now.attendance.value, before.attendance.value, previous, true)),
      episodes: now.attendance.episodeIds.length,
    },
    weeklyHoursTile(now, before, level, previous),
    {
      id: 'follow-up',
      label: `Step-up or readmission within ${now.followUp.windowDays} days`,
      value: percent(now.followUp.value.rate),
      detail:
        rateDetail(now.followUp.value) +
        (now.followUp.tooEarly.length
          ? ` · ${now.followUp.tooEarly.length} too recent to judge`
          : ''),
      ...optional(rateComparison(now.followUp.value, before.followUp.value, previous, false)),
      episodes: now.followUp.value.n,
      small: now.followUp.value.n > 0 && now.followUp.value.n < SMALL_N,
    },
  ];
  return tiles;
}

function optional(comparison: KpiComparisonView | undefined) {
  return comparison ? { comparison } : {};
}

function lengthOfStayTile(
  now: PeriodKpiSet,
  before: PeriodKpiSet,
  level: LevelOfCare,
  previous: string,
): KpiTileView {
  const stay = now.lengthOfStay[level];
  const earlier = before.lengthOfStay[level];
  const label = levelDefinition(level).shortLabel;
  const days = (n: number | undefined) => (n === undefined ? '—' : `${Math.round(n)} days`);
  const change =
    stay?.median !== undefined && earlier?.median !== undefined
      ? Math.round(stay.median) - Math.round(earlier.median)
      : undefined;
  return {
    id: 'length-of-stay',
    label: `Median length of stay (${label})`,
    value: days(stay?.median),
    detail: stay?.n
      ? `IQR ${Math.round(stay.q1!)}–${Math.round(stay.q3!)} days · n = ${stay.n}`
      : 'no finished stays in the period',
    parts: LEVELS.filter((d) => d.level !== level && now.lengthOfStay[d.level]?.n).map(
      (d) =>
        `${d.shortLabel} ${days(now.lengthOfStay[d.level]!.median)} (n = ${now.lengthOfStay[d.level]!.n})`,
    ),
    ...(change === undefined
      ? {}
      : {
          comparison: {
            text: `${change > 0 ? '+' : ''}${change} days vs. ${previous} (${days(earlier!.median)})`,
            direction: change > 0 ? 'up' : change < 0 ? 'down' : 'same',
          } satisfies KpiComparisonView,
        }),
    episodes: stay?.episodeIds.length ?? 0,
    small: !!stay && stay.n < SMALL_N,
  };
}

function weeklyHoursTile(
  now: PeriodKpiSet,
  before: PeriodKpiSet,
  level: LevelOfCare,
  previous: string,
): KpiTileView {
  const hours = now.weeklyHours[level];
  const earlier = before.weeklyHours[level];
  const label = levelDefinition(level).shortLabel;
  const h = (n: number | undefined) => (n === undefined ? '—' : `${n.toFixed(1)} h`);
  const below = hours?.belowMinimum?.value;
  return {
    id: 'weekly-hours',
    label: `Hours per week (${label})`,
    value: h(hours?.mean),
    detail:
      hours?.minimum === undefined
        ? `n = ${hours?.n ?? 0}`
        : `minimum ${hours.minimum} h · ${percent(below?.rate)} of ${below?.n ?? 0} below it`,
    ...(hours?.mean !== undefined && earlier?.mean !== undefined
      ? {
          comparison: {
            text: `${hours.mean >= earlier.mean ? '+' : ''}${(hours.mean - earlier.mean).toFixed(1)} h vs. ${previous} (${h(earlier.mean)})`,
            direction:
              hours.mean > earlier.mean ? 'up' : hours.mean < earlier.mean ? 'down' : 'same',
          } satisfies KpiComparisonView,
        }
      : {}),
    episodes: hours?.episodeIds.length ?? 0,
    small: !!hours && hours.n > 0 && hours.n < SMALL_N,
  };
}

/** The episode ids behind a tile: the denominator, and which of them count as successes. */
export function kpiMembers(
  kpis: PeriodKpiSet,
  id: KpiId,
  level: LevelOfCare,
): { episodeIds: readonly string[]; counted: ReadonlySet<string> } | undefined {
  const all = (ids: readonly string[]) => ({ episodeIds: ids, counted: new Set(ids) });
  switch (id) {
    case 'census':
      return all(kpis.census.episodeIds);
    case 'admissions':
      return all(kpis.admissions.episodeIds);
    case 'discharges':
      return all(kpis.discharges.episodeIds);
    case 'length-of-stay':
      return all(kpis.lengthOfStay[level]?.episodeIds ?? []);
    case 'measure-completion':
      return all(kpis.measureCompletion.episodeIds);
    case 'attendance':
      return all(kpis.attendance.episodeIds);
    case 'weekly-hours': {
      const below = kpis.weeklyHours[level]?.belowMinimum?.members;
      return {
        episodeIds: kpis.weeklyHours[level]?.episodeIds ?? [],
        counted: new Set(below?.numerator ?? []),
      };
    }
    case 'follow-up':
      return {
        episodeIds: kpis.followUp.members.denominator,
        counted: new Set(kpis.followUp.members.numerator),
      };
    default: {
      const rate = kpis.rates[id];
      return rate
        ? { episodeIds: rate.members.denominator, counted: new Set(rate.members.numerator) }
        : undefined;
    }
  }
}
