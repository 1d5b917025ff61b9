/** Patients, staff, roles, care teams, organisations and conditions. All people are fictional. */
import { CorpusEntry, JsonObject, published, variant } from './corpus-entry';

const BASE = 'https://waypoint.example.org/fhir';
const STAFF_ROLE = `${BASE}/CodeSystem/staff-role`;
const ICD10CM = 'http://hl7.org/fhir/sid/icd-10-cm';
const DATA_ABSENT = 'http://hl7.org/fhir/StructureDefinition/data-absent-reason';
const OMB = 'urn:oid:2.16.840.1.113883.6.238';

const role = (
  id: string,
  practitioner: string,
  codes: JsonObject[],
  organization = 'prog-evening-iop',
) => ({
  resourceType: 'PractitionerRole',
  id,
  active: true,
  practitioner: { reference: `Practitioner/${practitioner}` },
  organization: { reference: `Organization/${organization}` },
  code: [{ coding: codes }],
});

const condition = (id: string, code: JsonObject, overrides: JsonObject = {}): JsonObject => ({
  resourceType: 'Condition',
  id,
  clinicalStatus: {
    coding: [
      { system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: 'active' },
    ],
  },
  category: [
    {
      coding: [
        {
          system: 'http://terminology.hl7.org/CodeSystem/condition-category',
          code: 'problem-list-item',
        },
      ],
    },
  ],
  code,
  subject: { reference: 'Patient/pt-wren-halloway' },
  ...overrides,
});

const PUBLISHED_SHAPES: readonly CorpusEntry[] = [
  published(
    'patient-no-gender-name-history-uscore.json',
    'no gender element; us-core-sex and genderIdentity (NullFlavor UNK) extensions; an old name with a period, then the current one; address history; race with several categories; tribal affiliation',
    {
      resourceType: 'Patient',
      id: 'pt-ashgrove',
      extension: [
        {
          url: 'http://hl7.org/fhir/us/core/StructureDefinition/us-core-race',
          extension: [
            { url: 'ombCategory', valueCoding: { system: OMB, code: '2106-3', display: 'White' } },
            { url: 'ombCategory', valueCoding: { system: OMB, code: '2028-9', display: 'Asian' } },
            { url: 'detailed', valueCoding: { system: OMB, code: '2036-2', display: 'Filipino' } },
            { url: 'text', valueString: 'Mixed' },
          ],
        },
        {
          url: 'http://hl7.org/fhir/us/core/StructureDefinition/us-core-tribal-affiliation',
          extension: [
            {
              url: 'tribalAffiliation',
              valueCodeableConcept: {
                coding: [
                  {
                    system: 'http://terminology.hl7.org/CodeSystem/v3-TribalEntityUS',
                    code: '187',
                  },
                ],
              },
            },
            { url: 'isEnrolled', valueBoolean: false },
          ],
        },
        {
          url: 'http://hl7.org/fhir/us/core/StructureDefinition/us-core-sex',
          valueCode: '248152002',
        },
        {
          url: 'http://hl7.org/fhir/us/core/StructureDefinition/us-core-genderIdentity',
          valueCodeableConcept: {
            coding: [
              {
                system: 'http://terminology.hl7.org/CodeSystem/v3-NullFlavor',
                code: 'UNK',
                display: 'Unknown',
              },
            ],
          },
        },
      ],
      meta: { profile: ['http://hl7.org/fhir/us/core/StructureDefinition/us-core-patient'] },
      identifier: [{ use: 'usual', system: 'http://hospital.example.org/mrn', value: '7731046' }],
      active: true,
      name: [
        {
          use: 'old',
          family: 'Pellow',
          given: ['Corin', 'M.'],
          period: { start: '2015-01-09', end: '2021-06-30' },
        },
        {
          family: 'Ashgrove',
          given: ['Corin', 'M.'],
          suffix: ['LCSW'],
          period: { start: '2021-06-30' },
        },
      ],
      telecom: [{ system: 'phone', value: '555-010-4477', use: 'home' }],
      birthDate: '1990-08-14',
      address: [
        {
          use: 'old',
          line: ['8 Tanner Row'],
          city: 'Elmvale',
          state: 'OK',
          period: { end: '2021-06-30' },
        },
        { line: ['41 Larch Court'], city: 'Elmvale', state: 'OK', period: { start: '2021-06-30' } },
      ],
    },
  ),
  published(
    'practitioner-npi-bhp.json',
    'two identifiers with the same value in different systems (NPI and a licence), no gender, prefix "Dr" without a period',
    {
      resourceType: 'Practitioner',
      id: 'pr-sallow',
      meta: {
        profile: ['http://hl7.org/fhir/us/core/StructureDefinition/us-core-practitioner|6.1.0'],
      },
      identifier: [
        { system: 'http://hl7.org/fhir/sid/us-npi', value: '9990012345' },
        { system: 'http://licensing.example.org/identifier', value: '9990012345' },
      ],
      name: [{ family: 'Sallow', given: ['Imre'], prefix: ['Dr'] }],
      telecom: [{ system: 'email', value: 'imre.sallow@clinic.example.org', use: 'work' }],
      address: [{ use: 'work', line: ['200 Harbour Rd'], city: 'Elmvale', state: 'FL' }],
    },
  ),
  published(
    'practitionerrole-psychiatrist-narrative-only-hpi-nz.json',
    'the role ("psychiatrist") only in the narrative: no code or specialty; a complex nested extension; text.status after div',
    {
      resourceType: 'PractitionerRole',
      id: 'role-narrative-only',
      meta: { profile: ['http://hl7.org.nz/fhir/StructureDefinition/HpiPractitionerRole'] },
      extension: [
        {
          extension: [
            { url: 'person', valueReference: { reference: 'Practitioner/pr-multi' } },
            { url: 'organization', valueReference: { reference: 'Organization/org-hillcrest' } },
          ],
          url: 'http://hl7.org.nz/fhir/StructureDefinition/practitionerRole-creator',
        },
      ],
      text: {
        div: '<div xmlns="http://www.w3.org/1999/xhtml">Dr Multi as a psychiatrist for Hillcrest Clinic</div>',
        status: 'additional',
      },
      practitioner: { reference: 'Practitioner/pr-multi' },
      organization: { reference: 'Organization/org-hillcrest' },
      location: [{ reference: 'Location/loc-hillcrest' }],
    },
  ),
  published(
    'careteam-conditional-refs-synthea.json',
    'Synthea CareTeam: members as conditional search references (Practitioner?identifier=…, Organization?identifier=…), the patient as a urn:uuid member and subject, names with numeric suffixes',
    {
      resourceType: 'CareTeam',
      id: '1f3e5d7c-9b1a-4c3e-8d5f-7a9b1c3d5e7f',
      meta: { profile: ['http://hl7.org/fhir/us/core/StructureDefinition/us-core-careteam'] },
      status: 'active',
      subject: { reference: 'urn:uuid:4a6c8e0f-2b4d-4f6a-8c0e-1a3b5c7d9e0f' },
      encounter: { reference: 'urn:uuid:8c0e2a4b-6d8f-4a1c-9e3b-5d7f9a1b3c5d' },
      period: { start: '1983-05-17T08:20:11-04:00' },
      participant: [
        {
          role: [
            {
              coding: [{ system: 'http://snomed.info/sct', code: '116154003', display: 'Patient' }],
            },
          ],
          member: {
            reference: 'urn:uuid:4a6c8e0f-2b4d-4f6a-8c0e-1a3b5c7d9e0f',
            display: 'Mr. Tobias771 Renwick204',
          },
        },
        {
          role: [{ coding: [{ system: 'http://snomed.info/sct', code: '223366009' }] }],
          member: {
            reference: 'Practitioner?identifier=http://hl7.org/fhir/sid/us-npi|9999900417',
            display: 'Dr. Selma318 Harrowgate95',
          },
        },
        {
          role: [{ coding: [{ system: 'http://snomed.info/sct', code: '224891009' }] }],
          member: {
            reference:
              'Organization?identifier=https://github.com/synthetichealth/synthea|a1b2c3d4-0000-4e5f-8a9b-0c1d2e3f4a5b',
            display: 'PCP40412',
          },
        },
      ],
      managingOrganization: [
        {
          reference:
            'Organization?identifier=https://github.com/synthetichealth/synthea|a1b2c3d4-0000-4e5f-8a9b-0c1d2e3f4a5b',
        },
      ],
    },
  ),
];

