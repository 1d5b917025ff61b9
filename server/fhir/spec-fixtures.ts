import { CARE_TEAM_CATEGORY, SYSTEMS, waypointLevelCoding } from '../../src/app/domain/fhir-codes';
import type { Resource } from '../db/resource-store';

/**
 * A small, hand-checked program for the FHIR specs: three patients (pa and pb on therapist t1's
 * care teams, pc on t2's), their episodes, scores, sessions, plans and flags. Dates are chosen so
 * every date prefix and partial date has a known answer; they are spelled out beside each one.
 */
export const FIXTURE_TIME = new Date('2025-01-01T00:00:00Z');

const ref = (reference: string) => ({ reference });
const coding = (system: string, code: string) => ({ coding: [{ system, code }] });
const loinc = (code: string) => coding(SYSTEMS.loinc, code);

const patient = (id: string, family: string, extra: Partial<Resource>): Resource => ({
  resourceType: 'Patient',
  id,
  name: [{ family, given: ['Test'] }],
  ...extra,
});

const observation = (
  id: string,
  patientId: string,
  code: string,
  effective: Partial<Resource>,
  extra: Partial<Resource> = {},
): Resource => ({
  resourceType: 'Observation',
  id,
  status: 'final',
  category: [coding(SYSTEMS.observationCategory, 'survey')],
  code: loinc(code),
  subject: ref(`Patient/${patientId}`),
  ...effective,
  ...extra,
});

const item9 = (value: number) => ({ code: loinc('44260-8'), valueInteger: value });

