import { createActionGroup, emptyProps, props } from '@ngrx/store';
import { CaseloadFilters } from './caseload-filters';

export const CaseloadPageActions = createActionGroup({
  source: 'Caseload Page',
  events: {
    /** A quick filter, sort or scope changed: a new view, a new history entry. */
    'View Changed': props<{ filters: CaseloadFilters }>(),
    /** A keystroke in "Search by name": filters at once, reaches the URL once typing pauses. */
    'Search Typed': props<{ q: string }>(),
  },
});

export const BrowserHistoryActions = createActionGroup({
  source: 'Browser History',
  events: {
    /** Back or forward: the view is the one the history entry holds. */
    'Entry Restored': emptyProps(),
  },
});
