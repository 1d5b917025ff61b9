/** Observations: the published score shapes and messier variants of them. */
import { CorpusEntry, JsonObject, LOINC, SURVEY, UCUM, published, variant } from './corpus-entry';

export const PHQ9_ITEM_CODES = [
  '44250-9',
  '44255-8',
  '44259-0',
  '44254-1',
  '44251-7',
  '44258-2',
  '44252-5',
  '44253-3',
  '44260-8',
] as const;

/** LOINC frequency answers by score (answer list LL358-3). */
export const FREQUENCY_ANSWERS = [
  { code: 'LA6568-5', display: 'Not at all' },
  { code: 'LA6569-3', display: 'Several days' },
  { code: 'LA6570-1', display: 'More than half the days' },
  { code: 'LA6571-9', display: 'Nearly every day' },
] as const;

const US_CORE_SCREENING =
  'http://hl7.org/fhir/us/core/StructureDefinition/us-core-observation-screening-assessment';
const DISABILITY: JsonObject = {
  coding: [
    {
      system: 'http://hl7.org/fhir/us/core/CodeSystem/us-core-category',
      code: 'disability-status',
      display: 'Disability Status',
    },
  ],
};
const loincCode = (code: string, display: string): JsonObject => ({
  coding: [{ system: LOINC, code, display }],
  text: display,
});
const answer = (score: number): JsonObject => ({
  coding: [{ system: LOINC, ...FREQUENCY_ANSWERS[score] }],
  text: FREQUENCY_ANSWERS[score].display,
});
const phqTotalCode = loincCode(
  '44261-6',
  'Patient Health Questionnaire 9 item (PHQ-9) total score [Reported]',
);

/** The US Core-style PHQ-9 set: one administration as a panel, nine items and a total. */
const USC_PATIENT = { reference: 'Patient/pt-ashgrove' };
const USC_WHEN = '2023-04-18T15:22:41.402000+00:00';
const USC_ANSWERS = [2, 2, 1, 2, 1, 1, 2, 0, 1];
const uscItem = (index: number): JsonObject => ({
  resourceType: 'Observation',
  id: `phq9-item-ex-${PHQ9_ITEM_CODES[index]}`,
  meta: { profile: [US_CORE_SCREENING] },
  status: 'final',
  category: [SURVEY, DISABILITY],
  code: loincCode(PHQ9_ITEM_CODES[index], `PHQ-9 item ${index + 1}`),
  subject: USC_PATIENT,
  effectiveDateTime: USC_WHEN,
  performer: [{ reference: 'Practitioner/pr-quillon' }],
  valueCodeableConcept: answer(USC_ANSWERS[index]),
  derivedFrom: [{ reference: 'QuestionnaireResponse/phq9-qr-ex-5521' }],
});

const component = (code: string, score: number): JsonObject => ({
  code: { coding: [{ system: LOINC, code }] },
  valueInteger: score,
});
const phqComponents = (scores: readonly number[]) =>
  scores.map((score, i) => component(PHQ9_ITEM_CODES[i], score));

/** A Waypoint-profile PHQ-9 total with the given overrides. */
export function phqTotal(id: string, overrides: JsonObject): JsonObject {
  return {
    resourceType: 'Observation',
    id,
    status: 'final',
    category: [SURVEY],
    code: phqTotalCode,
    subject: { reference: 'Patient/pt-wren-halloway' },
    effectiveDateTime: '2024-05-01T16:00:00-05:00',
    valueInteger: 10,
    ...overrides,
  };
}

const omit = (resource: JsonObject, key: string): JsonObject =>
  Object.fromEntries(Object.entries(resource).filter(([k]) => k !== key));

