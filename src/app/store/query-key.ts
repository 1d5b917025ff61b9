/**
 * The data sets pages load, each cached and reported on by key:
 * - `caseload`: the signed-in user's clients in care (a therapist's active episodes they manage;
 *   for a director, every active episode they may see) with what the caseload rows and the
 *   transition board read: whole episodes, scores, flags, plans and diagnoses, and sessions
 *   from shortly before the earliest active episode began (`historyFrom`).
 * - `cohort`: every episode the user may see (past ones too) and every PHQ-9, for the step-down
 *   view's flows and outcomes; it adds records without replacing what other queries loaded.
 * - `outcomes`: every episode, measure total and session the user may see, with the patients and
 *   diagnoses, for the director's outcomes; like `cohort` it adds records without replacing.
 * - `client/<id>`: one client's whole record, for their progress page (the caseload holds recent
 *   sessions only; the board's journeys read episodes and scores, which it holds whole).
 */
export type QueryKey = 'caseload' | 'cohort' | 'outcomes' | `client/${string}`;

/** What a route can declare in `data.needs`; `client` reads the route's `patientId` param. */
export type RouteNeed = 'caseload' | 'cohort' | 'client';

export function clientQueryKey(patientId: string): QueryKey {
  return `client/${patientId}`;
}

/** The patient a `client/<id>` key is about, undefined for other keys. */
export function clientOfQuery(key: QueryKey): string | undefined {
  return key.startsWith('client/') ? key.slice('client/'.length) : undefined;
}
