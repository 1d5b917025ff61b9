import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { CryptoKey, JWK, SignJWT, exportJWK, generateKeyPair } from 'jose';
import { RESOURCE_TYPES } from '../fhir/search-params';
import { demoUser } from './demo-users';
import { registerLaunchRoutes } from './launch-routes';
import { ERROR_PAGE_CSP, errorPage, signInPage, signInPageCsp } from './sign-in-page';
import { AuthUrls, smartConfiguration } from './smart-configuration';
import { narrowScope, parseScopes } from './smart-scopes';
import { Grant, LaunchContext, TokenRegistry, s256 } from './token-registry';

export interface AuthClient {
  readonly id: string;
  readonly redirectUri: RegExp;
}

/** The app's public client: any page on a loopback origin (the dev server and e2e ports vary). */
export const DEV_CLIENTS: readonly AuthClient[] = [
  { id: 'waypoint', redirectUri: /^http:\/\/(localhost|127\.0\.0\.1)(:\d{1,5})?\/[^\s#]*$/ },
];

export interface AuthRouteOptions {
  readonly tokens: TokenRegistry;
  readonly clients?: readonly AuthClient[];
  readonly fhirBasePath?: string;
  /**
   * Absolute FHIR base URL, when the server is reached under a fixed public name. By default
   * the base is the origin each request used plus the base path, as the FHIR routes do, so the
   * issuer and `aud` agree with what a client behind the ng serve proxy sees.
   */
  readonly publicBaseUrl?: string;
  /** Injected in tests; generated at start-up otherwise. */
  readonly signingKey?: SigningKey;
}

export interface SigningKey {
  readonly privateKey: CryptoKey;
  readonly jwk: JWK;
}

/** A fresh RS256 key per process: fine for a development server, whose tokens die with it. */
export async function createSigningKey(): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair('RS256');
  const jwk = {
    ...(await exportJWK(publicKey)),
    kid: `waypoint-dev-${Date.now().toString(36)}`,
    alg: 'RS256',
    use: 'sig',
  };
  return { privateKey, jwk };
}

type FormReq = FastifyRequest<{ Body: unknown }>;

/** The parameters a request may carry only once (RFC 6749 §3.1, §3.2). */
const SINGLE_VALUED = [
  'response_type',
  'client_id',
  'redirect_uri',
  'scope',
  'state',
  'aud',
  'code_challenge',
  'code_challenge_method',
  'nonce',
  'launch',
  'grant_type',
  'code',
  'code_verifier',
  'refresh_token',
  'token',
];

function repeated(params: URLSearchParams): string | undefined {
  return SINGLE_VALUED.find((name) => params.getAll(name).length > 1);
}

function oauthError(reply: FastifyReply, status: 400 | 401, error: string, description: string) {
  return reply
    .code(status)
    .header('Cache-Control', 'no-store')
    .header('Pragma', 'no-cache')
    .send({ error, error_description: description });
}

function htmlError(reply: FastifyReply, status: 400 | 403, title: string, message: string) {
  return reply
    .code(status)
    .header('Cache-Control', 'no-store')
    .header('Content-Security-Policy', ERROR_PAGE_CSP)
    .type('text/html; charset=utf-8')
    .send(errorPage(title, message));
}

/** SMART's `aud` is the FHIR base URL; a trailing slash names the same base. */
function sameBase(a: string | null, b: string): boolean {
  return !!a && a.replace(/\/+$/, '') === b.replace(/\/+$/, '');
}

/**
 * A SMART App Launch 2 authorisation server for demo users: discovery, authorise (with a
 * sign-in page), token (authorization_code with PKCE S256 only, refresh_token with rotation),
 * revocation, JWKS, EHR launch contexts, and a signed id_token carrying `fhirUser`.
 */
export async function authRoutes(app: FastifyInstance, options: AuthRouteOptions): Promise<void> {
  const { tokens } = options;
  const clients = options.clients ?? DEV_CLIENTS;
  const fhirBase = options.fhirBasePath ?? '/fhir';
  const key = options.signingKey ?? (await createSigningKey());
  const fixedBase = options.publicBaseUrl?.replace(/\/+$/, '');

  const urlsOf = (request: FastifyRequest): AuthUrls => {
    if (fixedBase) return { issuer: fixedBase, authOrigin: new URL(fixedBase).origin };
    const origin = `${request.protocol}://${request.headers.host ?? 'localhost'}`;
    return { issuer: `${origin}${fhirBase}`, authOrigin: origin };
  };

  // Form bodies stay strings here, so a JSON body can be told apart and refused.
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string' },
    (_req, body, done) => done(null, body),
  );
  const formOf = (request: FormReq) =>
    typeof request.body === 'string' ? new URLSearchParams(request.body) : undefined;

  // Discovery, keys and the token endpoints are meant for browser apps on other origins too;
  // they use no cookies, so any origin may read them.
  const discovery = async (request: FastifyRequest, reply: FastifyReply) =>
    reply.header('Access-Control-Allow-Origin', '*').send(smartConfiguration(urlsOf(request)));
  app.get(`${fhirBase}/.well-known/smart-configuration`, discovery);
  app.get(`${fhirBase}/.well-known/openid-configuration`, discovery);
  app.get('/auth/jwks', async (_request, reply) =>
    reply.header('Access-Control-Allow-Origin', '*').send({ keys: [key.jwk] }),
  );

  registerLaunchRoutes(app, { tokens, clients, issuerOf: (r) => urlsOf(r).issuer, formOf });

  app.get('/auth/authorize', async (request, reply) => {
    const q = new URL(request.url, 'http://local').searchParams;
    const client = clients.find((c) => c.id === q.get('client_id'));
    const redirectUri = q.get('redirect_uri') ?? '';
    // Without a known client and a registered redirect URI, errors must not be redirected anywhere.
    if (!client || q.getAll('client_id').length > 1)
      return htmlError(
        reply,
        400,
        'Unknown client',
        'client_id is not registered with this server.',
      );
    if (!client.redirectUri.test(redirectUri) || q.getAll('redirect_uri').length > 1)
      return htmlError(
        reply,
        400,
        'Invalid redirect_uri',
        'The redirect URI is missing or not registered for this client.',
      );
    const fail = (error: string, description: string) => {
      const target = new URL(redirectUri);
      target.searchParams.set('error', error);
      target.searchParams.set('error_description', description);
      const state = q.get('state');
      if (state) target.searchParams.set('state', state);
      return reply.header('Cache-Control', 'no-store').redirect(target.toString(), 302);
    };
    const duplicate = repeated(q);
    if (duplicate) return fail('invalid_request', `${duplicate} must not be repeated`);
    const responseType = q.get('response_type');
    if (!responseType) return fail('invalid_request', 'response_type is required');
    if (responseType !== 'code')
      return fail('unsupported_response_type', 'response_type must be code');
    const state = q.get('state');
    if (!state) return fail('invalid_request', 'state is required');
    const challenge = q.get('code_challenge');
    if (q.get('code_challenge_method') !== 'S256' || !challenge)
      return fail('invalid_request', 'PKCE with code_challenge_method=S256 is required');
    // An S256 challenge is the base64url SHA-256 of the verifier: exactly 43 characters.
    if (!/^[A-Za-z0-9_-]{43}$/.test(challenge))
      return fail('invalid_request', 'code_challenge is not a base64url SHA-256 value');
    const { issuer } = urlsOf(request);
    if (!sameBase(q.get('aud'), issuer))
      return fail('invalid_request', `aud must be the FHIR base URL ${issuer}`);
    let launch: LaunchContext | undefined;
    const launchId = q.get('launch');
    if (launchId) {
      launch = tokens.lookupLaunch(launchId);
      if (!launch) return fail('invalid_request', 'the launch context is unknown or has expired');
    }
    const scopes = parseScopes(q.get('scope') ?? '', RESOURCE_TYPES, { ehrLaunch: !!launch });
    if (!scopes.granted)
      return fail('invalid_scope', 'none of the requested scopes is supported by this server');
    const nonce = q.get('nonce');
    const requestId = tokens.addPending({
      clientId: client.id,
      redirectUri,
      scope: scopes.granted,
      state,
      codeChallenge: challenge,
      ...(nonce ? { nonce } : {}),
      ...(launch ? { launch } : {}),
    });
    return reply
      .header('Cache-Control', 'no-store')
      .header('Content-Security-Policy', signInPageCsp(new URL(redirectUri).origin))
      .header('Referrer-Policy', 'no-referrer')
      .header('X-Frame-Options', 'DENY')
      .type('text/html; charset=utf-8')
      .send(signInPage(requestId, client.id, scopes.granted.split(' ')));
  });

  // The sign-in form. Its single-use, unguessable request id is what ties the submission to an
  // authorisation request; a foreign Origin is refused as well, against cross-site posts.
  app.post('/auth/authorize', async (request: FormReq, reply) => {
    const origin = request.headers.origin;
    if (origin && origin !== 'null' && origin !== urlsOf(request).authOrigin)
      return htmlError(reply, 403, 'Refused', 'The sign-in form was posted from another site.');
    const form = formOf(request);
    const pending = tokens.takePending(form?.get('request') ?? '');
    if (!pending)
      return htmlError(reply, 400, 'Sign-in expired', 'Start again from the application.');
    const target = new URL(pending.redirectUri);
    const user = demoUser(form?.get('user') ?? '');
    if (form?.has('cancel') || !user) {
      target.searchParams.set('error', 'access_denied');
      target.searchParams.set(
        'error_description',
        user ? 'the user cancelled the sign-in' : 'no such demo user',
      );
    } else {
      const code = tokens.issueCode(
        {
          user,
          clientId: pending.clientId,
          scope: pending.scope,
          ...(pending.nonce ? { nonce: pending.nonce } : {}),
          ...(pending.launch ? { launch: pending.launch } : {}),
        },
        pending.redirectUri,
        pending.codeChallenge,
      );
      target.searchParams.set('code', code);
    }
    target.searchParams.set('state', pending.state);
    target.searchParams.set('iss', urlsOf(request).issuer);
    return reply.header('Cache-Control', 'no-store').redirect(target.toString(), 302);
  });

  app.post('/auth/token', async (request: FormReq, reply) => {
    reply.header('Access-Control-Allow-Origin', '*');
    const form = formOf(request);
    if (!form)
      return oauthError(
        reply,
        400,
        'invalid_request',
        'the body must be application/x-www-form-urlencoded',
      );
    const duplicate = repeated(form);
    if (duplicate) return oauthError(reply, 400, 'invalid_request', `${duplicate} is repeated`);
    const clientId = form.get('client_id');
    if (clientId && !clients.some((c) => c.id === clientId))
      return oauthError(reply, 401, 'invalid_client', 'client_id is not registered');
    const grantType = form.get('grant_type');
    let grant: Grant;
    let family: string;
    if (grantType === 'authorization_code') {
      // Public clients identify themselves with client_id (RFC 6749 §4.1.3).
      if (!clientId) return oauthError(reply, 400, 'invalid_request', 'client_id is required');
      const code = tokens.takeCode(form.get('code') ?? '');
      if (!code)
        return oauthError(reply, 400, 'invalid_grant', 'the code is unknown, used or expired');
      if (code.clientId !== clientId)
        return oauthError(reply, 400, 'invalid_grant', 'the code was issued to another client');
      if (code.redirectUri !== form.get('redirect_uri'))
        return oauthError(reply, 400, 'invalid_grant', 'redirect_uri does not match');
      const verifier = form.get('code_verifier') ?? '';
      // RFC 7636 §4.1: 43–128 unreserved characters.
      if (!/^[A-Za-z0-9\-._~]{43,128}$/.test(verifier) || s256(verifier) !== code.codeChallenge)
        return oauthError(reply, 400, 'invalid_grant', 'PKCE verification failed');
      grant = {
        user: code.user,
        clientId: code.clientId,
        scope: code.scope,
        ...(code.nonce ? { nonce: code.nonce } : {}),
        ...(code.launch ? { launch: code.launch } : {}),
      };
      family = tokens.newFamily();
    } else if (grantType === 'refresh_token') {
      const refreshToken = form.get('refresh_token') ?? '';
      const owner = tokens.clientOf(refreshToken);
      if (owner && clientId && owner !== clientId)
        return oauthError(reply, 400, 'invalid_grant', 'the token was issued to another client');
      const used = tokens.useRefresh(refreshToken);
      if (used === 'reused')
        return oauthError(
          reply,
          400,
          'invalid_grant',
          'refresh token reuse detected: the session is revoked',
        );
      if (!used)
        return oauthError(reply, 400, 'invalid_grant', 'the refresh token is unknown or expired');
      grant = used.grant;
      family = used.family;
      const asked = form.get('scope');
      if (asked !== null) {
        const narrowed = narrowScope(grant.scope, asked);
        if (narrowed === undefined)
          return oauthError(reply, 400, 'invalid_scope', 'scope exceeds what was granted');
        grant = { ...grant, scope: narrowed };
      }
    } else {
      return oauthError(
        reply,
        400,
        grantType ? 'unsupported_grant_type' : 'invalid_request',
        'grant_type must be authorization_code or refresh_token',
      );
    }
    const scopes = parseScopes(grant.scope, RESOURCE_TYPES, { ehrLaunch: !!grant.launch });
    const { issuer } = urlsOf(request);
    const body: Record<string, unknown> = {
      access_token: tokens.issueAccess(grant, family),
      token_type: 'Bearer',
      expires_in: tokens.accessTokenSeconds,
      scope: scopes.granted,
    };
    if (scopes.refresh) body['refresh_token'] = tokens.issueRefresh(grant, family);
    if (scopes.openid) body['id_token'] = await idToken(grant, issuer, scopes.fhirUser);
    if (grant.launch && scopes.granted.split(' ').includes('launch')) {
      if (grant.launch.patient) {
        body['patient'] = grant.launch.patient;
        body['need_patient_banner'] = grant.launch.needPatientBanner;
      }
      if (grant.launch.encounter) body['encounter'] = grant.launch.encounter;
    }
    return reply.header('Cache-Control', 'no-store').header('Pragma', 'no-cache').send(body);
  });

  // RFC 7009. Unknown tokens are answered 200 like known ones, so the endpoint reveals nothing.
  app.post('/auth/revoke', async (request: FormReq, reply) => {
    reply.header('Access-Control-Allow-Origin', '*');
    const form = formOf(request);
    if (!form || !form.get('token') || repeated(form))
      return oauthError(reply, 400, 'invalid_request', 'a single token parameter is required');
    const clientId = form.get('client_id');
    if (!clientId || !clients.some((c) => c.id === clientId))
      return oauthError(reply, 401, 'invalid_client', 'client_id is missing or not registered');
    const owner = tokens.clientOf(form.get('token')!);
    if (owner && owner !== clientId)
      return oauthError(reply, 400, 'invalid_request', 'the token was issued to another client');
    tokens.revoke(form.get('token')!);
    return reply.code(200).header('Cache-Control', 'no-store').send();
  });

  /** OpenID Connect id_token; `fhirUser` is the absolute Practitioner URL, where SMART reads it. */
  function idToken(grant: Grant, issuer: string, withFhirUser: boolean): Promise<string> {
    return new SignJWT({
      ...(withFhirUser ? { fhirUser: `${issuer}/Practitioner/${grant.user.practitionerId}` } : {}),
      name: grant.user.name,
      ...(grant.nonce ? { nonce: grant.nonce } : {}),
    })
      .setProtectedHeader({ alg: 'RS256', kid: key.jwk.kid!, typ: 'JWT' })
      .setIssuer(issuer)
      .setSubject(grant.user.practitionerId)
      .setAudience(grant.clientId)
      .setIssuedAt()
      .setExpirationTime(`${tokens.accessTokenSeconds}s`)
      .sign(key.privateKey);
  }
}
