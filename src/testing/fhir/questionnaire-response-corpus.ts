/** QuestionnaireResponses: flat, nested, with a contained Questionnaire, and messier variants. */
import { CorpusEntry, JsonObject, LOINC, published, variant } from './corpus-entry';
import { FREQUENCY_ANSWERS, PHQ9_ITEM_CODES } from './observation-corpus';

const SDC_PHQ9 = 'http://hl7.org/fhir/uv/sdc/Questionnaire/questionnaire-sdc-profile-example-PHQ9';
const SDC_WORDING = ['Not-at-all', 'Several-days', 'More than half the days', 'Nearly every day'];
const ORDINAL = 'http://hl7.org/fhir/StructureDefinition/ordinalValue';
const ITEM_WEIGHT = 'http://hl7.org/fhir/StructureDefinition/itemWeight';

const loincAnswer = (score: number): JsonObject => ({
  valueCoding: { system: LOINC, ...FREQUENCY_ANSWERS[score] },
});
const sdcAnswer = (score: number): JsonObject => ({
  valueCoding: { code: SDC_WORDING[score], display: FREQUENCY_ANSWERS[score].display },
});

/** Flat PHQ-9 items with LOINC-derived linkIds (`/44250-9`). */
const flatItems = (scores: readonly number[], prefix = '/'): JsonObject[] =>
  scores.map((score, i) => ({
    linkId: `${prefix}${PHQ9_ITEM_CODES[i]}`,
    text: `PHQ-9 question ${i + 1}`,
    answer: [loincAnswer(score)],
  }));

/** The SDC form's nested group H1/T1 with questions Q1…Q9 and the total H1/TS. */
const sdcGroup = (scores: readonly number[], total: JsonObject): JsonObject => ({
  linkId: 'H1/T1',
  text: 'Over the last two weeks, how often have you been bothered by any of the following problems?',
  item: [
    ...scores.map((score, i) => ({
      linkId: `H1/T1/Q${i + 1}`,
      text: `Question ${i + 1}`,
      answer: [sdcAnswer(score)],
    })),
    { linkId: 'H1/TS', text: 'Patient health questionnaire 9 item total score', answer: [total] },
  ],
});

const containedPhq9 = (answerValueSet: string): JsonObject => ({
  resourceType: 'Questionnaire',
  id: 'contained-adaptive-phq9',
  extension: [
    {
      url: 'http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-questionnaireAdaptive',
      valueBoolean: true,
    },
  ],
  version: '0.0.1',
  name: 'AdaptivePHQ9',
  derivedFrom: [SDC_PHQ9],
  status: 'draft',
  subjectType: ['Patient'],
  item: [
    {
      linkId: 'H1/T1',
      type: 'group',
      item: [
        ...[1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => ({
          linkId: `H1/T1/Q${n}`,
          prefix: `${n}.`,
          type: 'choice',
          required: true,
          answerValueSet,
        })),
        {
          linkId: 'H1/TS',
          type: 'quantity',
          readOnly: true,
          code: [{ system: LOINC, code: '44261-6' }],
          extension: [
            {
              url: 'http://hl7.org/fhir/StructureDefinition/questionnaire-hidden',
              valueBoolean: true,
            },
          ],
        },
      ],
    },
  ],
});

const phq9ValueSet = (codes: readonly string[], weighted: boolean): JsonObject => ({
  resourceType: 'ValueSet',
  id: 'VSPHQ9',
  url: 'https://sdc.example.org/ValueSet/VSPHQ9',
  status: 'draft',
  compose: {
    include: [
      {
        system: 'https://sdc.example.org/CodeSystem/CSPHQ9',
        concept: codes.map((code, score) => ({
          code,
          display: FREQUENCY_ANSWERS[score].display,
          ...(weighted ? { extension: [{ url: ORDINAL, valueDecimal: score }] } : {}),
        })),
      },
    ],
  },
});

