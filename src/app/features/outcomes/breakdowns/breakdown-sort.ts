import { SMALL_GROUP_SIZE } from '../../../domain/outcomes/breakdown';
import { BreakdownRate, BreakdownRowView } from '../outcomes-view-model';

export type BreakdownSortKey = 'label' | 'n' | BreakdownRate | 'meanImprovement' | 'adjusted';

function valueOf(row: BreakdownRowView, key: BreakdownSortKey): number | string | undefined {
  if (key === 'label') return row.label;
  if (key === 'n') return row.n;
  if (key === 'meanImprovement' || key === 'adjusted') return row[key];
  return row.rates[key].rate;
}

/**
 * Rows in the chosen order, with groups not ranked on this column always after the ranked ones,
 * by name: a small group (n < 10), or one whose own denominator for the chosen rate is under 10
 * (30 episodes of which 4 were measured say little about response). Missing values go last.
 */
export function sortBreakdown(
  rows: readonly BreakdownRowView[],
  key: BreakdownSortKey,
  direction: 'asc' | 'desc' | '',
): BreakdownRowView[] {
  const byLabel = (a: BreakdownRowView, b: BreakdownRowView) => a.label.localeCompare(b.label);
  const unranked = (r: BreakdownRowView) =>
    r.small || (key in r.rates && r.rates[key as BreakdownRate].n < SMALL_GROUP_SIZE);
  const ranked = rows.filter((r) => !unranked(r));
  const small = rows.filter(unranked).sort(byLabel);
  if (!direction) return [...ranked.sort(byLabel), ...small];
  const sign = direction === 'asc' ? 1 : -1;
  ranked.sort((a, b) => {
    const [x, y] = [valueOf(a, key), valueOf(b, key)];
    if (x === undefined || y === undefined)
      return x === y ? byLabel(a, b) : x === undefined ? 1 : -1;
    const order = typeof x === 'string' ? x.localeCompare(y as string) : x - (y as number);
    return order === 0 ? byLabel(a, b) : sign * order;
  });
  return [...ranked, ...small];
}
