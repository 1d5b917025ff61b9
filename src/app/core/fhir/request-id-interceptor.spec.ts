import { HttpClient } from '@angular/common/http';
import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { BASE, fhirTestProviders } from './fhir-spec-helpers';
import { newRequestId } from './request-id-interceptor';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('requestIdInterceptor', () => {
  let client: HttpClient;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: fhirTestProviders() });
    client = TestBed.inject(HttpClient);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('gives each FHIR request its own UUID', () => {
    client.get(`${BASE}/Patient/1`).subscribe();
    client.get(`${BASE}/Patient/1`).subscribe();
    const [first, second] = http.match(`${BASE}/Patient/1`);
    const ids = [first, second].map((r) => r.request.headers.get('X-Request-Id'));
    expect(ids[0]).toMatch(UUID);
    expect(ids[1]).toMatch(UUID);
    expect(ids[0]).not.toBe(ids[1]);
    first.flush({});
    second.flush({});
  });

  it('leaves requests to other origins and paths alone', () => {
    client.post('https://auth.example.org/token', 'grant_type=x').subscribe();
    client.get('https://fhir.example.org/r4x/Patient').subscribe();
    for (const url of ['https://auth.example.org/token', 'https://fhir.example.org/r4x/Patient']) {
      const request = http.expectOne(url);
      expect(request.request.headers.has('X-Request-Id')).withContext(url).toBeFalse();
      request.flush({});
    }
  });

  it('builds version-4 UUIDs without crypto.randomUUID', () => {
    const real = window.crypto;
    const withoutRandomUuid = {
      getRandomValues: (array: Uint8Array) => real.getRandomValues(array),
    };
    spyOnProperty(window, 'crypto').and.returnValue(withoutRandomUuid as unknown as Crypto);
    const ids = [newRequestId(), newRequestId()];
    expect(ids[0]).toMatch(UUID);
    expect(ids[0]).not.toBe(ids[1]);
  });
});
