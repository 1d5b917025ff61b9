import { HttpErrorResponse, HttpInterceptorFn, HttpRequest } from '@angular/common/http';
import { inject } from '@angular/core';
import { Store } from '@ngrx/store';
import { catchError, from, switchMap, throwError } from 'rxjs';
import { AuthApiActions } from './auth-actions';
import { SmartAuth } from './smart-auth';

/**
 * Adds the bearer token to requests for the configured FHIR server (and to nothing else). A 401
 * gets one refresh and one retry; if that fails the session ends (store reset, storage
 * cleared, back to sign-in) instead of leaving the page half-loaded.
 */
export const authInterceptor: HttpInterceptorFn = (request, next) => {
  const auth = inject(SmartAuth);
  if (!auth.isFhirUrl(request.url)) return next(request);
  const store = inject(Store);
  const withToken = (req: HttpRequest<unknown>) => {
    const token = auth.accessToken();
    return token ? req.clone({ setHeaders: { Authorization: `Bearer ${token}` } }) : req;
  };
  return next(withToken(request)).pipe(
    catchError((error: unknown) => {
      if (!(error instanceof HttpErrorResponse) || error.status !== 401 || !auth.accessToken()) {
        return throwError(() => error);
      }
      return from(auth.refresh()).pipe(
        switchMap((renewed) => (renewed ? next(withToken(request)) : throwError(() => error))),
        catchError((final: unknown) => {
          if (final instanceof HttpErrorResponse && final.status === 401) {
            store.dispatch(AuthApiActions.sessionExpired());
          }
          return throwError(() => final);
        }),
      );
    }),
  );
};
