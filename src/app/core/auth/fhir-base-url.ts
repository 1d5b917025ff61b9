import { DOCUMENT, inject } from '@angular/core';
import { APP_CONFIG } from '../config/app-config';

/** The configured FHIR base made absolute (config may say `/fhir`), without a trailing slash. */
export function absoluteFhirBase(): string {
  const configured = inject(APP_CONFIG).fhirBaseUrl;
  return new URL(configured, inject(DOCUMENT).baseURI).toString().replace(/\/+$/, '');
}
