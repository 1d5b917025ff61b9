import { TestServer, startTestServer } from '../testing/test-server';
import { SEARCH_PARAMS } from './search-params';
import { BundleJson, FIXTURE_TIME, fixtures, idsOf } from './spec-fixtures';

/**
 * Every supported search parameter against the hand-checked fixtures (spec-fixtures.ts), as
 * [query, expected match ids]. A final check makes sure every parameter of every type appears
 * in a case that expects at least one match, so no parameter goes untested or trivially empty.
 */
const CASES: [string, string[]][] = [
  // token: code, system|code, |code, system|, :not, :missing, OR lists, booleans, identifiers
  ['Observation?code=44261-6', ['o1', 'o2', 'o4', 'o5']],
  ['Observation?code=http://loinc.org|70274-6', ['o3']],
  ['Observation?code=http://snomed.info/sct|70274-6', []],
  ['Observation?code=|wpt-dose', ['o6']],
  ['Observation?code=|44261-6', []],
  ['Observation?code=http://loinc.org|', ['o1', 'o2', 'o3', 'o4', 'o5']],
  ['Observation?code=70274-6,wpt-dose', ['o3', 'o6']],
  ['Observation?code:not=44261-6', ['o3', 'o6']],
  ['Observation?status=final', ['o1', 'o2', 'o4', 'o6']],
  ['Observation?status=amended,preliminary', ['o3', 'o5']],
  ['Observation?category=survey', ['o1', 'o2', 'o3', 'o4', 'o5']],
  ['Observation?category:missing=true', ['o6']],
  ['Observation?component-code=44260-8', ['o1', 'o4']],
  ['Observation?combo-code=44260-8', ['o1', 'o4']],
  ['Observation?combo-code=70274-6', ['o3']],
  ['Patient?gender=male', ['pb']],
  ['Patient?gender:missing=true', ['pc']],
  ['Patient?identifier=urn:mrn|MRN-2', ['pb']],
  ['Patient?identifier=MRN-1', ['pa']],
  ['Practitioner?identifier=urn:npi|222', ['t2']],
  ['PractitionerRole?role=therapist', ['pr1']],
  ['PractitionerRole?active=false', ['pr2']],
  ['Organization?type=prov', ['org-provider']],
  ['Organization?identifier:missing=true', ['org-other', 'org-program', 'org-provider']],
  ['CareTeam?status=active', ['ct-a', 'ct-b']],
  ['CareTeam?category=iop-treatment-team', ['ct-a']],
  ['CareTeam?status=inactive', ['ct-c']],
  ['Condition?code=F33.1', ['cond-a']],
  ['Condition?clinical-status=resolved', ['cond-c']],
  ['Condition?category=problem-list-item', ['cond-a']],
  ['EpisodeOfCare?status=active', ['eb', 'ec']],
  ['EpisodeOfCare?type=iop', ['ea', 'ec']],
  ['EpisodeOfCare?identifier=urn:episode|E1', ['ea']],
  ['Appointment?status=noshow', ['ap2']],
  ['Appointment?service-type=cbt', ['ap1', 'ap3']],
  ['Appointment?identifier:missing=true&status=booked', ['ap3']],
  ['Encounter?status=finished', ['en1', 'en2']],
  ['Encounter?type=dbt-skills', ['en2']],
  ['QuestionnaireResponse?status=completed', ['qr1']],
  ['QuestionnaireResponse?status=in-progress', ['qr2']],
  ['CarePlan?category=aftercare', ['cp2']],
  ['CarePlan?status=active', ['cp1']],
  ['CarePlan?status=draft', ['cp2']],
  ['Library?status=active', ['lib1']],
  ['Library?type=asset-collection', ['lib1']],
  ['Library?identifier=urn:lib|curves', ['lib1']],
  ['AuditEvent?type=rest&subtype=read&date=2020', ['ae1']],
  // _id and _lastUpdated (fixtures are written at 2025-01-01T00:00:00Z)
  ['Patient?_id=pa,pc', ['pa', 'pc']],
  ['Patient?_lastUpdated=2025-01-01', ['pa', 'pb', 'pc']],
  ['Patient?_lastUpdated=gt2025-01-01', []],
  ['Patient?_lastUpdated=lt2025-01-01T00:00:01Z&_lastUpdated=ge2025', ['pa', 'pb', 'pc']],
  // reference: id, Type/id, absolute URL, :Type, :missing, the aliases (patient, practitioner)
  ['Observation?patient=pa', ['o1', 'o2', 'o3']],
  ['Observation?patient=Patient/pb', ['o4', 'o6']],
  ['Observation?subject=pc', ['o5']],
  ['Observation?subject:Patient=pc', ['o5']],
  ['Observation?patient=pa,pc&code=44261-6', ['o1', 'o2', 'o5']],
  ['Observation?patient:missing=false&subject:missing=true', []],
  ['EpisodeOfCare?care-manager=t1', ['ea', 'eb']],
  ['EpisodeOfCare?care-manager=Practitioner/t2', ['ec']],
  ['EpisodeOfCare?organization=org-program', ['ea', 'eb']],
  ['EpisodeOfCare?condition=cond-a', ['ea']],
  ['EpisodeOfCare?patient=pc', ['ec']],
  ['Appointment?actor=t2', ['ap3']],
  ['Appointment?actor=Patient/pa', ['ap1']],
  ['Appointment?practitioner=t1', ['ap1', 'ap2']],
  ['Appointment?patient=pb', ['ap2']],
  ['Encounter?episode-of-care=ea', ['en1']],
  ['Encounter?appointment=ap1', ['en1']],
  ['Encounter?appointment:missing=true', ['en2']],
  ['Encounter?participant=PractitionerRole/pr1', ['en2']],
  ['Encounter?practitioner=t1', ['en1']],
  ['Encounter?practitioner=pr1', []],
  ['Encounter?subject=pb', ['en2']],
  ['Encounter?patient=pa', ['en1']],
  ['CareTeam?participant=t2', ['ct-b', 'ct-c']],
  ['CareTeam?patient=pa', ['ct-a']],
  ['CareTeam?subject=Patient/pb', ['ct-b']],
  ['Condition?patient=pc', ['cond-c']],
  ['Condition?subject=pa', ['cond-a']],
  ['PractitionerRole?practitioner=t1', ['pr1']],
  ['PractitionerRole?organization=org-program', ['pr1']],
  ['Organization?partof=org-provider', ['org-program']],
  ['Patient?organization=org-provider', ['pa', 'pb']],
  ['QuestionnaireResponse?questionnaire=http://loinc.org/q/44249-1', ['qr1']],
  ['QuestionnaireResponse?questionnaire=Questionnaire/phq-9', ['qr2']],
  ['QuestionnaireResponse?patient=pb', ['qr2']],
  ['QuestionnaireResponse?subject=pa', ['qr1']],
  ['Flag?patient=pb', ['f1']],
  ['Flag?subject=Patient/pa', ['f2']],
  ['CarePlan?patient=pa', ['cp1']],
  ['CarePlan?subject=pb', ['cp2']],
  ['AuditEvent?agent=Practitioner/auditor-x', ['ae1']],
  ['AuditEvent?entity=Patient/pa&date=2020', ['ae1']],
  ['AuditEvent?patient=pa&date=2020', ['ae1']],
  // date: partial dates are ranges; prefixes compare ranges (R4 search.html, date)
  ['Observation?date=2024-02', ['o2', 'o3']],
  ['Observation?date=2024', ['o1', 'o2', 'o3', 'o4', 'o5', 'o6']],
  ['Observation?date=2024-01-10', ['o1']],
  ['Observation?date=2024-01-10T16:00:00Z', ['o1']],
  ['Observation?date=2024-01-10T10:00-06:00', ['o1']],
  ['Observation?date=2024-01-10T16:01', []],
  ['Observation?date=eq2024-02-14', ['o2', 'o3']],
  ['Observation?date=lt2024-02-14', ['o1']],
  ['Observation?date=le2024-02-14', ['o1', 'o2', 'o3']],
  ['Observation?date=gt2024-03-05', ['o5', 'o6']],
  ['Observation?date=ge2024-03-05', ['o4', 'o5', 'o6']],
  ['Observation?date=ne2024-02-14', ['o1', 'o4', 'o5', 'o6']],
  ['Observation?date=sa2024-03-31', ['o5', 'o6']],
  ['Observation?date=eb2024-04-15', ['o1', 'o2', 'o3', 'o4']],
  ['Observation?date=2024-04-15', []],
  ['Observation?date=ge2024-02-01&date=lt2024-04-01', ['o2', 'o3', 'o4']],
  ['Observation?date=2023,2024-05', ['o5']],
  ['EpisodeOfCare?date=ge2024-04-01', ['eb', 'ec']],
  ['EpisodeOfCare?date=sa2024-03-31', ['ec']],
  ['EpisodeOfCare?date=eb2024-04-01', ['ea']],
  ['EpisodeOfCare?date=eb2024-03-20', []],
  ['EpisodeOfCare?date=le2024-02-01', ['ea']],
  ['EpisodeOfCare?date=2024-02', []],
  ['EpisodeOfCare?date=2024-01-10,2024-02', []],
  ['Patient?birthdate=1985', ['pb']],
  ['Patient?birthdate=2001', ['pc']],
  ['Patient?birthdate=2001-01-09', []],
  ['Patient?birthdate=lt1990', ['pb']],
  ['Condition?onset-date=2022', ['cond-c']],
  ['Condition?onset-date=2022-03', []],
  ['Condition?onset-date=lt2024', ['cond-a', 'cond-c']],
  ['Appointment?date=2024-02-14', ['ap1']],
  ['Appointment?date=ge2024-03', ['ap2', 'ap3']],
  ['Encounter?date=2024-02-14', ['en1']],
  ['QuestionnaireResponse?authored=2024-02-14', ['qr1']],
  ['Flag?date=2024-01', ['f2']],
  ['Flag?date=ge2024-03-01', ['f1']],
  ['CarePlan?date=ge2024-03-01', ['cp1']],
  ['CarePlan?activity-date=2024-02-09', ['cp1']],
  ['CarePlan?activity-date=2024-06', ['cp2']],
  ['AuditEvent?date=2020-01-01', ['ae1']],
  // string: prefix, case and accents ignored; :exact is exact; :contains anywhere
  ['Patient?name=apple', ['pa']],
  ['Patient?name=APPLE', ['pa']],
  ['Patient?family=button', ['pb']],
  ['Patient?given=test', ['pa', 'pb', 'pc']],
  ['Patient?name=cloudberry', ['pc']],
  ['Patient?name=whistle', []],
  ['Patient?family:exact=Cloudbérry', ['pc']],
  ['Patient?family:exact=cloudbérry', []],
  ['Patient?family:contains=BERR', ['pc']],
  ['Patient?name=zzz,butt', ['pb']],
  ['Practitioner?name=avery', ['t1']],
  ['Organization?name=harbor', ['org-program', 'org-provider']],
  ['Library?name=expected', ['lib1']],
  // uri: exact, and :below
  ['Library?url=https://waypoint.example.org/fhir/Library/expected-recovery-curves', ['lib1']],
  ['Library?url=https://waypoint.example.org/fhir/Library', []],
  ['Library?url:below=https://waypoint.example.org/fhir/', ['lib1']],
  // quantity: precision of the number written, system|code, ||code, prefixes
  ['Observation?value-quantity=5.4', ['o6']],
  ['Observation?value-quantity=5.40|http://unitsofmeasure.org|mg', ['o6']],
  ['Observation?value-quantity=5.4||mg', ['o6']],
  ['Observation?value-quantity=5.4|http://unitsofmeasure.org|g', []],
  ['Observation?value-quantity=5.5', []],
  ['Observation?value-quantity=gt5', ['o6']],
  ['Observation?value-quantity=lt5', []],
];

