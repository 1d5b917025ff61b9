import { Resource, ResourceStore } from '../db/resource-store';
import { TestServer, startTestServer } from '../testing/test-server';
import { AccessContext, OPEN_ACCESS } from './access';
import { SearchCache, searchCacheKey } from './search-cache';
import { BundleJson, FIXTURE_TIME, THERAPIST_T1, fixtures, idsOf } from './spec-fixtures';

/** t2's reach: pc only. */
const THERAPIST_T2: AccessContext = {
  ...THERAPIST_T1,
  actor: { reference: 'Practitioner/t2', display: 'Second Therapist', role: 'therapist' },
  patientScope: new Set(['pc']),
};

/** Another practitioner with exactly t1's reach, in a set of their own. */
const COLLEAGUE_OF_T1: AccessContext = {
  ...THERAPIST_T1,
  actor: { reference: 'Practitioner/t3', display: 'Third Therapist', role: 'therapist' },
  patientScope: new Set(['pb', 'pa']),
};

/** t1's reach, but no Patient reads: includes of Patients are withheld. */
const T1_WITHOUT_PATIENTS: AccessContext = {
  ...THERAPIST_T1,
  canRead: (type) => type !== 'AuditEvent' && type !== 'Patient',
};

const SEARCHES = [
  '/Observation?patient=pa,pb&_sort=date',
  '/Observation?code=44261-6&_count=2&_sort=-date',
  '/EpisodeOfCare?care-manager=t1&_include=EpisodeOfCare:patient&_include=EpisodeOfCare:care-manager',
  '/Patient?_id=pb&_revinclude=Observation:patient&_revinclude=Flag:patient',
  '/Encounter?_elements=period,status&_count=1',
  '/Patient?_summary=text',
  '/Observation?code=44261-6&_summary=count',
  '/Observation?patient=pz',
];

/** A Bundle with what differs between two answers by design (id, time, snapshot id, port) masked. */
function comparable(bundle: BundleJson, base: string): unknown {
  const text = JSON.stringify({ ...bundle, id: 'ID', meta: { lastUpdated: 'TIME' } })
    .split(base)
    .join('BASE')
    .replace(/_getpages=[\w-]+/g, '_getpages=SNAPSHOT');
  return JSON.parse(text);
}

