/** Flags and CarePlans: the published shapes and the profile's variants. */
import { CorpusEntry, JsonObject, published, variant } from './corpus-entry';

const BASE = 'https://waypoint.example.org/fhir';
const SAFETY_CATEGORY: JsonObject = {
  coding: [
    {
      system: 'http://terminology.hl7.org/CodeSystem/flag-category',
      code: 'safety',
      display: 'Safety',
    },
  ],
  text: 'Safety',
};
const SUICIDE_RISK: JsonObject = {
  coding: [{ system: 'http://snomed.info/sct', code: '225444004', display: 'At risk for suicide' }],
  text: 'Safety plan in place after PHQ-9 item 9 response',
};

function flag(id: string, overrides: JsonObject = {}): JsonObject {
  return {
    resourceType: 'Flag',
    id,
    status: 'active',
    category: [SAFETY_CATEGORY],
    code: SUICIDE_RISK,
    subject: { reference: 'Patient/pt-wren-halloway' },
    period: { start: '2024-05-02' },
    ...overrides,
  };
}

function carePlan(id: string, overrides: JsonObject = {}): JsonObject {
  return {
    resourceType: 'CarePlan',
    id,
    extension: [{ url: `${BASE}/StructureDefinition/next-review`, valueDate: '2024-06-03' }],
    status: 'active',
    intent: 'plan',
    category: [
      { coding: [{ system: `${BASE}/CodeSystem/care-plan-category`, code: 'treatment-plan' }] },
    ],
    subject: { reference: 'Patient/pt-wren-halloway' },
    created: '2024-04-03',
    period: { start: '2024-04-03' },
    ...overrides,
  };
}

const PUBLISHED_SHAPES: readonly CorpusEntry[] = [
  published(
    'flag-safety-inactive-spec.json',
    'R4 spec Flag: inactive with an ended period, category safety but a local code ("big dog"), a long code.text',
    {
      resourceType: 'Flag',
      id: 'flag-spec-demo',
      text: { status: 'generated', div: '<div xmlns="http://www.w3.org/1999/xhtml">Dog</div>' },
      identifier: [{ value: '55501' }],
      status: 'inactive',
      category: [SAFETY_CATEGORY],
      code: {
        coding: [{ system: 'http://example.org/local', code: 'bigdog', display: 'Big dog' }],
        text: 'There is a large dog at the home address. Arrange visits with the household beforehand.',
      },
      subject: { reference: 'Patient/pt-ferrant', display: 'Bastian Ferrant' },
      period: { start: '2016-03-02', end: '2017-08-19' },
      author: { reference: 'Practitioner/pr-oakhurst', display: 'Nurse Tilde Oakhurst' },
    },
  ),
  published(
    'careplan-narrative-activity-synthea.json',
    'Synthea CarePlan: generated narrative, a category coding with no display, urn:uuid references, activity.detail in-progress with a display-only location, an open period',
    {
      resourceType: 'CarePlan',
      id: '6e1f3a5c-7b9d-4e2f-8a1c-3d5e7f9a1b2c',
      meta: { profile: ['http://hl7.org/fhir/us/core/StructureDefinition/us-core-careplan'] },
      text: {
        status: 'generated',
        div: '<div xmlns="http://www.w3.org/1999/xhtml">Care Plan</div>',
      },
      status: 'active',
      intent: 'order',
      category: [
        {
          coding: [
            {
              system: 'http://hl7.org/fhir/us/core/CodeSystem/careplan-category',
              code: 'assess-plan',
            },
          ],
        },
        {
          coding: [
            {
              system: 'http://snomed.info/sct',
              code: '698360004',
              display: 'Diabetes self management plan',
            },
          ],
          text: 'Diabetes self management plan',
        },
      ],
      subject: { reference: 'urn:uuid:4a6c8e0f-2b4d-4f6a-8c0e-1a3b5c7d9e0f' },
      encounter: { reference: 'urn:uuid:8c0e2a4b-6d8f-4a1c-9e3b-5d7f9a1b3c5d' },
      period: { start: '1983-05-17T08:20:11-04:00' },
      careTeam: [{ reference: 'urn:uuid:1f3e5d7c-9b1a-4c3e-8d5f-7a9b1c3d5e7f' }],
      addresses: [{ reference: 'urn:uuid:2a4c6e8f-0b2d-4e6f-8a0c-4e6a8c0e2a4c' }],
      activity: [
        {
          detail: {
            code: {
              coding: [
                { system: 'http://snomed.info/sct', code: '160670007', display: 'Diabetic diet' },
              ],
            },
            status: 'in-progress',
            location: { display: 'PCP40412' },
          },
        },
      ],
    },
  ),
];

const VARIANTS: readonly CorpusEntry[] = [
  variant(
    'flag-waypoint-active',
    'profile suicide-risk Flag, active, open period, restricted (R) label',
    flag('flag-active', {
      meta: {
        security: [
          { system: 'http://terminology.hl7.org/CodeSystem/v3-Confidentiality', code: 'R' },
        ],
      },
    }),
  ),
  variant(
    'flag-waypoint-inactive',
    'profile Flag, inactive with an ended period',
    flag('flag-inactive', {
      status: 'inactive',
      period: { start: '2024-04-10', end: '2024-04-24' },
    }),
  ),
  variant(
    'flag-active-period-ended',
    'status active but the period ended (nobody closed the flag)',
    flag('flag-stale', {
      period: { start: '2024-03-01', end: '2024-03-20T12:00:00Z' },
    }),
  ),
  variant(
    'flag-active-starts-later',
    'status active with a period that has not begun',
    flag('flag-future', {
      period: { start: '2024-07-01' },
    }),
  ),
  variant('flag-code-only', 'the suicide-risk code without a category', {
    ...flag('flag-nocategory'),
    category: null,
  }),
  variant(
    'flag-entered-in-error',
    'status entered-in-error',
    flag('flag-eie', { status: 'entered-in-error' }),
  ),
  variant('flag-no-subject', 'no subject', { ...flag('flag-nosubject'), subject: null }),
  variant(
    'careplan-waypoint-treatment-plan',
    'profile treatment plan with next-review',
    carePlan('cp-treatment'),
  ),
  variant('careplan-waypoint-aftercare-draft', 'profile aftercare plan, draft, no review date', {
    ...carePlan('cp-aftercare', {
      status: 'draft',
      category: [
        { coding: [{ system: `${BASE}/CodeSystem/care-plan-category`, code: 'aftercare' }] },
      ],
    }),
    extension: null,
  }),
  variant(
    'careplan-partial-review-date',
    'a next-review that is only a month',
    carePlan('cp-partial', {
      extension: [{ url: `${BASE}/StructureDefinition/next-review`, valueDate: '2024-06' }],
    }),
  ),
  variant(
    'careplan-entered-in-error',
    'status entered-in-error',
    carePlan('cp-eie', { status: 'entered-in-error' }),
  ),
];

export const CARE_CORPUS: readonly CorpusEntry[] = [...PUBLISHED_SHAPES, ...VARIANTS];
