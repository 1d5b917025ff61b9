import { createActionGroup, props } from '@ngrx/store';
import { CaseloadFilters } from './caseload-filters';

export const CaseloadPageActions = createActionGroup({
  source: 'Caseload Page',
  events: {
    /** A filter, search, sort or scope changed; `typing` for search keystrokes. */
    'View Changed': props<{ filters: CaseloadFilters; typing: boolean }>(),
  },
});