describe('FHIR search parameters', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer();
    server.store.loadMany(fixtures(), FIXTURE_TIME);
  });

  afterAll(async () => server.stop());

  it('answers every case of the table with exactly the expected matches', async () => {
    for (const [query, expected] of CASES) {
      const response = await server.fetchJson(`/${query}`);
      expect(response.status).withContext(query).toBe(200);
      expect(idsOf(response.body as BundleJson))
        .withContext(query)
        .toEqual(expected);
      expect((response.body as BundleJson).total)
        .withContext(query)
        .toBe(expected.length);
    }
  });

  it('has a case with matches for every parameter of every type', () => {
    const covered = new Set<string>();
    for (const [query, expected] of CASES) {
      if (expected.length === 0) continue;
      const [type, search] = query.split('?');
      for (const [name] of new URLSearchParams(search))
        covered.add(`${type}.${name.split(':')[0]}`);
    }
    const missing = Object.entries(SEARCH_PARAMS).flatMap(([type, defs]) =>
      ['_id', '_lastUpdated', ...defs.map((d) => d.name)]
        .filter((name) => !name.startsWith('_') || type === 'Patient')
        .map((name) => `${type}.${name}`)
        .filter((key) => !covered.has(key)),
    );
    expect(missing).toEqual([]);
  });

  it('sorts by date, string, token and _lastUpdated/_id, missing values last', async () => {
    const order = async (query: string) =>
      ((await server.fetchJson(`/${query}`)).body as BundleJson)
        .entry!.filter((e) => e.search?.mode === 'match')
        .map((e) => e.resource.id);
    expect(await order('Observation?code=44261-6&_sort=-date')).toEqual(['o5', 'o4', 'o2', 'o1']);
    expect(await order('Observation?_sort=date')).toEqual(['o1', 'o2', 'o3', 'o4', 'o6', 'o5']);
    expect(await order('Patient?_sort=family')).toEqual(['pa', 'pb', 'pc']);
    expect(await order('Patient?_sort=-family')).toEqual(['pc', 'pb', 'pa']);
    expect(await order('Patient?_sort=birthdate')).toEqual(['pb', 'pa', 'pc']);
    expect(await order('Patient?_sort=gender')).toEqual(['pa', 'pb', 'pc']);
    expect(await order('Patient?_sort=-gender')).toEqual(['pb', 'pa', 'pc']);
    expect(await order('Patient?_sort=-_id')).toEqual(['pc', 'pb', 'pa']);
    expect(await order('EpisodeOfCare?_sort=-date,_id')).toEqual(['eb', 'ec', 'ea']);
    expect((await server.fetchJson('/Patient?_sort=shoe-size')).status).toBe(400);
  });

  it('ignores unknown parameters with a warning, and refuses them under handling=strict', async () => {
    // R4 Flag has no `status` search parameter (R5 added it).
    const lenient = (await server.fetchJson('/Flag?status=active')).body as BundleJson;
    expect(idsOf(lenient)).toEqual(['f1', 'f2']);
    const outcome = lenient.entry!.find((e) => e.search?.mode === 'outcome')!.resource;
    expect(JSON.stringify(outcome)).toContain(
      'ignored unknown or unsupported search parameter(s): status',
    );
    const strict = await server.fetchJson('/Flag?status=active', {
      headers: { Prefer: 'handling=strict' },
    });
    expect(strict.status).toBe(400);
    expect(strict.body['resourceType']).toBe('OperationOutcome');
    expect(JSON.stringify(strict.body)).toContain(
      'unsupported search parameter(s) for Flag: status',
    );
    // R4 Encounter has no service-type either; chains are not supported.
    expect(
      (
        await server.fetchJson('/Encounter?service-type=cbt', {
          headers: { Prefer: 'handling=strict' },
        })
      ).status,
    ).toBe(400);
    expect(
      idsOf((await server.fetchJson('/Encounter?service-type=cbt')).body as BundleJson),
    ).toEqual(['en1', 'en2']);
    expect(
      (
        await server.fetchJson('/Observation?patient.name=x', {
          headers: { Prefer: 'handling=strict' },
        })
      ).status,
    ).toBe(400);
    expect(
      (await server.fetchJson('/Flag?patient=pb', { headers: { Prefer: 'handling=lenient' } }))
        .status,
    ).toBe(200);
  });

  it('takes a list of 1,500 typed references as one lookup per type', async () => {
    // As an OR per reference this failed to compile past ~1,000 ("Expression tree is too large").
    const others = Array.from({ length: 1500 }, (_, i) => `Patient/nobody-${i}`);
    const response = await server.fetchJson('/Flag/_search', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        _count: '1000',
        patient: [...others, 'Patient/pb', 'pa'].join(','),
      }).toString(),
    });
    expect(response.status).toBe(200);
    const single = await server.fetchJson('/Flag?_count=1000&patient=Patient/pb,pa');
    expect(idsOf(response.body as BundleJson).sort()).toEqual(
      idsOf(single.body as BundleJson).sort(),
    );
    expect(idsOf(single.body as BundleJson).length).toBeGreaterThan(0);
  });

  it('refuses unsupported modifiers and malformed values with 400', async () => {
    for (const query of [
      'Patient?name:text=x',
      'Observation?code:below=44261',
      'Observation?subject:Group=g1',
      'Observation?date=yesterday',
      'Observation?date=2024-02-30',
      'Observation?date=gx2024',
      'Observation?patient=not%20a%20reference',
      'Observation?value-quantity=five',
      'Observation?code=a|b|c',
      'Patient?gender:missing=maybe',
      'Patient?_count=ten',
      'Patient?_total=exact',
      'Patient?_id:exact=pa',
      'Patient?_include=Patient:name',
      'Patient?_include=Observation:patient',
      'Patient?_revinclude=Observation:nothing',
    ]) {
      const response = await server.fetchJson(`/${query}`);
      expect(response.status).withContext(query).toBe(400);
      expect(response.body['resourceType']).withContext(query).toBe('OperationOutcome');
    }
    expect((await server.fetchJson('/Spaceship?name=x')).status).toBe(404);
  });

  it('accepts a reference given as an absolute URL on this server', async () => {
    const query = `/Observation?subject=${encodeURIComponent(`${server.base}/Patient/pc`)}`;
    expect(idsOf((await server.fetchJson(query)).body as BundleJson)).toEqual(['o5']);
  });

  it('treats escaped commas as part of a value and ignores empty parameters', async () => {
    expect(idsOf((await server.fetchJson('/Patient?name=apple\\,pie')).body as BundleJson)).toEqual(
      [],
    );
    expect(
      idsOf((await server.fetchJson('/Patient?name=&gender=male')).body as BundleJson),
    ).toEqual(['pb']);
  });
});
