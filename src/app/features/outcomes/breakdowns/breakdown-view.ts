import { BreakdownRow } from '../../../domain/outcomes/breakdown';
import { RateKpi } from '../../../domain/outcomes/rate-members';
import { rateText } from '../kpis/kpi-tile-views';
import {
  BREAKDOWN_RATE_LABELS,
  BreakdownDimension,
  BreakdownRate,
  BreakdownView,
  RateCellView,
} from '../outcomes-view-model';

export function rateCell(kpi: RateKpi): RateCellView {
  return { rate: kpi.value.rate, n: kpi.value.n, text: kpi.value.n ? rateText(kpi.value) : '—' };
}

const RATES = Object.keys(BREAKDOWN_RATE_LABELS) as BreakdownRate[];

/** The breakdown table's rows, labelled, with the case-mix comparison in words. */
export function breakdownView(
  dimension: BreakdownDimension,
  rows: readonly BreakdownRow[],
  label: (key: string) => string,
  instrument: string,
): BreakdownView {
  return {
    dimension,
    instrument,
    overlapping: dimension === 'problem',
    rows: rows.map((row) => {
      const adjusted = row.severityAdjusted;
      return {
        key: row.key,
        label: label(row.key),
        n: row.n,
        small: row.smallGroup,
        rates: Object.fromEntries(RATES.map((r) => [r, rateCell(row.rates[r])])) as Record<
          BreakdownRate,
          RateCellView
        >,
        meanImprovement: row.meanImprovement,
        adjusted: adjusted.difference,
        adjustedText:
          adjusted.difference === undefined
            ? 'no episodes with a score pair'
            : `observed ${adjusted.observed!.toFixed(1)} points, expected ${adjusted.expected!.toFixed(1)} from baseline severity (n = ${adjusted.n})`,
      };
    }),
  };
}
