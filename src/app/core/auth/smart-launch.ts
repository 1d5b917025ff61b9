import * as oauth from 'oauth4webapi';
import { PendingSignIn, SignInError, SmartSession } from './smart-session';

/**
 * SMART App Launch 2 for a public browser client, on oauth4webapi. This module is imported
 * dynamically, so the OAuth code is downloaded only on the sign-in path and for refreshes.
 */

export interface LaunchRequest {
  /** Absolute FHIR base URL: SMART's `aud`, and where discovery is read. */
  readonly fhirBaseUrl: string;
  readonly clientId: string;
  readonly scopes: string;
  readonly redirectUri: string;
  readonly returnTo: string;
  /** The `launch` parameter of an EHR launch. */
  readonly launch?: string;
}

/** Plain http is refused except on the loopback interface, where the development server runs. */
function httpOptions(url: string): { [oauth.allowInsecureRequests]?: boolean } {
  const { protocol, hostname } = new URL(url);
  const loopback = hostname === 'localhost' || hostname === '127.0.0.1' || hostname === '[::1]';
  return protocol === 'http:' && loopback ? { [oauth.allowInsecureRequests]: true } : {};
}

/** Reads `.well-known/smart-configuration` and refuses servers that do not offer PKCE S256. */
export async function discoverServer(fhirBaseUrl: string): Promise<oauth.AuthorizationServer> {
  const base = fhirBaseUrl.replace(/\/+$/, '');
  let response: Response;
  try {
    response = await fetch(`${base}/.well-known/smart-configuration`, {
      headers: { Accept: 'application/json' },
    });
  } catch {
    throw new SignInError('The FHIR server could not be reached. Check the connection and retry.');
  }
  if (!response.ok) {
    throw new SignInError(
      `The FHIR server did not describe its sign-in (HTTP ${response.status}); it may not support SMART on FHIR.`,
    );
  }
  const metadata = (await response.json()) as Partial<oauth.AuthorizationServer> & {
    capabilities?: string[];
  };
  if (!metadata.authorization_endpoint || !metadata.token_endpoint) {
    throw new SignInError('The FHIR server’s SMART configuration names no sign-in endpoints.');
  }
  if (!metadata.code_challenge_methods_supported?.includes('S256')) {
    throw new SignInError(
      'The FHIR server does not offer PKCE with S256, which Waypoint requires to sign in safely.',
    );
  }
  // SMART allows discovery without `issuer`; the id_token's issuer is then the FHIR base.
  return { ...metadata, issuer: metadata.issuer ?? base } as oauth.AuthorizationServer;
}

/** Builds the authorise URL and what must be remembered until the code comes back. */
export async function beginSignIn(
  server: oauth.AuthorizationServer,
  request: LaunchRequest,
): Promise<{ url: URL; pending: PendingSignIn }> {
  // 32 random bytes each: 256 bits, above the 122 bits SMART asks of `state`.
  const state = oauth.generateRandomState();
  const nonce = oauth.generateRandomNonce();
  const codeVerifier = oauth.generateRandomCodeVerifier();
  const url = new URL(server.authorization_endpoint!);
  const params: Record<string, string> = {
    response_type: 'code',
    client_id: request.clientId,
    redirect_uri: request.redirectUri,
    scope: request.launch ? withScope(request.scopes, 'launch') : request.scopes,
    state,
    nonce,
    aud: request.fhirBaseUrl,
    code_challenge: await oauth.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
  };
  if (request.launch) params['launch'] = request.launch;
  for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value);
  return {
    url,
    pending: {
      state,
      nonce,
      codeVerifier,
      redirectUri: request.redirectUri,
      returnTo: request.returnTo,
      server,
    },
  };
}

/**
 * An EHR launch's context arrives only when the app asks for the `launch` scope (SMART App
 * Launch 2 §2.0.4), so it is added to the configured scopes for a launch and for nothing else.
 */
function withScope(scopes: string, scope: string): string {
  const list = scopes.split(/\s+/).filter(Boolean);
  return list.includes(scope) ? list.join(' ') : [...list, scope].join(' ');
}

/** What a completed sign-in gives: the session, and the patient an EHR launch opened in. */
export interface SignInResult {
  readonly session: SmartSession;
  /** The launch context's `patient`, when it is a plain FHIR id. */
  readonly launchPatient?: string;
}

const FHIR_ID = /^[A-Za-z0-9\-.]{1,64}$/;

