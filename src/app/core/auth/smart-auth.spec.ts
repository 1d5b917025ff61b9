import { TestBed } from '@angular/core/testing';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { SESSION_STORAGE_KEYS } from './session-storage-keys';
import { SignedInUser } from './signed-in-user';
import { SmartAuth } from './smart-auth';
import { SignInError, SmartSession } from './smart-session';
import { StaffIdentity } from './staff-identity';

const BASE = 'https://fhir.example.org/r4';
const user: SignedInUser = {
  practitionerRef: 'Practitioner/t1',
  name: 'Avery Lanternfield',
  role: 'therapist',
  organizationRefs: [],
};

function session(overrides: Partial<SmartSession> = {}): SmartSession {
  return {
    accessToken: 'old-access',
    refreshToken: 'old-refresh',
    expiresAt: Date.now() - 1_000,
    scope: 'openid fhirUser user/Patient.rs',
    practitionerRef: 'Practitioner/t1',
    server: {
      issuer: BASE,
      authorization_endpoint: 'https://auth.example.org/authorize',
      token_endpoint: 'https://auth.example.org/token',
    },
    ...overrides,
  };
}

describe('SmartAuth', () => {
  let fetchSpy: jasmine.Spy<typeof fetch>;

  function create(stored?: SmartSession) {
    sessionStorage.clear();
    if (stored) sessionStorage.setItem(SESSION_STORAGE_KEYS.session, JSON.stringify(stored));
    TestBed.configureTestingModule({
      providers: [
        {
          provide: APP_CONFIG,
          useValue: {
            fhirBaseUrl: BASE,
            auth: 'smart',
            clientId: 'waypoint',
            scopes: 'openid',
          } as AppConfig,
        },
        { provide: StaffIdentity, useValue: { load: async () => user } },
      ],
    });
    return TestBed.inject(SmartAuth);
  }

  function tokenResponse(body: Record<string, unknown>, status = 200) {
    return new Response(JSON.stringify(body), {
      status,
      headers: { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' },
    });
  }

  beforeEach(() => {
    fetchSpy = spyOn(window, 'fetch');
  });
  afterEach(() => {
    TestBed.inject(SmartAuth).clear();
    sessionStorage.clear();
  });

  it('renews an expired token on restore with the refresh token, and keeps the new one', async () => {
    fetchSpy.and.resolveTo(
      tokenResponse({
        access_token: 'new-access',
        refresh_token: 'new-refresh',
        token_type: 'Bearer',
        expires_in: 3600,
      }),
    );
    const auth = create(session());
    expect(await auth.restore()).toEqual(user);
    const [url, init] = fetchSpy.calls.mostRecent().args as [URL | string, RequestInit];
    expect(String(url)).toBe('https://auth.example.org/token');
    const form = new URLSearchParams(String(init.body));
    expect(form.get('grant_type')).toBe('refresh_token');
    expect(form.get('refresh_token')).toBe('old-refresh');
    expect(form.get('client_id')).toBe('waypoint');
    expect(auth.accessToken()).toBe('new-access');
    const stored = JSON.parse(
      sessionStorage.getItem(SESSION_STORAGE_KEYS.session)!,
    ) as SmartSession;
    expect(stored.refreshToken).toBe('new-refresh');
    expect(stored.expiresAt).toBeGreaterThan(Date.now() + 3_500_000);
  });

  it('renews once however many requests ask at the same moment', async () => {
    fetchSpy.and.callFake(async () =>
      tokenResponse({ access_token: 'new', token_type: 'Bearer', expires_in: 60 }),
    );
    const auth = create(session({ expiresAt: Date.now() + 3_600_000 }));
    const results = await Promise.all([auth.refresh(), auth.refresh(), auth.refresh()]);
    expect(results).toEqual([true, true, true]);
    expect(fetchSpy).toHaveBeenCalledTimes(1);
  });

  it('gives up the session when the server refuses the refresh token', async () => {
    fetchSpy.and.resolveTo(
      tokenResponse({ error: 'invalid_grant', error_description: 'spent' }, 400),
    );
    const auth = create(session());
    expect(await auth.restore()).toBeNull();
  });

  it('uses a token that is still valid without asking the server', async () => {
    const auth = create(session({ expiresAt: Date.now() + 3_600_000 }));
    expect(await auth.restore()).toEqual(user);
    expect(fetchSpy).not.toHaveBeenCalled();
    expect(auth.accessToken()).toBe('old-access');
  });

  it('sends its token only to the configured FHIR server', () => {
    const auth = create();
    expect(auth.isFhirUrl(`${BASE}/Patient?name=x`)).toBeTrue();
    expect(auth.isFhirUrl(`${BASE}`)).toBeTrue();
    expect(auth.isFhirUrl('https://fhir.example.org/r4-other/Patient')).toBeFalse();
    expect(auth.isFhirUrl('https://evil.example.com/r4/Patient')).toBeFalse();
  });

  it('refuses an EHR launch that names another FHIR server, before any request', async () => {
    const auth = create();
    await expectAsync(
      auth.startSignIn('/', { iss: 'https://ehr.example.com/fhir', launch: 'x' }),
    ).toBeRejectedWithError(SignInError, /not configured for/);
    expect(fetchSpy).not.toHaveBeenCalled();
  });
});