describe('search result cache', () => {
  let server: TestServer;
  let searches: jasmine.Spy;

  beforeEach(async () => {
    server = await startTestServer();
    server.store.loadMany(fixtures(), FIXTURE_TIME);
    searches = spyOn(server.store, 'search').and.callThrough();
  });

  afterEach(async () => server.stop());

  const get = async (path: string, init?: RequestInit) =>
    (await server.fetchJson(path, init)).body as BundleJson;
  const audits = () => server.auditEvents(['ae1']);

  describe('answers', () => {
    let uncached: TestServer;

    beforeEach(async () => {
      uncached = await startTestServer({ searchCacheMegabytes: 0 });
      uncached.store.loadMany(fixtures(), FIXTURE_TIME);
    });

    afterEach(async () => uncached.stop());

    it('equal the uncached answers, but for the Bundle id, time and snapshot id', async () => {
      let answered = 0;
      for (const access of [THERAPIST_T1, T1_WITHOUT_PATIENTS, OPEN_ACCESS]) {
        server.access = () => access;
        uncached.access = () => access;
        for (const query of SEARCHES) {
          const response = await server.fetchJson(query);
          const first = response.body as BundleJson;
          const second = await get(query);
          const reference = (await uncached.fetchJson(query)).body as BundleJson;
          expect(comparable(first, server.base))
            .withContext(query)
            .toEqual(comparable(reference, uncached.base));
          expect(comparable(second, server.base))
            .withContext(query)
            .toEqual(comparable(reference, uncached.base));
          // (Without Patient reads, Patient searches are refused: 403 both times.)
          if (response.status !== 200) continue;
          answered++;
          expect(second.id).not.toBe(first.id);
        }
      }
      // Every search ran once per reach: the repeats were answered from the cache.
      expect(answered).toBe(3 * SEARCHES.length - 2);
      expect(searches).toHaveBeenCalledTimes(answered);
    });

    it('warn of withheld includes as the uncached answers do', async () => {
      server.access = () => T1_WITHOUT_PATIENTS;
      const query = '/EpisodeOfCare?_include=EpisodeOfCare:patient';
      await get(query);
      const outcome = (await get(query)).entry!.find((e) => e.search?.mode === 'outcome');
      expect(JSON.stringify(outcome)).toContain('not included, as you may not read them: Patient');
    });

    it('are the same for a POST _search and its GET', async () => {
      const body = 'patient=pa&_sort=date';
      const posted = await get('/Observation/_search', {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body,
      });
      const got = await get(`/Observation?${body}`);
      expect(comparable(got, server.base)).toEqual(comparable(posted, server.base));
      expect(searches).toHaveBeenCalledTimes(1);
    });

    it('each write an AuditEvent of their own, as the uncached answers do', async () => {
      server.access = () => THERAPIST_T1;
      uncached.access = () => THERAPIST_T1;
      const query = '/Observation?code=44261-6&_count=2';
      for (let i = 0; i < 3; i++) await get(query, { headers: { 'X-Request-Id': `req-${i}` } });
      await uncached.fetchJson(query, { headers: { 'X-Request-Id': 'req-0' } });
      const [reference] = uncached.auditEvents(['ae1']);
      const records = audits();
      expect(records.length).toBe(3);
      const masked = (event: Resource) =>
        JSON.parse(
          JSON.stringify({ ...event, id: 'ID', meta: {}, recorded: 'TIME' }).replace(
            /"value":"req-\d"/,
            '"value":"REQUEST"',
          ),
        ) as unknown;
      for (const [i, record] of records.entries()) {
        expect(masked(record)).toEqual(masked(reference));
        expect(JSON.stringify(record)).toContain(`"value":"req-${i}"`);
      }
      expect(searches).toHaveBeenCalledTimes(1);
    });
  });

  describe('staleness', () => {
    const query = '/Observation?patient=pa&_sort=date';
    const newScore = {
      resourceType: 'Observation',
      status: 'final',
      code: { coding: [{ system: 'http://loinc.org', code: '44261-6' }] },
      subject: { reference: 'Patient/pa' },
      effectiveDateTime: '2024-06-01',
      valueInteger: 4,
    };
    const post = (body: unknown, path = '/Observation') =>
      server.fetchJson(path, { method: 'POST', body: JSON.stringify(body) });

    it('sees a create, an update and a delete made between two identical searches', async () => {
      expect(idsOf(await get(query))).toEqual(['o1', 'o2', 'o3']);
      const created = (await post(newScore)).body as Resource;
      expect(idsOf(await get(query))).toEqual(['o1', 'o2', 'o3', created.id!].sort());
      await server.fetchJson(`/Observation/${created.id}`, {
        method: 'PUT',
        body: JSON.stringify({ ...created, valueInteger: 5 }),
      });
      const updated = (await get(query)).entry!.find((e) => e.resource.id === created.id);
      expect(updated!.resource['valueInteger']).toBe(5);
      await fetch(`${server.base}/Observation/${created.id}`, { method: 'DELETE' });
      expect(idsOf(await get(query))).toEqual(['o1', 'o2', 'o3']);
    });

    it('sees a transaction, a bulk load and a write through another connection', async () => {
      await get(query);
      await post(
        {
          resourceType: 'Bundle',
          type: 'transaction',
          entry: [{ request: { method: 'POST', url: 'Observation' }, resource: newScore }],
        },
        '',
      );
      expect(idsOf(await get(query)).length).toBe(4);
      server.store.loadMany([{ ...newScore, id: 'bulk' }]);
      expect(idsOf(await get(query))).toContain('bulk');
      const other = new ResourceStore(server.store.db.name);
      try {
        other.create({ ...newScore, id: 'elsewhere' }, { keepId: true });
      } finally {
        other.close();
      }
      expect(idsOf(await get(query))).toContain('elsewhere');
    });

    it('is not caused by the server’s own AuditEvents', async () => {
      server.access = () => THERAPIST_T1;
      await get(query);
      await get('/Patient/pa');
      server.store.flushDeferred();
      await get(query);
      expect(audits().length).toBe(3);
      expect(searches).toHaveBeenCalledTimes(1);
    });

    it('does not come from a failed transaction', async () => {
      await get(query);
      const failed = await post(
        {
          resourceType: 'Bundle',
          type: 'transaction',
          entry: [
            { request: { method: 'POST', url: 'Observation' }, resource: newScore },
            { request: { method: 'DELETE', url: 'Observation/none' } },
          ],
        },
        '',
      );
      expect(failed.status).toBe(404);
      expect(idsOf(await get(query))).toEqual(['o1', 'o2', 'o3']);
    });
  });

  describe('callers', () => {
    const query = '/Observation?code=44261-6';

    it('with different reaches never share an answer', async () => {
      server.access = () => THERAPIST_T1;
      expect(idsOf(await get(query))).toEqual(['o1', 'o2', 'o4']);
      server.access = () => THERAPIST_T2;
      expect(idsOf(await get(query))).toEqual(['o5']);
      server.access = () => OPEN_ACCESS;
      expect(idsOf(await get(query))).toEqual(['o1', 'o2', 'o4', 'o5']);
      server.access = () => THERAPIST_T1;
      expect(idsOf(await get(query))).toEqual(['o1', 'o2', 'o4']);
      expect(searches).toHaveBeenCalledTimes(3);
    });

    it('with the same reach share it, each with a snapshot only they may page through', async () => {
      const paged = `${query}&_count=2&_sort=date`;
      server.access = () => THERAPIST_T1;
      const mine = await get(paged);
      server.access = () => COLLEAGUE_OF_T1;
      const theirs = await get(paged);
      expect(searches).toHaveBeenCalledTimes(1);
      const next = (bundle: BundleJson) => bundle.link!.find((l) => l.relation === 'next')!.url;
      expect(next(theirs)).not.toBe(next(mine));
      const page2 = (await (await fetch(next(theirs))).json()) as BundleJson;
      expect(idsOf(page2)).toEqual(['o4']);
      server.access = () => THERAPIST_T1;
      expect((await fetch(next(theirs))).status).toBe(410);
      expect(idsOf((await (await fetch(next(mine))).json()) as BundleJson)).toEqual(['o4']);
    });
  });

  it('is left out when turned off', async () => {
    const off = await startTestServer({ searchCacheMegabytes: 0 });
    try {
      off.store.loadMany(fixtures(), FIXTURE_TIME);
      const run = spyOn(off.store, 'search').and.callThrough();
      await off.fetchJson('/Patient');
      await off.fetchJson('/Patient');
      expect(run).toHaveBeenCalledTimes(2);
    } finally {
      await off.stop();
    }
  });
});