/** Checks the callback against the pending sign-in and exchanges the code for tokens. */
export async function completeSignIn(
  pending: PendingSignIn,
  clientId: string,
  callbackUrl: URL,
  now = Date.now(),
): Promise<SignInResult> {
  const client: oauth.Client = { client_id: clientId };
  const { server } = pending;
  let params: URLSearchParams;
  try {
    params = oauth.validateAuthResponse(server, client, callbackUrl, pending.state);
  } catch (error) {
    throw new SignInError(authResponseMessage(error));
  }
  const response = await oauth.authorizationCodeGrantRequest(
    server,
    client,
    oauth.None(),
    params,
    pending.redirectUri,
    pending.codeVerifier,
    httpOptions(server.token_endpoint!),
  );
  let tokens: oauth.TokenEndpointResponse;
  try {
    tokens = await oauth.processAuthorizationCodeResponse(server, client, response, {
      expectedNonce: pending.nonce,
      requireIdToken: true,
    });
  } catch (error) {
    throw new SignInError(tokenErrorMessage(error));
  }
  const claims = oauth.getValidatedIdTokenClaims(tokens);
  const practitionerRef = practitionerFromFhirUser(claims?.['fhirUser']);
  const session = sessionFrom(tokens, server, practitionerRef, now);
  const patient = tokens['patient'];
  return typeof patient === 'string' && FHIR_ID.test(patient)
    ? { session, launchPatient: patient }
    : { session };
}

/** Exchanges the refresh token (single use: the server rotates it) for a new access token. */
export async function refreshSession(
  session: SmartSession,
  clientId: string,
  now = Date.now(),
): Promise<SmartSession> {
  if (!session.refreshToken) throw new SignInError('This sign-in cannot be renewed.');
  const client: oauth.Client = { client_id: clientId };
  const response = await oauth.refreshTokenGrantRequest(
    session.server,
    client,
    oauth.None(),
    session.refreshToken,
    httpOptions(session.server.token_endpoint!),
  );
  try {
    const tokens = await oauth.processRefreshTokenResponse(session.server, client, response);
    return sessionFrom(tokens, session.server, session.practitionerRef, now, session);
  } catch (error) {
    throw new SignInError(tokenErrorMessage(error));
  }
}

/** Best effort: the session ends here whatever the server answers. */
export async function revokeSession(session: SmartSession, clientId: string): Promise<void> {
  if (!session.server.revocation_endpoint) return;
  const client: oauth.Client = { client_id: clientId };
  const token = session.refreshToken ?? session.accessToken;
  try {
    const response = await oauth.revocationRequest(
      session.server,
      client,
      oauth.None(),
      token,
      httpOptions(session.server.revocation_endpoint),
    );
    await oauth.processRevocationResponse(response);
  } catch {
    // Revocation is a courtesy to the server; the local session is cleared regardless.
  }
}

function sessionFrom(
  tokens: oauth.TokenEndpointResponse,
  server: oauth.AuthorizationServer,
  practitionerRef: string,
  now: number,
  previous?: SmartSession,
): SmartSession {
  return {
    accessToken: tokens.access_token,
    refreshToken: tokens.refresh_token ?? previous?.refreshToken,
    expiresAt: now + (tokens.expires_in ?? 3600) * 1000,
    scope: tokens.scope ?? previous?.scope ?? '',
    practitionerRef,
    server,
  };
}

/** `fhirUser` is an absolute or relative URL of the user's resource; staff are Practitioners. */
export function practitionerFromFhirUser(fhirUser: unknown): string {
  if (typeof fhirUser !== 'string' || fhirUser === '') {
    throw new SignInError(
      'The sign-in did not say who you are (no fhirUser claim). Ask the FHIR server’s administrator to grant the fhirUser scope.',
    );
  }
  const match =
    /(?:^|\/)(Practitioner|PractitionerRole|Patient|RelatedPerson|Person)\/([^/?#]+)$/.exec(
      fhirUser,
    );
  if (!match) throw new SignInError('The sign-in named a user Waypoint cannot read.');
  if (match[1] !== 'Practitioner') {
    throw new SignInError(
      `Waypoint is for clinical staff; this account is a ${match[1]}, not a Practitioner.`,
    );
  }
  return `Practitioner/${match[2]}`;
}

function authResponseMessage(error: unknown): string {
  if (error instanceof oauth.AuthorizationResponseError) {
    return error.error === 'access_denied'
      ? 'Sign-in was cancelled.'
      : `The sign-in server refused: ${error.error_description ?? error.error}.`;
  }
  return 'This sign-in response does not belong to a sign-in started here (the state did not match). Start again.';
}

function tokenErrorMessage(error: unknown): string {
  if (error instanceof oauth.ResponseBodyError) {
    return `The sign-in server refused the token request: ${error.error_description ?? error.error}.`;
  }
  return 'The sign-in server’s answer could not be checked, so it was not used. Start again.';
}
