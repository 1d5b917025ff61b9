import { getRouterSelectors } from '@ngrx/router-store';

/** The router-store selectors, created once so every reader (and a spec) shares them. */
export const { selectQueryParams, selectRouteParams, selectUrl } = getRouterSelectors();
