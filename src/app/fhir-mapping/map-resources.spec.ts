import { CORPUS, corpusEntry, corpusResource } from '../../testing/fhir/corpus';
import { JsonObject, JsonValue } from '../../testing/fhir/corpus-entry';
import { MappingProblem } from './map-result';
import { MappedResources, mapResources, mappedBatches } from './map-resources';

const CONTEXT = { today: '2024-05-31', timeZone: 'America/Chicago' };

function allProblems(mapped: MappedResources): { id?: string; reason: string }[] {
  const batches = mappedBatches(mapped);
  const rejected = batches.flatMap((b) =>
    b.rejected.map((r) => ({ id: r.item.id, reason: r.reason })),
  );
  const warnings: MappingProblem[] = batches.flatMap((b) => [...b.warnings]);
  return [
    ...rejected,
    ...warnings,
    ...(mapped.curves?.problems ?? []),
    ...mapped.unsupported.map((u) => ({ id: u.item.id, reason: u.reason })),
  ];
}

/** Names, displays, free text and identifier values anywhere in the corpus: PHI stand-ins. */
function freeText(value: JsonValue, key = '', out = new Set<string>()): Set<string> {
  if (typeof value === 'string') {
    // Name parts always; other text only when it is more than one word or holds digits, since
    // one-word displays ("Patient", "Survey") are vocabulary, not data.
    const name = ['family', 'given'].includes(key) && value.length > 2;
    const other =
      ['display', 'valueString', 'text', 'value'].includes(key) &&
      value.length > 3 &&
      /[\s\d]/.test(value);
    if (name || other) out.add(value);
  } else if (Array.isArray(value)) {
    value.forEach((v) => freeText(v, key, out));
  } else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value as JsonObject)) freeText(v, k, out);
  }
  return out;
}