const PUBLISHED_SHAPES: readonly CorpusEntry[] = [
  published(
    'observation-phq9-panel-hasmember-uscore.json',
    'PHQ-9 panel 44249-1 with no value and 11 hasMember (nine items, the total, the difficulty question), derivedFrom a QuestionnaireResponse, a second disability-status category',
    {
      resourceType: 'Observation',
      id: 'phq9-panel-ex-5521',
      meta: { profile: [US_CORE_SCREENING] },
      status: 'final',
      category: [SURVEY, DISABILITY],
      code: loincCode('44249-1', 'PHQ-9 quick depression assessment panel [Reported.PHQ]'),
      subject: USC_PATIENT,
      effectiveDateTime: USC_WHEN,
      performer: [{ reference: 'Practitioner/pr-quillon' }],
      hasMember: [
        ...PHQ9_ITEM_CODES.map((code) => ({ reference: `Observation/phq9-item-ex-${code}` })),
        { reference: 'Observation/phq9-item-ex-44261-6' },
        { reference: 'Observation/phq9-item-ex-69722-7' },
      ],
      derivedFrom: [{ reference: 'QuestionnaireResponse/phq9-qr-ex-5521' }],
    },
  ),
  published(
    'observation-phq9-item9-uscore.json',
    'PHQ-9 item 9 (44260-8) alone, answered with a LOINC answer code (LA6569-3 "Several days"); effectiveDateTime with six fractional-second digits',
    uscItem(8),
  ),
  published(
    'observation-phq9-total-valuestring-uscore.json',
    'PHQ-9 total 44261-6 as valueString "12"; profile pinned with a version',
    {
      resourceType: 'Observation',
      id: 'phq9-item-ex-44261-6',
      meta: { profile: [`${US_CORE_SCREENING}|8.0.0`] },
      status: 'final',
      category: [SURVEY, DISABILITY],
      code: phqTotalCode,
      subject: USC_PATIENT,
      effectiveDateTime: USC_WHEN,
      performer: [{ reference: 'Practitioner/pr-quillon' }],
      valueString: '12',
      derivedFrom: [{ reference: 'QuestionnaireResponse/phq9-qr-ex-5521' }],
    },
  ),
  published(
    'observation-phq9-total-valueinteger-davinci-ra.json',
    'PHQ-9 total as valueInteger 16, date-only effectiveDateTime, an Organization performer, no meta.profile',
    {
      resourceType: 'Observation',
      id: 'ra-phq9-pt07',
      meta: {
        extension: [
          {
            url: 'http://hl7.org/fhir/StructureDefinition/instance-name',
            valueString: 'PHQ9 for Pt07',
          },
        ],
      },
      status: 'final',
      category: [{ ...SURVEY, text: 'Survey' }],
      code: phqTotalCode,
      subject: { reference: 'Patient/ra-pt07', display: 'Ottilie Marchbank' },
      effectiveDateTime: '2020-03-11',
      performer: [{ reference: 'Organization/ra-lab02', display: 'Brackenford Laboratory' }],
      valueInteger: 16,
    },
  ),
  published(
    'observation-phq9-total-valuequantity-mii.json',
    'PHQ-9 total as valueQuantity 27 {score}, valueQuantity before code, no category',
    {
      resourceType: 'Observation',
      id: 'mii-phq9-obs-demo',
      meta: {
        profile: [
          'https://www.medizininformatik-initiative.de/fhir/ext/modul-pro/StructureDefinition/mii-pr-pro-observation-phq-9|2027.0.0-ballot',
        ],
      },
      valueQuantity: { unit: '{score}', system: UCUM, code: '{score}', value: 27 },
      code: {
        coding: [
          {
            code: '44261-6',
            system: LOINC,
            display: 'Patient Health Questionnaire 9 item (PHQ-9) total score [Reported]',
          },
        ],
      },
      status: 'final',
      subject: { reference: 'Patient/mii-pt-demo' },
      effectiveDateTime: '2023-06-05T09:30:00Z',
    },
  ),
  published(
    'observation-phq9-mds-panel-valuecodeableconcept-pacio.json',
    'CMS MDS PHQ-9 panel 54635-8 carrying its total as valueCodeableConcept {text "3", coding [display only]}, 18 hasMember not in the batch, survey and laboratory categories, three performers',
    {
      resourceType: 'Observation',
      id: 'snf-phq9-panel-07',
      meta: { profile: ['http://hl7.org/fhir/us/pacio-cs/StructureDefinition/pacio-bcs'] },
      category: [
        {
          coding: [
            {
              code: 'survey',
              system: 'http://terminology.hl7.org/CodeSystem/observation-category',
            },
          ],
        },
        {
          coding: [
            {
              code: 'laboratory',
              system: 'http://terminology.hl7.org/CodeSystem/observation-category',
            },
          ],
        },
      ],
      extension: [
        {
          url: 'http://hl7.org/fhir/StructureDefinition/event-location',
          valueReference: { reference: 'Location/snf-loc-2' },
        },
      ],
      subject: { reference: 'Patient/pt-delacroix-b' },
      status: 'final',
      effectiveDateTime: '2021-02-03T10:15:00-05:00',
      code: {
        coding: [
          {
            code: '54635-8',
            system: LOINC,
            display: 'Resident mood interview (PHQ-9) [Reported PHQ-9 CMS]',
          },
        ],
      },
      valueCodeableConcept: { text: '3', coding: [{ display: 'PHQ-9 Total Score' }] },
      performer: [
        { reference: 'Practitioner/pr-ibbotson' },
        { reference: 'PractitionerRole/role-slp-2' },
        { reference: 'Organization/snf-org-2', display: 'Organization' },
      ],
      hasMember: Array.from({ length: 18 }, (_, i) => ({
        reference: `Observation/snf-phq9-panel-07-q-${i + 8}`,
      })),
      derivedFrom: [
        { reference: 'QuestionnaireResponse/snf-qr-07', display: 'Questionnaire Response' },
      ],
    },
  ),
  published(
    'observation-phq9-mds-total-text-pacio.json',
    'MDS Total Severity Score 54654-9 given only as valueCodeableConcept.text "3"; code.text with literal tabs; no category',
    {
      resourceType: 'Observation',
      id: 'snf-phq9-total-28',
      meta: {
        profile: ['https://paciowg.github.io/cognitive-status-ig/StructureDefinition/pacio-cs'],
      },
      extension: [
        {
          url: 'http://hl7.org/fhir/StructureDefinition/event-location',
          valueReference: { reference: 'Location/snf-loc-1' },
        },
      ],
      subject: { reference: 'Patient/pt-delacroix-b' },
      status: 'final',
      effectiveDateTime: '2021-01-20T17:00:00-05:00',
      code: {
        coding: [{ code: '54654-9', system: LOINC, display: 'Total Severity Score' }],
        text: 'Total Severity Score\t\t\t{score}',
      },
      valueCodeableConcept: { text: '3' },
      performer: [
        { reference: 'Practitioner/pr-fennimore' },
        { reference: 'PractitionerRole/role-rn-1' },
        { reference: 'Organization/snf-org-1', display: 'Organization' },
      ],
      derivedFrom: [{ reference: 'QuestionnaireResponse/snf-qr-06' }],
    },
  ),
  published(
    'observation-gad7-total-mii.json',
    'GAD-7 total 70274-6 with two codings (LOINC and a local score catalogue), valueQuantity {score}, a date-only effective date in the future, status last',
    {
      resourceType: 'Observation',
      id: 'mii-gad7-score-demo',
      category: [SURVEY],
      code: {
        coding: [
          {
            code: '70274-6',
            system: LOINC,
            display: 'Generalized anxiety disorder 7 item (GAD-7) total score [Reported.PHQ]',
          },
          {
            system:
              'https://www.medizininformatik-initiative.de/fhir/ext/modul-pro/CodeSystem/mii-cs-pro-score-catalogue',
            code: 'phq-gad7-total',
            display: 'GAD-7 Total Score (0-21)',
          },
        ],
      },
      subject: { reference: 'Patient/mii-pt-demo' },
      valueQuantity: { value: 7, unit: '{score}', system: UCUM, code: '{score}' },
      derivedFrom: [{ reference: 'QuestionnaireResponse/mii-gad7-response-demo' }],
      status: 'final',
      effectiveDateTime: '2026-09-02',
    },
  ),
  published(
    'observation-auditc-total-uscore.json',
    'AUDIT-C total 75626-2 as valueQuantity 0 with unit "score" but UCUM code "1"; a long note',
    {
      resourceType: 'Observation',
      id: 'auditc-item-ex-75626-2',
      meta: { profile: [`${US_CORE_SCREENING}|7.0.0-ballot`] },
      status: 'final',
      category: [SURVEY],
      code: loincCode('75626-2', 'Total score [AUDIT-C]'),
      subject: { reference: 'Patient/pt-ashgrove' },
      effectiveDateTime: '2023-03-02T19:12:05.118000+00:00',
      performer: [{ reference: 'Practitioner/pr-quillon' }],
      valueQuantity: { value: 0, unit: 'score', system: UCUM, code: '1' },
      note: [
        {
          text: 'AUDIT-C runs 0-12; higher is more likely hazardous drinking. Review intake with the client if the points come from question 1 only.',
        },
      ],
      derivedFrom: [{ reference: 'QuestionnaireResponse/auditc-qr-ex' }],
    },
  ),
  published(
    'observation-auditc-panel-uscore.json',
    'AUDIT-C panel 72109-2 with hasMember only (three items and the total) and no value; meta.extension instance name and description',
    {
      resourceType: 'Observation',
      id: 'auditc-panel-ex-72109-2',
      meta: {
        extension: [
          {
            url: 'http://hl7.org/fhir/StructureDefinition/instance-name',
            valueString: 'AUDIT-C panel example',
          },
          {
            url: 'http://hl7.org/fhir/StructureDefinition/instance-description',
            valueMarkdown: 'An *AUDIT-C* panel for the corpus.',
          },
        ],
        profile: [US_CORE_SCREENING],
      },
      status: 'final',
      category: [SURVEY],
      code: loincCode(
        '72109-2',
        'Alcohol Use Disorder Identification Test - Consumption [AUDIT-C]',
      ),
      subject: { reference: 'Patient/pt-ashgrove' },
      effectiveDateTime: '2023-03-02T19:12:05.118000+00:00',
      performer: [{ reference: 'Practitioner/pr-quillon' }],
      hasMember: ['68517-2', '68519-8', '68520-6', '75626-2'].map((code) => ({
        reference: `Observation/auditc-item-ex-${code}`,
      })),
      derivedFrom: [{ reference: 'QuestionnaireResponse/auditc-qr-ex' }],
    },
  ),
  published(
    'observation-phq2-total-synthea.json',
    'Synthea PHQ-2 total 55758-7 (not an instrument Waypoint knows), relative bulk references, -03:00 offsets, issued with milliseconds',
    {
      resourceType: 'Observation',
      id: '7a1c0e44-2b9f-4c61-8d3e-5f0a9b2c7d11',
      meta: { profile: [US_CORE_SCREENING] },
      status: 'final',
      category: [SURVEY],
      code: loincCode(
        '55758-7',
        'Patient Health Questionnaire 2 item (PHQ-2) total score [Reported]',
      ),
      subject: { reference: 'Patient/3f5e2d10-8a4b-4c3d-9e1f-0a2b3c4d5e6f' },
      encounter: { reference: 'Encounter/9b8a7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d' },
      effectiveDateTime: '2019-07-09T10:41:02-03:00',
      issued: '2019-07-09T10:41:02.517-03:00',
      valueQuantity: { value: 2, unit: '{score}', system: UCUM, code: '{score}' },
    },
  ),
  published(
    'observation-hark-total-duplicate-profile-synthea.json',
    'Synthea HARK total 76504-0 with the same meta.profile URL listed twice',
    {
      resourceType: 'Observation',
      id: '7a1c0e44-2b9f-4c61-8d3e-5f0a9b2c7d12',
      meta: { profile: [US_CORE_SCREENING, US_CORE_SCREENING] },
      status: 'final',
      category: [SURVEY],
      code: loincCode('76504-0', 'Total score [HARK]'),
      subject: { reference: 'Patient/3f5e2d10-8a4b-4c3d-9e1f-0a2b3c4d5e6f' },
      encounter: { reference: 'Encounter/9b8a7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6e' },
      effectiveDateTime: '2021-08-13T08:05:44-03:00',
      issued: '2021-08-13T08:05:44.517-03:00',
      valueQuantity: { value: 1, unit: '{score}', system: UCUM, code: '{score}' },
    },
  ),
  published(
    'observation-prapare-panel-components-synthea.json',
    'PRAPARE panel 93025-5 whose components mix valueCodeableConcept, valueQuantity (/a, {#}) and valueString (an address), including a declined answer',
    {
      resourceType: 'Observation',
      id: '7a1c0e44-2b9f-4c61-8d3e-5f0a9b2c7d13',
      meta: { profile: [US_CORE_SCREENING, US_CORE_SCREENING] },
      status: 'final',
      category: [SURVEY],
      code: loincCode(
        '93025-5',
        "Protocol for Responding to and Assessing Patients' Assets, Risks, and Experiences [PRAPARE]",
      ),
      subject: { reference: 'Patient/3f5e2d10-8a4b-4c3d-9e1f-0a2b3c4d5e6f' },
      encounter: { reference: 'Encounter/9b8a7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6f' },
      effectiveDateTime: '2018-11-22T09:14:51-03:00',
      issued: '2018-11-22T09:14:51.517-03:00',
      component: [
        {
          code: loincCode('93026-3', 'Do you feel physically and emotionally safe where you live'),
          valueCodeableConcept: {
            coding: [{ system: LOINC, code: 'LA33-6', display: 'Yes' }],
            text: 'Yes',
          },
        },
        {
          code: loincCode('93038-8', 'Stress level'),
          valueCodeableConcept: answer(0),
        },
        {
          code: loincCode('93031-3', 'Unable to get necessities when really needed'),
          valueCodeableConcept: {
            coding: [
              { system: LOINC, code: 'LA30122-8', display: 'I choose not to answer this question' },
            ],
            text: 'I choose not to answer this question',
          },
        },
        {
          code: loincCode('63586-2', 'Total family income in last year'),
          valueQuantity: { value: 48210, unit: '/a', system: UCUM, code: '/a' },
        },
        {
          code: loincCode('63512-8', 'How many people are living or staying at this address'),
          valueQuantity: { value: 4, unit: '{#}', system: UCUM, code: '{#}' },
        },
        { code: loincCode('56799-0', 'Address'), valueString: '12 Quarry Lane Unit 3' },
        {
          code: loincCode('93033-9', 'Are you worried about losing your housing'),
          valueCodeableConcept: {
            coding: [{ system: LOINC, code: 'LA32-8', display: 'No' }],
            text: 'No',
          },
        },
      ],
    },
  ),
  published(
    'observation-ptsd-pcptsd-score-localcode-mii.json',
    'PC-PTSD total with a local code only (no LOINC), valueQuantity {score}',
    {
      resourceType: 'Observation',
      id: 'mii-pcptsd-score-demo',
      category: [SURVEY],
      code: {
        coding: [
          {
            system:
              'https://www.medizininformatik-initiative.de/fhir/ext/modul-pro/CodeSystem/mii-cs-pro-score-catalogue',
            code: 'pc-ptsd-total',
            display: 'PC-PTSD Total Score (0-4)',
          },
        ],
      },
      subject: { reference: 'Patient/mii-pt-demo' },
      valueQuantity: { value: 3, unit: '{score}', system: UCUM, code: '{score}' },
      status: 'final',
      effectiveDateTime: '2026-09-01',
    },
  ),
  published(
    'observation-anxiety-m3-component-bhp.json',
    'M3 checklist 71891-6 with no top-level value and a single coded component; date-only effective',
    {
      resourceType: 'Observation',
      id: 'bhp-m3-anxiety-ex',
      status: 'final',
      category: [{ ...SURVEY, text: 'Survey' }],
      code: {
        coding: [{ code: '71891-6', system: LOINC, display: 'M3 Checklist - follow-up [M3]' }],
        text: 'M3 Checklist',
      },
      subject: { reference: 'Patient/pt-oyelaran', display: 'Femi Oyelaran' },
      effectiveDateTime: '2024-03-12',
      performer: [{ reference: 'Practitioner/pr-sallow', display: 'Dr. Imre Sallow' }],
      component: [
        {
          code: loincCode('71816-3', 'Attacks of anxiety or panic since the last screen [M3]'),
          valueCodeableConcept: {
            coding: [{ code: 'LA14734-0', system: LOINC, display: 'Most of the time' }],
            text: 'Most of the time',
          },
        },
      ],
    },
  ),
];