const VARIANTS: readonly CorpusEntry[] = [
  variant(
    'patient-waypoint-labelled',
    'profile Patient with PSY, ETH and R labels and a provider',
    {
      resourceType: 'Patient',
      id: 'pt-wren-halloway',
      meta: {
        security: [
          { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'PSY' },
          { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'ETH' },
          { system: 'http://terminology.hl7.org/CodeSystem/v3-Confidentiality', code: 'R' },
        ],
      },
      active: true,
      name: [
        { use: 'official', family: 'Halloway', given: ['Wren'] },
        { use: 'nickname', given: ['Wrennie'] },
      ],
      gender: 'female',
      birthDate: '1996-11-02',
      managingOrganization: { reference: 'Organization/prov-riverbend' },
    },
  ),
  variant('patient-partial-birthdate', 'a year-month birth date', {
    resourceType: 'Patient',
    id: 'pt-partial',
    name: [{ text: 'Ilse Marrow' }],
    birthDate: '1987-02',
  }),
  variant('patient-data-absent-birthdate', 'birth date and gender replaced by data-absent-reason', {
    resourceType: 'Patient',
    id: 'pt-absent',
    name: [{ family: 'Quint', given: ['Dorian'] }],
    _birthDate: { extension: [{ url: DATA_ABSENT, valueCode: 'asked-declined' }] },
    _gender: { extension: [{ url: DATA_ABSENT, valueCode: 'unknown' }] },
  }),
  variant(
    'patient-garbage',
    'a gender outside the value set, a name with no usable part, an invalid birth date',
    {
      resourceType: 'Patient',
      id: 'pt-garbage',
      name: [{ use: 'old', family: 'Former' }, { given: [] }],
      gender: 'F',
      birthDate: '02/11/1996',
    },
  ),
  variant('practitioner-waypoint', 'a profile practitioner with a text name', {
    resourceType: 'Practitioner',
    id: 'pr-lanternfield',
    active: true,
    name: [{ family: 'Lanternfield', given: ['Avery'], text: 'Avery Lanternfield' }],
  }),
  variant(
    'role-waypoint-therapist',
    'local staff-role therapist',
    role('role-lanternfield', 'pr-lanternfield', [{ system: STAFF_ROLE, code: 'therapist' }]),
  ),
  variant(
    'role-waypoint-psychiatrist',
    'local psychiatrist code with the SNOMED CT one',
    role('role-sallow', 'pr-sallow', [
      { system: STAFF_ROLE, code: 'psychiatrist' },
      { system: 'http://snomed.info/sct', code: '80584001' },
    ]),
  ),
  variant(
    'role-snomed-psychiatrist-only',
    'only SNOMED CT 80584001',
    role('role-snomed', 'pr-multi', [
      { system: 'http://snomed.info/sct', code: '80584001', display: 'Psychiatrist' },
    ]),
  ),
  variant(
    'role-waypoint-director',
    'director at the provider',
    role(
      'role-riverstone',
      'pr-riverstone',
      [{ system: STAFF_ROLE, code: 'director' }],
      'prov-riverbend',
    ),
  ),
  variant(
    'role-unknown-code',
    'an EHR role code Waypoint does not know',
    role('role-nurse', 'pr-nurse', [{ system: 'https://ehr.example.org/roles', code: 'RN' }]),
  ),
  variant('role-ended', 'a therapist role whose period ended', {
    ...role('role-ended', 'pr-lanternfield', [{ system: STAFF_ROLE, code: 'therapist' }]),
    period: { start: '2022-01-01', end: '2023-12-31' },
  }),
  variant(
    'careteam-waypoint',
    'profile care team: three practitioners, one via PractitionerRole, category iop-treatment-team',
    {
      resourceType: 'CareTeam',
      id: 'ct-halloway',
      status: 'active',
      category: [
        {
          coding: [{ system: `${BASE}/CodeSystem/care-team-category`, code: 'iop-treatment-team' }],
        },
      ],
      subject: { reference: 'Patient/pt-wren-halloway' },
      managingOrganization: [{ reference: 'Organization/prog-evening-iop' }],
      participant: [
        { member: { reference: 'Practitioner/pr-lanternfield', display: 'Avery Lanternfield' } },
        { member: { reference: 'PractitionerRole/role-sallow' } },
        { member: { reference: 'Practitioner/pr-cobb' } },
        { member: { reference: 'Practitioner/pr-lanternfield' } },
        { member: { reference: 'RelatedPerson/rp-halloway-mother' } },
      ],
    },
  ),
  variant('organization-provider', 'the provider', {
    resourceType: 'Organization',
    id: 'prov-riverbend',
    active: true,
    name: 'Riverbend Behavioral Health',
  }),
  variant('organization-program', 'a program: partOf the provider', {
    resourceType: 'Organization',
    id: 'prog-evening-iop',
    active: true,
    name: 'Evening IOP',
    partOf: { reference: 'Organization/prov-riverbend' },
  }),
  variant('organization-conditional-parent', 'partOf as a conditional reference', {
    resourceType: 'Organization',
    id: 'prog-orphan',
    name: 'Weekend PHP',
    partOf: { reference: 'Organization?identifier=urn:oid:1.2.3|PROV-9' },
  }),
  variant(
    'condition-depression',
    'ICD-10-CM F33.1 with PSY label',
    condition(
      'cond-halloway-1',
      {
        coding: [
          {
            system: ICD10CM,
            code: 'F33.1',
            display: 'Major depressive disorder, recurrent, moderate',
          },
        ],
      },
      {
        meta: {
          security: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'PSY' }],
        },
      },
    ),
  ),
  variant(
    'condition-alcohol',
    'ICD-10-CM F10.20 written without the dot',
    condition('cond-halloway-2', {
      coding: [{ system: ICD10CM, code: 'F1020' }],
    }),
  ),
  variant(
    'condition-snomed-only',
    'a SNOMED CT code only',
    condition('cond-snomed', {
      coding: [
        { system: 'http://snomed.info/sct', code: '35489007', display: 'Depressive disorder' },
      ],
    }),
  ),
  variant(
    'condition-refuted',
    'verificationStatus refuted',
    condition(
      'cond-refuted',
      {
        coding: [{ system: ICD10CM, code: 'F41.1' }],
      },
      {
        verificationStatus: {
          coding: [
            {
              system: 'http://terminology.hl7.org/CodeSystem/condition-ver-status',
              code: 'refuted',
            },
          ],
        },
      },
    ),
  ),
];

export const PEOPLE_CORPUS: readonly CorpusEntry[] = [...PUBLISHED_SHAPES, ...VARIANTS];
