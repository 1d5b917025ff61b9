import { Router } from '@angular/router';
import { Actions } from '@ngrx/effects';
import { of } from 'rxjs';
import { TransitionBoardPageActions } from './transition-board-actions';
import { boardViewToUrl$ } from './transition-board-effects';

describe('transition board effects', () => {
  it('put the director’s scope into the URL, keeping other parameters', () => {
    const router = jasmine.createSpyObj<Router>('Router', ['navigate']);
    router.navigate.and.resolveTo(true);
    const actions$ = of(
      TransitionBoardPageActions.viewChanged({
        filters: { program: 'young-adult', therapist: null },
      }),
    ) as Actions;
    boardViewToUrl$(actions$, router).subscribe();
    expect(router.navigate).toHaveBeenCalledOnceWith(['/step-down'], {
      queryParams: { program: 'young-adult', therapist: null },
      queryParamsHandling: 'merge',
    });
  });
});
