import { Resource } from '../db/resource-store';
import { TestServer, startTestServer } from '../testing/test-server';
import { OPEN_ACCESS } from './access';
import { SEARCH_PARAMS } from './search-params';

interface Bundle {
  total?: number;
  entry?: { resource: Resource; search?: { mode: string } }[];
  link?: { relation: string; url: string }[];
}

const patient = (
  id: string,
  family: string,
  birthDate: string,
  extra: Partial<Resource> = {},
): Resource => ({
  resourceType: 'Patient',
  id,
  name: [{ family, given: ['Test'] }],
  birthDate,
  gender: 'female',
  ...extra,
});
const observation = (
  id: string,
  patientId: string,
  code: string,
  date: string,
  value: number,
): Resource => ({
  resourceType: 'Observation',
  id,
  status: 'final',
  code: { coding: [{ system: 'http://loinc.org', code }] },
  subject: { reference: `Patient/${patientId}` },
  effectiveDateTime: date,
  valueInteger: value,
});
const episode = (
  id: string,
  patientId: string,
  start: string,
  end: string | undefined,
  manager: string,
): Resource => ({
  resourceType: 'EpisodeOfCare',
  id,
  status: end ? 'finished' : 'active',
  patient: { reference: `Patient/${patientId}` },
  period: { start, ...(end ? { end } : {}) },
  careManager: { reference: `Practitioner/${manager}` },
});

const fixtures = (): Resource[] => [
  patient('pa', 'Applewhistle', '1990-05-03'),
  patient('pb', 'Buttonwood', '1985-11-20', { gender: 'male' }),
  patient('pc', 'Cloudberry', '2001-01-09'),
  { resourceType: 'Practitioner', id: 't1', name: [{ family: 'Lanternfield', given: ['Avery'] }] },
  episode('ea', 'pa', '2024-01-10', '2024-03-20', 't1'),
  episode('eb', 'pb', '2024-03-01', undefined, 't1'),
  episode('ec', 'pc', '2024-05-01', undefined, 't2'),
  observation('o1', 'pa', '44261-6', '2024-01-10T10:00:00-06:00', 18),
  observation('o2', 'pa', '44261-6', '2024-02-14', 11),
  observation('o3', 'pa', '70274-6', '2024-02-14', 9),
  observation('o4', 'pb', '44261-6', '2024-03-05T09:30:00Z', 21),
  observation('o5', 'pc', '44261-6', '2024-05-02', 7),
  {
    resourceType: 'Flag',
    id: 'f1',
    status: 'active',
    subject: { reference: 'Patient/pb' },
    period: { start: '2024-03-05' },
    code: { text: 'risk' },
  },
];

