import type { AuthorizationServer } from 'oauth4webapi';

/**
 * What Waypoint keeps of a SMART sign-in. Tokens and the server's metadata only: never FHIR
 * data, so keeping it in sessionStorage (which survives a reload but not the tab) puts no
 * clinical information at rest in the browser.
 */
export interface SmartSession {
  readonly accessToken: string;
  readonly refreshToken?: string;
  /** Epoch milliseconds when the access token expires. */
  readonly expiresAt: number;
  readonly scope: string;
  /** `Practitioner/{id}`, read from the `fhirUser` claim of the id_token. */
  readonly practitionerRef: string;
  /** The authorisation server's metadata, kept so a refresh after a reload needs no discovery. */
  readonly server: AuthorizationServer;
}

/** What must survive the redirect to the authorisation server and back. */
export interface PendingSignIn {
  readonly state: string;
  readonly codeVerifier: string;
  readonly nonce: string;
  readonly redirectUri: string;
  readonly returnTo: string;
  readonly server: AuthorizationServer;
}

/** A sign-in that could not go on, with a sentence a member of staff can act on. */
export class SignInError extends Error {
  override readonly name = 'SignInError';
}
