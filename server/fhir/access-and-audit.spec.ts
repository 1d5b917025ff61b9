import { TestServer, startTestServer } from '../testing/test-server';
import { OPEN_ACCESS } from './access';
import { BundleJson, FIXTURE_TIME, THERAPIST_T1, fixtures, idsOf } from './spec-fixtures';

describe('FHIR access control and audit', () => {
  let server: TestServer;

  beforeEach(async () => {
    server = await startTestServer({ maxBodyBytes: 100_000 });
    server.store.loadMany(fixtures(), FIXTURE_TIME);
  });

  afterEach(async () => server.stop());

  const ids = async (query: string, mode = 'match') =>
    idsOf((await server.fetchJson(query)).body as BundleJson, mode);
  const audits = () => server.auditEvents(['ae1']);

  describe('refusals', () => {
    it('answers a refusal with its status and an OperationOutcome, 401 with a Bearer challenge, before reading the body', async () => {
      server.access = (authorization) => ({
        status: 401,
        message: authorization ? 'the token has expired' : 'an access token is required',
      });
      const none = await server.fetchJson('/Patient');
      expect(none.status).toBe(401);
      expect(none.headers.get('www-authenticate')).toBe('Bearer realm="Waypoint FHIR"');
      expect(JSON.stringify(none.body)).toContain('an access token is required');
      const expired = await server.fetchJson('/Patient/pa', {
        headers: { Authorization: 'Bearer abc' },
      });
      expect(expired.headers.get('www-authenticate')).toBe(
        'Bearer realm="Waypoint FHIR", error="invalid_token"',
      );
      const badJson = await server.fetchJson('/Patient', { method: 'POST', body: '{not json' });
      expect(badJson.status).toBe(401);
      const huge = await server.fetchJson('/Patient', {
        method: 'POST',
        body: JSON.stringify({ resourceType: 'Patient', text: { div: 'x'.repeat(200_000) } }),
      });
      expect(huge.status).toBe(401);
      server.access = () => ({ status: 403, message: 'this client may not use the API' });
      const forbidden = await server.fetchJson('/Patient');
      expect(forbidden.status).toBe(403);
      expect(forbidden.headers.get('www-authenticate')).toBeNull();
      expect(forbidden.body['resourceType']).toBe('OperationOutcome');
    });

    it('refuses reads and writes the scopes do not grant with 403', async () => {
      server.access = () => THERAPIST_T1;
      expect((await server.fetchJson('/AuditEvent')).status).toBe(403);
      expect((await server.fetchJson('/AuditEvent/ae1')).status).toBe(403);
      const flag = await server.fetchJson('/Flag', {
        method: 'POST',
        body: JSON.stringify({
          resourceType: 'Flag',
          status: 'active',
          code: { text: 'x' },
          subject: { reference: 'Patient/pa' },
        }),
      });
      expect(flag.status).toBe(403);
      expect(JSON.stringify(flag.body)).toContain('not permitted to create Flag');
      expect((await fetch(`${server.base}/Flag/f1`, { method: 'DELETE' })).status).toBe(403);
    });
  });

  describe('a therapist\u2019s care-team scope', () => {
    beforeEach(() => (server.access = () => THERAPIST_T1));

    it('leaves patients outside it out of every search', async () => {
      expect(await ids('/Patient')).toEqual(['pa', 'pb']);
      expect(await ids('/Observation?code=44261-6')).toEqual(['o1', 'o2', 'o4']);
      expect(await ids('/Observation?patient=pc')).toEqual([]);
      expect(await ids('/EpisodeOfCare')).toEqual(['ea', 'eb']);
      expect(await ids('/Condition')).toEqual(['cond-a']);
      expect(await ids('/CareTeam')).toEqual(['ct-a', 'ct-b']);
      expect(await ids('/Appointment')).toEqual(['ap1', 'ap2']);
      expect(await ids('/Encounter')).toEqual(['en1', 'en2']);
      expect(await ids('/QuestionnaireResponse')).toEqual(['qr1', 'qr2']);
      expect(await ids('/Flag')).toEqual(['f1', 'f2']);
      expect(await ids('/CarePlan')).toEqual(['cp1', 'cp2']);
      expect(
        ((await server.fetchJson('/Observation?_summary=count')).body as BundleJson).total,
      ).toBe(5);
      // Staff, programs and the curves are everyone's.
      expect(await ids('/Practitioner')).toEqual(['t1', 't2']);
      expect(await ids('/Organization')).toEqual(['org-other', 'org-program', 'org-provider']);
      expect(await ids('/Library')).toEqual(['lib1']);
    });

    it('leaves them out of _include and _revinclude too', async () => {
      expect(
        await ids('/Practitioner?_id=t2&_revinclude=EpisodeOfCare:care-manager', 'include'),
      ).toEqual([]);
      expect(await ids('/Practitioner?_revinclude=CareTeam:participant', 'include')).toEqual([
        'ct-a',
        'ct-b',
      ]);
      const teams = (
        await server.fetchJson(
          '/CareTeam?participant=t2&_include=CareTeam:patient&_include=CareTeam:participant',
        )
      ).body as BundleJson;
      expect(idsOf(teams)).toEqual(['ct-b']);
      expect(idsOf(teams, 'include')).toEqual(['pb', 't1', 't2']);
      expect(
        await ids('/Organization?_id=org-other&_revinclude=Patient:organization', 'include'),
      ).toEqual([]);
    });

    it('withholds included types the caller may not read, and says so', async () => {
      server.access = () => ({
        ...THERAPIST_T1,
        canRead: (type: string) => type !== 'Flag' && type !== 'AuditEvent',
      });
      const bundle = (
        await server.fetchJson(
          '/Patient?_id=pb&_revinclude=Flag:patient&_revinclude=Observation:patient',
        )
      ).body as BundleJson;
      expect(idsOf(bundle, 'include')).toEqual(['o4', 'o6']);
      expect(JSON.stringify(bundle.entry!.find((e) => e.search?.mode === 'outcome'))).toContain(
        'not included, as you may not read them: Flag',
      );
    });

    it('answers 404 for reads and vreads outside it, deleted or not', async () => {
      for (const path of [
        '/Patient/pc',
        '/Observation/o5',
        '/EpisodeOfCare/ec',
        '/Condition/cond-c',
        '/Observation/o5/_history/1',
      ]) {
        const response = await server.fetchJson(path);
        expect(response.status).withContext(path).toBe(404);
        expect(response.body['resourceType']).toBe('OperationOutcome');
      }
      server.store.delete('Observation', 'o5');
      expect((await server.fetchJson('/Observation/o5')).status).toBe(404);
      expect((await server.fetchJson('/Observation/o5/_history/2')).status).toBe(404);
      expect((await server.fetchJson('/Observation/o1')).status).toBe(200);
      expect((await server.fetchJson('/Practitioner/t2')).status).toBe(200);
    });

    it('refuses writes for patients outside it with 403, and allows them inside', async () => {
      const o1 = (await server.fetchJson('/Observation/o1')).body;
      const o5 = server.store.read('Observation', 'o5')!.resource;
      const attempts: [string, RequestInit][] = [
        [
          '/Observation',
          {
            method: 'POST',
            body: JSON.stringify({ ...o1, id: undefined, subject: { reference: 'Patient/pc' } }),
          },
        ],
        ['/Observation/o5', { method: 'PUT', body: JSON.stringify({ ...o5, valueInteger: 0 }) }],
        [
          '/Observation/o1',
          { method: 'PUT', body: JSON.stringify({ ...o1, subject: { reference: 'Patient/pc' } }) },
        ],
        [
          '/Observation',
          { method: 'POST', body: JSON.stringify({ ...o1, id: undefined, subject: undefined }) },
        ],
        ['/Observation/o5', { method: 'DELETE' }],
      ];
      for (const [path, init] of attempts) {
        const response = await server.fetchJson(path, init);
        expect(response.status).withContext(`${init.method} ${path}`).toBe(403);
      }
      expect(server.store.read('Observation', 'o5')!.resource['valueInteger']).toBe(7);
      const inside = await server.fetchJson('/Observation', {
        method: 'POST',
        body: JSON.stringify({ ...o1, id: undefined }),
      });
      expect(inside.status).toBe(201);
    });
  });

  describe('audit', () => {
    it('records who saw which patients, with the request id, once per request and without content', async () => {
      server.access = () => THERAPIST_T1;
      const response = await server.fetchJson(
        '/Observation?code=44261-6&_include=Observation:patient',
        { headers: { 'X-Request-Id': 'req-audit-1' } },
      );
      expect(response.headers.get('x-request-id')).toBe('req-audit-1');
      const events = audits();
      expect(events.length).toBe(1);
      const event = events[0];
      expect(event['type']).toEqual({
        system: 'http://terminology.hl7.org/CodeSystem/audit-event-type',
        code: 'rest',
        display: 'RESTful Operation',
      });
      expect(event['subtype']).toEqual([
        { system: 'http://hl7.org/fhir/restful-interaction', code: 'search-type' },
      ]);
      expect(event['outcome']).toBe('0');
      const agents = event['agent'] as { who: { reference?: string; display?: string } }[];
      expect(agents[0].who).toEqual({
        reference: 'Practitioner/t1',
        display: 'Avery Lanternfield',
      });
      expect(agents[1].who.display).toBe('OAuth client waypoint');
      const entities = event['entity'] as {
        what: { reference?: string; identifier?: { value: string } };
        query?: string;
      }[];
      expect(entities.filter((e) => e.what.reference).map((e) => e.what.reference)).toEqual([
        'Patient/pa',
        'Patient/pb',
      ]);
      const request = entities.find((e) => e.what.identifier)!;
      expect(request.what.identifier!.value).toBe('req-audit-1');
      expect(Buffer.from(request.query!, 'base64').toString()).toBe(
        'Observation?code=44261-6&_include=Observation%3Apatient',
      );
      expect(JSON.stringify(event)).not.toContain('Applewhistle');
      // The audit trail is searchable by who and whom.
      server.access = () => OPEN_ACCESS;
      expect(await ids('/AuditEvent?agent=Practitioner/t1&patient=pb&subtype=search-type')).toEqual(
        [event.id!],
      );
    });

    it('keeps one record per request when many are answered together', async () => {
      const paths = ['/Patient/pa', '/Observation?code=44261-6', '/EpisodeOfCare?patient=pb'];
      const requests = Array.from({ length: 30 }, (_, n) => ({
        path: paths[n % paths.length],
        id: `req-many-${n}`,
      }));
      const statuses = await Promise.all(
        requests.map(
          async ({ path, id }) =>
            (await server.fetchJson(path, { headers: { 'X-Request-Id': id } })).status,
        ),
      );
      expect(statuses.every((status) => status === 200)).toBeTrue();
      const recorded = audits().map(
        (e) =>
          (e['entity'] as { what: { identifier?: { value: string } } }[]).find(
            (entity) => entity.what.identifier,
          )!.what.identifier!.value,
      );
      expect(recorded.sort()).toEqual(requests.map((r) => r.id).sort());
    });

    it('records reads and vreads, and nothing for counts, empty results, staff-only data or audit reads', async () => {
      await server.fetchJson('/Patient/pa');
      await server.fetchJson('/Observation/o4/_history/1');
      expect(
        audits().map((e) => [
          (e['subtype'] as { code: string }[])[0].code,
          (e['agent'] as { who: { display: string } }[])[0].who.display,
        ]),
      ).toEqual([
        ['read', 'anonymous (open mode)'],
        ['vread', 'anonymous (open mode)'],
      ]);
      for (const query of [
        '/Observation?_summary=count',
        '/Observation?code=nothing',
        '/Practitioner',
        '/Library',
        '/AuditEvent',
        '/AuditEvent/ae1',
        '/Patient/nobody',
      ])
        await server.fetchJson(query);
      expect(audits().length).toBe(2);
    });
  });
});
