import { HttpErrorResponse } from '@angular/common/http';
import { FhirError } from '../fhir/fhir-error';
import { SignInError } from './smart-session';

/** A sentence for the sign-in page; never the raw error, which may echo server internals. */
export function signInFailureMessage(error: unknown): string {
  if (error instanceof SignInError) return error.message;
  // The staff record is read through the FHIR client (FhirError) or plain HttpClient.
  if (error instanceof HttpErrorResponse || error instanceof FhirError) {
    if (error.status === 0)
      return 'The FHIR server could not be reached. Check the connection and retry.';
    if (error.status === 401 || error.status === 403) {
      return 'The FHIR server did not let this account read its own staff record. Ask an administrator to check your access.';
    }
    return `The FHIR server answered ${error.status} while loading your staff record. Retry in a moment.`;
  }
  return 'Sign-in failed unexpectedly. Retry, and contact support if it happens again.';
}

/** Only paths inside the app: a crafted `returnTo` must not send staff to another site. */
export function safeReturnPath(returnTo: string): string {
  const inside = returnTo.startsWith('/') && !returnTo.startsWith('//') && !returnTo.includes('\\');
  const signInPath = /^\/(sign-in|callback|launch)(\/|\?|$)/.test(returnTo);
  return inside && !signInPath ? returnTo : '/';
}
