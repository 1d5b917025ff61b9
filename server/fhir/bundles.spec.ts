import { Resource } from '../db/resource-store';
import { TestServer, startTestServer } from '../testing/test-server';
import { BundleJson, FIXTURE_TIME, THERAPIST_T1, fixtures } from './spec-fixtures';

describe('FHIR transaction and batch Bundles', () => {
  let server: TestServer;

  beforeEach(async () => {
    server = await startTestServer();
    server.store.loadMany(fixtures(), FIXTURE_TIME);
  });

  afterEach(async () => server.stop());

  const post = (entry: unknown[], type = 'transaction') =>
    server.fetchJson('', {
      method: 'POST',
      body: JSON.stringify({ resourceType: 'Bundle', type, entry }),
    });
  const total = async (query: string) => ((await server.fetchJson(query)).body as BundleJson).total;
  const observation = (subject: string, value: number): Resource => ({
    resourceType: 'Observation',
    status: 'final',
    code: { coding: [{ system: 'http://loinc.org', code: '44261-6' }] },
    subject: { reference: subject },
    effectiveDateTime: '2024-06-01',
    valueInteger: value,
  });

  it('writes a transaction atomically, rewriting urn:uuid and conditional references', async () => {
    const response = await post([
      {
        fullUrl: 'urn:uuid:0b6c8d2e-1111-4a3b-9c1d-000000000001',
        resource: { resourceType: 'Patient', name: [{ family: 'Elderflower' }] },
        request: { method: 'POST', url: 'Patient' },
      },
      {
        resource: {
          ...observation('urn:uuid:0b6c8d2e-1111-4a3b-9c1d-000000000001', 12),
          id: 't-obs',
        },
        request: { method: 'PUT', url: 'Observation/t-obs' },
      },
      {
        resource: {
          ...observation('Patient?identifier=urn:mrn|MRN-2', 4),
          performer: [{ reference: 'Practitioner?identifier=urn:npi|111' }],
        },
        request: { method: 'POST', url: `${server.base}/Observation` },
      },
      { request: { method: 'DELETE', url: 'Flag/f2' } },
      { request: { method: 'GET', url: 'Patient/pb' } },
      { request: { method: 'GET', url: 'Observation?patient=pb&code=44261-6' } },
    ]);
    expect(response.status).toBe(200);
    const bundle = response.body as BundleJson;
    expect(bundle.type).toBe('transaction-response');
    const entries = bundle.entry!;
    expect(entries.map((e) => e.response!.status)).toEqual([
      '201 Created',
      '201 Created',
      '201 Created',
      '204 No Content',
      '200 OK',
      '200 OK',
    ]);
    const patientId = entries[0].resource.id!;
    expect(entries[0].response!.location).toBe(`Patient/${patientId}/_history/1`);
    expect(entries[0].response!.etag).toBe('W/"1"');
    expect((entries[1].resource['subject'] as { reference: string }).reference).toBe(
      `Patient/${patientId}`,
    );
    expect((entries[2].resource['subject'] as { reference: string }).reference).toBe('Patient/pb');
    expect(entries[2].resource['performer']).toEqual([{ reference: 'Practitioner/t1' }]);
    expect((await server.fetchJson('/Flag/f2')).status).toBe(410);
    // Reads come last (R4 order), so they see the transaction's own writes.
    expect((entries[5].resource as unknown as BundleJson).total).toBe(2);
    expect(await total(`/Observation?patient=${patientId}`)).toBe(1);
  });

  it('rolls everything back when any entry fails, answering with that entry\u2019s error', async () => {
    const before = [
      await total('/Patient?_summary=count'),
      await total('/Observation?_summary=count'),
      await total('/Flag?_summary=count'),
    ];
    const failures: [unknown[], number, string][] = [
      [
        [
          {
            request: { method: 'PUT', url: 'Patient/pa', ifMatch: 'W/"9"' },
            resource: { resourceType: 'Patient', id: 'pa' },
          },
        ],
        412,
        'entry[3]: Patient/pa is at version 1, not 9',
      ],
      [
        [
          {
            request: { method: 'POST', url: 'Observation' },
            resource: { ...observation('Patient/pa', 1), effectiveDateTime: 'soon' },
          },
        ],
        400,
        'not a valid FHIR date',
      ],
      [
        [
          {
            request: { method: 'POST', url: 'Observation' },
            resource: observation('urn:uuid:nobody', 1),
          },
        ],
        400,
        'matches no fullUrl',
      ],
      [
        [
          {
            request: { method: 'POST', url: 'Observation' },
            resource: observation('Patient?identifier=urn:mrn|NONE', 1),
          },
        ],
        412,
        'matches no resource',
      ],
      [
        [
          {
            request: { method: 'POST', url: 'Observation' },
            resource: observation('Patient?organization=org-provider', 1),
          },
        ],
        412,
        'matches 2 resources',
      ],
      [
        [
          { request: { method: 'DELETE', url: 'Flag/f1' } },
          {
            request: { method: 'PUT', url: 'Flag/f1' },
            resource: fixtures().find((r) => r.id === 'f1'),
          },
        ],
        400,
        'more than one entry',
      ],
      [[{ request: { method: 'PATCH', url: 'Patient/pa' } }], 400, 'request.method'],
      [
        [
          {
            request: { method: 'PUT', url: 'Patient?identifier=x' },
            resource: { resourceType: 'Patient' },
          },
        ],
        400,
        'conditional updates',
      ],
      [[{ request: { method: 'GET', url: 'Patient/nobody' } }], 404, 'not found'],
    ];
    for (const [extra, status, message] of failures) {
      const response = await post([
        {
          fullUrl: 'urn:uuid:aaaaaaaa-0000-4000-8000-000000000001',
          resource: { resourceType: 'Patient', name: [{ family: 'Fiddlesworth' }] },
          request: { method: 'POST', url: 'Patient' },
        },
        {
          resource: observation('urn:uuid:aaaaaaaa-0000-4000-8000-000000000001', 3),
          request: { method: 'POST', url: 'Observation' },
        },
        { request: { method: 'DELETE', url: 'Flag/f2' } },
        ...extra,
      ]);
      const label = JSON.stringify(extra).slice(0, 120);
      expect(response.status).withContext(label).toBe(status);
      expect(response.body['resourceType']).withContext(label).toBe('OperationOutcome');
      expect(JSON.stringify(response.body)).withContext(label).toContain(message);
    }
    expect([
      await total('/Patient?_summary=count'),
      await total('/Observation?_summary=count'),
      await total('/Flag?_summary=count'),
    ]).toEqual(before);
    expect((await server.fetchJson('/Flag/f2')).status).toBe(200);
    expect((await server.fetchJson('/Patient/pa')).headers.get('etag')).toBe('W/"1"');
  });

  it('rolls back a transaction that writes outside the caller\u2019s care teams (403)', async () => {
    server.access = () => THERAPIST_T1;
    const response = await post([
      { resource: observation('Patient/pa', 5), request: { method: 'POST', url: 'Observation' } },
      { resource: observation('Patient/pc', 5), request: { method: 'POST', url: 'Observation' } },
    ]);
    expect(response.status).toBe(403);
    expect(await total('/Observation?patient=pa&_summary=count')).toBe(3);
  });

  it('runs batch entries independently, each with its own outcome', async () => {
    const response = await post(
      [
        {
          resource: { resourceType: 'Patient', name: [{ family: 'Gooseberry' }] },
          request: { method: 'POST', url: 'Patient' },
        },
        {
          resource: { resourceType: 'Patient', id: 'pa' },
          request: { method: 'PUT', url: 'Patient/pa', ifMatch: 'W/"99"' },
        },
        {
          resource: observation('urn:uuid:0b6c8d2e-1111-4a3b-9c1d-000000000009', 1),
          request: { method: 'POST', url: 'Observation' },
        },
        { request: { method: 'GET', url: 'Patient/pb' } },
        { request: { method: 'GET', url: 'Patient/nobody' } },
        { request: { method: 'GET', url: 'Observation?code=70274-6' } },
        { request: { method: 'GET', url: 'Patient/pa/_history/1' } },
        { request: { method: 'DELETE', url: 'Flag/f2' } },
      ],
      'batch',
    );
    expect(response.status).toBe(200);
    const bundle = response.body as BundleJson;
    expect(bundle.type).toBe('batch-response');
    expect(bundle.entry!.map((e) => e.response!.status)).toEqual([
      '201 Created',
      '412 Precondition Failed',
      '400 Bad Request',
      '200 OK',
      '404 Not Found',
      '200 OK',
      '200 OK',
      '204 No Content',
    ]);
    expect(bundle.entry![1].response!.outcome!.resourceType).toBe('OperationOutcome');
    expect(bundle.entry![3].resource.id).toBe('pb');
    expect((bundle.entry![5].resource as unknown as BundleJson).total).toBe(1);
    expect(await total('/Patient?family=gooseberry')).toBe(1);
    expect((await server.fetchJson('/Flag/f2')).status).toBe(410);
  });

  it('refuses what is not a transaction or batch Bundle', async () => {
    for (const body of [
      { resourceType: 'Patient' },
      { resourceType: 'Bundle', type: 'collection', entry: [] },
      { resourceType: 'Bundle', type: 'batch', entry: {} },
    ]) {
      const response = await server.fetchJson('', { method: 'POST', body: JSON.stringify(body) });
      expect(response.status).withContext(JSON.stringify(body)).toBe(400);
      expect(response.body['resourceType']).toBe('OperationOutcome');
    }
    const empty = await post([]);
    expect(empty.status).toBe(200);
    expect((empty.body as BundleJson).entry).toEqual([]);
  });
});