export function fixtures(): Resource[] {
  return [
    {
      resourceType: 'Organization',
      id: 'org-provider',
      name: 'Harbor Health',
      type: [coding('http://terminology.hl7.org/CodeSystem/organization-type', 'prov')],
    },
    {
      resourceType: 'Organization',
      id: 'org-program',
      name: 'Adult IOP',
      alias: ['Harbor IOP'],
      partOf: ref('Organization/org-provider'),
    },
    { resourceType: 'Organization', id: 'org-other', name: 'Elsewhere Clinic' },
    // pc: accent in the family name (string search ignores it), a partial birth date, no gender.
    patient('pa', 'Applewhistle', {
      identifier: [{ system: 'urn:mrn', value: 'MRN-1' }],
      birthDate: '1990-05-03',
      gender: 'female',
      active: true,
      managingOrganization: ref('Organization/org-provider'),
    }),
    patient('pb', 'Buttonwood', {
      identifier: [{ system: 'urn:mrn', value: 'MRN-2' }],
      birthDate: '1985-11-20',
      gender: 'male',
      active: true,
      managingOrganization: ref('Organization/org-provider'),
    }),
    patient('pc', 'Cloudbérry', {
      birthDate: '2001',
      managingOrganization: ref('Organization/org-other'),
    }),
    {
      resourceType: 'Practitioner',
      id: 't1',
      identifier: [{ system: 'urn:npi', value: '111' }],
      name: [{ family: 'Lanternfield', given: ['Avery'] }],
    },
    {
      resourceType: 'Practitioner',
      id: 't2',
      identifier: [{ system: 'urn:npi', value: '222' }],
      name: [{ family: 'Moonridge', given: ['Blair'] }],
    },
    {
      resourceType: 'PractitionerRole',
      id: 'pr1',
      active: true,
      practitioner: ref('Practitioner/t1'),
      organization: ref('Organization/org-program'),
      code: [coding(SYSTEMS.staffRole, 'therapist')],
    },
    {
      resourceType: 'PractitionerRole',
      id: 'pr2',
      active: false,
      practitioner: ref('Practitioner/t2'),
      organization: ref('Organization/org-other'),
      code: [coding(SYSTEMS.staffRole, 'psychiatrist')],
    },
    {
      resourceType: 'CareTeam',
      id: 'ct-a',
      status: 'active',
      category: [{ coding: [CARE_TEAM_CATEGORY] }],
      subject: ref('Patient/pa'),
      participant: [{ member: ref('Practitioner/t1') }],
    },
    {
      resourceType: 'CareTeam',
      id: 'ct-b',
      status: 'active',
      subject: ref('Patient/pb'),
      participant: [{ member: ref('Practitioner/t1') }, { member: ref('Practitioner/t2') }],
    },
    {
      resourceType: 'CareTeam',
      id: 'ct-c',
      status: 'inactive',
      subject: ref('Patient/pc'),
      participant: [{ member: ref('Practitioner/t2') }],
    },
    {
      resourceType: 'Condition',
      id: 'cond-a',
      subject: ref('Patient/pa'),
      code: coding(SYSTEMS.icd10cm, 'F33.1'),
      clinicalStatus: coding(SYSTEMS.conditionClinical, 'active'),
      category: [coding(SYSTEMS.conditionCategory, 'problem-list-item')],
      onsetDateTime: '2023-11-15',
    },
    // An onset Period: January to June 2022.
    {
      resourceType: 'Condition',
      id: 'cond-c',
      subject: ref('Patient/pc'),
      code: coding(SYSTEMS.icd10cm, 'F43.10'),
      clinicalStatus: coding(SYSTEMS.conditionClinical, 'resolved'),
      onsetPeriod: { start: '2022-01-01', end: '2022-06-30' },
    },
    // Episodes: ea 10 Jan – 20 Mar 2024 (finished), eb from 1 Mar 2024 and ec from 1 May 2024 (open).
    {
      resourceType: 'EpisodeOfCare',
      id: 'ea',
      identifier: [{ system: 'urn:episode', value: 'E1' }],
      status: 'finished',
      type: [{ coding: [waypointLevelCoding('iop')] }],
      patient: ref('Patient/pa'),
      managingOrganization: ref('Organization/org-program'),
      careManager: ref('Practitioner/t1'),
      diagnosis: [{ condition: ref('Condition/cond-a') }],
      period: { start: '2024-01-10', end: '2024-03-20' },
    },
    {
      resourceType: 'EpisodeOfCare',
      id: 'eb',
      status: 'active',
      type: [{ coding: [waypointLevelCoding('php')] }],
      patient: ref('Patient/pb'),
      managingOrganization: ref('Organization/org-program'),
      careManager: ref('Practitioner/t1'),
      period: { start: '2024-03-01' },
    },
    {
      resourceType: 'EpisodeOfCare',
      id: 'ec',
      status: 'active',
      type: [{ coding: [waypointLevelCoding('iop')] }],
      patient: ref('Patient/pc'),
      careManager: ref('Practitioner/t2'),
      period: { start: '2024-05-01' },
    },
    // Scores: o1 10 Jan 2024 16:00Z, o2/o3 14 Feb 2024 (whole day), o4 5 Mar 09:30Z, o5 2 May,
    // o6 a Period over April 2024 with a quantity (5.4 mg) and a code without a system.
    observation(
      'o1',
      'pa',
      '44261-6',
      { effectiveDateTime: '2024-01-10T10:00:00-06:00' },
      { valueInteger: 18, component: [item9(2)] },
    ),
    observation('o2', 'pa', '44261-6', { effectiveDateTime: '2024-02-14' }, { valueInteger: 11 }),
    observation(
      'o3',
      'pa',
      '70274-6',
      { effectiveDateTime: '2024-02-14' },
      { status: 'amended', valueInteger: 9 },
    ),
    observation(
      'o4',
      'pb',
      '44261-6',
      { effectiveDateTime: '2024-03-05T09:30:00Z' },
      { valueInteger: 21, component: [item9(1)] },
    ),
    observation(
      'o5',
      'pc',
      '44261-6',
      { effectiveDateTime: '2024-05-02' },
      { status: 'preliminary', valueInteger: 7 },
    ),
    {
      resourceType: 'Observation',
      id: 'o6',
      status: 'final',
      code: { coding: [{ code: 'wpt-dose' }] },
      subject: ref('Patient/pb'),
      effectivePeriod: { start: '2024-04-01', end: '2024-04-30' },
      valueQuantity: { value: 5.4, unit: 'mg', system: SYSTEMS.ucum, code: 'mg' },
    },
    {
      resourceType: 'Appointment',
      id: 'ap1',
      status: 'fulfilled',
      serviceType: [coding(SYSTEMS.modality, 'cbt')],
      start: '2024-02-14T15:00:00Z',
      end: '2024-02-14T18:00:00Z',
      participant: [
        { actor: ref('Patient/pa'), status: 'accepted' },
        { actor: ref('Practitioner/t1'), status: 'accepted' },
      ],
    },
    {
      resourceType: 'Appointment',
      id: 'ap2',
      status: 'noshow',
      serviceType: [coding(SYSTEMS.modality, 'dbt-skills')],
      start: '2024-03-06T15:00:00Z',
      end: '2024-03-06T18:00:00Z',
      participant: [
        { actor: ref('Patient/pb'), status: 'accepted' },
        { actor: ref('Practitioner/t1'), status: 'accepted' },
      ],
    },
    {
      resourceType: 'Appointment',
      id: 'ap3',
      status: 'booked',
      serviceType: [coding(SYSTEMS.modality, 'cbt')],
      start: '2024-05-10T15:00:00Z',
      end: '2024-05-10T18:00:00Z',
      participant: [
        { actor: ref('Patient/pc'), status: 'accepted' },
        { actor: ref('Practitioner/t2'), status: 'accepted' },
      ],
    },
    {
      resourceType: 'Encounter',
      id: 'en1',
      status: 'finished',
      class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'AMB' },
      type: [coding(SYSTEMS.modality, 'cbt')],
      subject: ref('Patient/pa'),
      episodeOfCare: [ref('EpisodeOfCare/ea')],
      appointment: [ref('Appointment/ap1')],
      participant: [{ individual: ref('Practitioner/t1') }],
      period: { start: '2024-02-14T15:00:00Z', end: '2024-02-14T18:00:00Z' },
    },
    // en2's participant is a PractitionerRole: `participant` finds it, `practitioner` does not.
    {
      resourceType: 'Encounter',
      id: 'en2',
      status: 'finished',
      class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'AMB' },
      type: [coding(SYSTEMS.modality, 'dbt-skills')],
      subject: ref('Patient/pb'),
      episodeOfCare: [ref('EpisodeOfCare/eb')],
      participant: [{ individual: ref('PractitionerRole/pr1') }],
      period: { start: '2024-03-07T15:00:00Z', end: '2024-03-07T18:00:00Z' },
    },
    {
      resourceType: 'QuestionnaireResponse',
      id: 'qr1',
      status: 'completed',
      questionnaire: 'http://loinc.org/q/44249-1',
      subject: ref('Patient/pa'),
      authored: '2024-02-14T10:00:00Z',
    },
    {
      resourceType: 'QuestionnaireResponse',
      id: 'qr2',
      status: 'in-progress',
      questionnaire: 'https://waypoint.example.org/fhir/Questionnaire/phq-9|1.0',
      subject: ref('Patient/pb'),
      authored: '2024-03-05',
    },
    {
      resourceType: 'Flag',
      id: 'f1',
      status: 'active',
      category: [coding(SYSTEMS.flagCategory, 'safety')],
      code: coding(SYSTEMS.snomed, '225444004'),
      subject: ref('Patient/pb'),
      period: { start: '2024-03-05' },
    },
    {
      resourceType: 'Flag',
      id: 'f2',
      status: 'inactive',
      code: coding(SYSTEMS.snomed, '225444004'),
      subject: ref('Patient/pa'),
      period: { start: '2024-01-01', end: '2024-01-31' },
    },
    {
      resourceType: 'CarePlan',
      id: 'cp1',
      status: 'active',
      intent: 'plan',
      category: [coding(SYSTEMS.carePlanCategory, 'treatment-plan')],
      subject: ref('Patient/pa'),
      period: { start: '2024-01-10', end: '2024-03-20' },
      activity: [
        {
          detail: {
            status: 'scheduled',
            scheduledPeriod: { start: '2024-02-09', end: '2024-02-09' },
          },
        },
      ],
    },
    {
      resourceType: 'CarePlan',
      id: 'cp2',
      status: 'draft',
      intent: 'plan',
      category: [coding(SYSTEMS.carePlanCategory, 'aftercare')],
      subject: ref('Patient/pb'),
      activity: [
        { detail: { status: 'scheduled', scheduledTiming: { event: ['2024-06-01T10:00:00Z'] } } },
      ],
    },
    {
      resourceType: 'Library',
      id: 'lib1',
      url: 'https://waypoint.example.org/fhir/Library/expected-recovery-curves',
      identifier: [{ system: 'urn:lib', value: 'curves' }],
      name: 'ExpectedRecoveryCurves',
      status: 'active',
      type: coding(SYSTEMS.libraryType, 'asset-collection'),
    },
    {
      resourceType: 'AuditEvent',
      id: 'ae1',
      type: { system: SYSTEMS.auditEventType, code: 'rest' },
      subtype: [{ system: SYSTEMS.restfulInteraction, code: 'read' }],
      recorded: '2020-01-01T12:00:00Z',
      agent: [{ requestor: true, who: ref('Practitioner/auditor-x') }],
      source: { observer: { display: 'fixture' } },
      entity: [{ what: ref('Patient/pa') }],
    },
  ];
}

/** What a therapist on t1's care teams (pa and pb) may do: read anything but audits, write Observations. */
export const THERAPIST_T1 = {
  actor: {
    reference: 'Practitioner/t1',
    display: 'Avery Lanternfield',
    role: 'therapist' as const,
  },
  clientId: 'waypoint',
  canRead: (type: string) => type !== 'AuditEvent',
  canWrite: (type: string) => type === 'Observation',
  patientScope: new Set(['pa', 'pb']) as ReadonlySet<string>,
};

export interface BundleJson {
  id?: string;
  type?: string;
  total?: number;
  entry?: {
    fullUrl?: string;
    resource: Resource;
    search?: { mode: string };
    response?: { status: string; location?: string; etag?: string; outcome?: Resource };
  }[];
  link?: { relation: string; url: string }[];
}

/** Ids of a Bundle's entries in one search mode, sorted. */
export function idsOf(bundle: BundleJson, mode = 'match'): string[] {
  return (bundle.entry ?? [])
    .filter((e) => e.search?.mode === mode)
    .map((e) => e.resource.id!)
    .sort();
}
