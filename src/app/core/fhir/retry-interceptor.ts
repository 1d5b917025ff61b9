import {
  HttpContextToken,
  HttpErrorResponse,
  HttpInterceptorFn,
  HttpRequest,
} from '@angular/common/http';
import { InjectionToken, inject } from '@angular/core';
import {
  SchedulerLike,
  asyncScheduler,
  defer,
  finalize,
  retry,
  tap,
  throwError,
  timer,
} from 'rxjs';
import { FhirBase } from './fhir-base';
import { FhirRetryStatus } from './retry-status';

export interface RetryPolicy {
  /** Tries in total, the first included. */
  readonly maxAttempts: number;
  /** Wait before the first retry when the server names none; doubles each retry. */
  readonly baseDelayMs: number;
  /** Longest wait. A Retry-After beyond it is not retried: see `retryDelayMs`. */
  readonly maxDelayMs: number;
  /** Source of jitter in [0, 1); specs pass a constant. */
  readonly random: () => number;
  /** Scheduler for the waits and for "now" when reading an HTTP-date; specs may pass a virtual one. */
  readonly scheduler: SchedulerLike;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 3,
  baseDelayMs: 1000,
  maxDelayMs: 60_000,
  random: Math.random,
  scheduler: asyncScheduler,
};

export const FHIR_RETRY_POLICY = new InjectionToken<RetryPolicy>('FHIR_RETRY_POLICY', {
  providedIn: 'root',
  factory: () => DEFAULT_RETRY_POLICY,
});

/** Called before each retry, so a caller can count every HTTP call its work made. */
export const FHIR_RETRY_LISTENER = new HttpContextToken<(() => void) | null>(() => null);

/** 429 Too Many Requests and 503 Service Unavailable say "not processed, come back later". */
const RETRY_STATUSES: ReadonlySet<number> = new Set([429, 503]);
const IDEMPOTENT_METHODS: ReadonlySet<string> = new Set([
  'GET',
  'HEAD',
  'OPTIONS',
  'PUT',
  'DELETE',
]);

/**
 * Whether a request may be sent again without changing its effect. POST creates and
 * transactions may not (a lost response could mean it was applied); POST `_search` is a read.
 * PUT is idempotent, and with If-Match a repeat cannot overwrite anyone's change.
 */
export function isRetryable(request: HttpRequest<unknown>): boolean {
  const method = request.method.toUpperCase();
  if (IDEMPOTENT_METHODS.has(method)) return true;
  return method === 'POST' && /\/_search$/.test(request.url.split('?')[0]);
}

/** Retry-After in milliseconds from now: delay-seconds or an HTTP-date (RFC 9110 §10.2.3). */
export function parseRetryAfter(value: string | null | undefined, now: number): number | undefined {
  if (value === null || value === undefined) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const date = Date.parse(text);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/**
 * The wait before retry number `retry` (1-based), or undefined not to retry. The server's
 * Retry-After is the minimum; jitter goes on top so clients that failed together do not
 * return together. A Retry-After beyond the cap is not retried: coming back earlier than asked
 * would only fail again, and a longer wait leaves staff looking at a spinner.
 */
export function retryDelayMs(
  retry: number,
  retryAfterMs: number | undefined,
  policy: Pick<RetryPolicy, 'baseDelayMs' | 'maxDelayMs' | 'random'>,
): number | undefined {
  if (retryAfterMs !== undefined && retryAfterMs > policy.maxDelayMs) return undefined;
  const wait = retryAfterMs ?? policy.baseDelayMs * 2 ** (retry - 1);
  const jitter = policy.random() * Math.min(1000, Math.max(100, wait * 0.2));
  return Math.min(policy.maxDelayMs, Math.round(wait + jitter));
}

/**
 * Retries FHIR requests answered 429 or 503, honouring Retry-After, at most `maxAttempts` tries
 * in all; each wait is reported to `FhirRetryStatus` while it lasts, so the page can say why
 * nothing has come yet. Register it before (outside) the request-id and auth interceptors so
 * every attempt gets a fresh id and the current token.
 */
export const retryInterceptor: HttpInterceptorFn = (request, next) => {
  if (!inject(FhirBase).contains(request.url) || !isRetryable(request)) return next(request);
  const policy = inject(FHIR_RETRY_POLICY);
  const onRetry = request.context.get(FHIR_RETRY_LISTENER);
  const status = inject(FhirRetryStatus);
  // defer: the interceptors after this one run again for each attempt.
  return defer(() => next(request)).pipe(
    retry({
      count: Math.max(0, policy.maxAttempts - 1),
      delay: (error: unknown, retryCount: number) => {
        if (!(error instanceof HttpErrorResponse) || !RETRY_STATUSES.has(error.status))
          return throwError(() => error);
        const retryAfter = parseRetryAfter(
          error.headers.get('Retry-After'),
          policy.scheduler.now(),
        );
        const wait = retryDelayMs(retryCount, retryAfter, policy);
        if (wait === undefined) return throwError(() => error);
        // Shown while waiting (the data status bar), ended when the retry goes or is abandoned.
        const end = status.begin({ status: error.status, waitMs: wait, retry: retryCount });
        return timer(wait, policy.scheduler).pipe(
          tap(() => {
            end();
            onRetry?.();
          }),
          finalize(end),
        );
      },
    }),
  );
};
