import { HttpInterceptorFn, provideHttpClient, withInterceptors } from '@angular/common/http';
import { EnvironmentProviders, Provider, makeEnvironmentProviders } from '@angular/core';
import { requestIdInterceptor } from './request-id-interceptor';
import {
  DEFAULT_RETRY_POLICY,
  FHIR_RETRY_POLICY,
  RetryPolicy,
  retryInterceptor,
} from './retry-interceptor';

/**
 * The FHIR interceptors, outermost first: retry wraps the request id so each attempt gets its
 * own. Interceptors that must run per attempt (the auth token) go after them.
 */
export const fhirInterceptors: readonly HttpInterceptorFn[] = [
  retryInterceptor,
  requestIdInterceptor,
];

export interface FhirProviderOptions {
  /** Interceptors to run inside the FHIR ones, once per attempt: the auth interceptor goes here. */
  readonly interceptors?: readonly HttpInterceptorFn[];
  /** Overrides of the retry policy (attempts, delays). */
  readonly retry?: Partial<RetryPolicy>;
}

/**
 * HttpClient with the FHIR interceptors. It provides HttpClient itself, as only one
 * `provideHttpClient` should configure the app's interceptor chain; an app that already
 * calls it elsewhere should put `...fhirInterceptors` first in that call instead.
 */
export function provideFhir(options: FhirProviderOptions = {}): EnvironmentProviders {
  const providers: (Provider | EnvironmentProviders)[] = [
    provideHttpClient(withInterceptors([...fhirInterceptors, ...(options.interceptors ?? [])])),
  ];
  if (options.retry)
    providers.push({
      provide: FHIR_RETRY_POLICY,
      useValue: { ...DEFAULT_RETRY_POLICY, ...options.retry },
    });
  return makeEnvironmentProviders(providers);
}