const yesNo = (yes: boolean): JsonObject => ({
  valueCoding: yes
    ? { code: 'LA33-6', system: LOINC, display: 'Yes' }
    : { code: 'LA32-8', system: LOINC, display: 'No' },
});
const CSSRS_ITEMS = ['93246-7', '93247-5', '93248-3', '93249-1', '93250-9', '93267-3', '93269-9'];

const cssrs = (id: string, yes: readonly string[], risk?: JsonObject): JsonObject => ({
  resourceType: 'QuestionnaireResponse',
  id,
  meta: {
    profile: [
      'http://hl7.org/fhir/us/core/StructureDefinition/us-core-questionnaireresponse|6.1.0',
    ],
  },
  questionnaire: 'https://www.cms.gov/files/document/cssrs-screen-version-instrument.pdf',
  status: 'completed',
  subject: { reference: 'Patient/pt-oyelaran', display: 'Femi Oyelaran' },
  authored: '2024-03-12T21:05:11.204Z',
  author: { reference: 'Practitioner/pr-sallow' },
  item: [
    ...CSSRS_ITEMS.map((code) => ({
      linkId: `/${code}`,
      text: `C-SSRS ${code}`,
      answer: [yesNo(yes.includes(code))],
    })),
    ...(risk ? [{ linkId: '/93374-7', text: 'Suicide risk level', answer: [risk] }] : []),
  ],
});

/** A flat US Core-style PHQ-9 response with the given items and overrides. */
function flatPhq9(id: string, overrides: JsonObject): JsonObject {
  return {
    resourceType: 'QuestionnaireResponse',
    id,
    questionnaire: 'http://hl7.org/fhir/us/core/Questionnaire/phq-9-example',
    status: 'completed',
    subject: { reference: 'Patient/pt-wren-halloway' },
    authored: '2024-05-09T15:00:00-05:00',
    item: flatItems([1, 1, 1, 1, 1, 1, 1, 1, 0]),
    ...overrides,
  };
}

const PUBLISHED_SHAPES: readonly CorpusEntry[] = [
  published(
    'questionnaireresponse-phq9-valuedecimal-total-uscore.json',
    'flat PHQ-9 with linkIds like /44250-9, LOINC LA answer codes, the total as valueDecimal 12 and the unscored difficulty item',
    {
      resourceType: 'QuestionnaireResponse',
      id: 'phq9-qr-ex-5521',
      meta: {
        extension: [
          {
            url: 'http://hl7.org/fhir/StructureDefinition/instance-name',
            valueString: 'QuestionnaireResponse PHQ-9 corpus example',
          },
        ],
        profile: ['http://hl7.org/fhir/us/core/StructureDefinition/us-core-questionnaireresponse'],
      },
      questionnaire: 'http://hl7.org/fhir/us/core/Questionnaire/phq-9-example',
      status: 'completed',
      subject: { reference: 'Patient/pt-ashgrove' },
      authored: '2023-04-18T15:22:41.402Z',
      author: { reference: 'Practitioner/pr-quillon' },
      item: [
        ...flatItems([2, 2, 1, 2, 1, 1, 2, 0, 1]),
        { linkId: '/44261-6', text: 'Total score', answer: [{ valueDecimal: 12 }] },
        {
          linkId: '/69722-7',
          text: 'How difficult have these problems made it',
          answer: [
            { valueCoding: { system: LOINC, code: 'LA6573-5', display: 'Somewhat difficult' } },
          ],
        },
      ],
    },
  ),
  published(
    'questionnaireresponse-phq9-nested-group-sdc.json',
    'nested group H1/T1 with H1/T1/Q1…Q9; answers are valueCoding with no system and codes with spaces; the total (14) is a valueQuantity with no code and disagrees with the items (11); the subject is an absolute URL',
    {
      resourceType: 'QuestionnaireResponse',
      id: 'sdc-phq9-qr-demo',
      extension: [
        {
          url: 'http://hl7.org/fhir/StructureDefinition/structuredefinition-standards-status',
          valueCode: 'draft',
        },
        { url: 'http://hl7.org/fhir/StructureDefinition/structuredefinition-fmm', valueInteger: 0 },
      ],
      questionnaire: SDC_PHQ9,
      status: 'completed',
      subject: { reference: 'https://sdc.example.org/fhir/Patient/pt-kestrel' },
      authored: '2019-10-02T18:12:40.101Z',
      author: { reference: 'https://sdc.example.org/fhir/Patient/pt-kestrel' },
      item: [
        sdcGroup([1, 0, 0, 1, 2, 1, 3, 2, 1], { valueQuantity: { value: 14, unit: '{score}' } }),
      ],
    },
  ),
  published(
    'questionnaireresponse-phq9-contained-questionnaire-sdc.json',
    'a contained Questionnaire (derivedFrom the SDC PHQ-9) and a contained ValueSet; questionnaire is "#…"; the adaptive extension; the total as valueQuantity with unit "score" and no code',
    {
      resourceType: 'QuestionnaireResponse',
      id: 'sdc-adaptive-phq9-qr-demo',
      contained: [containedPhq9('#VSPHQ9'), phq9ValueSet(SDC_WORDING, false)],
      identifier: { value: 'adaptive-phq9-corpus' },
      questionnaire: '#contained-adaptive-phq9',
      status: 'completed',
      subject: { reference: 'https://sdc.example.org/fhir/Patient/pt-kestrel' },
      authored: '2019-10-02T18:12:40.101Z',
      item: [
        sdcGroup([0, 0, 0, 1, 2, 1, 3, 2, 1], { valueQuantity: { value: 10, unit: 'score' } }),
      ],
    },
  ),
  published(
    'questionnaireresponse-cssrs-bhp.json',
    'C-SSRS screener whose questionnaire is a PDF URL; LOINC-derived linkIds; every item "No" but the risk level 93374-7 answered LA9194-7 "Low"',
    cssrs('bhp-cssrs-ex', [], { valueCoding: { code: 'LA9194-7', system: LOINC, display: 'Low' } }),
  ),
];

