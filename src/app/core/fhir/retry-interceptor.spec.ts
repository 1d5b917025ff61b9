import { HttpTestingController, TestRequest } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { FhirClient, WriteOutcome } from './fhir-client';
import { FhirError } from './fhir-error';
import { FhirResource } from './fhir-resource';
import {
  BASE,
  capabilityStatement,
  fhirTestProviders,
  resource,
  searchset,
} from './fhir-spec-helpers';
import { DEFAULT_RETRY_POLICY, parseRetryAfter, retryDelayMs } from './retry-interceptor';
import { FhirRetryStatus, retryWaitSentence } from './retry-status';
import { SearchOutcome } from './search-results';

const NOW = Date.UTC(2025, 0, 6, 12, 0, 0);
const PATIENT_URL = `${BASE}/Patient/p1`;

describe('retryInterceptor', () => {
  let client: FhirClient;
  let http: HttpTestingController;

  beforeEach(() => {
    jasmine.clock().install();
    jasmine.clock().mockDate(new Date(NOW));
    TestBed.configureTestingModule({ providers: fhirTestProviders() });
    client = TestBed.inject(FhirClient);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => {
    http.verify();
    jasmine.clock().uninstall();
  });

  function fail(request: TestRequest, status: number, retryAfter?: string): void {
    request.flush(
      { resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'transient' }] },
      {
        status,
        statusText: 'Unavailable',
        headers: retryAfter === undefined ? {} : { 'Retry-After': retryAfter },
      },
    );
  }

  it('retries a 503 after Retry-After seconds, with a new request id', () => {
    let read: FhirResource | undefined;
    client.read('Patient', 'p1').subscribe((r) => (read = r));
    const first = http.expectOne(PATIENT_URL);
    fail(first, 503, '2');
    jasmine.clock().tick(1999);
    http.expectNone(PATIENT_URL);
    jasmine.clock().tick(1);
    const second = http.expectOne(PATIENT_URL);
    expect(second.request.headers.get('X-Request-Id')).toBeTruthy();
    expect(second.request.headers.get('X-Request-Id')).not.toBe(
      first.request.headers.get('X-Request-Id'),
    );
    second.flush(resource('Patient', 'p1'));
    expect(read).toEqual(resource('Patient', 'p1'));
  });

  it('reports each wait while it lasts, so the page can say why nothing has come yet', () => {
    const status = TestBed.inject(FhirRetryStatus);
    client.read('Patient', 'p1').subscribe();
    expect(status.waiting()).toBeNull();
    fail(http.expectOne(PATIENT_URL), 429, '3');
    expect(status.waiting()).toEqual({ status: 429, waitMs: 3000, retry: 1 });
    expect(retryWaitSentence(status.waiting()!)).toBe(
      'The FHIR server is busy and asked Waypoint to slow down. Trying again in 3 s…',
    );
    jasmine.clock().tick(3000);
    expect(status.waiting()).toBeNull();
    http.expectOne(PATIENT_URL).flush(resource('Patient', 'p1'));
  });

  it('ends the reported wait when the caller stops waiting', () => {
    const status = TestBed.inject(FhirRetryStatus);
    const subscription = client.read('Patient', 'p1').subscribe();
    fail(http.expectOne(PATIENT_URL), 503);
    expect(retryWaitSentence(status.waiting()!)).toBe(
      'The FHIR server is temporarily unavailable. Trying again in 1 s…',
    );
    subscription.unsubscribe();
    expect(status.waiting()).toBeNull();
  });

  it('retries a 429 at the HTTP-date Retry-After names', () => {
    let read: FhirResource | undefined;
    client.read('Patient', 'p1').subscribe((r) => (read = r));
    fail(http.expectOne(PATIENT_URL), 429, new Date(NOW + 5000).toUTCString());
    jasmine.clock().tick(4999);
    http.expectNone(PATIENT_URL);
    jasmine.clock().tick(1);
    http.expectOne(PATIENT_URL).flush(resource('Patient', 'p1'));
    expect(read?.id).toBe('p1');
  });

  it('backs off 1 s then 2 s without Retry-After, and gives up after 3 tries in all', () => {
    let error: unknown;
    client.read('Patient', 'p1').subscribe({ error: (e: unknown) => (error = e) });
    fail(http.expectOne(PATIENT_URL), 503);
    jasmine.clock().tick(999);
    http.expectNone(PATIENT_URL);
    jasmine.clock().tick(1);
    fail(http.expectOne(PATIENT_URL), 503);
    jasmine.clock().tick(1999);
    http.expectNone(PATIENT_URL);
    jasmine.clock().tick(1);
    fail(http.expectOne(PATIENT_URL), 503);
    jasmine.clock().tick(120_000);
    http.expectNone(PATIENT_URL);
    expect(error).toBeInstanceOf(FhirError);
    expect((error as FhirError).kind).toBe('server');
    expect((error as FhirError).status).toBe(503);
  });

  it('does not retry other statuses, nor a Retry-After beyond the 60 s cap', () => {
    const errors: FhirError[] = [];
    client.read('Patient', 'p1').subscribe({ error: (e: FhirError) => errors.push(e) });
    fail(http.expectOne(PATIENT_URL), 400);
    client.read('Patient', 'p1').subscribe({ error: (e: FhirError) => errors.push(e) });
    fail(http.expectOne(PATIENT_URL), 500);
    client.read('Patient', 'p1').subscribe({ error: (e: FhirError) => errors.push(e) });
    fail(http.expectOne(PATIENT_URL), 429, '120');
    jasmine.clock().tick(200_000);
    http.expectNone(PATIENT_URL);
    expect(errors.map((e) => [e.kind, e.status])).toEqual([
      ['invalid', 400],
      ['server', 500],
      ['rate-limited', 429],
    ]);
  });

  it('never retries a POST create', () => {
    let error: FhirError | undefined;
    let saved: WriteOutcome | undefined;
    client
      .create(resource('Flag', 'ignored'))
      .subscribe({ next: (o) => (saved = o), error: (e: FhirError) => (error = e) });
    fail(http.expectOne(`${BASE}/Flag`), 503, '1');
    jasmine.clock().tick(10_000);
    http.expectNone(`${BASE}/Flag`);
    expect(saved).toBeUndefined();
    expect(error?.status).toBe(503);
  });

  it('retries POST _search and counts the retry as a request', () => {
    let result: SearchOutcome | undefined;
    const ids = Array.from({ length: 300 }, (_, i) => `patient-${i}`);
    client.search('Patient', { _id: ids }).subscribe((r) => (result = r));
    http
      .expectOne(`${BASE}/metadata`)
      .flush(capabilityStatement({ Patient: { interactions: ['read', 'search-type'] } }));
    const url = `${BASE}/Patient/_search`;
    fail(http.expectOne(url), 429, '3');
    jasmine.clock().tick(3000);
    const retried = http.expectOne(url);
    expect(retried.request.method).toBe('POST');
    retried.flush(searchset({ total: 1, matches: [resource('Patient', 'patient-0')] }));
    expect(result?.requests).toBe(2);
    expect(result?.matches.map((m) => m.id)).toEqual(['patient-0']);
  });
});

