import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLocalJWKSet, decodeJwt, jwtVerify } from 'jose';
import { buildServer } from '../app';
import { Resource } from '../db/resource-store';
import { CLIENT, REDIRECT, SmartTestServer, VERIFIER, startSmartServer } from './smart-test-client';
import { s256 } from './token-registry';

const DATA: Resource[] = [
  { resourceType: 'Organization', id: 'org-riverside', name: 'Provider' },
  {
    resourceType: 'Patient',
    id: 'p-mine',
    managingOrganization: { reference: 'Organization/org-riverside' },
  },
  {
    resourceType: 'Patient',
    id: 'p-other',
    managingOrganization: { reference: 'Organization/org-riverside' },
  },
  {
    resourceType: 'CareTeam',
    id: 'ct-mine',
    status: 'active',
    subject: { reference: 'Patient/p-mine' },
    participant: [{ member: { reference: 'Practitioner/pr-therapist-2' } }],
  },
  {
    resourceType: 'CareTeam',
    id: 'ct-other',
    status: 'active',
    subject: { reference: 'Patient/p-other' },
    participant: [{ member: { reference: 'Practitioner/pr-therapist-3' } }],
  },
];

const observationFor = (patient: string) => ({
  resourceType: 'Observation',
  status: 'final',
  code: { text: 'check-in' },
  subject: { reference: `Patient/${patient}` },
});

