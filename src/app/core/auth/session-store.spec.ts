import { TestBed } from '@angular/core/testing';
import { SESSION_STORAGE_KEYS } from './session-storage-keys';
import { SessionStore } from './session-store';

describe('SessionStore', () => {
  let store: SessionStore;
  beforeEach(() => {
    sessionStorage.clear();
    store = TestBed.inject(SessionStore);
  });
  afterEach(() => sessionStorage.clear());

  it('keeps a SMART session and an open session', () => {
    const smart = {
      accessToken: 'a',
      refreshToken: 'r',
      expiresAt: 1,
      scope: 'openid',
      practitionerRef: 'Practitioner/1',
      server: { issuer: 'https://fhir.example.org' },
    };
    store.writeSession(smart);
    expect(store.readSession()).toEqual(smart);
    store.writeSession({ practitionerRef: 'Practitioner/2' });
    expect(store.readSession()).toEqual({ practitionerRef: 'Practitioner/2' });
  });

  it('drops damaged or foreign entries instead of trusting them', () => {
    sessionStorage.setItem(SESSION_STORAGE_KEYS.session, '{not json');
    expect(store.readSession()).toBeNull();
    expect(sessionStorage.getItem(SESSION_STORAGE_KEYS.session)).toBeNull();
    sessionStorage.setItem(
      SESSION_STORAGE_KEYS.session,
      JSON.stringify({ practitionerRef: 'Practitioner/1', accessToken: 42 }),
    );
    expect(store.readSession()).toBeNull();
    sessionStorage.setItem(SESSION_STORAGE_KEYS.pendingSignIn, JSON.stringify({ state: 's' }));
    expect(store.readPending()).toBeNull();
  });

  it('clears all of sessionStorage when a session ends', () => {
    store.writeSession({ practitionerRef: 'Practitioner/2' });
    sessionStorage.setItem('other', 'x');
    store.clear();
    expect(sessionStorage.length).toBe(0);
  });
});