/** The members the US Core panel links to: items 1–8, and the difficulty question. */
const USC_MEMBERS: readonly CorpusEntry[] = [
  ...[0, 1, 2, 3, 4, 5, 6, 7].map((i) =>
    variant(
      `usc-phq9-member-item-${i + 1}`,
      `US Core panel member: PHQ-9 item ${i + 1}`,
      uscItem(i),
    ),
  ),
  variant(
    'usc-phq9-member-difficulty',
    'US Core panel member: the unscored difficulty question 69722-7',
    {
      ...uscItem(0),
      id: 'phq9-item-ex-69722-7',
      code: loincCode('69722-7', 'How difficult have these problems made it'),
      valueCodeableConcept: {
        coding: [{ system: LOINC, code: 'LA6573-5', display: 'Somewhat difficult' }],
      },
    },
  ),
  ...['68517-2', '68519-8', '68520-6'].map((code, i) =>
    variant(
      `usc-auditc-member-${code}`,
      'AUDIT-C panel member item (no item scoring in the catalogue)',
      {
        resourceType: 'Observation',
        id: `auditc-item-ex-${code}`,
        status: 'final',
        category: [SURVEY],
        code: loincCode(code, `AUDIT-C question ${i + 1}`),
        subject: { reference: 'Patient/pt-ashgrove' },
        effectiveDateTime: '2023-03-02T19:12:05.118000+00:00',
        valueCodeableConcept: { coding: [{ system: LOINC, code: 'LA6270-8', display: 'Never' }] },
      },
    ),
  ),
];