describe('mapResources: the whole corpus in one call', () => {
  const mapped = mapResources(
    CORPUS.map((e) => e.resource),
    CONTEXT,
  );
  const problems = allProblems(mapped);

  it('sends each published example shape where the profile says, with the reason when it is refused', () => {
    const outcome = (name: string): string => {
      const id = corpusEntry(name).resource['id'] as string;
      const type = corpusEntry(name).resource['resourceType'] as string;
      const all = Object.values(mapped).flatMap((b) =>
        b && 'items' in b ? [...(b.items as { id: string }[])] : [],
      );
      if (all.some((i) => i.id === id)) return 'mapped';
      const refused = problems.find((p) => p.id === id && !('severity' in p));
      return refused ? refused.reason : `${type}: consumed or superseded`;
    };
    const expected: Record<string, string> = {
      'appointment-booked-spec': 'unknown modality code (no system)|52',
      'careplan-narrative-activity-synthea':
        'no Waypoint care-plan category (http://hl7.org/fhir/us/core/CodeSystem/careplan-category|assess-plan, http://snomed.info/sct|698360004)',
      'careteam-conditional-refs-synthea': 'mapped',
      'encounter-cpt-type-dateonly-davinci-ra':
        'unknown modality code http://www.ama-assn.org/go/cpt|99215',
      'encounter-ed-panic-attack-bhp': 'unknown modality code http://snomed.info/sct|50849002',
      'encounter-inpatient-episodeofcare-appointment-spec-r4b':
        'unknown modality code http://snomed.info/sct|183807002',
      'episodeofcare-hacc-bulk-synthea-derived':
        'unrecognised level-of-care code http://terminology.hl7.org/CodeSystem/episodeofcare-type|hacc',
      'flag-safety-inactive-spec': 'not a suicide-risk flag (code http://example.org/local|bigdog)',
      'observation-anxiety-m3-component-bhp': 'unknown instrument code http://loinc.org|71891-6',
      'observation-auditc-panel-uscore': 'mapped',
      'observation-auditc-total-uscore': 'Observation: consumed or superseded',
      'observation-gad7-total-mii': 'mapped',
      'observation-hark-total-duplicate-profile-synthea':
        'unknown instrument code http://loinc.org|76504-0',
      'observation-phq2-total-synthea': 'unknown instrument code http://loinc.org|55758-7',
      'observation-phq9-item9-uscore': 'Observation: consumed or superseded',
      'observation-phq9-mds-panel-valuecodeableconcept-pacio': 'mapped',
      'observation-phq9-mds-total-text-pacio': 'mapped',
      'observation-phq9-panel-hasmember-uscore': 'mapped',
      'observation-phq9-total-valueinteger-davinci-ra': 'mapped',
      'observation-phq9-total-valuequantity-mii': 'mapped',
      'observation-phq9-total-valuestring-uscore': 'Observation: consumed or superseded',
      'observation-prapare-panel-components-synthea':
        'unknown instrument code http://loinc.org|93025-5',
      'observation-ptsd-pcptsd-score-localcode-mii':
        'unknown instrument code https://www.medizininformatik-initiative.de/fhir/ext/modul-pro/CodeSystem/mii-cs-pro-score-catalogue|pc-ptsd-total',
      'patient-no-gender-name-history-uscore': 'mapped',
      'practitioner-npi-bhp': 'mapped',
      'practitionerrole-psychiatrist-narrative-only-hpi-nz':
        'no staff-role code (the narrative is not read)',
      'questionnaireresponse-cssrs-bhp': 'mapped',
      'questionnaireresponse-phq9-contained-questionnaire-sdc': 'mapped',
      'questionnaireresponse-phq9-nested-group-sdc': 'mapped',
      'questionnaireresponse-phq9-valuedecimal-total-uscore':
        'QuestionnaireResponse: consumed or superseded',
    };
    const actual = Object.fromEntries(
      CORPUS.filter((e) => e.sourceExample).map((e) => [e.name, outcome(e.name)]),
    );
    expect(actual).toEqual(expected);
  });

  it('maps every kind of record the profile defines from the corpus', () => {
    const counts = Object.fromEntries(
      Object.entries(mapped).map(([k, b]) => [
        k,
        b && 'items' in b ? (b.items as unknown[]).length : 0,
      ]),
    );
    expect(counts).toEqual(
      jasmine.objectContaining({
        episodes: 7,
        flags: 5,
        carePlans: 3,
        patients: 5,
        practitioners: 2,
        roles: 5,
        careTeams: 2,
        conditions: 2,
        organizations: 3,
      }),
    );
    expect(mapped.scores.items.length).toBeGreaterThan(25);
    expect(mapped.sessions.items.map((s) => s.id)).not.toContain('appt-fulfilled');
    expect(mapped.curves?.value?.source).toBe('library');
    expect(mapped.unsupported).toEqual([]);
  });

  it('resolves references across the batch (an episode\u2019s diagnoses give its presenting problems)', () => {
    const episode = mapped.episodes.items.find((e) => e.id === 'ep-full');
    expect(episode?.presentingProblems).toEqual(['depression', 'substance-use']);
  });

  it('never puts a name, a display, free text or an identifier value into a problem', () => {
    const text = problems.map((p) => p.reason).join('\n');
    const leaks = [...freeText(CORPUS.map((e) => e.resource))].filter((value) =>
      text.includes(value),
    );
    expect(leaks).toEqual([]);
  });

  it('unwraps Bundles, resolving urn:uuid references through their fullUrls', () => {
    const bundle = {
      resourceType: 'Bundle',
      type: 'collection',
      entry: [
        {
          fullUrl: 'urn:uuid:4a6c8e0f-2b4d-4f6a-8c0e-1a3b5c7d9e0f',
          resource: { resourceType: 'Patient', id: 'pt-bundled' },
        },
        {
          fullUrl: 'urn:uuid:1f3e5d7c-9b1a-4c3e-8d5f-7a9b1c3d5e7f',
          resource: corpusResource('careteam-conditional-refs-synthea'),
        },
        { fullUrl: 'urn:uuid:7f00aa00-0000-4000-8000-000000000001' },
      ],
    };
    const result = mapResources([bundle, 'garbage', { resourceType: 'Location', id: 'loc-1' }]);
    expect(result.careTeams.items.map((t) => [t.patientId, t.memberIds])).toEqual([
      ['pt-bundled', []],
    ]);
    expect(result.careTeams.warnings.map((w) => w.reason)).toEqual([
      'participant 1: member is a conditional reference (Practitioner?identifier=…), which is not resolved',
    ]);
    expect(result.unsupported).toEqual([
      { item: { resourceType: 'Bundle.entry' }, reason: 'entry has no resource' },
      { item: { resourceType: '(not a resource)' }, reason: 'not a FHIR resource' },
      {
        item: { resourceType: 'Location', id: 'loc-1' },
        reason: 'resource type Location is not mapped',
      },
    ]);
    expect(result.curves).toBeUndefined();
  });

  it('accepts a single resource as well as a list', () => {
    expect(mapResources(corpusResource('flag-waypoint-active'), CONTEXT).flags.items.length).toBe(
      1,
    );
  });
});
