import { inject } from '@angular/core';
import { Router } from '@angular/router';
import { Actions, createEffect, ofType } from '@ngrx/effects';
import { tap } from 'rxjs';
import { TransitionBoardPageActions } from './transition-board-actions';
import { boardParams } from './transition-board-filters';

/**
 * The director's scope lives in the URL: each change navigates, so back and forward step
 * through views and a scoped board can be bookmarked or shared.
 */
export const boardViewToUrl$ = createEffect(
  (actions$ = inject(Actions), router = inject(Router)) => {
    return actions$.pipe(
      ofType(TransitionBoardPageActions.viewChanged),
      tap(
        ({ filters }) =>
          void router.navigate(['/step-down'], {
            queryParams: boardParams(filters),
            queryParamsHandling: 'merge',
          }),
      ),
    );
  },
  { functional: true, dispatch: false },
);
