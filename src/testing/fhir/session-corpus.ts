/** Appointments and Encounters: the published shapes and the profile's session variants. */
import { CorpusEntry, JsonObject, published, variant } from './corpus-entry';

const MODALITY = 'https://waypoint.example.org/fhir/CodeSystem/modality';
const SNOMED = 'http://snomed.info/sct';
const ACT_CODE = 'http://terminology.hl7.org/CodeSystem/v3-ActCode';

const cbt: JsonObject = {
  coding: [
    { system: MODALITY, code: 'cbt', display: 'Cognitive behavioural therapy group' },
    { system: SNOMED, code: '228557008', display: 'Cognitive and behavioral therapy' },
  ],
};

/** A Waypoint-profile Appointment with the given status and overrides. */
function appointment(id: string, status: string, overrides: JsonObject = {}): JsonObject {
  return {
    resourceType: 'Appointment',
    id,
    status,
    serviceType: [cbt],
    start: '2024-05-13T17:00:00-05:00',
    end: '2024-05-13T18:30:00-05:00',
    minutesDuration: 90,
    participant: [
      { actor: { reference: 'Practitioner/pr-lanternfield' }, status: 'accepted' },
      { actor: { reference: 'Patient/pt-wren-halloway' }, status: 'accepted' },
    ],
    ...overrides,
  };
}

/** A Waypoint-profile Encounter with the given overrides. */
function encounter(id: string, overrides: JsonObject = {}): JsonObject {
  return {
    resourceType: 'Encounter',
    id,
    status: 'finished',
    class: { system: ACT_CODE, code: 'AMB', display: 'ambulatory' },
    type: [cbt],
    serviceType: cbt,
    subject: { reference: 'Patient/pt-wren-halloway' },
    episodeOfCare: [{ reference: 'EpisodeOfCare/ep-halloway-iop' }],
    period: { start: '2024-05-14T17:00:00-05:00', end: '2024-05-14T18:30:00-05:00' },
    length: { value: 90, unit: 'min', system: 'http://unitsofmeasure.org', code: 'min' },
    ...overrides,
  };
}

