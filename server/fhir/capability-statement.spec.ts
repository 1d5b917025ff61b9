import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildServer } from '../app';
import { TestServer, startTestServer } from '../testing/test-server';
import { OPEN_ACCESS } from './access';
import { ReferenceParam, SEARCH_PARAMS } from './search-params';

interface Statement {
  resourceType: string;
  fhirVersion: string;
  rest: {
    security?: {
      service?: { coding: { code: string }[] }[];
      extension?: { url: string; extension: { url: string; valueUri: string }[] }[];
    };
    interaction: { code: string }[];
    resource: {
      type: string;
      interaction: { code: string }[];
      searchParam: { name: string; type: string }[];
      searchInclude: string[];
      searchRevInclude: string[];
    }[];
  }[];
}

describe('CapabilityStatement', () => {
  let server: TestServer;
  let statement: Statement;

  beforeAll(async () => {
    server = await startTestServer();
    // metadata needs no authorisation, even when everything else is refused.
    server.access = () => ({ status: 401, message: 'no token' });
    statement = (await server.fetchJson('/metadata')).body as unknown as Statement;
    server.access = () => OPEN_ACCESS;
  });

  afterAll(async () => server.stop());

  const resource = (type: string) => statement.rest[0].resource.find((r) => r.type === type)!;

  it('lists exactly the types and search parameters of the definitions the server runs', () => {
    expect(statement.resourceType).toBe('CapabilityStatement');
    expect(statement.fhirVersion).toBe('4.0.1');
    expect(statement.rest[0].interaction.map((i) => i.code).sort()).toEqual([
      'batch',
      'transaction',
    ]);
    expect(statement.rest[0].resource.map((r) => r.type).sort()).toEqual(
      Object.keys(SEARCH_PARAMS).sort(),
    );
    for (const [type, defs] of Object.entries(SEARCH_PARAMS)) {
      expect(
        resource(type)
          .searchParam.map((p) => `${p.name}:${p.type}`)
          .sort(),
      )
        .withContext(type)
        .toEqual(
          ['_id:token', '_lastUpdated:date', ...defs.map((d) => `${d.name}:${d.type}`)].sort(),
        );
      expect(resource(type).searchInclude.sort())
        .withContext(type)
        .toEqual(
          defs
            .filter((d) => d.type === 'reference')
            .map((d) => `${type}:${d.name}`)
            .sort(),
        );
      expect(
        resource(type)
          .interaction.map((i) => i.code)
          .sort(),
      ).toEqual(['create', 'delete', 'read', 'search-type', 'update', 'vread']);
    }
    // R4 facts: Flag has no status, Encounter no service-type.
    expect(resource('Flag').searchParam.map((p) => p.name)).not.toContain('status');
    expect(resource('Encounter').searchParam.map((p) => p.name)).not.toContain('service-type');
    expect(resource('Appointment').searchParam.map((p) => p.name)).toContain('service-type');
  });

  it('offers the includes the app follows, and reverse includes only from parameters that can point at the type', () => {
    const includes = statement.rest[0].resource.flatMap((r) => r.searchInclude);
    for (const wanted of [
      'EpisodeOfCare:patient',
      'EpisodeOfCare:care-manager',
      'CareTeam:patient',
      'CareTeam:participant',
      'PractitionerRole:practitioner',
      'Encounter:appointment',
      'Appointment:patient',
      'Observation:patient',
      'Patient:organization',
    ])
      expect(includes).toContain(wanted);
    expect(resource('Patient').searchRevInclude).toEqual(
      jasmine.arrayContaining([
        'Observation:patient',
        'EpisodeOfCare:patient',
        'Flag:patient',
        'CarePlan:patient',
      ]),
    );
    for (const r of statement.rest[0].resource)
      for (const rev of r.searchRevInclude) {
        const [source, name] = rev.split(':');
        const def = SEARCH_PARAMS[source].find((d) => d.name === name) as ReferenceParam;
        expect(def.targets).withContext(`${r.type} ${rev}`).toContain(r.type);
      }
    expect(resource('Practitioner').searchRevInclude).not.toContain('Observation:patient');
  });

  it('advertises nothing the server refuses, and the server refuses what it does not advertise', async () => {
    const strict = { headers: { Prefer: 'handling=strict' } };
    for (const r of statement.rest[0].resource) {
      for (const p of r.searchParam) {
        const response = await server.fetchJson(
          `/${r.type}?${p.name === '_id' || p.name === '_lastUpdated' ? `${p.name}=${p.name === '_id' ? 'x' : '2024'}` : `${p.name}:missing=false`}`,
          strict,
        );
        expect(response.status).withContext(`${r.type}?${p.name}`).toBe(200);
      }
      for (const include of r.searchInclude)
        expect((await server.fetchJson(`/${r.type}?_include=${include}`, strict)).status)
          .withContext(include)
          .toBe(200);
      for (const rev of r.searchRevInclude)
        expect((await server.fetchJson(`/${r.type}?_revinclude=${rev}`, strict)).status)
          .withContext(rev)
          .toBe(200);
    }
    for (const query of [
      'Flag?status=active',
      'Encounter?service-type=x',
      'Patient?address=x',
      'Patient?active=true',
      'Observation?identifier=x',
      'Observation?value-string=x',
      'Patient?_tag=x',
    ])
      expect((await server.fetchJson(`/${query}`, strict)).status)
        .withContext(query)
        .toBe(400);
  });

  it('has no SMART section without authorisation, and the OAuth endpoints when auth is on', async () => {
    expect(statement.rest[0].security?.service).toBeUndefined();
    const dir = mkdtempSync(join(tmpdir(), 'waypoint-cs-'));
    const smart = await buildServer({
      dbFile: join(dir, 'cs.sqlite'),
      auth: 'smart',
      publicBaseUrl: 'https://fhir.example.org/fhir',
    });
    const external = await buildServer({
      dbFile: join(dir, 'cs2.sqlite'),
      resolveAccess: async () => OPEN_ACCESS,
      smart: {
        authorizeUrl: 'https://idp.example.org/authorize',
        tokenUrl: 'https://idp.example.org/token',
      },
    });
    try {
      const read = async (app: typeof smart.app) =>
        JSON.parse((await app.inject({ method: 'GET', url: '/fhir/metadata' })).body) as Statement;
      const builtIn = (await read(smart.app)).rest[0].security!;
      expect(builtIn.service![0].coding[0].code).toBe('SMART-on-FHIR');
      const uris = Object.fromEntries(
        builtIn.extension![0].extension.map((e) => [e.url, e.valueUri]),
      );
      expect(uris).toEqual({
        authorize: 'https://fhir.example.org/auth/authorize',
        token: 'https://fhir.example.org/auth/token',
        revoke: 'https://fhir.example.org/auth/revoke',
      });
      const other = (await read(external.app)).rest[0].security!;
      expect(other.extension![0].extension.map((e) => e.valueUri)).toEqual([
        'https://idp.example.org/authorize',
        'https://idp.example.org/token',
      ]);
    } finally {
      await smart.app.close();
      await external.app.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
