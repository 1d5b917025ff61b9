import { HttpTestingController, TestRequest } from '@angular/common/http/testing';
import { DOCUMENT } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { FhirCapabilities } from './fhir-capabilities';
import { FhirClient } from './fhir-client';
import { FhirError } from './fhir-error';
import { FhirResource } from './fhir-resource';
import {
  BASE,
  TypeSpec,
  capabilityStatement,
  fhirTestProviders,
  outcome,
  resource,
  searchset,
} from './fhir-spec-helpers';
import { SearchOutcome } from './search-results';

const ids = (resources: readonly FhirResource[]) =>
  resources.map((r) => `${r.resourceType}/${r.id}`);
const patients = (...n: number[]) => n.map((i) => resource('Patient', `p${i}`));
const page = (offset: number) => `${BASE}?_getpages=set1&_getpagesoffset=${offset}&_count=2`;

const SEARCHABLE: Readonly<Record<string, TypeSpec>> = {
  Patient: { params: ['name', 'organization'], revinclude: [] },
  EpisodeOfCare: { params: ['status', 'patient', 'care-manager'], include: [] },
  Practitioner: {},
  Flag: { params: ['patient'] },
  Observation: { params: ['patient', 'code'] },
};

describe('FhirClient.search', () => {
  let client: FhirClient;
  let http: HttpTestingController;
  let result: SearchOutcome | undefined;
  let error: unknown;

  function setUp(fhirBaseUrl = BASE) {
    TestBed.configureTestingModule({ providers: fhirTestProviders({ fhirBaseUrl }) });
    client = TestBed.inject(FhirClient);
    http = TestBed.inject(HttpTestingController);
    result = undefined;
    error = undefined;
  }

  function run(...args: Parameters<FhirClient['search']>) {
    client
      .search(...args)
      .subscribe({ next: (r) => (result = r), error: (e: unknown) => (error = e) });
  }

  function metadata(types: Readonly<Record<string, TypeSpec>> = SEARCHABLE, base = BASE) {
    http.expectOne(`${base}/metadata`).flush(capabilityStatement(types, base));
  }

  afterEach(() => http.verify());

  describe('paging', () => {
    beforeEach(() => setUp());

    it('follows next links across three pages', () => {
      run(
        'Patient',
        { name: 'smith', organization: ['Organization/o1', 'Organization/o2'] },
        { pageSize: 2 },
      );
      metadata();
      const first = http.expectOne(
        `${BASE}/Patient?name=smith&organization=Organization/o1,Organization/o2&_count=2`,
      );
      expect(first.request.method).toBe('GET');
      expect(first.request.headers.get('Accept')).toBe('application/fhir+json');
      first.flush(searchset({ total: 5, matches: patients(1, 2), next: page(2) }));
      expect(result).toBeUndefined();
      http
        .expectOne(page(2))
        .flush(searchset({ total: 5, matches: patients(3, 4), next: page(4) }));
      http.expectOne(page(4)).flush(searchset({ total: 5, matches: patients(5) }));
      expect(result).toEqual({
        matches: patients(1, 2, 3, 4, 5),
        includes: [],
        total: 5,
        partial: false,
        partialReasons: [],
        requests: 3,
        warnings: [],
      });
    });

    it('hands each page to onPage as it arrives, before the search ends', () => {
      const pages: string[][] = [];
      const handed: unknown[] = [];
      run(
        'Patient',
        { name: 'smith' },
        {
          pageSize: 2,
          onPage: (resources) => {
            pages.push(resources.map((p) => p.id!));
            handed.push(...resources);
          },
        },
      );
      metadata();
      http
        .expectOne(`${BASE}/Patient?name=smith&_count=2`)
        .flush(searchset({ total: 3, matches: patients(1, 2), next: page(2) }));
      expect(pages).toEqual([['p1', 'p2']]);
      expect(result).toBeUndefined();
      http.expectOne(page(2)).flush(searchset({ total: 3, matches: patients(3) }));
      expect(pages).toEqual([['p1', 'p2'], ['p3']]);
      // The very resources the result holds, not copies: what was mapped ahead is found again.
      expect(result!.matches.length).toBe(3);
      result!.matches.forEach((match, i) => expect(match).toBe(handed[i] as typeof match));
    });

    it('stops at the page cap and says the result is partial', () => {
      run('Patient', { name: 'smith' }, { pageCap: 2, pageSize: 2 });
      metadata();
      http
        .expectOne(`${BASE}/Patient?name=smith&_count=2`)
        .flush(searchset({ total: 6, matches: patients(1, 2), next: page(2) }));
      http
        .expectOne(page(2))
        .flush(searchset({ total: 6, matches: patients(3, 4), next: page(4) }));
      http.expectNone(page(4));
      expect(result?.matches.length).toBe(4);
      expect(result?.partial).toBeTrue();
      expect(result?.partialReasons).toEqual([
        'Only the first 2 pages were loaded (4 of 6 matches).',
      ]);
      expect(result?.requests).toBe(2);
    });

    it('is partial when the server stops short of its total without a next link', () => {
      run('Patient', { name: 'smith' });
      metadata();
      http
        .expectOne(`${BASE}/Patient?name=smith&_count=1000`)
        .flush(searchset({ total: 3, matches: patients(1, 2) }));
      expect(result?.partial).toBeTrue();
      expect(result?.partialReasons).toEqual([
        'The server returned 2 of 3 matches and no link to the rest.',
      ]);
    });

    it('takes _summary=count as complete with no entries', () => {
      run('Patient', { name: 'smith', _summary: 'count' });
      metadata();
      http
        .expectOne(`${BASE}/Patient?name=smith&_summary=count&_count=1000`)
        .flush(searchset({ total: 42 }));
      expect(result).toEqual(jasmine.objectContaining({ total: 42, partial: false, matches: [] }));
    });

    it('de-duplicates resources across pages, a match outranking an include', () => {
      const practitioner = resource('Practitioner', 't1');
      run(
        'EpisodeOfCare',
        { status: 'active', _include: 'EpisodeOfCare:care-manager' },
        { pageSize: 2 },
      );
      metadata({ ...SEARCHABLE, EpisodeOfCare: { include: ['EpisodeOfCare:care-manager'] } });
      const e = (id: string) =>
        resource('EpisodeOfCare', id, { careManager: { reference: 'Practitioner/t1' } });
      http
        .expectOne(
          `${BASE}/EpisodeOfCare?status=active&_include=EpisodeOfCare:care-manager&_count=2`,
        )
        .flush(
          searchset({
            total: 3,
            matches: [e('e1'), e('e2')],
            includes: [practitioner, e('e3')],
            next: page(2),
          }),
        );
      http
        .expectOne(page(2))
        .flush(searchset({ total: 3, matches: [e('e2'), e('e3')], includes: [practitioner] }));
      expect(ids(result!.matches)).toEqual([
        'EpisodeOfCare/e1',
        'EpisodeOfCare/e2',
        'EpisodeOfCare/e3',
      ]);
      expect(ids(result!.includes)).toEqual(['Practitioner/t1']);
      expect(result?.partial).toBeFalse();
    });

    it('refuses a next link to another host and reports it', () => {
      run('Patient', { name: 'smith' }, { pageSize: 2 });
      metadata();
      http.expectOne(`${BASE}/Patient?name=smith&_count=2`).flush(
        searchset({
          total: 4,
          matches: patients(1, 2),
          next: 'https://evil.example.net/r4?page=2',
        }),
      );
      expect(result?.partial).toBeTrue();
      expect(result?.partialReasons).toEqual([
        "The server's next-page link points to another host (evil.example.net); paging stopped.",
      ]);
      expect(result?.requests).toBe(1);
    });

    it('keeps the pages read when a later page fails, marked partial with what is missing', () => {
      run('Observation', { code: 'x' }, { pageSize: 2 });
      metadata();
      http
        .expectOne(`${BASE}/Observation?code=x&_count=2`)
        .flush(searchset({ total: 5, matches: patients(1, 2), next: page(2) }));
      http.expectOne(page(2)).flush(
        {
          resourceType: 'OperationOutcome',
          issue: [{ severity: 'error', code: 'not-found', diagnostics: 'paging snapshot expired' }],
        },
        { status: 410, statusText: 'Gone' },
      );
      expect(error).toBeUndefined();
      expect(result?.matches.length).toBe(2);
      expect(result?.partial).toBeTrue();
      expect(result?.partialReasons).toEqual([
        'Only 2 of 5 scores were loaded: page 2 of the results failed (the server answered HTTP 410).',
      ]);
      expect(result?.requests).toBe(2);
    });

    it('says the connection was lost when a later page gets no answer', () => {
      run('Patient', { name: 'smith' }, { pageSize: 2 });
      metadata();
      http
        .expectOne(`${BASE}/Patient?name=smith&_count=2`)
        .flush(searchset({ total: 6, matches: patients(1, 2), next: page(2) }));
      http
        .expectOne(page(2))
        .flush(searchset({ total: 6, matches: patients(3, 4), next: page(4) }));
      http.expectOne(page(4)).error(new ProgressEvent('error'), { status: 0 });
      expect(result?.matches.length).toBe(4);
      expect(result?.partialReasons).toEqual([
        'Only 4 of 6 clients were loaded: page 3 of the results failed (the connection was lost).',
      ]);
    });

    it('fails as a whole when the first page fails, or a later one is refused as unauthorised', () => {
      run('Patient', { name: 'smith' }, { pageSize: 2 });
      metadata();
      http
        .expectOne(`${BASE}/Patient?name=smith&_count=2`)
        .flush(null, { status: 500, statusText: 'Server Error' });
      expect((error as FhirError).kind).toBe('server');
      expect(result).toBeUndefined();

      error = undefined;
      run('Patient', { name: 'smith' }, { pageSize: 2 });
      http
        .expectOne(`${BASE}/Patient?name=smith&_count=2`)
        .flush(searchset({ total: 4, matches: patients(1, 2), next: page(2) }));
      http.expectOne(page(2)).flush(null, { status: 401, statusText: 'Unauthorized' });
      expect((error as FhirError).kind).toBe('unauthorized');
      expect(result).toBeUndefined();
    });

    it('refuses a malformed type before sending anything', () => {
      run('Patient/../../admin', {});
      expect((error as FhirError).kind).toBe('invalid');
    });
  });

  describe('entry modes and outcomes', () => {
    beforeEach(() => setUp());

    it('splits matches from includes by search.mode, or by type when the mode is missing', () => {
      run('EpisodeOfCare', {
        status: 'active',
        _include: ['EpisodeOfCare:patient', 'EpisodeOfCare:care-manager'],
      });
      metadata({
        ...SEARCHABLE,
        EpisodeOfCare: { include: ['EpisodeOfCare:patient', 'EpisodeOfCare:care-manager'] },
      });
      http
        .expectOne(
          `${BASE}/EpisodeOfCare?status=active&_include=EpisodeOfCare:patient&_include=EpisodeOfCare:care-manager&_count=1000`,
        )
        .flush(
          searchset({
            total: 2,
            matches: [resource('EpisodeOfCare', 'e1')],
            includes: [resource('Patient', 'p1')],
            entries: [
              { resource: resource('EpisodeOfCare', 'e2') },
              { resource: resource('Practitioner', 't1') },
            ],
          }),
        );
      expect(ids(result!.matches)).toEqual(['EpisodeOfCare/e1', 'EpisodeOfCare/e2']);
      expect(ids(result!.includes)).toEqual(['Patient/p1', 'Practitioner/t1']);
      expect(result?.partial).toBeFalse();
    });

    it('turns OperationOutcome entries into warnings, never data; truncation makes it partial', () => {
      run('Patient', { name: 'smith' });
      metadata();
      http.expectOne(`${BASE}/Patient?name=smith&_count=1000`).flush(
        searchset({
          total: 1,
          matches: patients(1),
          entries: [
            {
              resource: outcome({
                severity: 'warning',
                code: 'not-supported',
                diagnostics: 'ignored unknown or unsupported search parameter(s): foo',
              }),
              search: { mode: 'outcome' },
            },
            {
              resource: outcome({
                severity: 'warning',
                code: 'not-supported',
                diagnostics: 'not included, as you may not read them: Practitioner',
              }),
            },
            { search: { mode: 'outcome' } },
          ],
        }),
      );
      expect(ids(result!.matches)).toEqual(['Patient/p1']);
      expect(result?.includes).toEqual([]);
      expect(result?.warnings).toEqual([
        'Ignored unknown or unsupported search parameter(s): foo.',
        'Not included, as you may not read them: Practitioner.',
      ]);
      expect(result?.partial).toBeTrue();
      expect(result?.partialReasons).toEqual([
        'Not included, as you may not read them: Practitioner.',
      ]);
    });

    it('keeps a warning that does not truncate out of the partial reasons', () => {
      run('Patient', { name: 'smith' });
      metadata();
      http.expectOne(`${BASE}/Patient?name=smith&_count=1000`).flush(
        searchset({
          total: 1,
          matches: patients(1),
          entries: [
            {
              resource: outcome({
                severity: 'information',
                code: 'informational',
                diagnostics: 'sorted by _id',
              }),
              search: { mode: 'outcome' },
            },
          ],
        }),
      );
      expect(result?.warnings).toEqual(['Sorted by _id.']);
      expect(result?.partial).toBeFalse();
    });

    it('rejects an answer that is not a searchset', () => {
      run('Patient', { name: 'smith' });
      metadata();
      http
        .expectOne(`${BASE}/Patient?name=smith&_count=1000`)
        .flush({ resourceType: 'Patient', id: 'p1' });
      expect((error as FhirError).kind).toBe('server');
      expect((error as FhirError).message).toBe(
        'The server answered the search with something other than search results.',
      );
    });
  });

  describe('long OR lists', () => {
    const longIds = Array.from({ length: 150 }, (_, i) => `patient-${String(i).padStart(4, '0')}`);
    const joined = longIds.join(',');

    beforeEach(() => setUp());

    function flushChunks(): TestRequest[] {
      const all: TestRequest[] = [];
      for (;;) {
        const batch = http.match((r) => r.method === 'GET' && r.url.startsWith(`${BASE}/Patient?`));
        if (batch.length === 0) return all;
        for (const request of batch) {
          const query = request.request.url.split('?')[1];
          const chunk = /(?:^|&)_id=([^&]*)/.exec(query)![1].split(',');
          request.flush(
            searchset({ total: chunk.length, matches: chunk.map((id) => resource('Patient', id)) }),
          );
        }
        all.push(...batch);
      }
    }

    it('uses POST _search with a form body when the query would be too long', () => {
      run('Patient', { _id: longIds, name: 'smith' });
      metadata();
      const post = http.expectOne(`${BASE}/Patient/_search`);
      expect(post.request.method).toBe('POST');
      expect(post.request.headers.get('Content-Type')).toBe('application/x-www-form-urlencoded');
      expect(post.request.body).toBe(`_id=${joined}&name=smith&_count=1000`);
      post.flush(searchset({ total: 2, matches: patients(1, 2) }));
      expect(result?.requests).toBe(1);
      expect(result?.matches.length).toBe(2);
    });

    it('falls back to chunked GETs after a 405, and remembers', () => {
      run('Patient', { _id: longIds, name: 'smith' });
      metadata();
      http.expectOne(`${BASE}/Patient/_search`).flush(
        {
          resourceType: 'OperationOutcome',
          issue: [{ severity: 'error', code: 'not-supported' }],
        },
        { status: 405, statusText: 'Method Not Allowed' },
      );
      const chunks = flushChunks();
      // Each id is 12 characters (13 with its comma); name=smith&_count=1000 and _id= take 27.
      expect(chunks.length).toBe(2);
      for (const chunk of chunks) {
        const query = chunk.request.url.split('?')[1];
        expect(query.length).toBeLessThanOrEqual(1800);
        expect(query).toMatch(/^_id=[^&]+&name=smith&_count=1000$/);
      }
      expect(result?.requests).toBe(3);
      expect(result?.matches.map((m) => m.id)).toEqual(longIds);
      expect(result?.total).toBe(150);
      expect(result?.partial).toBeFalse();
      expect(TestBed.inject(FhirCapabilities).canPostSearch('Patient')).toBeFalse();

      run('Patient', { _id: longIds });
      expect(flushChunks().length).toBe(2);
      expect(result?.requests).toBe(2);
    });

    it('uses chunked GETs straight away when capabilities are unknown', () => {
      run('Patient', { _id: longIds });
      http.expectOne(`${BASE}/metadata`).flush(null, { status: 500, statusText: 'Server Error' });
      expect(flushChunks().length).toBe(2);
      expect(result?.requests).toBe(2);
      expect(result?.matches.length).toBe(150);
      expect(TestBed.inject(FhirCapabilities).error()?.status).toBe(500);
    });
  });

  describe('includes the server does not support', () => {
    beforeEach(() => setUp());

    it('fetches _include targets by _id lists and keeps them as includes', () => {
      run('EpisodeOfCare', {
        status: 'active',
        _include: ['EpisodeOfCare:patient', 'EpisodeOfCare:care-manager'],
      });
      metadata();
      const episode = (id: string, patient: string, manager: string) =>
        resource('EpisodeOfCare', id, {
          patient: { reference: patient },
          careManager: { reference: manager },
        });
      http.expectOne(`${BASE}/EpisodeOfCare?status=active&_count=1000`).flush(
        searchset({
          total: 4,
          matches: [
            episode('e1', 'Patient/p1', 'Practitioner/t1'),
            episode('e2', 'Patient/p2', 'Practitioner/t1'),
            episode('e3', `${BASE}/Patient/p1`, 'PractitionerRole/r1'),
            episode('e4', 'https://other.example.com/fhir/Patient/x', '#contained'),
          ],
        }),
      );
      http
        .expectOne(`${BASE}/Patient?_id=p1,p2&_count=1000`)
        .flush(searchset({ total: 2, matches: patients(1, 2) }));
      http
        .expectOne(`${BASE}/Practitioner?_id=t1&_count=1000`)
        .flush(searchset({ total: 1, matches: [resource('Practitioner', 't1')] }));
      expect(ids(result!.matches)).toEqual([
        'EpisodeOfCare/e1',
        'EpisodeOfCare/e2',
        'EpisodeOfCare/e3',
        'EpisodeOfCare/e4',
      ]);
      expect(ids(result!.includes)).toEqual(['Patient/p1', 'Patient/p2', 'Practitioner/t1']);
      expect(result?.requests).toBe(3);
      expect(result?.warnings).toEqual(['1 link to records on other servers was not followed.']);
      expect(result?.partial).toBeFalse();
    });

    it('fetches _revinclude sources by a search on their reference parameter', () => {
      run('Patient', { name: 'smith', _revinclude: ['Flag:patient', 'Observation:patient'] });
      metadata();
      http
        .expectOne(`${BASE}/Patient?name=smith&_count=1000`)
        .flush(searchset({ total: 2, matches: patients(1, 2) }));
      http
        .expectOne(`${BASE}/Flag?patient=Patient/p1,Patient/p2&_count=1000`)
        .flush(searchset({ total: 1, matches: [resource('Flag', 'f1')] }));
      http
        .expectOne(`${BASE}/Observation?patient=Patient/p1,Patient/p2&_count=1000`)
        .flush(
          { resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'forbidden' }] },
          { status: 403, statusText: 'Forbidden' },
        );
      expect(ids(result!.includes)).toEqual(['Flag/f1']);
      expect(result?.partial).toBeTrue();
      expect(result?.partialReasons).toEqual([
        'Linked Observation records were not loaded: you are not permitted to see them.',
      ]);
      expect(result?.requests).toBe(3);
    });

    it('drops an include it cannot replace, and says so', () => {
      run('Patient', { name: 'smith', _include: 'Patient:general-practitioner' });
      metadata();
      http
        .expectOne(`${BASE}/Patient?name=smith&_count=1000`)
        .flush(searchset({ total: 1, matches: patients(1) }));
      const reason =
        'The server cannot follow Patient:general-practitioner, so those linked records were not loaded.';
      expect(result?.partialReasons).toEqual([reason]);
      expect(result?.warnings).toEqual([reason]);
    });

    it('sends nothing for an empty OR list', () => {
      run('Patient', { _id: [] });
      metadata();
      expect(result).toEqual({
        matches: [],
        includes: [],
        partial: false,
        partialReasons: [],
        requests: 0,
        warnings: [],
      });
    });
  });

  describe('with a relative base behind a proxy', () => {
    it('resolves the base and follows the proxied server links on this origin', () => {
      setUp('/fhir');
      const origin = new URL(TestBed.inject(DOCUMENT).baseURI).origin;
      run('Patient', { name: 'smith' }, { pageSize: 2 });
      metadata(SEARCHABLE, `${origin}/fhir`);
      const first = http.expectOne(`${origin}/fhir/Patient?name=smith&_count=2`);
      expect(first.request.headers.get('X-Request-Id')).toBeTruthy();
      first.flush(
        searchset({
          total: 3,
          matches: patients(1, 2),
          next: 'http://127.0.0.1:8080/fhir?_getpages=s&_getpagesoffset=2&_count=2',
        }),
      );
      http
        .expectOne(`${origin}/fhir?_getpages=s&_getpagesoffset=2&_count=2`)
        .flush(searchset({ total: 3, matches: patients(3) }));
      expect(result?.matches.length).toBe(3);
      expect(result?.partial).toBeFalse();
    });
  });
});