const VARIANTS: readonly CorpusEntry[] = [
  variant(
    'qr-phq9-valueinteger-answers',
    'answers as valueInteger, no total item',
    flatPhq9('qr-int', {
      item: [0, 1, 2, 3, 0, 1, 2, 3, 1].map((score, i) => ({
        linkId: `/${PHQ9_ITEM_CODES[i]}`,
        answer: [{ valueInteger: score }],
      })),
    }),
  ),
  variant(
    'qr-phq9-ordinal-extension',
    'answer codings from a local system scored by their ordinalValue extension',
    flatPhq9('qr-ordinal', {
      item: [2, 2, 2, 2, 2, 2, 2, 2, 2].map((score, i) => ({
        linkId: `/${PHQ9_ITEM_CODES[i]}`,
        answer: [
          {
            valueCoding: {
              system: 'https://ehr.example.org/answers',
              code: 'B',
              extension: [{ url: ORDINAL, valueDecimal: score }],
            },
          },
        ],
      })),
    }),
  ),
  variant(
    'qr-phq9-itemweight-answer-options',
    'a contained Questionnaire whose items carry LOINC codes and whose answerOptions carry itemWeight; linkIds are opaque',
    {
      ...flatPhq9('qr-weights', {}),
      questionnaire: '#form',
      contained: [
        {
          resourceType: 'Questionnaire',
          id: 'form',
          status: 'active',
          item: PHQ9_ITEM_CODES.map((code, i) => ({
            linkId: `q${i + 1}`,
            code: [{ system: LOINC, code }],
            type: 'choice',
            answerOption: ['w0', 'w1', 'w2', 'w3'].map((c, weight) => ({
              valueCoding: { system: 'https://ehr.example.org/answers', code: c },
              extension: [{ url: ITEM_WEIGHT, valueDecimal: weight }],
            })),
          })),
        },
      ],
      item: [3, 3, 2, 2, 1, 1, 0, 0, 0].map((w, i) => ({
        linkId: `q${i + 1}`,
        answer: [{ valueCoding: { system: 'https://ehr.example.org/answers', code: `w${w}` } }],
      })),
    },
  ),
  variant(
    'qr-phq9-contained-weighted-valueset',
    'opaque answer codes scored only by the ordinalValue of the contained ValueSet',
    {
      resourceType: 'QuestionnaireResponse',
      id: 'qr-vs-weights',
      contained: [containedPhq9('#VSPHQ9'), phq9ValueSet(['a0', 'a1', 'a2', 'a3'], true)],
      questionnaire: '#contained-adaptive-phq9',
      status: 'completed',
      subject: { reference: 'Patient/pt-wren-halloway' },
      authored: '2024-05-10',
      item: [
        {
          linkId: 'H1/T1',
          item: [3, 3, 3, 3, 3, 3, 3, 3, 3].map((score, i) => ({
            linkId: `H1/T1/Q${i + 1}`,
            answer: [{ valueCoding: { code: `a${score}` } }],
          })),
        },
      ],
    },
  ),
  variant(
    'qr-phq9-loinc-canonical',
    'identified only by a LOINC form canonical; no linkId is recognisable',
    flatPhq9('qr-canonical', {
      questionnaire: 'http://loinc.org/q/44249-1|2.76',
      item: [{ linkId: 'free-1', answer: [{ valueInteger: 2 }] }],
    }),
  ),
  variant(
    'qr-phq9-in-progress',
    'status in-progress',
    flatPhq9('qr-inprogress', { status: 'in-progress' }),
  ),
  variant('qr-phq9-no-authored', 'no authored date', {
    ...flatPhq9('qr-noauthored', {}),
    authored: '',
  }),
  variant(
    'qr-phq9-total-only',
    'only the total item',
    flatPhq9('qr-total', {
      item: [{ linkId: '/44261-6', answer: [{ valueInteger: 7 }] }],
    }),
  ),
  variant(
    'qr-phq9-partial-item9-positive',
    'four items answered, item 9 positive, no total',
    flatPhq9('qr-partial', {
      item: [
        { linkId: '/44250-9', answer: [loincAnswer(1)] },
        { linkId: '/44255-8', answer: [loincAnswer(2)] },
        { linkId: '/44259-0', answer: [loincAnswer(1)] },
        { linkId: '/44260-8', answer: [loincAnswer(2)] },
      ],
    }),
  ),
  variant(
    'qr-phq9-garbage-answer',
    'an answer that is free text',
    flatPhq9('qr-garbage', {
      item: [
        ...flatItems([1, 1, 1, 1, 1, 1, 1, 1]),
        { linkId: '/44260-8', answer: [{ valueString: 'ask again later' }] },
      ],
    }),
  ),
  variant(
    'qr-unknown-questionnaire',
    'a satisfaction survey Waypoint does not score',
    flatPhq9('qr-unknown', {
      questionnaire: 'https://ehr.example.org/Questionnaire/visit-satisfaction',
      item: [{ linkId: 'stars', answer: [{ valueInteger: 4 }] }],
    }),
  ),
  variant(
    'qr-cssrs-intent-no-risk-level',
    'C-SSRS with items 1, 2 and 4 "Yes" and no risk level item',
    cssrs('qr-cssrs-intent', ['93246-7', '93247-5', '93249-1']),
  ),
  variant(
    'qr-cssrs-risk-moderate-items-high',
    'C-SSRS risk level "Moderate" while recent behaviour (6 and 6a) says high',
    cssrs('qr-cssrs-conflict', ['93246-7', '93267-3', '93269-9'], {
      valueCoding: { code: 'LA6751-7', system: LOINC, display: 'Moderate' },
    }),
  ),
];

export const QUESTIONNAIRE_RESPONSE_CORPUS: readonly CorpusEntry[] = [
  ...PUBLISHED_SHAPES,
  ...VARIANTS,
];