const PUBLISHED_SHAPES: readonly CorpusEntry[] = [
  published(
    'appointment-booked-spec.json',
    'R4 spec Appointment: serviceType coding "52" with no system, integer priority, date-only created; Patient, Practitioner (ATND) and Location participants; status booked',
    {
      resourceType: 'Appointment',
      id: 'appt-spec-demo',
      text: { status: 'generated', div: '<div xmlns="http://www.w3.org/1999/xhtml">Review</div>' },
      status: 'booked',
      serviceCategory: [
        {
          coding: [
            {
              system: 'http://example.org/service-category',
              code: 'gp',
              display: 'General Practice',
            },
          ],
        },
      ],
      serviceType: [{ coding: [{ code: '52', display: 'General Discussion' }] }],
      specialty: [{ coding: [{ system: SNOMED, code: '394814009', display: 'General practice' }] }],
      appointmentType: {
        coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v2-0276', code: 'FOLLOWUP' }],
      },
      reasonReference: [{ reference: 'Condition/cond-demo', display: 'Sprained wrist' }],
      priority: 5,
      description: 'Talk through the results of the recent scan',
      start: '2014-02-04T09:00:00Z',
      end: '2014-02-04T10:00:00Z',
      created: '2014-01-10',
      comment: 'Plan next steps after the scan.',
      basedOn: [{ reference: 'ServiceRequest/sr-demo' }],
      participant: [
        {
          actor: { reference: 'Patient/pt-ferrant', display: 'Bastian Ferrant' },
          required: 'required',
          status: 'accepted',
        },
        {
          type: [
            {
              coding: [
                {
                  system: 'http://terminology.hl7.org/CodeSystem/v3-ParticipationType',
                  code: 'ATND',
                },
              ],
            },
          ],
          actor: { reference: 'Practitioner/pr-oakhurst', display: 'Dr Linnea Oakhurst' },
          required: 'required',
          status: 'accepted',
        },
        {
          actor: { reference: 'Location/loc-9', display: 'East wing, level 2' },
          required: 'required',
          status: 'accepted',
        },
      ],
    },
  ),
  published(
    'encounter-ed-panic-attack-bhp.json',
    'ED encounter (class EMER, SNOMED type) with ranked diagnoses, ICD-10-CM reasonCodes whose text differs from the display, partOf with reference and identifier, a location with physicalType and period',
    {
      resourceType: 'Encounter',
      id: 'bhp-ed-enc-ex',
      identifier: [
        { use: 'usual', system: 'urn:oid:2.16.840.1.113883.19.5.1.777', value: '90017' },
      ],
      status: 'finished',
      class: { code: 'EMER', system: ACT_CODE, display: 'emergency' },
      type: [
        {
          coding: [
            { code: '50849002', system: SNOMED, display: 'Emergency room admission (procedure)' },
          ],
          text: 'Emergency room',
        },
      ],
      subject: { reference: 'Patient/pt-oyelaran', display: 'Femi Oyelaran' },
      period: { start: '2024-03-12T21:02:00+00:00', end: '2024-03-13T03:00:00+00:00' },
      reasonCode: [
        {
          coding: [
            {
              code: 'R07.9',
              system: 'http://hl7.org/fhir/sid/icd-10-cm',
              display: 'Chest pain, unspecified',
            },
          ],
          text: 'Tight chest',
        },
        {
          coding: [
            { code: 'R00.2', system: 'http://hl7.org/fhir/sid/icd-10-cm', display: 'Palpitations' },
          ],
          text: 'Palpitations',
        },
      ],
      diagnosis: [
        { condition: { reference: 'Condition/bhp-panic-ex', display: 'Panic attack' }, rank: 1 },
        { condition: { reference: 'Condition/bhp-chest-ex', display: 'Chest pain' }, rank: 2 },
      ],
      location: [
        {
          location: { reference: 'Location/bhp-ed', display: 'Emergency Dept.' },
          physicalType: {
            coding: [
              {
                code: 'wa',
                system: 'http://terminology.hl7.org/CodeSystem/location-physical-type',
              },
            ],
          },
          period: { start: '2024-03-12T21:02:00+00:00', end: '2024-03-13T03:02:00+00:00' },
        },
      ],
      partOf: {
        reference: 'Encounter/bhp-discharge-ex',
        identifier: {
          use: 'usual',
          system: 'urn:oid:2.16.840.1.113883.19.5.1.777',
          value: '90018',
        },
      },
    },
  ),
  published(
    'encounter-inpatient-episodeofcare-appointment-spec-r4b.json',
    'inpatient Encounter with episodeOfCare and appointment references, statusHistory with a date-only start, a date-only period, a reAdmission coding with display only, meta as the last key',
    {
      resourceType: 'Encounter',
      id: 'spec-inpatient-demo',
      text: {
        status: 'generated',
        div: '<div xmlns="http://www.w3.org/1999/xhtml">Inpatient stay</div>',
      },
      identifier: [{ use: 'temp', value: 'Encounter_demo_20130402' }],
      status: 'finished',
      statusHistory: [{ status: 'arrived', period: { start: '2013-03-30' } }],
      class: { system: ACT_CODE, code: 'IMP', display: 'inpatient encounter' },
      type: [
        {
          coding: [{ system: SNOMED, code: '183807002', display: 'Inpatient stay for nine days' }],
        },
      ],
      subject: { reference: 'Patient/pt-vandermeer', display: 'Joos' },
      episodeOfCare: [{ reference: 'EpisodeOfCare/ep-demo' }],
      participant: [{ individual: { reference: 'Practitioner/pr-demo' } }],
      appointment: [{ reference: 'Appointment/appt-spec-demo' }],
      period: { start: '2013-04-02', end: '2013-04-11' },
      diagnosis: [
        {
          condition: { reference: 'Condition/cond-demo' },
          use: {
            coding: [
              { system: 'http://terminology.hl7.org/CodeSystem/diagnosis-role', code: 'AD' },
            ],
          },
          rank: 1,
        },
        {
          condition: { reference: 'Condition/cond-demo-2' },
          use: {
            coding: [
              { system: 'http://terminology.hl7.org/CodeSystem/diagnosis-role', code: 'DD' },
            ],
          },
        },
      ],
      hospitalization: { reAdmission: { coding: [{ display: 'readmitted' }] } },
      serviceProvider: { reference: 'Organization/org-demo' },
      meta: {
        tag: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ActReason', code: 'HTEST' }],
      },
    },
  ),
  published(
    'encounter-cpt-type-dateonly-davinci-ra.json',
    'type coded as CPT 99215 with no display (text only); a date-only period with start = end; diagnoses without use or rank',
    {
      resourceType: 'Encounter',
      id: 'ra-enc-pt07',
      meta: { lastUpdated: '2021-09-02T10:11:12.250-04:00' },
      status: 'finished',
      class: { system: ACT_CODE, code: 'AMB', display: 'ambulatory' },
      type: [
        {
          coding: [{ system: 'http://www.ama-assn.org/go/cpt', code: '99215' }],
          text: 'Office Visit, High Complexity',
        },
      ],
      subject: { reference: 'Patient/ra-pt07' },
      participant: [{ individual: { reference: 'Practitioner/ra-pr07' } }],
      diagnosis: [
        { condition: { reference: 'Condition/ra-cond-a' } },
        { condition: { reference: 'Condition/ra-cond-b' } },
      ],
      period: { start: '2021-09-02', end: '2021-09-02' },
      serviceProvider: { reference: 'Organization/ra-org07' },
    },
  ),
];

