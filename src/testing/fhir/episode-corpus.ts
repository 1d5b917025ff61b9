/** EpisodeOfCare: the bulk-export shape and the profile's level, extension and reference variants. */
import { CorpusEntry, JsonObject, published, variant } from './corpus-entry';

const BASE = 'https://waypoint.example.org/fhir';
const LEVEL = `${BASE}/CodeSystem/level-of-care`;
const ASAM_BHA = 'http://bha.colorado.gov/fhir/bha-ig/CodeSystem/bha-asam-level-of-care-cs';
const LOCUS = `${BASE}/CodeSystem/locus-level`;

/** A profile EpisodeOfCare with the given overrides. */
function episode(id: string, overrides: JsonObject = {}): JsonObject {
  return {
    resourceType: 'EpisodeOfCare',
    id,
    status: 'active',
    type: [{ coding: [{ system: LEVEL, code: 'iop', display: 'Intensive outpatient' }] }],
    patient: { reference: 'Patient/pt-wren-halloway' },
    managingOrganization: { reference: 'Organization/prog-evening-iop' },
    period: { start: '2024-04-01' },
    careManager: { reference: 'Practitioner/pr-lanternfield', display: 'Avery Lanternfield' },
    ...overrides,
  };
}

const PUBLISHED_SHAPES: readonly CorpusEntry[] = [
  published(
    'episodeofcare-hacc-bulk-synthea-derived.json',
    'minimal bulk-export EpisodeOfCare: type hacc (episodeofcare-type), finished, no managingOrganization, a 36-minute period',
    {
      resourceType: 'EpisodeOfCare',
      id: '2d4c6e8a-1b3d-4f5a-9c7e-0a2b4c6d8e10',
      status: 'finished',
      type: [
        {
          coding: [
            {
              system: 'http://terminology.hl7.org/CodeSystem/episodeofcare-type',
              code: 'hacc',
              display: 'Home and Community Care',
            },
          ],
        },
      ],
      period: { start: '2015-02-11T09:12:03-03:00', end: '2015-02-11T09:48:30-03:00' },
      patient: {
        reference: 'Patient/3f5e2d10-8a4b-4c3d-9e1f-0a2b3c4d5e6f',
        display: 'Ms. Harriet482 Quell915',
      },
    },
  ),
];

const VARIANTS: readonly CorpusEntry[] = [
  variant(
    'episode-waypoint-full',
    'profile episode with every extension: end reason, entry route, planned transition (complex), diagnoses and PSY/ETH labels',
    episode('ep-full', {
      meta: {
        security: [
          { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'PSY' },
          { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'ETH' },
        ],
      },
      extension: [
        {
          url: `${BASE}/StructureDefinition/entry-route`,
          valueCoding: { system: `${BASE}/CodeSystem/entry-route`, code: 'residential' },
        },
        {
          url: `${BASE}/StructureDefinition/planned-transition`,
          extension: [
            { url: 'targetLevel', valueCoding: { system: LEVEL, code: 'outpatient' } },
            { url: 'plannedDate', valueDate: '2024-06-24' },
            { url: 'reason', valueString: 'Goals met; taper agreed' },
            { url: 'note', valueString: 'Keep Thursday group until the step-down' },
          ],
        },
        { url: 'https://ehr.example.org/fhir/StructureDefinition/bed-number', valueString: '12B' },
      ],
      diagnosis: [
        { condition: { reference: 'Condition/cond-halloway-1' }, rank: 1 },
        { condition: { reference: 'Condition/cond-halloway-2' }, rank: 2 },
        { condition: { reference: 'Condition/cond-not-in-batch' }, rank: 3 },
      ],
    }),
  ),
  variant(
    'episode-waypoint-finished',
    'finished episode with an end reason and an end date',
    episode('ep-finished', {
      status: 'finished',
      type: [{ coding: [{ system: LEVEL, code: 'php' }] }],
      period: { start: '2024-03-04', end: '2024-03-29' },
      extension: [
        {
          url: `${BASE}/StructureDefinition/episode-end-reason`,
          valueCoding: { system: `${BASE}/CodeSystem/episode-end-reason`, code: 'stepped-down' },
        },
      ],
    }),
  ),
  variant(
    'episode-asam-bha',
    'level only as the Colorado BHA ASAM code 2.1',
    episode('ep-asam', {
      type: [{ coding: [{ system: ASAM_BHA, code: '2.1' }], text: 'ASAM 2.1' }],
    }),
  ),
  variant(
    'episode-locus',
    'level only as LOCUS level 4',
    episode('ep-locus', {
      type: [{ coding: [{ system: LOCUS, code: '4' }] }],
    }),
  ),
  variant(
    'episode-local-level-code',
    'an EHR\u2019s own level code (needs the program\u2019s code map)',
    episode('ep-local', {
      type: [{ coding: [{ system: 'https://ehr.example.org/levels', code: 'IOP-EVE' }] }],
    }),
  ),
  variant(
    'episode-asam-early-intervention',
    'ASAM 0.5, deliberately left unmapped',
    episode('ep-asam05', {
      type: [{ coding: [{ system: ASAM_BHA, code: '0.5' }] }],
    }),
  ),
  variant('episode-no-type', 'no type', { ...episode('ep-notype'), type: null }),
  variant(
    'episode-conditional-patient',
    'a Synthea-style conditional patient reference',
    episode('ep-conditional', {
      patient: {
        reference:
          'Patient?identifier=https://github.com/synthetichealth/synthea|7f00d1e2-c3b4-4a59-8687-98a9b0c1d2e3',
      },
    }),
  ),
  variant(
    'episode-partial-start',
    'a year-month start date',
    episode('ep-partial', { period: { start: '2024-05' } }),
  ),
  variant('episode-no-start', 'no period', { ...episode('ep-nostart'), period: null }),
  variant(
    'episode-bad-extensions',
    'extensions with unknown codes and a planned transition missing its date',
    episode('ep-badext', {
      extension: [
        {
          url: `${BASE}/StructureDefinition/episode-end-reason`,
          valueCoding: { system: `${BASE}/CodeSystem/episode-end-reason`, code: 'moved-away' },
        },
        {
          url: `${BASE}/StructureDefinition/planned-transition`,
          extension: [{ url: 'targetLevel', valueCoding: { system: LEVEL, code: 'outpatient' } }],
        },
      ],
    }),
  ),
  variant(
    'episode-entered-in-error',
    'status entered-in-error',
    episode('ep-eie', { status: 'entered-in-error' }),
  ),
  variant(
    'episode-role-care-manager',
    'careManager as a PractitionerRole reference',
    episode('ep-role', {
      careManager: { reference: 'PractitionerRole/role-lanternfield' },
    }),
  ),
];

export const EPISODE_CORPUS: readonly CorpusEntry[] = [...PUBLISHED_SHAPES, ...VARIANTS];