describe('FHIR API', () => {
  let server: TestServer;

  // Each group gets its own server and database, so writes in one never leak into another's searches.
  beforeEach(async () => {
    server = await startTestServer({ maxBodyBytes: 200_000 });
    server.store.loadMany(fixtures());
  });

  afterEach(async () => server.stop());

  const ids = (bundle: Bundle, mode = 'match') =>
    (bundle.entry ?? [])
      .filter((e) => e.search?.mode === mode)
      .map((e) => e.resource.id)
      .sort();
  const searchIds = async (query: string, mode = 'match') =>
    ids((await server.fetchJson(query)).body as Bundle, mode);

  describe('search', () => {
    it('matches tokens by code, system|code, and OR lists', async () => {
      expect(await searchIds('/Observation?code=44261-6')).toEqual(['o1', 'o2', 'o4', 'o5']);
      expect(await searchIds('/Observation?code=http://loinc.org|70274-6')).toEqual(['o3']);
      expect(await searchIds('/Observation?code=http://snomed.info/sct|70274-6')).toEqual([]);
      expect(await searchIds('/Observation?code=70274-6,44261-6&patient=pa')).toEqual([
        'o1',
        'o2',
        'o3',
      ]);
      expect(await searchIds('/Patient?gender=male')).toEqual(['pb']);
    });

    it('matches references by id, Type/id and patient/subject', async () => {
      expect(await searchIds('/Observation?patient=Patient/pb')).toEqual(['o4']);
      expect(await searchIds('/Observation?subject=pc')).toEqual(['o5']);
      expect(await searchIds('/EpisodeOfCare?care-manager=Practitioner/t1')).toEqual(['ea', 'eb']);
      expect(await searchIds('/Observation?patient=pa,pc&code=44261-6')).toEqual([
        'o1',
        'o2',
        'o5',
      ]);
    });

    it('applies R4 date prefixes with partial dates and periods', async () => {
      expect(await searchIds('/Observation?date=2024-02')).toEqual(['o2', 'o3']);
      expect(await searchIds('/Observation?date=2024')).toEqual(['o1', 'o2', 'o3', 'o4', 'o5']);
      expect(await searchIds('/Observation?date=lt2024-02-14')).toEqual(['o1']);
      expect(await searchIds('/Observation?date=le2024-02-14')).toEqual(['o1', 'o2', 'o3']);
      expect(await searchIds('/Observation?date=gt2024-03-05')).toEqual(['o5']);
      expect(await searchIds('/Observation?date=ge2024-03-05')).toEqual(['o4', 'o5']);
      expect(await searchIds('/Observation?date=ne2024-02-14')).toEqual(['o1', 'o4', 'o5']);
      expect(await searchIds('/Observation?date=ge2024-02-01&date=lt2024-04-01')).toEqual([
        'o2',
        'o3',
        'o4',
      ]);
      // Episodes by period: an open period overlaps everything after its start.
      expect(await searchIds('/EpisodeOfCare?date=ge2024-04-01')).toEqual(['eb', 'ec']);
      expect(await searchIds('/EpisodeOfCare?date=sa2024-03-31')).toEqual(['ec']);
      expect(await searchIds('/EpisodeOfCare?date=eb2024-04-01')).toEqual(['ea']);
      expect(await searchIds('/EpisodeOfCare?date=eb2024-03-20')).toEqual([]);
      expect(await searchIds('/Patient?birthdate=1985')).toEqual(['pb']);
    });

    it('matches strings by prefix, ignoring case, and :exact / :contains', async () => {
      expect(await searchIds('/Patient?name=apple')).toEqual(['pa']);
      expect(await searchIds('/Patient?family:contains=berr')).toEqual(['pc']);
      expect(await searchIds('/Patient?family:exact=buttonwood')).toEqual(['pb']);
      expect(await searchIds('/Patient?_id=pa,pc')).toEqual(['pa', 'pc']);
    });

    it('includes referenced resources and reverse-includes referring ones, marked as includes', async () => {
      const res = await server.fetchJson(
        '/EpisodeOfCare?care-manager=t1&_include=EpisodeOfCare:patient&_revinclude=Flag:patient',
      );
      const bundle = res.body as Bundle;
      expect(ids(bundle)).toEqual(['ea', 'eb']);
      expect(ids(bundle, 'include')).toEqual(['pa', 'pb']);
      const rev = await server.fetchJson(
        '/Patient?_id=pb&_revinclude=Observation:patient&_revinclude=Flag:patient',
      );
      expect(ids(rev.body as Bundle, 'include')).toEqual(['f1', 'o4']);
      expect((await server.fetchJson('/EpisodeOfCare?_include=Observation:patient')).status).toBe(
        400,
      );
    });

    it('sorts, counts, trims elements and pages with next links that stay consistent while data is added', async () => {
      const sorted = (await server.fetchJson('/Observation?code=44261-6&_sort=-date'))
        .body as Bundle;
      expect(sorted.entry!.map((e) => e.resource.id)).toEqual(['o5', 'o4', 'o2', 'o1']);
      const count = (await server.fetchJson('/Observation?_summary=count')).body as Bundle;
      expect(count.total).toBe(5);
      expect(count.entry).toBeUndefined();
      const trimmed = (await server.fetchJson('/Patient?_id=pa&_elements=birthDate'))
        .body as Bundle;
      expect(Object.keys(trimmed.entry![0].resource).sort()).toEqual([
        'birthDate',
        'id',
        'meta',
        'resourceType',
      ]);

      const first = (await server.fetchJson('/Observation?_count=2&_sort=date')).body as Bundle;
      expect(first.total).toBe(5);
      expect(first.entry!.map((e) => e.resource.id)).toEqual(['o1', 'o2']);
      // A new, earlier observation arrives between pages: it must not shift the pages already served.
      server.store.create(observation('late', 'pa', '44261-6', '2023-12-01', 20), { keepId: true });
      const nextUrl = first.link!.find((l) => l.relation === 'next')!.url.replace(server.base, '');
      const second = (await server.fetchJson(nextUrl)).body as Bundle;
      expect(second.entry!.map((e) => e.resource.id)).toEqual(['o3', 'o4']);
      expect(second.link!.some((l) => l.relation === 'previous')).toBeTrue();
      server.store.delete('Observation', 'late');
    });

    it('searches by POST _search with a form body', async () => {
      const response = await fetch(`${server.base}/Observation/_search`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: 'patient=pa,pb&code=44261-6',
      });
      expect(ids((await response.json()) as Bundle)).toEqual(['o1', 'o2', 'o4']);
    });

    it('reports unknown parameters, and refuses them under Prefer: handling=strict (R4 Flag has no status)', async () => {
      const lenient = (await server.fetchJson('/Flag?status=active')).body as Bundle;
      expect(ids(lenient)).toEqual(['f1']);
      expect(JSON.stringify(lenient.entry!.find((e) => e.search?.mode === 'outcome'))).toContain(
        'ignored unknown search parameter(s): status',
      );
      const strict = await server.fetchJson('/Flag?status=active', {
        headers: { Prefer: 'handling=strict' },
      });
      expect(strict.status).toBe(400);
      expect(JSON.stringify(strict.body)).toContain(
        'unsupported search parameter(s) for Flag: status',
      );
      expect((await server.fetchJson('/Observation?date=yesterday')).status).toBe(400);
    });
  });

  describe('read, write and versions', () => {
    it('creates, reads, updates with If-Match, vreads and refuses a stale version with 412', async () => {
      const created = await server.fetchJson('/Patient', {
        method: 'POST',
        body: JSON.stringify(patient('ignored', 'Dapplegrove', '1970-07-07')),
      });
      expect(created.status).toBe(201);
      const id = created.body['id'] as string;
      expect(id).not.toBe('ignored');
      expect(created.headers.get('location')).toContain(`/Patient/${id}/_history/1`);
      expect(created.headers.get('etag')).toBe('W/"1"');
      const updated = await server.fetchJson(`/Patient/${id}`, {
        method: 'PUT',
        headers: { 'If-Match': 'W/"1"' },
        body: JSON.stringify({ ...created.body, gender: 'other' }),
      });
      expect(updated.status).toBe(200);
      expect((updated.body['meta'] as Record<string, unknown>)['versionId']).toBe('2');
      const stale = await server.fetchJson(`/Patient/${id}`, {
        method: 'PUT',
        headers: { 'If-Match': 'W/"1"' },
        body: JSON.stringify({ ...created.body, gender: 'male' }),
      });
      expect(stale.status).toBe(412);
      expect(JSON.stringify(stale.body)).toContain('someone else changed it');
      expect((await server.fetchJson(`/Patient/${id}/_history/1`)).body['gender']).toBe('female');
      expect((await server.fetchJson(`/Patient/${id}`)).body['gender']).toBe('other');
      expect((await server.fetchJson(`/Patient/${id}/_history/9`)).status).toBe(404);
      expect((await server.fetchJson('/Patient/nobody')).status).toBe(404);
      const deleted = await fetch(`${server.base}/Patient/${id}`, { method: 'DELETE' });
      expect(deleted.status).toBe(204);
      expect((await server.fetchJson(`/Patient/${id}`)).status).toBe(410);
    });

    it('rejects malformed input with an OperationOutcome and writes nothing', async () => {
      const before = ((await server.fetchJson('/Patient?_summary=count')).body as Bundle).total;
      const badJson = await server.fetchJson('/Patient', {
        method: 'POST',
        body: '{"resourceType": "Patient",',
      });
      expect([badJson.status, badJson.body['resourceType']]).toEqual([400, 'OperationOutcome']);
      expect(
        (
          await server.fetchJson('/Patient', {
            method: 'POST',
            body: JSON.stringify({ resourceType: 'Observation' }),
          })
        ).status,
      ).toBe(400);
      expect(
        (await server.fetchJson('/Patient', { method: 'POST', body: JSON.stringify({ name: [] }) }))
          .status,
      ).toBe(400);
      const badRef = await server.fetchJson('/Observation', {
        method: 'POST',
        body: JSON.stringify({
          ...observation('x', 'pa', '1', '2024-01-01', 1),
          id: undefined,
          subject: { reference: 'not a reference' },
        }),
      });
      expect(badRef.status).toBe(400);
      expect(JSON.stringify(badRef.body)).toContain('invalid reference');
      const huge = await server.fetchJson('/Patient', {
        method: 'POST',
        body: JSON.stringify({
          ...patient('h', 'H', '2000-01-01'),
          text: { div: 'x'.repeat(300_000) },
        }),
      });
      expect(huge.status).toBe(413);
      expect((await server.fetchJson('/Spaceship/1')).status).toBe(404);
      expect(
        (
          await server.fetchJson(`/Patient/pa`, {
            method: 'PUT',
            body: JSON.stringify(patient('pb', 'X', '2000-01-01')),
          })
        ).status,
      ).toBe(400);
      expect(((await server.fetchJson('/Patient?_summary=count')).body as Bundle).total).toBe(
        before,
      );
    });

    it('runs a transaction atomically, rewriting urn:uuid references, and rolls back on any failure', async () => {
      const ok = await server.fetchJson('', {
        method: 'POST',
        body: JSON.stringify({
          resourceType: 'Bundle',
          type: 'transaction',
          entry: [
            {
              fullUrl: 'urn:uuid:aaa',
              resource: patient('tmp', 'Elderflower', '1999-09-09'),
              request: { method: 'POST', url: 'Patient' },
            },
            {
              resource: {
                ...observation('t-obs', 'x', '44261-6', '2024-06-01', 12),
                subject: { reference: 'urn:uuid:aaa' },
              },
              request: { method: 'PUT', url: 'Observation/t-obs' },
            },
          ],
        }),
      });
      expect(ok.status).toBe(200);
      const entries = ok.body['entry'] as { resource: Resource }[];
      expect((entries[1].resource['subject'] as { reference: string }).reference).toBe(
        `Patient/${entries[0].resource.id}`,
      );

      const before = ((await server.fetchJson('/Patient?_summary=count')).body as Bundle).total;
      const failed = await server.fetchJson('', {
        method: 'POST',
        body: JSON.stringify({
          resourceType: 'Bundle',
          type: 'transaction',
          entry: [
            {
              resource: patient('n1', 'Fiddlesworth', '1990-01-01'),
              request: { method: 'POST', url: 'Patient' },
            },
            {
              resource: { resourceType: 'Patient', id: 'pa', birthDate: '1990-05-03' },
              request: { method: 'PUT', url: 'Patient/pa', ifMatch: 'W/"99"' },
            },
          ],
        }),
      });
      expect(failed.status).toBe(412);
      expect(((await server.fetchJson('/Patient?_summary=count')).body as Bundle).total).toBe(
        before,
      );
      expect((await server.fetchJson('/Patient/pa')).body['name']).toBeDefined();
    });

    it('runs batch entries independently', async () => {
      const res = await server.fetchJson('', {
        method: 'POST',
        body: JSON.stringify({
          resourceType: 'Bundle',
          type: 'batch',
          entry: [
            {
              resource: patient('b1', 'Gooseberry', '1991-01-01'),
              request: { method: 'POST', url: 'Patient' },
            },
            {
              resource: { resourceType: 'Patient', id: 'pa' },
              request: { method: 'PUT', url: 'Patient/pa', ifMatch: 'W/"99"' },
            },
          ],
        }),
      });
      const entries = res.body['entry'] as { response: { status: string } }[];
      expect(entries.map((e) => e.response.status)).toEqual(['201 Created', '412']);
    });
  });

  describe('capability statement', () => {
    it('lists exactly the search parameters the server executes', async () => {
      const cs = (await server.fetchJson('/metadata')).body as {
        rest: { resource: { type: string; searchParam: { name: string }[] }[] }[];
      };
      const resources = cs.rest[0].resource;
      expect(resources.map((r) => r.type).sort()).toEqual(Object.keys(SEARCH_PARAMS).sort());
      for (const r of resources) {
        expect(r.searchParam.map((p) => p.name).sort()).toEqual(
          ['_id', '_lastUpdated', ...SEARCH_PARAMS[r.type].map((d) => d.name)].sort(),
        );
      }
      const flag = resources.find((r) => r.type === 'Flag')!;
      expect(flag.searchParam.some((p) => p.name === 'status')).toBeFalse();
      const encounter = resources.find((r) => r.type === 'Encounter')!;
      expect(encounter.searchParam.some((p) => p.name === 'service-type')).toBeFalse();
    });
  });

  describe('access control and audit', () => {
    const therapist = {
      actor: {
        reference: 'Practitioner/t1',
        display: 'Avery Lanternfield',
        role: 'therapist' as const,
      },
      canRead: (type: string) => type !== 'AuditEvent',
      canWrite: (type: string) => type === 'Observation',
      patientScope: new Set(['pa', 'pb']),
    };

    it('refuses requests without access with 401 and a Bearer challenge', async () => {
      server.access = () => ({ status: 401, message: 'no access token' });
      const res = await server.fetchJson('/Patient');
      expect(res.status).toBe(401);
      expect(JSON.stringify(res.body)).toContain('no access token');
    });

    it('keeps a therapist to their care-team patients, in searches, includes and reads', async () => {
      server.access = () => therapist;
      expect(await searchIds('/Patient')).toEqual(['pa', 'pb']);
      expect(await searchIds('/Observation?code=44261-6')).toEqual(['o1', 'o2', 'o4']);
      const withIncludes = (await server.fetchJson('/EpisodeOfCare?_include=EpisodeOfCare:patient'))
        .body as Bundle;
      expect(ids(withIncludes)).toEqual(['ea', 'eb']);
      expect(ids(withIncludes, 'include')).toEqual(['pa', 'pb']);
      expect((await server.fetchJson('/Patient/pc')).status).toBe(404);
      expect((await server.fetchJson('/Observation/o5')).status).toBe(404);
      expect((await server.fetchJson('/Practitioner/t1')).status).toBe(200);
      expect((await server.fetchJson('/AuditEvent')).status).toBe(403);
    });

    it('limits writes to scopes and to the care team', async () => {
      server.access = () => therapist;
      const outside = await server.fetchJson('/Observation', {
        method: 'POST',
        body: JSON.stringify({
          ...observation('w', 'pc', '44261-6', '2024-06-01', 5),
          id: undefined,
        }),
      });
      expect(outside.status).toBe(403);
      const noScope = await server.fetchJson('/Flag', {
        method: 'POST',
        body: JSON.stringify({
          resourceType: 'Flag',
          status: 'active',
          subject: { reference: 'Patient/pa' },
          code: { text: 'x' },
        }),
      });
      expect(noScope.status).toBe(403);
      const inside = await server.fetchJson('/Observation', {
        method: 'POST',
        body: JSON.stringify({
          ...observation('w', 'pa', '44261-6', '2024-06-01', 5),
          id: undefined,
        }),
      });
      expect(inside.status).toBe(201);
    });

    it('records an AuditEvent naming who saw which patients, for reads and searches', async () => {
      server.access = () => therapist;
      const res = await server.fetchJson('/Observation?patient=pb', {
        headers: { 'X-Request-Id': 'req-audit-1' },
      });
      expect(res.headers.get('x-request-id')).toBe('req-audit-1');
      server.access = () => OPEN_ACCESS;
      const audits = (await server.fetchJson('/AuditEvent?agent=Practitioner/t1&patient=pb'))
        .body as Bundle;
      const event = audits
        .entry!.map((e) => e.resource)
        .find((r) => JSON.stringify(r).includes('req-audit-1'))!;
      expect(event).toBeDefined();
      expect(JSON.stringify(event['entity'])).toContain('Patient/pb');
      expect(JSON.stringify(event)).not.toContain('44261-6"');
    });
  });
});