/** A panel whose hasMember uses every reference form: relative, absolute, urn:uuid, contained. */
const MIXED_UUID = '0c2f7e1a-9d4b-4e8a-b6c3-2f1d0e9a8b7c';
const mixedItem = (index: number, id: string, score: number): JsonObject => ({
  resourceType: 'Observation',
  id,
  status: 'final',
  code: { coding: [{ system: LOINC, code: PHQ9_ITEM_CODES[index] }] },
  subject: { reference: 'Patient/pt-wren-halloway' },
  effectiveDateTime: '2024-05-08T17:00:00-05:00',
  valueInteger: score,
});
const MIXED_SCORES = [1, 1, 2, 1, 0, 1, 1, 0, 2];
const MIXED_REFERENCES: readonly CorpusEntry[] = [
  variant(
    'obs-phq9-panel-mixed-references',
    'PHQ-9 panel whose hasMember references are relative, absolute (with _history), urn:uuid and contained',
    {
      resourceType: 'Observation',
      id: 'mx-panel',
      status: 'final',
      category: [SURVEY],
      code: { coding: [{ system: LOINC, code: '44249-1' }] },
      subject: { reference: 'Patient/pt-wren-halloway' },
      effectiveDateTime: '2024-05-08T17:00:00-05:00',
      contained: [mixedItem(3, 'mx-item-4', MIXED_SCORES[3])],
      hasMember: [
        { reference: 'Observation/mx-item-1' },
        { reference: 'https://ehr.example.org/fhir/Observation/mx-item-2/_history/3' },
        { reference: `urn:uuid:${MIXED_UUID}` },
        { reference: '#mx-item-4' },
        ...[5, 6, 7, 8, 9].map((n) => ({ reference: `Observation/mx-item-${n}` })),
        { reference: 'Observation/not-in-the-batch' },
      ],
    },
  ),
  ...[0, 1, 2, 4, 5, 6, 7, 8].map((index) => {
    const id = index === 2 ? MIXED_UUID : `mx-item-${index + 1}`;
    return variant(
      `obs-phq9-mixed-member-${index + 1}`,
      `member ${index + 1} of the mixed-reference panel`,
      mixedItem(index, id, MIXED_SCORES[index]),
    );
  }),
];

