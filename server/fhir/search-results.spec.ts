import { Resource } from '../db/resource-store';
import { TestServer, startTestServer } from '../testing/test-server';
import { OPEN_ACCESS } from './access';
import { BundleJson, FIXTURE_TIME, THERAPIST_T1, fixtures, idsOf } from './spec-fixtures';

describe('FHIR search results', () => {
  let server: TestServer;

  beforeEach(async () => {
    server = await startTestServer();
    server.store.loadMany(fixtures(), FIXTURE_TIME);
  });

  afterEach(async () => server.stop());

  const get = async (path: string, init?: RequestInit) =>
    (await server.fetchJson(path, init)).body as BundleJson;
  const matchOrder = (bundle: BundleJson) =>
    (bundle.entry ?? []).filter((e) => e.search?.mode === 'match').map((e) => e.resource.id);
  const link = (bundle: BundleJson, relation: string) =>
    bundle.link?.find((l) => l.relation === relation)?.url.replace(server.base, '');

  describe('_include and _revinclude', () => {
    it('adds the referenced resources once each, marked include, with absolute fullUrls', async () => {
      const bundle = await get(
        '/EpisodeOfCare?care-manager=t1&_include=EpisodeOfCare:patient&_include=EpisodeOfCare:care-manager',
      );
      expect(idsOf(bundle)).toEqual(['ea', 'eb']);
      expect(idsOf(bundle, 'include')).toEqual(['pa', 'pb', 't1']);
      expect(bundle.total).toBe(2);
      const t1 = bundle.entry!.find((e) => e.resource.id === 't1')!;
      expect(t1.fullUrl).toBe(`${server.base}/Practitioner/t1`);
    });

    it('follows each reference the app uses', async () => {
      const cases: [string, string[]][] = [
        ['/EpisodeOfCare?_include=EpisodeOfCare:patient:Patient', ['pa', 'pb', 'pc']],
        ['/PractitionerRole?_include=PractitionerRole:practitioner', ['t1', 't2']],
        ['/Encounter?_include=Encounter:appointment', ['ap1']],
        ['/Appointment?_include=Appointment:patient', ['pa', 'pb', 'pc']],
        [
          '/CareTeam?status=active&_include=CareTeam:participant&_include=CareTeam:patient',
          ['pa', 'pb', 't1', 't2'],
        ],
        ['/Patient?_include=Patient:organization', ['org-other', 'org-provider']],
        ['/Observation?code=70274-6&_include=Observation:patient', ['pa']],
        [
          '/Patient?_id=pb&_revinclude=Observation:patient&_revinclude=Flag:patient',
          ['f1', 'o4', 'o6'],
        ],
        ['/Patient?_id=pa&_revinclude=EpisodeOfCare:patient,CarePlan:patient', ['cp1', 'ea']],
        ['/Practitioner?_id=t1&_revinclude=EpisodeOfCare:care-manager', ['ea', 'eb']],
        ['/Practitioner?_id=t1&_revinclude=Encounter:participant:PractitionerRole', []],
      ];
      for (const [query, included] of cases) {
        const response = await server.fetchJson(query);
        expect(response.status).withContext(query).toBe(200);
        expect(idsOf(response.body as BundleJson, 'include'))
          .withContext(query)
          .toEqual(included);
      }
    });

    it('does not repeat a match as an include, and refuses includes it does not support', async () => {
      const bundle = await get('/Organization?_include=Organization:partof');
      expect(idsOf(bundle)).toEqual(['org-other', 'org-program', 'org-provider']);
      expect(idsOf(bundle, 'include')).toEqual([]);
      expect(
        (await server.fetchJson('/Observation?_include=Observation:subject:Group')).status,
      ).toBe(400);
      expect((await server.fetchJson('/Observation?_include=*')).status).toBe(400);
    });
  });

  describe('_summary and _elements', () => {
    it('counts only with _summary=count (and _count=0)', async () => {
      for (const query of [
        '/Observation?code=44261-6&_summary=count',
        '/Observation?code=44261-6&_count=0',
      ]) {
        const bundle = await get(query);
        expect(bundle.total).withContext(query).toBe(4);
        expect(bundle.entry).withContext(query).toBeUndefined();
      }
    });

    it('keeps the listed elements, id, meta and mandatory ones, marks them SUBSETTED, and leaves includes whole', async () => {
      const bundle = await get(
        '/Observation?_id=o1&_elements=valueInteger&_include=Observation:patient',
      );
      const match = bundle.entry!.find((e) => e.search?.mode === 'match')!.resource;
      expect(Object.keys(match).sort()).toEqual([
        'code',
        'id',
        'meta',
        'resourceType',
        'status',
        'valueInteger',
      ]);
      expect(JSON.stringify(match.meta)).toContain('SUBSETTED');
      const included = bundle.entry!.find((e) => e.search?.mode === 'include')!.resource;
      expect(included['name']).toBeDefined();
      expect(JSON.stringify(included.meta)).not.toContain('SUBSETTED');
      const patient = (await get('/Patient?_id=pa&_elements=birthDate,name.given')).entry![0]
        .resource;
      expect(Object.keys(patient).sort()).toEqual([
        'birthDate',
        'id',
        'meta',
        'name',
        'resourceType',
      ]);
    });

    it('drops the narrative with _summary=data and keeps only it with _summary=text', async () => {
      server.store.create(
        {
          resourceType: 'Flag',
          id: 'with-text',
          status: 'active',
          code: { text: 'risk' },
          subject: { reference: 'Patient/pa' },
          text: {
            status: 'generated',
            div: '<div xmlns="http://www.w3.org/1999/xhtml">Risk</div>',
          },
        },
        { keepId: true },
      );
      const data = (await get('/Flag?_id=with-text&_summary=data')).entry![0].resource;
      expect(data['text']).toBeUndefined();
      expect(data['code']).toBeDefined();
      const text = (await get('/Flag?_id=with-text&_summary=text')).entry![0].resource;
      expect(Object.keys(text).sort()).toEqual([
        'code',
        'id',
        'meta',
        'resourceType',
        'status',
        'subject',
        'text',
      ]);
      expect(JSON.stringify(text.meta)).toContain('SUBSETTED');
      const unsupported = await get('/Flag?_summary=true');
      expect(
        JSON.stringify(unsupported.entry!.find((e) => e.search?.mode === 'outcome')),
      ).toContain('_summary=true');
    });
  });

  describe('paging', () => {
    it('pages with next/previous/first/last links and a fixed total', async () => {
      const first = await get('/Observation?_count=2&_sort=date');
      expect(first.type).toBe('searchset');
      expect(first.total).toBe(6);
      expect(matchOrder(first)).toEqual(['o1', 'o2']);
      expect(link(first, 'self')).toBe('/Observation?_count=2&_sort=date');
      expect(link(first, 'previous')).toBeUndefined();
      const second = await get(link(first, 'next')!);
      expect(matchOrder(second)).toEqual(['o3', 'o4']);
      expect(second.total).toBe(6);
      const third = await get(link(second, 'next')!);
      expect(matchOrder(third)).toEqual(['o6', 'o5']);
      expect(link(third, 'next')).toBeUndefined();
      expect(link(third, 'last')).toBe(link(first, 'last'));
      expect(matchOrder(await get(link(third, 'previous')!))).toEqual(['o3', 'o4']);
      expect(matchOrder(await get(link(third, 'first')!))).toEqual(['o1', 'o2']);
    });

    it('stays consistent while data changes between pages', async () => {
      const first = await get('/Observation?_count=2&_sort=date');
      // A new earliest observation, a sort-key change and a deletion, all between pages:
      server.store.create(
        { ...fixtures().find((r) => r.id === 'o2')!, id: 'early', effectiveDateTime: '2023-01-01' },
        { keepId: true },
      );
      const o4 = server.store.read('Observation', 'o4')!.resource;
      server.store.update('Observation', 'o4', { ...o4, effectiveDateTime: '2030-01-01' });
      server.store.delete('Observation', 'o6');
      const second = await get(link(first, 'next')!);
      expect(matchOrder(second)).toEqual(['o3', 'o4']);
      expect(second.entry![1].resource['effectiveDateTime']).toBe('2030-01-01');
      const third = await get(link(second, 'next')!);
      expect(matchOrder(third)).toEqual(['o5']);
      expect(third.total).toBe(6);
      // A new search sees the new state.
      const fresh = await get('/Observation?_count=2&_sort=date');
      expect(matchOrder(fresh)).toEqual(['early', 'o1']);
      expect(fresh.total).toBe(6);
    });

    it('includes per page, answers POST _search like GET, and caps _count at 1000', async () => {
      const first = await get(
        '/Observation?_count=1&_sort=date&_include=Observation:patient&_elements=status',
      );
      expect(idsOf(first, 'include')).toEqual(['pa']);
      const pages: (string | undefined)[][] = [];
      let next = link(first, 'next');
      while (next) {
        const page = await get(next);
        pages.push([...matchOrder(page), ...idsOf(page, 'include')]);
        expect(Object.keys(page.entry![0].resource)).not.toContain('valueInteger');
        next = link(page, 'next');
      }
      expect(pages).toEqual([
        ['o2', 'pa'],
        ['o3', 'pa'],
        ['o4', 'pb'],
        ['o6', 'pb'],
        ['o5', 'pc'],
      ]);
      const response = await fetch(`${server.base}/Observation/_search?_sort=-date`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: 'patient=pa,pb&code=44261-6',
      });
      expect(response.status).toBe(200);
      const posted = (await response.json()) as BundleJson;
      expect(matchOrder(posted)).toEqual(['o4', 'o2', 'o1']);
      expect(link(posted, 'self')).toBe('/Observation?_sort=-date&patient=pa%2Cpb&code=44261-6');
      const json = await server.fetchJson('/Observation/_search', {
        method: 'POST',
        body: '{"code":"x"}',
      });
      expect(json.status).toBe(400);
      const big = await get('/Observation?_count=5000');
      expect(big.total).toBe(6);
      expect(link(big, 'next')).toBeUndefined();
    });

    it('keeps a snapshot to the caller who made it, and to what they may still see', async () => {
      server.access = () => THERAPIST_T1;
      const first = await get('/Observation?_count=2&_sort=date');
      expect(first.total).toBe(5);
      server.access = () => OPEN_ACCESS;
      const stranger = await server.fetchJson(link(first, 'next')!);
      expect(stranger.status).toBe(410);
      expect(stranger.body['resourceType']).toBe('OperationOutcome');
      server.access = () => ({ ...THERAPIST_T1, patientScope: new Set(['pa']) });
      const narrowed = await get(link(first, 'next')!);
      expect(matchOrder(narrowed)).toEqual(['o3']);
      expect((await server.fetchJson('?_getpages=no-such-search')).status).toBe(410);
      expect((await server.fetchJson('?_getpages=x&_getpagesoffset=-1')).status).toBe(400);
      expect((await server.fetchJson('')).status).toBe(400);
    });
  });

  it('answers with FHIR JSON and a Bundle id', async () => {
    const response = await fetch(`${server.base}/Patient`);
    expect(response.headers.get('content-type')).toBe(
      'application/fhir+json; fhirVersion=4.0; charset=utf-8',
    );
    const bundle = (await response.json()) as BundleJson & {
      resourceType: string;
      meta: Resource['meta'];
    };
    expect(bundle.resourceType).toBe('Bundle');
    expect(bundle.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(bundle.total).toBe(3);
  });
});
