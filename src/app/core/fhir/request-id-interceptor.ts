import { HttpInterceptorFn } from '@angular/common/http';
import { inject } from '@angular/core';
import { FhirBase } from './fhir-base';

export const REQUEST_ID_HEADER = 'X-Request-Id';

/**
 * Tags each request to the FHIR server with a fresh id, which the server logs and echoes, so a
 * failure a user reports can be found in the server's logs and audit trail. Placed inside the
 * retry interceptor, every attempt gets its own id, as the server logs each separately. Other
 * origins (the authorisation server, config.json) are left alone: a custom header would make
 * their cross-origin requests preflighted.
 */
export const requestIdInterceptor: HttpInterceptorFn = (request, next) => {
  if (!inject(FhirBase).contains(request.url) || request.headers.has(REQUEST_ID_HEADER))
    return next(request);
  return next(request.clone({ setHeaders: { [REQUEST_ID_HEADER]: newRequestId() } }));
};

/**
 * `crypto.randomUUID` exists only in secure contexts; an intranet deployment over plain HTTP
 * still needs ids, so a version-4 UUID is built from getRandomValues there.
 */
export function newRequestId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
