/**
 * The data sets routes can ask for. `caseload`: the signed-in user's clients in care (a
 * therapist's active episodes they manage; for a director, every active episode they may see)
 * with everything about those clients that the caseload, progress and step-down pages read.
 */
export type QueryKey = 'caseload';

export const QUERY_KEYS: readonly QueryKey[] = ['caseload'];
