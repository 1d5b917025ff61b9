import { createSelector } from '@ngrx/store';
import { QueryKey, clientOfQuery } from '../../store/query-key';
import { QueryStatus, queriesFeature } from '../../store/queries-feature';

/** Whether the records the outcome figures are computed from are all there, and if not why. */
export interface OutcomesCompleteness {
  readonly partial: boolean;
  readonly reasons: readonly string[];
}

/**
 * The outcome figures are computed from the store, not from the `outcomes` query alone: a
 * caseload or client load replaces the records of the clients it covers. So the figures are
 * partial when the `outcomes` load was, and also when such a load finished after it with a
 * partial result (its clients' sessions and scores were swapped for a partial set). One that
 * finished before is overwritten by the `outcomes` load and does not count; `cohort` only adds
 * records.
 */
export function outcomesCompleteness(
  own: QueryStatus,
  byKey: Readonly<Partial<Record<QueryKey, QueryStatus>>>,
): OutcomesCompleteness {
  const reasons = [...own.partialReasons];
  let partial = own.partial;
  for (const [key, status] of Object.entries(byKey) as [QueryKey, QueryStatus | undefined][]) {
    if (key === 'outcomes' || key === 'cohort' || !status?.partial) continue;
    if (status.loadedAt === undefined || (own.loadedAt ?? 0) > status.loadedAt) continue;
    partial = true;
    const source = clientOfQuery(key) ? "a client's record" : 'the caseload';
    const why = status.partialReasons.length ? status.partialReasons.join('; ') : 'partial';
    reasons.push(`${source}, reloaded since, replaced its clients' records: ${why}`);
  }
  if (partial && !reasons.length) reasons.push('a search stopped before its last page');
  return { partial, reasons };
}

export const selectOutcomesCompleteness = createSelector(
  queriesFeature.selectQuery('outcomes'),
  queriesFeature.selectByKey,
  outcomesCompleteness,
);