describe('retry timing', () => {
  it('reads Retry-After as seconds or an HTTP-date', () => {
    expect(parseRetryAfter('7', NOW)).toBe(7000);
    expect(parseRetryAfter(' 0 ', NOW)).toBe(0);
    expect(parseRetryAfter('Mon, 06 Jan 2025 12:00:30 GMT', NOW)).toBe(30_000);
    expect(parseRetryAfter('Mon, 06 Jan 2025 11:00:00 GMT', NOW)).toBe(0);
    expect(parseRetryAfter('soon', NOW)).toBeUndefined();
    expect(parseRetryAfter(null, NOW)).toBeUndefined();
  });

  it('adds jitter on top of the wait, within 20% (and at most 1 s), capped at 60 s', () => {
    const policy = { ...DEFAULT_RETRY_POLICY, random: () => 0.5 };
    expect(retryDelayMs(1, undefined, policy)).toBe(1100);
    expect(retryDelayMs(2, undefined, policy)).toBe(2200);
    expect(retryDelayMs(1, 10_000, policy)).toBe(10_500);
    expect(retryDelayMs(1, 60_000, { ...policy, random: () => 0.99 })).toBe(60_000);
    expect(retryDelayMs(1, 60_001, policy)).toBeUndefined();
    expect(retryDelayMs(7, undefined, policy)).toBe(60_000);
  });
});
