import { LevelOfCare } from '../../domain/models';
import { rateText } from './kpis/kpi-tile-views';
import {
  CensusTrendView,
  DoseView,
  RateTrendsView,
  TREND_RATE_LABELS,
  TrendRate,
} from './outcomes-view-model';

const RATES = Object.keys(TREND_RATE_LABELS) as TrendRate[];
const decimal = (n: number | undefined) => (n === undefined ? '' : n.toFixed(1));

/** The trends' two tables as CSV lines: rates by admission month, then census by level. */
export function trendsLines(trends: RateTrendsView, census: CensusTrendView): string[][] {
  const lines: string[][] = [
    [`Outcome rates by admission month (${trends.instrument}): rate (95% CI), n`],
    ['Admission month', ...RATES.map((r) => TREND_RATE_LABELS[r])],
    ...trends.months.map((m) => [m.label, ...RATES.map((r) => rateText(m.rates[r]))]),
    [],
    ['Census by level'],
    ['Day', ...census.levels.map((l) => l.label), 'Total'],
    ...census.points.map((p) => [
      p.label,
      ...census.levels.map((l) => String(p.byLevel[l.level as LevelOfCare] ?? 0)),
      String(p.total),
    ]),
  ];
  return lines;
}

/** The dose tables as CSV lines: hours bands, then each modality against its target measure. */
export function doseLines(dose: DoseView, instrument: string): string[][] {
  const lines: string[][] = [
    [`${instrument} outcome by attended hours per week against the level's minimum`],
    ['Hours per week', 'Episodes', 'Response', 'Reliable improvement', 'Mean improvement'],
    ...dose.byHours.map((b) => [
      b.label,
      String(b.n),
      b.response.text,
      b.reliableImprovement.text,
      decimal(b.meanImprovement),
    ]),
  ];
  if (dose.leftOut) lines.push([dose.leftOut]);
  for (const m of dose.modalities) {
    lines.push(
      [],
      [`${m.label} sessions attended and change on ${m.instrument}`],
      ['Sessions attended', 'Episodes', 'Mean change (points better)', 'Reliable improvement'],
      ...m.bands.map((b) => [
        b.label,
        String(b.n),
        decimal(b.meanChange),
        b.reliableImprovement.text,
      ]),
    );
  }
  lines.push([], [dose.reading]);
  return lines;
}