const DATA_ABSENT = 'http://hl7.org/fhir/StructureDefinition/data-absent-reason';

const VARIANTS: readonly CorpusEntry[] = [
  variant(
    'obs-phq9-total-valuedecimal',
    'total as valueDecimal, effectivePeriod.start as the date',
    {
      ...omit(
        omit(phqTotal('v-decimal', { valueDecimal: 9 }), 'valueInteger'),
        'effectiveDateTime',
      ),
      effectivePeriod: { start: '2024-05-06T14:00:00-05:00', end: '2024-05-06T14:20:00-05:00' },
    },
  ),
  variant('obs-phq9-total-effective-instant', 'effectiveInstant instead of effectiveDateTime', {
    ...omit(phqTotal('v-instant', { valueInteger: 8 }), 'effectiveDateTime'),
    effectiveInstant: '2024-05-07T19:30:00.000Z',
  }),
  variant(
    'obs-phq9-total-partial-date',
    'a year-month effective date',
    phqTotal('v-month', { effectiveDateTime: '2024-05', valueInteger: 11 }),
  ),
  variant(
    'obs-phq9-total-date-only',
    'a date-only effective date',
    phqTotal('v-day', { effectiveDateTime: '2024-05-01' }),
  ),
  variant(
    'obs-phq9-total-no-date',
    'no effective[x] at all',
    omit(phqTotal('v-nodate', {}), 'effectiveDateTime'),
  ),
  variant(
    'obs-phq9-total-bad-date',
    'an effective date that is not a date',
    phqTotal('v-baddate', { effectiveDateTime: '31/05/2024' }),
  ),
  variant('obs-phq9-total-data-absent-date', 'the date replaced by a data-absent-reason', {
    ...omit(phqTotal('v-absentdate', {}), 'effectiveDateTime'),
    _effectiveDateTime: { extension: [{ url: DATA_ABSENT, valueCode: 'unknown' }] },
  }),
  variant(
    'obs-phq9-total-entered-in-error',
    'status entered-in-error',
    phqTotal('v-eie', { status: 'entered-in-error' }),
  ),
  variant(
    'obs-phq9-total-cancelled',
    'status cancelled',
    phqTotal('v-cancelled', { status: 'cancelled' }),
  ),
  variant('obs-phq9-total-data-absent-value', 'dataAbsentReason instead of a value', {
    ...omit(phqTotal('v-absentvalue', {}), 'valueInteger'),
    dataAbsentReason: {
      coding: [
        {
          system: 'http://terminology.hl7.org/CodeSystem/data-absent-reason',
          code: 'asked-declined',
        },
      ],
    },
  }),
  variant('obs-phq9-total-no-subject', 'no subject', omit(phqTotal('v-nosubject', {}), 'subject')),
  variant(
    'obs-phq9-total-group-subject',
    'a Group as subject',
    phqTotal('v-group', { subject: { reference: 'Group/iop-evening' } }),
  ),
  variant(
    'obs-phq9-total-conditional-subject',
    'a conditional Patient reference carrying an MRN',
    phqTotal('v-conditional', {
      subject: { reference: 'Patient?identifier=urn:oid:2.16.840.1.113883.19.5|MRN-448213' },
    }),
  ),
  variant(
    'obs-phq9-total-garbage-string',
    'valueString that is not a number',
    omit(phqTotal('v-garbage', { valueString: 'see paper form from Dr Pell' }), 'valueInteger'),
  ),
  variant(
    'obs-phq9-total-wrong-type',
    'valueInteger sent as a string',
    phqTotal('v-wrongtype', { valueInteger: '14' }),
  ),
  variant(
    'obs-phq9-total-out-of-range',
    'a total above the PHQ-9 maximum',
    phqTotal('v-range', { valueInteger: 31 }),
  ),
  variant(
    'obs-phq9-total-fractional',
    'a fractional total',
    omit(
      phqTotal('v-fraction', { valueQuantity: { value: 12.5, unit: '{score}' } }),
      'valueInteger',
    ),
  ),
  variant(
    'obs-phq9-total-no-value',
    'a total with no value[x]',
    omit(phqTotal('v-novalue', {}), 'valueInteger'),
  ),
  variant('obs-phq9-total-no-id', 'no id', omit(phqTotal('x', {}), 'id')),
  variant(
    'obs-phq9-total-coding-not-array',
    'code.coding sent as an object instead of an array',
    phqTotal('v-codingobject', {
      code: { coding: { system: LOINC, code: '44261-6' } },
    }),
  ),
  variant('obs-gad7-total-odd-unit', 'GAD-7 valueQuantity in "points" with no UCUM code', {
    ...omit(
      phqTotal('v-gad-points', { valueQuantity: { value: 13, unit: 'points' } }),
      'valueInteger',
    ),
    code: { coding: [{ system: LOINC, code: '70274-6' }] },
  }),
  variant(
    'obs-phq9-total-components',
    'a total with all nine items as components (item 9 = 2) and the difficulty question',
    phqTotal('v-components', {
      valueInteger: 14,
      component: [...phqComponents([2, 2, 1, 2, 1, 1, 2, 1, 2]), component('69722-7', 1)],
    }),
  ),
  variant(
    'obs-phq9-panel-components-only',
    'a PHQ-9 panel with item components and no total: scored from the items',
    {
      ...omit(phqTotal('v-panel-items', {}), 'valueInteger'),
      code: { coding: [{ system: LOINC, code: '44249-1' }] },
      component: phqComponents([3, 2, 2, 1, 1, 0, 1, 1, 0]),
    },
  ),
  variant(
    'obs-phq9-panel-components-incomplete',
    'a PHQ-9 panel with five item components only, item 9 positive',
    {
      ...omit(phqTotal('v-panel-partial', {}), 'valueInteger'),
      code: { coding: [{ system: LOINC, code: '44249-1' }] },
      component: [
        component('44250-9', 2),
        component('44255-8', 2),
        component('44259-0', 1),
        component('44254-1', 3),
        component('44260-8', 1),
      ],
    },
  ),
  variant(
    'obs-phq9-components-conflict',
    'a total of 5 whose components sum to 9',
    phqTotal('v-conflict', {
      valueInteger: 5,
      component: phqComponents([1, 1, 1, 1, 1, 1, 1, 1, 1]),
    }),
  ),
  variant(
    'obs-ders16-local-code',
    'DERS-16 total under Waypoint\u2019s local instrument code system',
    phqTotal('v-ders', {
      code: {
        coding: [
          {
            system: 'https://waypoint.example.org/fhir/CodeSystem/instrument',
            code: 'ders-16-total',
          },
        ],
      },
      valueInteger: 52,
    }),
  ),
  variant(
    'obs-bam-use-local-code',
    'BAM Use under the local code system',
    phqTotal('v-bam', {
      code: {
        coding: [
          { system: 'https://waypoint.example.org/fhir/CodeSystem/instrument', code: 'bam-use' },
        ],
      },
      valueInteger: 2,
    }),
  ),
  variant(
    'obs-ehr-local-phq9-code',
    'an EHR\u2019s own PHQ-9 code (needs the program\u2019s localInstrumentCodes)',
    phqTotal('v-ehr-local', {
      code: { coding: [{ system: 'https://ehr.example.org/codes/assessments', code: 'PHQ9TOT' }] },
      valueInteger: 7,
    }),
  ),
  variant(
    'obs-phq9-total-security-labels',
    'meta.security with PSY, ETH, R, an unknown label and "R" in another system',
    phqTotal('v-labels', {
      meta: {
        security: [
          { system: 'http://terminology.hl7.org/CodeSystem/v3-Confidentiality', code: 'R' },
          { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'ETH' },
          { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'PSY' },
          { system: 'http://terminology.hl7.org/CodeSystem/v3-ActReason', code: 'HTEST' },
          { system: 'http://example.org/other', code: 'R' },
        ],
      },
    }),
  ),
  variant(
    'obs-phq9-total-unknown-extension',
    'an unknown extension and modifierExtension-free extra fields',
    phqTotal('v-ext', {
      extension: [
        { url: 'https://ehr.example.org/fhir/StructureDefinition/kiosk-id', valueString: 'K7' },
      ],
      interpretation: [{ text: 'moderate' }],
    }),
  ),
  variant(
    'obs-phq9-duplicate-first',
    'first of two Observations with the same id',
    phqTotal('v-dup', { valueInteger: 6 }),
  ),
  variant(
    'obs-phq9-duplicate-second',
    'second of two Observations with the same id (a retry that was stored twice)',
    phqTotal('v-dup', { valueInteger: 9 }),
  ),
  variant('obs-wrong-types', 'status a number, code and subject plain strings', {
    resourceType: 'Observation',
    id: 'v-status-number',
    status: 7,
    code: 'PHQ-9',
    subject: 'Patient/x',
    valueInteger: 3,
  }),
];

export const OBSERVATION_CORPUS: readonly CorpusEntry[] = [
  ...PUBLISHED_SHAPES,
  ...USC_MEMBERS,
  ...MIXED_REFERENCES,
  ...VARIANTS,
];
