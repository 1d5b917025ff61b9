import { inject } from '@angular/core';
import { Router } from '@angular/router';
import { Actions, createEffect, ofType } from '@ngrx/effects';
import { tap } from 'rxjs';
import { CaseloadPageActions } from './caseload-actions';
import { paramsFromFilters } from './caseload-filters';

/**
 * The view lives in the URL: each change navigates, so back and forward step through views and
 * a view can be bookmarked. Search keystrokes replace the entry instead of adding one each.
 */
export const viewToUrl$ = createEffect(
  (actions$ = inject(Actions), router = inject(Router)) => {
    return actions$.pipe(
      ofType(CaseloadPageActions.viewChanged),
      tap(
        ({ filters, typing }) =>
          void router.navigate(['/caseload'], {
            queryParams: paramsFromFilters(filters),
            replaceUrl: typing,
          }),
      ),
    );
  },
  { functional: true, dispatch: false },
);
