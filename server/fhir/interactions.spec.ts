import { Resource } from '../db/resource-store';
import { TestServer, startTestServer } from '../testing/test-server';
import { BundleJson, FIXTURE_TIME, fixtures } from './spec-fixtures';

describe('FHIR interactions', () => {
  let server: TestServer;

  beforeEach(async () => {
    server = await startTestServer({ maxBodyBytes: 200_000 });
    server.store.loadMany(fixtures(), FIXTURE_TIME);
  });

  afterEach(async () => server.stop());

  const newPatient = (family: string): Resource => ({
    resourceType: 'Patient',
    id: 'client-chosen',
    name: [{ family }],
    gender: 'female',
  });
  const count = async (type: string) =>
    ((await server.fetchJson(`/${type}?_summary=count`)).body as BundleJson).total;

  it('creates with a server id, Location, ETag and Last-Modified; reads it back', async () => {
    const created = await server.fetchJson('/Patient', {
      method: 'POST',
      body: JSON.stringify(newPatient('Dapplegrove')),
    });
    expect(created.status).toBe(201);
    const id = created.body['id'] as string;
    expect(id).not.toBe('client-chosen');
    expect(created.headers.get('location')).toBe(`${server.base}/Patient/${id}/_history/1`);
    expect(created.headers.get('etag')).toBe('W/"1"');
    const meta = created.body['meta'] as Record<string, string>;
    expect(meta['versionId']).toBe('1');
    expect(created.headers.get('last-modified')).toBe(new Date(meta['lastUpdated']).toUTCString());
    const read = await server.fetchJson(`/Patient/${id}`);
    expect(read.status).toBe(200);
    expect(read.body).toEqual(created.body);
    expect(read.headers.get('etag')).toBe('W/"1"');
    expect(read.headers.get('content-type')).toContain('application/fhir+json');
  });

  it('versions updates, vreads old versions, and refuses a stale If-Match with 412', async () => {
    const pa = (await server.fetchJson('/Patient/pa')).body;
    const updated = await server.fetchJson('/Patient/pa', {
      method: 'PUT',
      headers: { 'If-Match': 'W/"1"' },
      body: JSON.stringify({ ...pa, gender: 'other', meta: { versionId: '99' } }),
    });
    expect(updated.status).toBe(200);
    expect(updated.headers.get('etag')).toBe('W/"2"');
    expect((updated.body['meta'] as Record<string, string>)['versionId']).toBe('2');
    const stale = await server.fetchJson('/Patient/pa', {
      method: 'PUT',
      headers: { 'If-Match': 'W/"1"' },
      body: JSON.stringify({ ...pa, gender: 'male' }),
    });
    expect(stale.status).toBe(412);
    expect(stale.body['resourceType']).toBe('OperationOutcome');
    expect(JSON.stringify(stale.body)).toContain('is at version 2, not 1');
    expect((await server.fetchJson('/Patient/pa/_history/1')).body['gender']).toBe('female');
    const v2 = await server.fetchJson('/Patient/pa/_history/2');
    expect(v2.body['gender']).toBe('other');
    expect(v2.headers.get('etag')).toBe('W/"2"');
    expect((await server.fetchJson('/Patient/pa')).body['gender']).toBe('other');
    expect((await server.fetchJson('/Patient/pa/_history/3')).status).toBe(404);
    expect((await server.fetchJson('/Patient/pa/_history/x')).status).toBe(404);
    // Searches see only the current version.
    expect(((await server.fetchJson('/Patient?gender=female')).body as BundleJson).total).toBe(0);
    const badEtag = await server.fetchJson('/Patient/pa', {
      method: 'PUT',
      headers: { 'If-Match': 'yesterday' },
      body: JSON.stringify(pa),
    });
    expect(badEtag.status).toBe(400);
  });

  it('creates under a client id with PUT (201), and 412s an If-Match on nothing', async () => {
    const created = await server.fetchJson('/Patient/new-one', {
      method: 'PUT',
      body: JSON.stringify({ ...newPatient('Eldertree'), id: 'new-one' }),
    });
    expect(created.status).toBe(201);
    expect(created.headers.get('location')).toBe(`${server.base}/Patient/new-one/_history/1`);
    const missing = await server.fetchJson('/Patient/never', {
      method: 'PUT',
      headers: { 'If-Match': 'W/"1"' },
      body: JSON.stringify({ ...newPatient('X'), id: 'never' }),
    });
    expect(missing.status).toBe(412);
  });

  it('deletes: 204, then 410 on read, old versions still readable, and recreates as a new version', async () => {
    const deleted = await fetch(`${server.base}/Flag/f2`, { method: 'DELETE' });
    expect(deleted.status).toBe(204);
    const gone = await server.fetchJson('/Flag/f2');
    expect(gone.status).toBe(410);
    expect(gone.body['resourceType']).toBe('OperationOutcome');
    expect((await server.fetchJson('/Flag/f2/_history/1')).status).toBe(200);
    expect((await server.fetchJson('/Flag/f2/_history/2')).status).toBe(410);
    expect(((await server.fetchJson('/Flag?patient=pa')).body as BundleJson).total).toBe(0);
    expect((await fetch(`${server.base}/Flag/f2`, { method: 'DELETE' })).status).toBe(204);
    expect((await fetch(`${server.base}/Flag/nothing`, { method: 'DELETE' })).status).toBe(404);
    const again = await server.fetchJson('/Flag/f2', {
      method: 'PUT',
      body: JSON.stringify(fixtures().find((r) => r.id === 'f2')),
    });
    expect(again.status).toBe(201);
    expect(again.headers.get('etag')).toBe('W/"3"');
  });

  it('creates conditionally with If-None-Exist, and honours Prefer: return=minimal', async () => {
    const existing = await server.fetchJson('/Patient', {
      method: 'POST',
      headers: { 'If-None-Exist': 'identifier=urn:mrn|MRN-1' },
      body: JSON.stringify(newPatient('Twin')),
    });
    expect(existing.status).toBe(200);
    expect(existing.body['id']).toBe('pa');
    const fresh = await server.fetchJson('/Patient', {
      method: 'POST',
      headers: { 'If-None-Exist': 'identifier=urn:mrn|MRN-9' },
      body: JSON.stringify(newPatient('Newcomer')),
    });
    expect(fresh.status).toBe(201);
    const ambiguous = await server.fetchJson('/Patient', {
      method: 'POST',
      headers: { 'If-None-Exist': 'organization=org-provider' },
      body: JSON.stringify(newPatient('Third')),
    });
    expect(ambiguous.status).toBe(412);
    const minimal = await fetch(`${server.base}/Patient`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/fhir+json', Prefer: 'return=minimal' },
      body: JSON.stringify(newPatient('Quiet')),
    });
    expect(minimal.status).toBe(201);
    expect(await minimal.text()).toBe('');
    expect(minimal.headers.get('location')).toMatch(/\/Patient\/[0-9a-f-]{36}\/_history\/1$/);
  });

  it('refuses malformed input with the right status and an OperationOutcome, writing nothing', async () => {
    const before = await count('Patient');
    const cases: [string, RequestInit, number, string][] = [
      ['/Patient', { method: 'POST', body: '{"resourceType": "Patient",' }, 400, 'not valid JSON'],
      ['/Patient', { method: 'POST', body: '[1, 2]' }, 400, 'not a FHIR resource'],
      [
        '/Patient',
        { method: 'POST', body: JSON.stringify({ name: [{ family: 'X' }] }) },
        400,
        'no resourceType',
      ],
      [
        '/Patient',
        { method: 'POST', body: JSON.stringify({ resourceType: 'Observation', status: 'final' }) },
        400,
        'does not match the URL',
      ],
      [
        '/Patient',
        { method: 'POST', body: JSON.stringify({ resourceType: 'Spaceship' }) },
        400,
        'not supported',
      ],
      [
        '/Spaceship',
        { method: 'POST', body: JSON.stringify({ resourceType: 'Spaceship' }) },
        404,
        'not supported',
      ],
      [
        '/Patient',
        {
          method: 'POST',
          body: JSON.stringify({
            resourceType: 'Patient',
            managingOrganization: { reference: 'not a reference' },
          }),
        },
        400,
        'invalid reference',
      ],
      [
        '/Patient',
        {
          method: 'POST',
          body: JSON.stringify({
            resourceType: 'Patient',
            managingOrganization: { reference: 'urn:uuid:1234' },
          }),
        },
        400,
        'only allowed in a transaction',
      ],
      [
        '/Patient',
        {
          method: 'POST',
          body: JSON.stringify({ resourceType: 'Patient', birthDate: '1990-13-01' }),
        },
        400,
        'not a valid FHIR date',
      ],
      [
        '/Patient',
        { method: 'POST', body: JSON.stringify({ resourceType: 'Patient', gender: null }) },
        400,
        'null is not allowed',
      ],
      [
        '/Patient',
        { method: 'POST', body: JSON.stringify({ resourceType: 'Patient', id: 'bad id!' }) },
        400,
        'not a valid FHIR id',
      ],
      [
        '/Patient',
        { method: 'POST', body: '{"resourceType":"Patient","__proto__":{"x":1}}' },
        400,
        '__proto__',
      ],
      [
        '/Patient',
        {
          method: 'POST',
          body: JSON.stringify({ resourceType: 'Patient', text: { div: 'x'.repeat(300_000) } }),
        },
        413,
        'larger than this server accepts',
      ],
      [
        '/Patient',
        { method: 'POST', body: 'resourceType=Patient', headers: { 'Content-Type': 'text/plain' } },
        415,
        'Content-Type',
      ],
      [
        '/Patient/pa',
        { method: 'PUT', body: JSON.stringify({ ...newPatient('X'), id: 'pb' }) },
        400,
        'does not match the URL id',
      ],
      [
        '/Patient/pa',
        { method: 'PUT', body: JSON.stringify({ resourceType: 'Patient' }) },
        400,
        'has no id',
      ],
      ['/Patient/pa', { method: 'PATCH', body: '[]' }, 405, 'PATCH'],
      ['/Patient/nobody', {}, 404, 'not found'],
      ['/Spaceship/1', {}, 404, 'not supported'],
      ['/Patient/pa?_format=xml', {}, 406, 'JSON only'],
      ['/Patient/pa', { headers: { Accept: 'application/fhir+xml' } }, 406, 'JSON only'],
      ['/Patient/pa/extra/segments/here/too', {}, 404, 'no such endpoint'],
    ];
    for (const [path, init, status, text] of cases) {
      const response = await server.fetchJson(path, init);
      const label = `${init.method ?? 'GET'} ${path} ${String(init.body ?? '').slice(0, 60)}`;
      expect(response.status).withContext(label).toBe(status);
      expect(response.body['resourceType']).withContext(label).toBe('OperationOutcome');
      expect(JSON.stringify(response.body)).withContext(label).toContain(text);
    }
    expect(await count('Patient')).toBe(before);
    expect((await server.fetchJson('/Patient/pa')).body['name']).toEqual([
      { family: 'Applewhistle', given: ['Test'] },
    ]);
  });

  it('reads and echoes X-Request-Id, or makes one', async () => {
    const given = await fetch(`${server.base}/Patient/pa`, {
      headers: { 'X-Request-Id': 'trace-42' },
    });
    expect(given.headers.get('x-request-id')).toBe('trace-42');
    const made = await fetch(`${server.base}/Patient/pa`, {
      headers: { 'X-Request-Id': 'bad id with spaces' },
    });
    expect(made.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});