describe('SMART endpoints', () => {
  let smart: SmartTestServer;

  beforeAll(async () => {
    smart = await startSmartServer(DATA);
  });
  afterAll(async () => smart.stop());

  describe('discovery', () => {
    it('lists exactly what is implemented, S256 only, and matches the OpenID configuration', async () => {
      const response = await fetch(`${smart.fhir}/.well-known/smart-configuration`);
      expect(response.headers.get('access-control-allow-origin')).toBe('*');
      const config = (await response.json()) as Record<string, unknown>;
      expect(config['issuer']).toBe(smart.fhir);
      expect(config['code_challenge_methods_supported']).toEqual(['S256']);
      expect(config['grant_types_supported']).toEqual(['authorization_code', 'refresh_token']);
      expect(config['response_types_supported']).toEqual(['code']);
      expect(config['token_endpoint']).toBe(`${smart.origin}/auth/token`);
      expect(config['jwks_uri']).toBe(`${smart.origin}/auth/jwks`);
      const capabilities = config['capabilities'] as string[];
      for (const c of ['launch-ehr', 'launch-standalone', 'client-public', 'permission-v2'])
        expect(capabilities).toContain(c);
      for (const c of [
        'context-standalone-patient',
        'client-confidential-symmetric',
        'authorize-post',
      ])
        expect(capabilities).not.toContain(c);
      expect(config['scopes_supported']).not.toContain('launch/patient');
      const oidc = (await (
        await fetch(`${smart.fhir}/.well-known/openid-configuration`)
      ).json()) as Record<string, unknown>;
      expect(oidc['issuer']).toBe(config['issuer']);
      expect(oidc['id_token_signing_alg_values_supported']).toEqual(['RS256']);
    });
  });

  describe('authorise', () => {
    async function errorOf(overrides: Record<string, string | null>) {
      const response = await fetch(smart.authorizeUrl(overrides), { redirect: 'manual' });
      expect(response.status).toBe(302);
      const location = new URL(response.headers.get('location')!);
      expect(location.origin + location.pathname).toBe(REDIRECT);
      return location.searchParams;
    }

    it('refuses malformed requests back to the client with the state echoed', async () => {
      const bad = await errorOf({ code_challenge: 'too-short' });
      expect([bad.get('error'), bad.get('state')]).toEqual(['invalid_request', 'state-abc']);
      expect((await errorOf({ code_challenge_method: null })).get('error')).toBe('invalid_request');
      expect((await errorOf({ response_type: null })).get('error')).toBe('invalid_request');
      expect((await errorOf({ scope: 'patient/*.rs launch/patient' })).get('error')).toBe(
        'invalid_scope',
      );
      expect((await errorOf({ launch: 'no-such-launch' })).get('error_description')).toContain(
        'launch',
      );
      const repeated = await fetch(`${smart.authorizeUrl()}&state=second`, { redirect: 'manual' });
      expect(new URL(repeated.headers.get('location')!).searchParams.get('error')).toBe(
        'invalid_request',
      );
    });

    it('answers an unregistered redirect URI with a page, never a redirect', async () => {
      for (const redirect of [
        'https://attacker.example/cb',
        'http://localhost.attacker.example/x',
        '',
      ]) {
        const response = await fetch(smart.authorizeUrl({ redirect_uri: redirect }), {
          redirect: 'manual',
        });
        expect(response.status).withContext(redirect).toBe(400);
        expect(response.headers.get('location')).toBeNull();
        expect(response.headers.get('content-type')).toContain('text/html');
      }
    });

    it('accepts aud with a trailing slash, and serves the page under a script-free CSP', async () => {
      const response = await fetch(smart.authorizeUrl({ aud: `${smart.fhir}/` }));
      expect(response.status).toBe(200);
      const csp = response.headers.get('content-security-policy')!;
      expect(csp).toContain("default-src 'none'");
      expect(csp).not.toContain('unsafe-inline');
      expect(csp).toContain("form-action 'self' http://127.0.0.1:4200");
      const page = await response.text();
      expect(page).not.toMatch(/<script|\son[a-z]+=/i);
      expect(page).toContain('<code>user/*.rs</code>');
    });

    it('refuses a sign-in form posted from another site, and replays of the form', async () => {
      const page = await (await fetch(smart.authorizeUrl())).text();
      const request = /name="request" value="([^"]+)"/.exec(page)![1];
      const post = (origin: string) =>
        fetch(`${smart.origin}/auth/authorize`, {
          method: 'POST',
          redirect: 'manual',
          headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: origin },
          body: new URLSearchParams({ request, user: 'pr-therapist-1' }).toString(),
        });
      expect((await post('https://evil.example')).status).toBe(403);
      expect((await post(smart.origin)).status).toBe(302);
      expect((await post(smart.origin)).status).toBe(400);
    });

    it('returns access_denied with the state when the user cancels', async () => {
      const page = await (await fetch(smart.authorizeUrl())).text();
      const request = /name="request" value="([^"]+)"/.exec(page)![1];
      const response = await fetch(`${smart.origin}/auth/authorize`, {
        method: 'POST',
        redirect: 'manual',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ request, cancel: '1' }).toString(),
      });
      const callback = new URL(response.headers.get('location')!);
      expect(callback.searchParams.get('error')).toBe('access_denied');
      expect(callback.searchParams.get('state')).toBe('state-abc');
      expect(callback.searchParams.get('code')).toBeNull();
    });
  });

  describe('token', () => {
    it('refuses JSON bodies, a missing client_id and an unknown client', async () => {
      const json = await fetch(`${smart.origin}/auth/token`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ grant_type: 'authorization_code' }),
      });
      expect(json.status).toBe(400);
      expect(((await json.json()) as Record<string, unknown>)['error']).toBe('invalid_request');
      const callback = await smart.signIn('pr-therapist-1');
      const code = callback.searchParams.get('code')!;
      const noClient = await smart.token({
        grant_type: 'authorization_code',
        code,
        redirect_uri: REDIRECT,
        code_verifier: VERIFIER,
      });
      expect([noClient.status, noClient.body['error']]).toEqual([400, 'invalid_request']);
      const unknown = await smart.token({
        grant_type: 'authorization_code',
        code,
        redirect_uri: REDIRECT,
        client_id: 'intruder',
        code_verifier: VERIFIER,
      });
      expect([unknown.status, unknown.body['error']]).toEqual([401, 'invalid_client']);
      const missingVerifier = await smart.token({
        grant_type: 'authorization_code',
        code: (await smart.signIn('pr-therapist-1')).searchParams.get('code')!,
        redirect_uri: REDIRECT,
        client_id: CLIENT,
      });
      expect([missingVerifier.status, missingVerifier.body['error']]).toEqual([
        400,
        'invalid_grant',
      ]);
    });

    it('issues an id_token signed with the published key, fhirUser only when asked for', async () => {
      const jwks = createLocalJWKSet(
        (await (await fetch(`${smart.origin}/auth/jwks`)).json()) as never,
      );
      const full = await smart.tokensFor('pr-director-1', { nonce: 'n-42' });
      const { payload, protectedHeader } = await jwtVerify(String(full['id_token']), jwks, {
        issuer: smart.fhir,
        audience: CLIENT,
      });
      expect(protectedHeader.kid).toBeTruthy();
      expect(payload['fhirUser']).toBe(`${smart.fhir}/Practitioner/pr-director-1`);
      expect(payload.sub).toBe('pr-director-1');
      expect(payload['nonce']).toBe('n-42');
      expect(full['expires_in']).toBe(3600);
      expect(full['patient']).toBeUndefined();
      const plain = await smart.tokensFor('pr-director-1', { scope: 'openid user/*.rs' });
      expect(decodeJwt(String(plain['id_token']))['fhirUser']).toBeUndefined();
      expect(plain['refresh_token']).toBeUndefined();
      const none = await smart.tokensFor('pr-director-1', { scope: 'user/Patient.rs' });
      expect(none['id_token']).toBeUndefined();
      expect(none['scope']).toBe('user/Patient.rs');
    });

    it('narrows scope on refresh but never widens it', async () => {
      const first = await smart.tokensFor('pr-therapist-2', {
        scope: 'offline_access user/Patient.rs user/Observation.rs',
      });
      const wider = await smart.token({
        grant_type: 'refresh_token',
        refresh_token: String(first['refresh_token']),
        scope: 'offline_access user/Patient.cruds',
      });
      expect([wider.status, wider.body['error']]).toEqual([400, 'invalid_scope']);
      const second = await smart.tokensFor('pr-therapist-2', {
        scope: 'offline_access user/Patient.rs user/Observation.rs',
      });
      const narrower = await smart.token({
        grant_type: 'refresh_token',
        refresh_token: String(second['refresh_token']),
        client_id: CLIENT,
        scope: 'offline_access user/Patient.rs',
      });
      expect(narrower.status).toBe(200);
      expect(narrower.body['scope']).toBe('offline_access user/Patient.rs');
      const observations = await smart.fhirGet(
        'Observation',
        String(narrower.body['access_token']),
      );
      expect(observations.status).toBe(403);
    });

    it('revokes the access tokens of a sign-in whose refresh token is replayed', async () => {
      const first = await smart.tokensFor('pr-therapist-2');
      const rotated = await smart.token({
        grant_type: 'refresh_token',
        refresh_token: String(first['refresh_token']),
      });
      expect(rotated.status).toBe(200);
      expect(rotated.body['refresh_token']).not.toBe(first['refresh_token']);
      const access = String(rotated.body['access_token']);
      expect((await smart.fhirGet('Patient', access)).status).toBe(200);
      const replay = await smart.token({
        grant_type: 'refresh_token',
        refresh_token: String(first['refresh_token']),
      });
      expect([replay.status, replay.body['error']]).toEqual([400, 'invalid_grant']);
      expect((await smart.fhirGet('Patient', access)).status).toBe(401);
      expect((await smart.fhirGet('Patient', String(first['access_token']))).status).toBe(401);
    });

    it('revokes a sign-in through the revocation endpoint (RFC 7009)', async () => {
      const tokens = await smart.tokensFor('pr-therapist-2');
      const revoke = (token: string, client = CLIENT) =>
        fetch(`${smart.origin}/auth/revoke`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({ token, client_id: client }).toString(),
        });
      expect((await revoke(String(tokens['refresh_token']), 'intruder')).status).toBe(401);
      expect((await revoke(String(tokens['refresh_token']))).status).toBe(200);
      expect((await smart.fhirGet('Patient', String(tokens['access_token']))).status).toBe(401);
      const refresh = await smart.token({
        grant_type: 'refresh_token',
        refresh_token: String(tokens['refresh_token']),
      });
      expect(refresh.body['error']).toBe('invalid_grant');
      // Unknown tokens get the same answer as known ones.
      expect((await revoke('never-issued')).status).toBe(200);
    });
  });

  describe('EHR launch', () => {
    it('carries the launch context from /auth/launch through to the token response', async () => {
      const opened = await fetch(
        `${smart.origin}/auth/launch?patient=Patient/p-mine&launch_url=${encodeURIComponent('http://127.0.0.1:4200/launch')}`,
        { redirect: 'manual' },
      );
      expect(opened.status).toBe(302);
      const launchUrl = new URL(opened.headers.get('location')!);
      expect(launchUrl.searchParams.get('iss')).toBe(smart.fhir);
      const launch = launchUrl.searchParams.get('launch')!;
      const body = await smart.tokensFor('pr-therapist-2', {
        launch,
        scope: 'launch openid fhirUser user/*.rs',
      });
      expect(body['patient']).toBe('p-mine');
      expect(body['need_patient_banner']).toBeTrue();
      expect(String(body['scope']).split(' ')).toContain('launch');
      // Without the launch scope the context is not handed over.
      const quiet = await smart.tokensFor('pr-therapist-2', { launch, scope: 'user/*.rs' });
      expect(quiet['patient']).toBeUndefined();
    });

    it('creates contexts by POST, and refuses bad ids and unregistered launch URLs', async () => {
      const created = await fetch(`${smart.origin}/auth/launch`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({
          patient: 'p-other',
          encounter: 'enc-1',
          need_patient_banner: false,
        }),
      });
      expect(created.status).toBe(201);
      const { launch, iss } = (await created.json()) as { launch: string; iss: string };
      expect(iss).toBe(smart.fhir);
      const body = await smart.tokensFor('pr-therapist-3', { launch, scope: 'launch user/*.rs' });
      expect([body['patient'], body['encounter'], body['need_patient_banner']]).toEqual([
        'p-other',
        'enc-1',
        false,
      ]);
      const badId = await fetch(`${smart.origin}/auth/launch`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: 'patient=%3Cscript%3E',
      });
      expect(badId.status).toBe(400);
      const open = await fetch(
        `${smart.origin}/auth/launch?patient=p-mine&launch_url=${encodeURIComponent('https://evil.example/')}`,
        { redirect: 'manual' },
      );
      expect(open.status).toBe(400);
      expect(open.headers.get('location')).toBeNull();
    });
  });

  describe('access through the FHIR API', () => {
    it('lets a therapist write only for their care team, and only with a write scope', async () => {
      const post = (token: string, patient: string) =>
        fetch(`${smart.fhir}/Observation`, {
          method: 'POST',
          headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/fhir+json' },
          body: JSON.stringify(observationFor(patient)),
        });
      const reader = await smart.tokensFor('pr-therapist-2', { scope: 'user/*.rs' });
      expect((await post(String(reader['access_token']), 'p-mine')).status).toBe(403);
      const writer = await smart.tokensFor('pr-therapist-2', {
        scope: 'user/Observation.crus user/Patient.rs',
      });
      expect((await post(String(writer['access_token']), 'p-mine')).status).toBe(201);
      expect((await post(String(writer['access_token']), 'p-other')).status).toBe(403);
      const director = await smart.tokensFor('pr-director-1', { scope: 'user/*.cruds' });
      expect((await post(String(director['access_token']), 'p-mine')).status).toBe(403);
    });

    it('shows a therapist only their care team, hides others, and refuses missing tokens', async () => {
      expect((await smart.fhirGet('Patient')).status).toBe(401);
      const tokens = await smart.tokensFor('pr-therapist-2');
      const access = String(tokens['access_token']);
      const bundle = (await (await smart.fhirGet('Patient', access)).json()) as {
        entry: { resource: { id: string } }[];
      };
      expect(bundle.entry.map((e) => e.resource.id)).toEqual(['p-mine']);
      expect((await smart.fhirGet('Patient/p-other', access)).status).toBe(404);
      expect((await smart.fhirGet('Patient/p-mine', access)).status).toBe(200);
    });
  });
});