describe('SearchCache', () => {
  const entry = (bytes: number) => ({
    search: {} as never,
    total: 1,
    patientIds: new Set<string>(),
    entries: { bytes: Buffer.alloc(bytes) },
  });

  it('keeps the most recently used answers within its size', () => {
    // Each takes its 3,000 bytes, room for their deflated copy and about a kilobyte of
    // bookkeeping: four fit.
    const cache = new SearchCache(20_000);
    for (const key of ['a', 'b', 'c', 'd']) cache.set(key, 'g', entry(3000));
    expect(cache.get('a', 'g')).toBeDefined();
    cache.set('e', 'g', entry(3000));
    expect(cache.get('b', 'g')).toBeUndefined();
    expect(cache.get('a', 'g')).toBeDefined();
    expect(cache.size).toBe(4);
  });

  it('drops everything when the data generation changes, and keeps no oversized answer', () => {
    const cache = new SearchCache(20_000);
    cache.set('a', 'g1', entry(100));
    expect(cache.get('a', 'g2')).toBeUndefined();
    cache.set('big', 'g2', entry(6000));
    expect(cache.size).toBe(0);
  });

  it('keys only searches the data generation settles', () => {
    const key = (type: string, query: string, access: AccessContext = OPEN_ACCESS) =>
      searchCacheKey(type, new URLSearchParams(query), access, 'http://x/fhir');
    expect(key('AuditEvent', 'patient=pa')).toBeUndefined();
    expect(key('Observation', 'date=ap2024-01-01')).toBeUndefined();
    expect(key('Observation', 'date=ge2024,ap2024')).toBeUndefined();
    expect(key('Observation', 'code=a&patient=pa')).toBe(key('Observation', 'patient=pa&code=a'));
    expect(key('Observation', '_include=A&_include=B')).not.toBe(
      key('Observation', '_include=B&_include=A'),
    );
    expect(key('Observation', 'code=a', THERAPIST_T1)).toBe(
      key('Observation', 'code=a', COLLEAGUE_OF_T1),
    );
    expect(key('Observation', 'code=a', THERAPIST_T1)).not.toBe(
      key('Observation', 'code=a', THERAPIST_T2),
    );
    expect(key('Observation', 'code=a', THERAPIST_T1)).not.toBe(
      key('Observation', 'code=a', T1_WITHOUT_PATIENTS),
    );
  });
});
