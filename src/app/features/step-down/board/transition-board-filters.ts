import { Params } from '@angular/router';

/** A director's scope on the board, as the URL carries it, so a view can be bookmarked. */
export interface BoardFilters {
  /** Care manager (practitioner) id. */
  readonly therapist: string | null;
  /** Program (organization) id. */
  readonly program: string | null;
}

export const NO_FILTERS: BoardFilters = { therapist: null, program: null };

const one = (value: unknown): string | null =>
  (typeof value === 'string'
    ? value
    : Array.isArray(value) && typeof value[0] === 'string'
      ? value[0]
      : null) || null;

/** The same parameter names as the caseload's, so a director's scope reads alike on both pages. */
export function boardFiltersFromParams(params: Params): BoardFilters {
  return { therapist: one(params['therapist']), program: one(params['program']) };
}

/**
 * Query parameters to merge into the URL: `null` removes a parameter, so clearing a filter
 * leaves the plain URL and any other section's parameters stay as they are.
 */
export function boardParams(filters: BoardFilters): Params {
  return { therapist: filters.therapist, program: filters.program };
}
