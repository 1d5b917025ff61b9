import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { FhirClient, TransactionOutcome, WriteOutcome } from './fhir-client';
import { FhirError } from './fhir-error';
import { Bundle, FhirResource } from './fhir-resource';
import { BASE, fhirTestProviders, resource } from './fhir-spec-helpers';

const episode = (version: string, status = 'active') =>
  resource('EpisodeOfCare', 'e1', { status, meta: { versionId: version } });

function oo(diagnostics: string, code = 'processing') {
  return { resourceType: 'OperationOutcome', issue: [{ severity: 'error', code, diagnostics }] };
}

describe('FhirClient reads and writes', () => {
  let client: FhirClient;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: fhirTestProviders() });
    client = TestBed.inject(FhirClient);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  describe('read', () => {
    it('reads a resource by type and id', () => {
      let read: FhirResource | undefined;
      client.read('Patient', 'p-1.a').subscribe((r) => (read = r));
      const request = http.expectOne(`${BASE}/Patient/p-1.a`);
      expect(request.request.method).toBe('GET');
      expect(request.request.headers.get('Accept')).toBe('application/fhir+json');
      request.flush(resource('Patient', 'p-1.a'));
      expect(read).toEqual(resource('Patient', 'p-1.a'));
    });

    it('maps 401, 403 and 404 to kinds with readable messages and the request id', () => {
      const errors: FhirError[] = [];
      const cases: [number, ReturnType<typeof oo>][] = [
        [401, oo('missing bearer token', 'login')],
        [403, oo('not permitted to read Patient', 'forbidden')],
        [404, oo('Patient/p9 not found', 'not-found')],
      ];
      for (const [status, body] of cases) {
        client.read('Patient', 'p9').subscribe({ error: (e: FhirError) => errors.push(e) });
        http.expectOne(`${BASE}/Patient/p9`).flush(body, {
          status,
          statusText: 'x',
          headers: { 'X-Request-Id': `req-${status}` },
        });
      }
      expect(errors.every((e) => e instanceof FhirError)).toBeTrue();
      expect(errors.map((e) => [e.kind, e.status, e.message, e.requestId])).toEqual([
        ['unauthorized', 401, 'Your session has ended. Please sign in again.', 'req-401'],
        ['forbidden', 403, 'You are not permitted to see this.', 'req-403'],
        ['not-found', 404, 'Patient/p9 not found.', 'req-404'],
      ]);
    });

    it('reports an unreachable server as a network error', () => {
      let error: FhirError | undefined;
      client.read('Patient', 'p1').subscribe({ error: (e: FhirError) => (error = e) });
      http.expectOne(`${BASE}/Patient/p1`).error(new ProgressEvent('error'));
      expect(error?.kind).toBe('network');
      expect(error?.status).toBe(0);
    });

    it('refuses ids that are not FHIR ids without sending anything', () => {
      let error: FhirError | undefined;
      client.read('Patient', '../metadata').subscribe({ error: (e: FhirError) => (error = e) });
      expect(error?.kind).toBe('invalid');
    });
  });

  describe('update', () => {
    it('sends If-Match with the version read and returns the saved resource', () => {
      let outcome: WriteOutcome | undefined;
      client.update(episode('3', 'finished')).subscribe((o) => (outcome = o));
      const put = http.expectOne(`${BASE}/EpisodeOfCare/e1`);
      expect(put.request.method).toBe('PUT');
      expect(put.request.headers.get('If-Match')).toBe('W/"3"');
      expect(put.request.headers.get('Content-Type')).toBe('application/fhir+json');
      expect(put.request.body).toEqual(episode('3', 'finished'));
      put.flush(episode('4', 'finished'), { headers: { ETag: 'W/"4"' } });
      expect(outcome).toEqual({ kind: 'saved', resource: episode('4', 'finished') });
    });

    it('turns a 412 into a conflict carrying the current version', () => {
      let outcome: WriteOutcome | undefined;
      client.update(episode('3', 'finished')).subscribe((o) => (outcome = o));
      http
        .expectOne({ method: 'PUT', url: `${BASE}/EpisodeOfCare/e1` })
        .flush(oo('EpisodeOfCare/e1 is at version 5, not 3', 'conflict'), {
          status: 412,
          statusText: 'Precondition Failed',
        });
      http.expectOne({ method: 'GET', url: `${BASE}/EpisodeOfCare/e1` }).flush(episode('5'));
      expect(outcome).toEqual({
        kind: 'conflict',
        message:
          'Someone else changed this record since it was loaded. Reload to see their changes.',
        current: episode('5'),
      });
    });

    it('still reports the conflict when the current version cannot be read', () => {
      let outcome: WriteOutcome | undefined;
      client.update(episode('3')).subscribe((o) => (outcome = o));
      http
        .expectOne({ method: 'PUT', url: `${BASE}/EpisodeOfCare/e1` })
        .flush(oo('stale'), { status: 412, statusText: 'Precondition Failed' });
      http
        .expectOne({ method: 'GET', url: `${BASE}/EpisodeOfCare/e1` })
        .flush(oo('gone'), { status: 410, statusText: 'Gone' });
      expect(outcome).toEqual({
        kind: 'conflict',
        message:
          'Someone else changed this record since it was loaded. Reload to see their changes.',
      });
    });

    it('throws other failures as FhirErrors, with the write wording for 403', () => {
      let error: FhirError | undefined;
      client.update(episode('3')).subscribe({ error: (e: FhirError) => (error = e) });
      http
        .expectOne(`${BASE}/EpisodeOfCare/e1`)
        .flush(oo('not permitted to update EpisodeOfCare', 'forbidden'), {
          status: 403,
          statusText: 'Forbidden',
        });
      expect(error?.kind).toBe('forbidden');
      expect(error?.message).toBe('You are not permitted to make this change.');
    });

    it('will not save without a version, as it could overwrite a change', () => {
      let error: FhirError | undefined;
      client
        .update(resource('EpisodeOfCare', 'e1'))
        .subscribe({ error: (e: FhirError) => (error = e) });
      expect(error?.kind).toBe('invalid');
      expect(error?.message).toContain('without the version it was read at');
    });
  });

  describe('transaction', () => {
    const bundle: Bundle = {
      resourceType: 'Bundle',
      type: 'transaction',
      entry: [
        {
          fullUrl: 'urn:uuid:6f1c0d5e-2a4b-4c3d-8e9f-0a1b2c3d4e5f',
          resource: { resourceType: 'EpisodeOfCare', status: 'planned' },
          request: { method: 'POST', url: 'EpisodeOfCare' },
        },
        {
          resource: episode('3'),
          request: { method: 'PUT', url: 'EpisodeOfCare/e1', ifMatch: 'W/"3"' },
        },
      ],
    };
    const response: Bundle = {
      resourceType: 'Bundle',
      type: 'transaction-response',
      entry: [
        { response: { status: '201 Created', location: 'EpisodeOfCare/e2/_history/1' } },
        { response: { status: '200 OK', location: 'EpisodeOfCare/e1/_history/4' } },
      ],
    };

    it('POSTs the Bundle to the base and returns the transaction-response', () => {
      let outcome: TransactionOutcome | undefined;
      client.transaction(bundle).subscribe((o) => (outcome = o));
      const post = http.expectOne(BASE);
      expect(post.request.method).toBe('POST');
      expect(post.request.headers.get('Content-Type')).toBe('application/fhir+json');
      expect(post.request.headers.get('Accept')).toBe('application/fhir+json');
      // The versions travel inside the entries; a header would apply to the whole Bundle.
      expect(post.request.headers.has('If-Match')).toBeFalse();
      expect(post.request.body).toEqual(bundle);
      post.flush(response);
      expect(outcome).toEqual({ kind: 'saved', response });
    });

    it('turns a 412 into a conflict with the plain sentence, reading nothing and retrying nothing', () => {
      let outcome: TransactionOutcome | undefined;
      client.transaction(bundle).subscribe((o) => (outcome = o));
      http
        .expectOne(BASE)
        .flush(oo('entry[1]: EpisodeOfCare/e1 is at version 4, not 3', 'conflict'), {
          status: 412,
          statusText: 'Precondition Failed',
        });
      expect(outcome).toEqual({
        kind: 'conflict',
        message:
          'Someone else changed this record since it was loaded. Reload to see their changes.',
      });
    });

    it('turns a 409 into a conflict with the server message', () => {
      let outcome: TransactionOutcome | undefined;
      client.transaction(bundle).subscribe((o) => (outcome = o));
      http.expectOne(BASE).flush(oo('EpisodeOfCare/e1 is being changed', 'conflict'), {
        status: 409,
        statusText: 'Conflict',
      });
      expect(outcome).toEqual({ kind: 'conflict', message: 'EpisodeOfCare/e1 is being changed.' });
    });

    it('throws a 403 as a forbidden FhirError with the write wording', () => {
      let error: FhirError | undefined;
      client.transaction(bundle).subscribe({ error: (e: FhirError) => (error = e) });
      http
        .expectOne(BASE)
        .flush(oo('not permitted to write EpisodeOfCare for a patient outside your care teams'), {
          status: 403,
          statusText: 'Forbidden',
        });
      expect(error).toEqual(jasmine.any(FhirError));
      expect(error?.kind).toBe('forbidden');
      expect(error?.message).toBe('You are not permitted to make this change.');
    });

    it('throws other failures and unexpected answers as FhirErrors', () => {
      const errors: FhirError[] = [];
      client.transaction(bundle).subscribe({ error: (e: FhirError) => errors.push(e) });
      http.expectOne(BASE).flush(oo('entry[0]: period.start is not a valid FHIR date', 'invalid'), {
        status: 400,
        statusText: 'Bad Request',
      });
      client.transaction(bundle).subscribe({ error: (e: FhirError) => errors.push(e) });
      http.expectOne(BASE).flush({ resourceType: 'Bundle', type: 'batch-response', entry: [] });
      expect(errors.map((e) => [e.kind, e.message])).toEqual([
        ['invalid', 'Entry[0]: period.start is not a valid FHIR date.'],
        ['server', 'The server answered the transaction with something other than its results.'],
      ]);
    });

    it('sends nothing but a transaction Bundle', () => {
      let error: FhirError | undefined;
      client
        .transaction({ ...bundle, type: 'batch' })
        .subscribe({ error: (e: FhirError) => (error = e) });
      expect(error?.kind).toBe('invalid');
    });
  });

  describe('create', () => {
    it('POSTs to the type and returns the created resource', () => {
      let outcome: WriteOutcome | undefined;
      const flag = { resourceType: 'Flag', status: 'active' };
      client.create(flag).subscribe((o) => (outcome = o));
      const post = http.expectOne(`${BASE}/Flag`);
      expect(post.request.method).toBe('POST');
      expect(post.request.headers.get('Content-Type')).toBe('application/fhir+json');
      expect(post.request.headers.has('If-Match')).toBeFalse();
      expect(post.request.body).toEqual(flag);
      post.flush(
        { ...flag, id: 'f1', meta: { versionId: '1' } },
        { status: 201, statusText: 'Created' },
      );
      expect(outcome).toEqual({
        kind: 'saved',
        resource: { ...flag, id: 'f1', meta: { versionId: '1' } },
      });
    });

    it('reads the resource back from Location when the server returns no body', () => {
      let outcome: WriteOutcome | undefined;
      client.create({ resourceType: 'Flag', status: 'active' }).subscribe((o) => (outcome = o));
      http.expectOne(`${BASE}/Flag`).flush(null, {
        status: 201,
        statusText: 'Created',
        headers: { Location: `${BASE}/Flag/f7/_history/1` },
      });
      http.expectOne({ method: 'GET', url: `${BASE}/Flag/f7` }).flush(resource('Flag', 'f7'));
      expect(outcome).toEqual({ kind: 'saved', resource: resource('Flag', 'f7') });
    });

    it('turns a 409 into a conflict with the server message', () => {
      let outcome: WriteOutcome | undefined;
      client.create(resource('Flag', 'f1')).subscribe((o) => (outcome = o));
      http
        .expectOne(`${BASE}/Flag`)
        .flush(oo('Flag/f1 already exists', 'duplicate'), { status: 409, statusText: 'Conflict' });
      expect(outcome).toEqual({ kind: 'conflict', message: 'Flag/f1 already exists.' });
    });
  });
});
