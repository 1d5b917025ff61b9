import { csvPreamble, csvText } from '../../../ui/csv/csv';
import {
  BREAKDOWN_LABELS,
  BREAKDOWN_RATE_LABELS,
  BreakdownRate,
  BreakdownView,
} from '../outcomes-view-model';
import { sortBreakdown } from './breakdown-sort';

const RATES = Object.keys(BREAKDOWN_RATE_LABELS) as BreakdownRate[];

/**
 * The breakdown as CSV: the notices, what the figures are for (period, level, measure), then one
 * line per group in the table's default order, small groups marked.
 */
export function breakdownCsv(
  view: BreakdownView,
  partTwo: boolean,
  scope: string,
  generated: string,
): string {
  const lines = csvPreamble(partTwo, generated);
  lines.push([`Outcomes by ${BREAKDOWN_LABELS[view.dimension].toLowerCase()}: ${scope}`]);
  lines.push([
    BREAKDOWN_LABELS[view.dimension],
    'Episodes',
    'Fewer than 10',
    ...RATES.map((r) => `${BREAKDOWN_RATE_LABELS[r]} (95% CI), n`),
    'Mean improvement',
    'Against case mix',
  ]);
  for (const row of sortBreakdown(view.rows, 'n', 'desc'))
    lines.push([
      row.label,
      String(row.n),
      row.small ? 'yes' : 'no',
      ...RATES.map((r) => row.rates[r].text),
      row.meanImprovement === undefined ? '' : row.meanImprovement.toFixed(1),
      row.adjusted === undefined ? '' : row.adjusted.toFixed(1),
    ]);
  return csvText(lines);
}
