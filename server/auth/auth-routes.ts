import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { CryptoKey, JWK, SignJWT, exportJWK, generateKeyPair } from 'jose';
import { RESOURCE_TYPES } from '../fhir/search-params';
import { demoUser } from './demo-users';
import { signInPage } from './sign-in-page';
import { parseScopes } from './smart-scopes';
import { TokenRegistry, s256 } from './token-registry';

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
}

export interface SigningKey {
  readonly privateKey: CryptoKey;
  readonly jwk: JWK;
}

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

type FormReq = FastifyRequest<{ Body: string | undefined }>;

function oauthError(reply: FastifyReply, status: number, error: string, description: string) {
  return reply
    .code(status)
    .header('Cache-Control', 'no-store')
    .send({ error, error_description: description });
}

/**
 * A SMART App Launch 2 authorisation server for demo users: discovery, authorise (with a
 * sign-in page), token (authorization_code with PKCE S256 only, refresh_token with rotation),
 * JWKS, and a signed id_token carrying `fhirUser`.
 */
export async function authRoutes(app: FastifyInstance, options: AuthRouteOptions): Promise<void> {
  const { tokens } = options;
  const clients = options.clients ?? DEV_CLIENTS;
  const fhirBase = options.fhirBasePath ?? '/fhir';
  const key = await createSigningKey();
  const originOf = (request: FastifyRequest) =>
    `${request.protocol}://${request.headers.host ?? 'localhost'}`;
  const issuerOf = (request: FastifyRequest) => `${originOf(request)}${fhirBase}`;

  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string' },
    (_req, body, done) => done(null, body),
  );

  const configuration = (request: FastifyRequest) => {
    const origin = originOf(request);
    return {
      issuer: issuerOf(request),
      jwks_uri: `${origin}/auth/jwks`,
      authorization_endpoint: `${origin}/auth/authorize`,
      token_endpoint: `${origin}/auth/token`,
      grant_types_supported: ['authorization_code', 'refresh_token'],
      response_types_supported: ['code'],
      code_challenge_methods_supported: ['S256'],
      token_endpoint_auth_methods_supported: ['none'],
      id_token_signing_alg_values_supported: ['RS256'],
      subject_types_supported: ['public'],
      scopes_supported: [
        'openid',
        'fhirUser',
        'online_access',
        'offline_access',
        'launch',
        'user/*.rs',
        'user/*.cruds',
      ],
      capabilities: [
        'launch-standalone',
        'launch-ehr',
        'client-public',
        'sso-openid-connect',
        'permission-v2',
        'permission-v1',
        'permission-user',
        'context-ehr-patient',
      ],
    };
  };
  app.get(`${fhirBase}/.well-known/smart-configuration`, async (request) => configuration(request));
  app.get(`${fhirBase}/.well-known/openid-configuration`, async (request) =>
    configuration(request),
  );
  app.get('/auth/jwks', async () => ({ keys: [key.jwk] }));

  app.get('/auth/authorize', async (request, reply) => {
    const q = new URL(request.url, 'http://local').searchParams;
    const client = clients.find((c) => c.id === q.get('client_id'));
    const redirectUri = q.get('redirect_uri') ?? '';
    // Without a known client and a registered redirect URI, errors must not be redirected anywhere.
    if (!client)
      return reply
        .code(400)
        .type('text/html')
        .send('<h1>Unknown client</h1><p>client_id is not registered with this server.</p>');
    if (!client.redirectUri.test(redirectUri)) {
      return reply
        .code(400)
        .type('text/html')
        .send(
          '<h1>Invalid redirect_uri</h1><p>The redirect URI is not registered for this client.</p>',
        );
    }
    const fail = (error: string, description: string) => {
      const target = new URL(redirectUri);
      target.searchParams.set('error', error);
      target.searchParams.set('error_description', description);
      if (q.get('state')) target.searchParams.set('state', q.get('state')!);
      return reply.redirect(target.toString(), 302);
    };
    if (q.get('response_type') !== 'code')
      return fail('unsupported_response_type', 'response_type must be code');
    if (!q.get('state')) return fail('invalid_request', 'state is required');
    if (q.get('code_challenge_method') !== 'S256' || !q.get('code_challenge')) {
      return fail('invalid_request', 'PKCE with code_challenge_method=S256 is required');
    }
    if (q.get('aud') !== issuerOf(request))
      return fail('invalid_request', `aud must be the FHIR base URL ${issuerOf(request)}`);
    const requestId = tokens.addPending({
      clientId: client.id,
      redirectUri,
      scope: q.get('scope') ?? '',
      state: q.get('state')!,
      codeChallenge: q.get('code_challenge')!,
      ...(q.get('nonce') ? { nonce: q.get('nonce')! } : {}),
      ...(q.get('launch') ? { launch: q.get('launch')! } : {}),
    });
    return reply
      .header('Cache-Control', 'no-store')
      .header(
        'Content-Security-Policy',
        "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
      )
      .type('text/html; charset=utf-8')
      .send(signInPage(requestId, client.id));
  });

  app.post('/auth/authorize', async (request: FormReq, reply) => {
    const form = new URLSearchParams(request.body ?? '');
    const pending = tokens.takePending(form.get('request') ?? '');
    if (!pending)
      return reply
        .code(400)
        .type('text/html')
        .send('<h1>Sign-in expired</h1><p>Start again from the application.</p>');
    const user = demoUser(form.get('user') ?? '');
    const target = new URL(pending.redirectUri);
    target.searchParams.set('state', pending.state);
    if (!user) {
      target.searchParams.set('error', 'access_denied');
      return reply.redirect(target.toString(), 302);
    }
    const code = tokens.issueCode(
      {
        user,
        clientId: pending.clientId,
        scope: pending.scope,
        ...(pending.nonce ? { nonce: pending.nonce } : {}),
      },
      pending.redirectUri,
      pending.codeChallenge,
    );
    target.searchParams.set('code', code);
    return reply.redirect(target.toString(), 302);
  });

  app.post('/auth/token', async (request: FormReq, reply) => {
    const form = new URLSearchParams(request.body ?? '');
    const grantType = form.get('grant_type');
    let grant;
    let family: string | undefined;
    if (grantType === 'authorization_code') {
      const code = tokens.takeCode(form.get('code') ?? '');
      if (!code)
        return oauthError(reply, 400, 'invalid_grant', 'the code is unknown, used or expired');
      if (code.clientId !== form.get('client_id'))
        return oauthError(reply, 400, 'invalid_grant', 'the code was issued to another client');
      if (code.redirectUri !== form.get('redirect_uri'))
        return oauthError(reply, 400, 'invalid_grant', 'redirect_uri does not match');
      const verifier = form.get('code_verifier') ?? '';
      if (!/^[A-Za-z0-9\-._~]{43,128}$/.test(verifier) || s256(verifier) !== code.codeChallenge) {
        return oauthError(reply, 400, 'invalid_grant', 'PKCE verification failed');
      }
      grant = code;
    } else if (grantType === 'refresh_token') {
      const used = tokens.useRefresh(form.get('refresh_token') ?? '');
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
    } else {
      return oauthError(
        reply,
        400,
        'unsupported_grant_type',
        'grant_type must be authorization_code or refresh_token',
      );
    }
    const scopes = parseScopes(grant.scope, RESOURCE_TYPES);
    const issuer = issuerOf(request);
    const body: Record<string, unknown> = {
      access_token: tokens.issueAccess({ ...grant, scope: scopes.granted }),
      token_type: 'Bearer',
      expires_in: tokens.accessTokenSeconds,
      scope: scopes.granted,
    };
    if (scopes.refresh) body['refresh_token'] = tokens.issueRefresh(grant, family);
    if (scopes.openid && scopes.fhirUser) {
      body['id_token'] = await new SignJWT({
        fhirUser: `${issuer}/Practitioner/${grant.user.practitionerId}`,
        name: grant.user.name,
        ...(grant.nonce ? { nonce: grant.nonce } : {}),
      })
        .setProtectedHeader({ alg: 'RS256', kid: key.jwk.kid! })
        .setIssuer(issuer)
        .setSubject(grant.user.practitionerId)
        .setAudience(grant.clientId)
        .setIssuedAt()
        .setExpirationTime(`${tokens.accessTokenSeconds}s`)
        .sign(key.privateKey);
    }
    return reply.header('Cache-Control', 'no-store').header('Pragma', 'no-cache').send(body);
  });
}
