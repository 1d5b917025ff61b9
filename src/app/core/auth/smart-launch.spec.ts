import { beginSignIn, discoverServer, practitionerFromFhirUser } from './smart-launch';
import { SignInError } from './smart-session';

describe('practitionerFromFhirUser', () => {
  it('reads absolute and relative Practitioner references', () => {
    expect(practitionerFromFhirUser('http://localhost:4200/fhir/Practitioner/pr-1')).toBe(
      'Practitioner/pr-1',
    );
    expect(practitionerFromFhirUser('Practitioner/abc')).toBe('Practitioner/abc');
  });

  it('refuses a missing claim and accounts that are not staff, with a reason', () => {
    expect(() => practitionerFromFhirUser(undefined)).toThrowMatching(
      (e) => e instanceof SignInError && /fhirUser/.test(e.message),
    );
    expect(() => practitionerFromFhirUser('https://ehr/fhir/Patient/p1')).toThrowMatching(
      (e) => e instanceof SignInError && /Patient, not a Practitioner/.test(e.message),
    );
    expect(() => practitionerFromFhirUser('https://ehr/fhir/Device/d1')).toThrowError(SignInError);
  });
});

describe('discoverServer', () => {
  const base = 'https://fhir.example.org/r4';
  const metadata = {
    issuer: base,
    authorization_endpoint: 'https://auth.example.org/authorize',
    token_endpoint: 'https://auth.example.org/token',
    code_challenge_methods_supported: ['S256'],
  };

  function answer(body: unknown, status = 200) {
    return spyOn(window, 'fetch').and.resolveTo(
      new Response(JSON.stringify(body), {
        status,
        headers: { 'Content-Type': 'application/json' },
      }),
    );
  }

  it('reads the SMART configuration under the FHIR base', async () => {
    const fetch = answer(metadata);
    const server = await discoverServer(`${base}/`);
    expect(fetch.calls.mostRecent().args[0]).toBe(`${base}/.well-known/smart-configuration`);
    expect(server.token_endpoint).toBe(metadata.token_endpoint);
  });

  it('takes the FHIR base as issuer when the configuration names none', async () => {
    answer({ ...metadata, issuer: undefined });
    expect((await discoverServer(base)).issuer).toBe(base);
  });

  it('refuses a server without PKCE S256 (plain only, or nothing said)', async () => {
    answer({ ...metadata, code_challenge_methods_supported: ['plain'] });
    await expectAsync(discoverServer(base)).toBeRejectedWithError(SignInError, /PKCE with S256/);
    (window.fetch as jasmine.Spy).and.resolveTo(
      new Response(JSON.stringify({ ...metadata, code_challenge_methods_supported: undefined })),
    );
    await expectAsync(discoverServer(base)).toBeRejectedWithError(SignInError, /PKCE with S256/);
  });

  it('explains a server that is down or does not do SMART', async () => {
    answer({}, 404);
    await expectAsync(discoverServer(base)).toBeRejectedWithError(SignInError, /HTTP 404/);
    (window.fetch as jasmine.Spy).and.rejectWith(new TypeError('Failed to fetch'));
    await expectAsync(discoverServer(base)).toBeRejectedWithError(
      SignInError,
      /could not be reached/,
    );
    (window.fetch as jasmine.Spy).and.resolveTo(new Response(JSON.stringify({ issuer: base })));
    await expectAsync(discoverServer(base)).toBeRejectedWithError(
      SignInError,
      /no sign-in endpoints/,
    );
  });
});

describe('beginSignIn', () => {
  it('asks for the configured scopes with PKCE S256, a 256-bit state and the FHIR base as aud', async () => {
    const server = {
      issuer: 'https://fhir.example.org/r4',
      authorization_endpoint: 'https://auth.example.org/authorize',
      token_endpoint: 'https://auth.example.org/token',
    };
    const { url, pending } = await beginSignIn(server, {
      fhirBaseUrl: 'https://fhir.example.org/r4',
      clientId: 'waypoint',
      scopes: 'openid fhirUser user/Patient.rs',
      redirectUri: 'https://app.example.org/callback',
      returnTo: '/caseload',
      launch: 'launch-123',
    });
    const q = url.searchParams;
    expect(`${url.origin}${url.pathname}`).toBe(server.authorization_endpoint);
    expect(q.get('response_type')).toBe('code');
    expect(q.get('client_id')).toBe('waypoint');
    // An EHR launch's context comes back only for the `launch` scope.
    expect(q.get('scope')).toBe('openid fhirUser user/Patient.rs launch');
    expect(q.get('aud')).toBe('https://fhir.example.org/r4');
    expect(q.get('launch')).toBe('launch-123');
    expect(q.get('code_challenge_method')).toBe('S256');
    expect(q.get('state')).toBe(pending.state);
    // base64url of 32 random bytes: 43 characters, 256 bits.
    expect(pending.state).toMatch(/^[\w-]{43}$/);
    const digest = await crypto.subtle.digest(
      'SHA-256',
      new TextEncoder().encode(pending.codeVerifier),
    );
    const expected = btoa(String.fromCharCode(...new Uint8Array(digest)))
      .replace(/\+/g, '-')
      .replace(/\//g, '_')
      .replace(/=+$/, '');
    expect(q.get('code_challenge')).toBe(expected);
    expect(pending.returnTo).toBe('/caseload');
  });

  it('asks for exactly the configured scopes when no EHR launched it', async () => {
    const server = {
      issuer: 'https://fhir.example.org/r4',
      authorization_endpoint: 'https://auth.example.org/authorize',
    };
    const request = {
      fhirBaseUrl: 'https://fhir.example.org/r4',
      clientId: 'waypoint',
      redirectUri: 'https://app.example.org/callback',
      returnTo: '/',
    };
    const standalone = await beginSignIn(server, { ...request, scopes: 'openid fhirUser' });
    expect(standalone.url.searchParams.get('scope')).toBe('openid fhirUser');
    expect(standalone.url.searchParams.has('launch')).toBeFalse();
    const launched = await beginSignIn(server, {
      ...request,
      scopes: 'openid launch fhirUser',
      launch: 'x',
    });
    expect(launched.url.searchParams.get('scope')).toBe('openid launch fhirUser');
  });
});