const VARIANTS: readonly CorpusEntry[] = [
  variant(
    'appointment-waypoint-booked',
    'profile Appointment, booked',
    appointment('appt-booked', 'booked'),
  ),
  variant(
    'appointment-waypoint-fulfilled',
    'profile Appointment, fulfilled',
    appointment('appt-fulfilled', 'fulfilled'),
  ),
  variant(
    'appointment-waypoint-noshow',
    'profile Appointment, noshow, length only from start and end',
    {
      ...appointment('appt-noshow', 'noshow'),
      minutesDuration: null,
    },
  ),
  variant(
    'appointment-waypoint-cancelled',
    'profile Appointment, cancelled',
    appointment('appt-cancelled', 'cancelled'),
  ),
  variant(
    'appointment-waypoint-proposed',
    'an Appointment not yet booked',
    appointment('appt-proposed', 'proposed'),
  ),
  variant(
    'appointment-snomed-only',
    'serviceType with only the SNOMED CT psychotherapy code',
    appointment('appt-snomed', 'booked', {
      serviceType: [{ coding: [{ system: SNOMED, code: '75516001' }] }],
    }),
  ),
  variant(
    'appointment-no-patient',
    'no Patient among the participants',
    appointment('appt-nopatient', 'booked', {
      participant: [{ actor: { reference: 'Practitioner/pr-lanternfield' } }],
    }),
  ),
  variant(
    'appointment-no-length',
    'no minutesDuration and date-only start and end',
    appointment('appt-nolength', 'booked', {
      minutesDuration: null,
      start: '2024-05-20',
      end: '2024-05-20',
    }),
  ),
  variant(
    'encounter-waypoint-attended',
    'profile Encounter linked to the fulfilled Appointment',
    encounter('enc-attended', {
      appointment: [{ reference: 'Appointment/appt-fulfilled' }],
    }),
  ),
  variant(
    'encounter-waypoint-dateonly-length',
    'date-only period with length 60 min',
    encounter('enc-dateonly', {
      period: { start: '2024-05-14', end: '2024-05-14' },
      length: { value: 60, unit: 'min', system: 'http://unitsofmeasure.org', code: 'min' },
    }),
  ),
  variant('encounter-waypoint-period-only', 'no length: minutes from the period', {
    ...encounter('enc-period', {
      type: [{ coding: [{ system: MODALITY, code: 'dbt-skills' }] }],
      period: { start: '2024-05-15T17:00:00-05:00', end: '2024-05-15T19:15:00-05:00' },
    }),
    length: null,
  }),
  variant(
    'encounter-waypoint-length-hours',
    'length in hours (UCUM h)',
    encounter('enc-hours', {
      length: { value: 1.5, unit: 'hours', system: 'http://unitsofmeasure.org', code: 'h' },
    }),
  ),
  variant('encounter-dateonly-no-length', 'date-only period start = end and no length', {
    ...encounter('enc-nolength', { period: { start: '2024-05-16', end: '2024-05-16' } }),
    length: null,
  }),
  variant(
    'encounter-entered-in-error',
    'status entered-in-error',
    encounter('enc-eie', { status: 'entered-in-error' }),
  ),
  variant(
    'encounter-urn-uuid-subject',
    'subject as a urn:uuid reference (transaction bundle)',
    encounter('enc-uuid', {
      subject: { reference: 'urn:uuid:5b1d7c9e-3a2f-4e6d-8b0a-9c8d7e6f5a4b' },
    }),
  ),
];

export const SESSION_CORPUS: readonly CorpusEntry[] = [...PUBLISHED_SHAPES, ...VARIANTS];