describe('SMART access token lifetime', () => {
  let smart: SmartTestServer;
  let now = Date.parse('2026-11-28T15:00:00Z');

  beforeAll(async () => {
    smart = await startSmartServer(DATA, { accessTokenSeconds: 1, clock: () => now });
  });
  afterAll(async () => smart.stop());

  it('expires a one-second access token, and a refresh gets a new one', async () => {
    const tokens = await smart.tokensFor('pr-therapist-2');
    expect(tokens['expires_in']).toBe(1);
    expect((await smart.fhirGet('Patient', String(tokens['access_token']))).status).toBe(200);
    now += 1_001;
    const expired = await smart.fhirGet('Patient', String(tokens['access_token']));
    expect(expired.status).toBe(401);
    const refreshed = await smart.token({
      grant_type: 'refresh_token',
      refresh_token: String(tokens['refresh_token']),
    });
    expect((await smart.fhirGet('Patient', String(refreshed.body['access_token']))).status).toBe(
      200,
    );
  });
});

describe('s256', () => {
  it('matches the RFC 7636 appendix B example', () => {
    expect(s256('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).toBe(
      'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
    );
  });
});

describe('open mode', () => {
  it('registers no SMART discovery or authorisation endpoints', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'waypoint-open-'));
    const server = await buildServer({ dbFile: join(dir, 'open.sqlite'), auth: 'open' });
    try {
      await server.app.listen({ port: 0, host: '127.0.0.1' });
      const address = server.app.server.address();
      const origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
      expect((await fetch(`${origin}/fhir/.well-known/smart-configuration`)).status).toBe(404);
      expect((await fetch(`${origin}/auth/authorize`)).status).toBe(404);
      expect((await fetch(`${origin}/fhir/Patient`)).status).toBe(200);
      expect(server.tokens).toBeUndefined();
    } finally {
      await server.app.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
