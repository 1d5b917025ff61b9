import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLocalJWKSet, jwtVerify } from 'jose';
import { WaypointServer, buildServer } from '../app';
import { s256 } from './token-registry';
import { parseScopes } from './smart-scopes';

const CLIENT = 'waypoint';
const REDIRECT = 'http://localhost:4200/sign-in/callback';
const VERIFIER = 'a-very-long-pkce-code-verifier-made-of-allowed-characters-0123456789';
const SCOPES =
  'openid fhirUser online_access user/Patient.rs user/Observation.rs user/EpisodeOfCare.rs user/EpisodeOfCare.cu';

describe('SMART authorisation server', () => {
  let server: WaypointServer;
  let origin: string;
  let dir: string;
  /** The server's clock stands still unless a spec moves it, so no expiry depends on load. */
  let now: number;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'waypoint-auth-'));
    now = Date.parse('2026-11-28T15:00:00Z');
    server = await buildServer({
      dbFile: join(dir, 'auth.sqlite'),
      accessTokenSeconds: 2,
      clock: () => now,
    });
    server.store.loadMany([
      { resourceType: 'Organization', id: 'org-riverside', name: 'Provider' },
      {
        resourceType: 'Organization',
        id: 'org-adult-iop',
        name: 'Adult IOP',
        partOf: { reference: 'Organization/org-riverside' },
      },
      {
        resourceType: 'Patient',
        id: 'pa',
        managingOrganization: { reference: 'Organization/org-riverside' },
      },
      {
        resourceType: 'Patient',
        id: 'pb',
        managingOrganization: { reference: 'Organization/org-adult-iop' },
      },
      {
        resourceType: 'Patient',
        id: 'pz',
        managingOrganization: { reference: 'Organization/elsewhere' },
      },
      {
        resourceType: 'CareTeam',
        id: 'ct-a',
        status: 'active',
        subject: { reference: 'Patient/pa' },
        participant: [{ member: { reference: 'Practitioner/pr-therapist-1' } }],
      },
      {
        resourceType: 'CareTeam',
        id: 'ct-b',
        status: 'inactive',
        subject: { reference: 'Patient/pb' },
        participant: [{ member: { reference: 'Practitioner/pr-therapist-1' } }],
      },
      {
        resourceType: 'Observation',
        id: 'oa',
        status: 'final',
        code: { text: 'x' },
        subject: { reference: 'Patient/pa' },
      },
      {
        resourceType: 'Observation',
        id: 'ob',
        status: 'final',
        code: { text: 'x' },
        subject: { reference: 'Patient/pb' },
      },
    ]);
    await server.app.listen({ port: 0, host: '127.0.0.1' });
    const address = server.app.server.address();
    origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  });

  afterEach(async () => {
    await server.app.close();
    rmSync(dir, { recursive: true, force: true });
  });

  function authorizeUrl(overrides: Record<string, string | null> = {}): string {
    const params: Record<string, string | null> = {
      response_type: 'code',
      client_id: CLIENT,
      redirect_uri: REDIRECT,
      scope: SCOPES,
      state: 'state-123456789',
      aud: `${origin}/fhir`,
      code_challenge: s256(VERIFIER),
      code_challenge_method: 'S256',
      nonce: 'nonce-1',
      ...overrides,
    };
    const url = new URL(`${origin}/auth/authorize`);
    for (const [k, v] of Object.entries(params)) if (v !== null) url.searchParams.set(k, v);
    return url.toString();
  }

  async function signIn(
    practitionerId: string,
    overrides: Record<string, string | null> = {},
  ): Promise<URL> {
    const page = await (await fetch(authorizeUrl(overrides))).text();
    const request = /name="request" value="([^"]+)"/.exec(page)![1];
    const response = await fetch(`${origin}/auth/authorize`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ request, user: practitionerId }).toString(),
    });
    return new URL(response.headers.get('location')!);
  }

  async function token(form: Record<string, string>) {
    const response = await fetch(`${origin}/auth/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(form).toString(),
    });
    return {
      status: response.status,
      body: (await response.json()) as Record<string, string | number>,
    };
  }

  async function tokensFor(practitionerId: string) {
    const callback = await signIn(practitionerId);
    return token({
      grant_type: 'authorization_code',
      code: callback.searchParams.get('code')!,
      redirect_uri: REDIRECT,
      client_id: CLIENT,
      code_verifier: VERIFIER,
    });
  }

  it('publishes SMART discovery offering only S256', async () => {
    const config = (await (
      await fetch(`${origin}/fhir/.well-known/smart-configuration`)
    ).json()) as Record<string, unknown>;
    expect(config['code_challenge_methods_supported']).toEqual(['S256']);
    expect(config['authorization_endpoint']).toBe(`${origin}/auth/authorize`);
    expect(config['capabilities']).toContain('permission-v2');
    const metadata = await (await fetch(`${origin}/fhir/metadata`)).text();
    expect(metadata).toContain('SMART-on-FHIR');
  });

  it('shows a sign-in page that lists the demo users and says it is a demo', async () => {
    const response = await fetch(authorizeUrl());
    const page = await response.text();
    expect(response.status).toBe(200);
    expect(page).toContain('Demonstration server');
    expect(page).toContain('synthetic');
    expect(page).toContain('Avery Lanternfield');
    expect(page).toContain('Program director');
    expect(page).not.toContain('<script');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
  });

  it('redirects protocol errors back to the client, but never to an unregistered redirect URI', async () => {
    const error = async (overrides: Record<string, string | null>) => {
      const response = await fetch(authorizeUrl(overrides), { redirect: 'manual' });
      return new URL(response.headers.get('location')!).searchParams;
    };
    expect((await error({ code_challenge_method: 'plain' })).get('error')).toBe('invalid_request');
    expect((await error({ code_challenge: null })).get('error')).toBe('invalid_request');
    expect((await error({ state: null })).get('error')).toBe('invalid_request');
    expect(
      (await error({ aud: 'https://elsewhere.example/fhir' })).get('error_description'),
    ).toContain('aud must be');
    expect((await error({ response_type: 'token' })).get('error')).toBe(
      'unsupported_response_type',
    );
    const bad = await fetch(authorizeUrl({ redirect_uri: 'https://attacker.example/cb' }), {
      redirect: 'manual',
    });
    expect(bad.status).toBe(400);
    expect(bad.headers.get('location')).toBeNull();
    expect(
      (await fetch(authorizeUrl({ client_id: 'intruder' }), { redirect: 'manual' })).status,
    ).toBe(400);
  });

  it('completes the code flow with PKCE and issues a signed id_token with fhirUser', async () => {
    const callback = await signIn('pr-therapist-1');
    expect(callback.searchParams.get('state')).toBe('state-123456789');
    const result = await token({
      grant_type: 'authorization_code',
      code: callback.searchParams.get('code')!,
      redirect_uri: REDIRECT,
      client_id: CLIENT,
      code_verifier: VERIFIER,
    });
    expect(result.status).toBe(200);
    expect(result.body['token_type']).toBe('Bearer');
    expect(result.body['expires_in']).toBe(2);
    expect(result.body['scope']).toBe(SCOPES);
    expect(typeof result.body['refresh_token']).toBe('string');
    const jwks = createLocalJWKSet((await (await fetch(`${origin}/auth/jwks`)).json()) as never);
    const { payload } = await jwtVerify(String(result.body['id_token']), jwks, {
      issuer: `${origin}/fhir`,
      audience: CLIENT,
    });
    expect(payload['fhirUser']).toBe(`${origin}/fhir/Practitioner/pr-therapist-1`);
    expect(payload['nonce']).toBe('nonce-1');
  });

  it('refuses a wrong verifier, a reused code and a mismatched redirect URI', async () => {
    const first = await signIn('pr-therapist-1');
    const code = first.searchParams.get('code')!;
    const wrong = await token({
      grant_type: 'authorization_code',
      code,
      redirect_uri: REDIRECT,
      client_id: CLIENT,
      code_verifier: `${VERIFIER}x`,
    });
    expect([wrong.status, wrong.body['error']]).toEqual([400, 'invalid_grant']);
    // The code was spent by the failed attempt: single use.
    const again = await token({
      grant_type: 'authorization_code',
      code,
      redirect_uri: REDIRECT,
      client_id: CLIENT,
      code_verifier: VERIFIER,
    });
    expect(again.body['error']).toBe('invalid_grant');
    const second = await signIn('pr-therapist-1');
    const redirect = await token({
      grant_type: 'authorization_code',
      code: second.searchParams.get('code')!,
      redirect_uri: 'http://localhost:4200/other',
      client_id: CLIENT,
      code_verifier: VERIFIER,
    });
    expect(redirect.body['error']).toBe('invalid_grant');
    expect((await token({ grant_type: 'password' })).body['error']).toBe('unsupported_grant_type');
  });

  it('rotates refresh tokens and revokes the family when a spent one is reused', async () => {
    const initial = await tokensFor('pr-therapist-1');
    const refreshed = await token({
      grant_type: 'refresh_token',
      refresh_token: String(initial.body['refresh_token']),
    });
    expect(refreshed.status).toBe(200);
    const reuse = await token({
      grant_type: 'refresh_token',
      refresh_token: String(initial.body['refresh_token']),
    });
    expect(reuse.body['error_description']).toContain('reuse detected');
    const revoked = await token({
      grant_type: 'refresh_token',
      refresh_token: String(refreshed.body['refresh_token']),
    });
    expect(revoked.body['error']).toBe('invalid_grant');
  });

  it('enforces tokens on the FHIR API: 401 without one or when expired, care-team scope for a therapist', async () => {
    const anonymous = await fetch(`${origin}/fhir/Patient`);
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('www-authenticate')).toContain('Bearer');
    expect(
      (await fetch(`${origin}/fhir/Patient`, { headers: { Authorization: 'Bearer nonsense' } }))
        .status,
    ).toBe(401);
    const { body } = await tokensFor('pr-therapist-1');
    const auth = { Authorization: `Bearer ${body['access_token']}` };
    const patients = (await (await fetch(`${origin}/fhir/Patient`, { headers: auth })).json()) as {
      entry: { resource: { id: string } }[];
    };
    // pb's care team is inactive: only pa is reachable.
    expect(patients.entry.map((e) => e.resource.id)).toEqual(['pa']);
    expect((await fetch(`${origin}/fhir/Observation/ob`, { headers: auth })).status).toBe(404);
    expect((await fetch(`${origin}/fhir/Observation/oa`, { headers: auth })).status).toBe(200);
    // No Flag scope was granted.
    expect((await fetch(`${origin}/fhir/Flag`, { headers: auth })).status).toBe(403);
    const write = await fetch(`${origin}/fhir/Observation`, {
      method: 'POST',
      headers: { ...auth, 'Content-Type': 'application/fhir+json' },
      body: JSON.stringify({
        resourceType: 'Observation',
        status: 'final',
        code: { text: 'x' },
        subject: { reference: 'Patient/pa' },
      }),
    });
    expect(write.status).toBe(403);
    now += 2_001;
    const expired = await fetch(`${origin}/fhir/Patient`, { headers: auth });
    expect(expired.status).toBe(401);
    expect(await expired.text()).toContain('expired');
  });

  it('lets the director reach every patient of the provider and its programs', async () => {
    const { body } = await tokensFor('pr-director-1');
    const patients = (await (
      await fetch(`${origin}/fhir/Patient`, {
        headers: { Authorization: `Bearer ${body['access_token']}` },
      })
    ).json()) as {
      entry: { resource: { id: string } }[];
    };
    expect(patients.entry.map((e) => e.resource.id).sort()).toEqual(['pa', 'pb']);
  });
});

describe('SMART scopes', () => {
  const types = ['Patient', 'Observation', 'EpisodeOfCare'];

  it('reads v2 and v1 user scopes and drops unsupported ones', () => {
    const scopes = parseScopes(
      'openid fhirUser user/Observation.rs user/EpisodeOfCare.cu user/Patient.read patient/*.rs user/Spaceship.rs bogus',
      types,
    );
    expect(scopes.granted).toBe(
      'openid fhirUser user/Observation.rs user/EpisodeOfCare.cu user/Patient.read',
    );
    expect([scopes.allows('Observation', 'r'), scopes.allows('Observation', 'c')]).toEqual([
      true,
      false,
    ]);
    expect([scopes.allows('EpisodeOfCare', 'u'), scopes.allows('EpisodeOfCare', 'r')]).toEqual([
      true,
      false,
    ]);
    expect(scopes.allows('Patient', 's')).toBeTrue();
    expect(scopes.refresh).toBeFalse();
    const all = parseScopes('user/*.cruds offline_access', types);
    expect(all.allows('Patient', 'd')).toBeTrue();
    expect(all.refresh).toBeTrue();
    expect(parseScopes('user/*.write', types).allows('Observation', 'r')).toBeFalse();
  });
});
