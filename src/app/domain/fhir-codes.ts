/**
 * Waypoint's FHIR profile in code: every code system, code and extension URL that the
 * development server, its data generator and the app's mappers share. Nothing else may invent a
 * code; `docs/fhir-profile.md` explains each entry. Published terminologies (LOINC, SNOMED CT,
 * ICD-10-CM, HL7) are used wherever one exists; the rest live under Waypoint's own namespace.
 */
import { CarePlanKind, EntryRoute, EpisodeEndReason, Modality } from './models';

export interface Coding {
  readonly system: string;
  readonly code: string;
  readonly display?: string;
}

/** Placeholder namespace for Waypoint's local code systems and extensions (not a live server). */
export const WAYPOINT_FHIR_BASE = 'https://waypoint.example.org/fhir';

/**
 * Whether a code from the wire is one of a table's own keys. `code in TABLE` is also true for
 * `constructor`, `toString` and every other inherited name, which are not codes.
 */
function isOwnKey(table: object, code: unknown): boolean {
  return typeof code === 'string' && Object.hasOwn(table, code);
}

export const SYSTEMS = {
  loinc: 'http://loinc.org',
  snomed: 'http://snomed.info/sct',
  icd10cm: 'http://hl7.org/fhir/sid/icd-10-cm',
  ucum: 'http://unitsofmeasure.org',
  observationCategory: 'http://terminology.hl7.org/CodeSystem/observation-category',
  flagCategory: 'http://terminology.hl7.org/CodeSystem/flag-category',
  conditionCategory: 'http://terminology.hl7.org/CodeSystem/condition-category',
  conditionClinical: 'http://terminology.hl7.org/CodeSystem/condition-clinical',
  actCode: 'http://terminology.hl7.org/CodeSystem/v3-ActCode',
  confidentiality: 'http://terminology.hl7.org/CodeSystem/v3-Confidentiality',
  participationType: 'http://terminology.hl7.org/CodeSystem/v3-ParticipationType',
  libraryType: 'http://terminology.hl7.org/CodeSystem/library-type',
  auditEventType: 'http://terminology.hl7.org/CodeSystem/audit-event-type',
  restfulInteraction: 'http://hl7.org/fhir/restful-interaction',
  /** Waypoint local code systems. */
  modality: `${WAYPOINT_FHIR_BASE}/CodeSystem/modality`,
  staffRole: `${WAYPOINT_FHIR_BASE}/CodeSystem/staff-role`,
  presentingProblem: `${WAYPOINT_FHIR_BASE}/CodeSystem/presenting-problem`,
  episodeEndReason: `${WAYPOINT_FHIR_BASE}/CodeSystem/episode-end-reason`,
  entryRoute: `${WAYPOINT_FHIR_BASE}/CodeSystem/entry-route`,
  carePlanCategory: `${WAYPOINT_FHIR_BASE}/CodeSystem/care-plan-category`,
  instrument: `${WAYPOINT_FHIR_BASE}/CodeSystem/instrument`,
  careTeamCategory: `${WAYPOINT_FHIR_BASE}/CodeSystem/care-team-category`,
} as const;

export const EXTENSIONS = {
  /** EpisodeOfCare: why the stay ended (valueCoding from SYSTEMS.episodeEndReason). */
  episodeEndReason: `${WAYPOINT_FHIR_BASE}/StructureDefinition/episode-end-reason`,
  /** EpisodeOfCare: how the client entered the program (valueCoding from SYSTEMS.entryRoute). */
  entryRoute: `${WAYPOINT_FHIR_BASE}/StructureDefinition/entry-route`,
  /**
   * EpisodeOfCare: a planned transition, on the episode the client is leaving. R4 EpisodeOfCare
   * has no `reason` or `note`, so a complex extension carries the parts in
   * `PLANNED_TRANSITION_PARTS`: `targetLevel` (valueCoding), `plannedDate` (valueDate), `reason`
   * and `note` (valueString), `recordedBy` (valueReference to the Practitioner, with display) and
   * `recordedAt` (valueDateTime), so a conflicting edit can say who planned what and when, and
   * `plannedEpisode` (valueReference to the `planned` EpisodeOfCare at the target level), so a
   * re-plan changes that episode instead of leaving an orphan beside a new one.
   */
  plannedTransition: `${WAYPOINT_FHIR_BASE}/StructureDefinition/planned-transition`,
  /** CarePlan: the date of the next scheduled review (valueDate). */
  nextReview: `${WAYPOINT_FHIR_BASE}/StructureDefinition/next-review`,
} as const;

export const PLANNED_TRANSITION_PARTS = [
  'targetLevel',
  'plannedDate',
  'reason',
  'note',
  'recordedBy',
  'recordedAt',
  'plannedEpisode',
] as const;

/**
 * Modalities in `Appointment.serviceType` and `Encounter.type` (R4 can search Encounter by
 * `type`, not by service type). A SNOMED CT procedure code accompanies the local code only where
 * it was verified (psychotherapy, CBT); the group formats IOPs name have no single SNOMED CT
 * concept, so the local code is the one Waypoint reads.
 */
export const MODALITY_CODES: Readonly<
  Record<Modality, { readonly display: string; readonly snomed?: Coding }>
> = {
  'individual-therapy': {
    display: 'Individual psychotherapy',
    snomed: { system: SYSTEMS.snomed, code: '75516001', display: 'Psychotherapy' },
  },
  cbt: {
    display: 'Cognitive behavioural therapy group',
    snomed: {
      system: SYSTEMS.snomed,
      code: '228557008',
      display: 'Cognitive and behavioral therapy',
    },
  },
  'dbt-skills': { display: 'DBT skills group' },
  'trauma-focused': { display: 'Trauma-focused therapy group' },
  'mi-relapse-prevention': { display: 'Motivational interviewing / relapse prevention' },
  'medication-management': { display: 'Medication management' },
  psychoeducation: { display: 'Psychoeducation group' },
  family: { display: 'Family therapy' },
};

export const MODALITIES = Object.keys(MODALITY_CODES) as Modality[];

export function modalityCodings(modality: Modality): Coding[] {
  const entry = MODALITY_CODES[modality];
  const local: Coding = { system: SYSTEMS.modality, code: modality, display: entry.display };
  return entry.snomed ? [local, entry.snomed] : [local];
}

/** The modality a set of codings names: the local code first, then the SNOMED CT one. */
export function modalityFromCodings(codings: readonly Partial<Coding>[]): Modality | undefined {
  for (const c of codings) {
    if (c.system === SYSTEMS.modality && isOwnKey(MODALITY_CODES, c.code))
      return c.code as Modality;
  }
  for (const c of codings) {
    if (c.system !== SYSTEMS.snomed) continue;
    const match = MODALITIES.find((m) => MODALITY_CODES[m].snomed?.code === c.code);
    if (match) return match;
  }
  return undefined;
}

export type StaffRoleCode = 'therapist' | 'psychiatrist' | 'director';

/**
 * PractitionerRole.code: a local code Waypoint reads, plus the SNOMED CT occupation for
 * psychiatrists. "Therapist" spans several licensed professions and "program director" is a
 * post, not an occupation, so both are local.
 */
export const STAFF_ROLE_CODES: Readonly<
  Record<StaffRoleCode, { readonly display: string; readonly snomed?: Coding }>
> = {
  therapist: { display: 'Therapist' },
  psychiatrist: {
    display: 'Psychiatrist',
    snomed: { system: SYSTEMS.snomed, code: '80584001', display: 'Psychiatrist' },
  },
  director: { display: 'Program director' },
};

export function staffRoleCodings(role: StaffRoleCode): Coding[] {
  const entry = STAFF_ROLE_CODES[role];
  const local: Coding = { system: SYSTEMS.staffRole, code: role, display: entry.display };
  return entry.snomed ? [local, entry.snomed] : [local];
}

export function staffRoleFromCodings(
  codings: readonly Partial<Coding>[],
): StaffRoleCode | undefined {
  for (const c of codings) {
    if (c.system === SYSTEMS.staffRole && isOwnKey(STAFF_ROLE_CODES, c.code))
      return c.code as StaffRoleCode;
  }
  for (const c of codings) {
    const match = (Object.keys(STAFF_ROLE_CODES) as StaffRoleCode[]).find(
      (r) => c.system === SYSTEMS.snomed && STAFF_ROLE_CODES[r].snomed?.code === c.code,
    );
    if (match) return match;
  }
  return undefined;
}

export type PresentingProblem =
  'depression' | 'anxiety' | 'ptsd' | 'bipolar' | 'substance-use' | 'other';

/** ICD-10-CM category prefixes for each presenting-problem group (ICD-10-CM chapter F). */
const PROBLEM_PREFIXES: readonly (readonly [string, PresentingProblem])[] = [
  ['F43.1', 'ptsd'],
  ['F31', 'bipolar'],
  ['F32', 'depression'],
  ['F33', 'depression'],
  ['F34.1', 'depression'],
  ['F40', 'anxiety'],
  ['F41', 'anxiety'],
  ...['F10', 'F11', 'F12', 'F13', 'F14', 'F15', 'F16', 'F18', 'F19'].map(
    (code) => [code, 'substance-use'] as const,
  ),
];

/** Representative ICD-10-CM codes the generator writes for each group. */
export const PROBLEM_ICD10: Readonly<
  Record<Exclude<PresentingProblem, 'other'>, readonly Coding[]>
> = {
  depression: [
    {
      system: SYSTEMS.icd10cm,
      code: 'F33.1',
      display: 'Major depressive disorder, recurrent, moderate',
    },
    {
      system: SYSTEMS.icd10cm,
      code: 'F32.2',
      display: 'Major depressive disorder, single episode, severe without psychotic features',
    },
  ],
  anxiety: [{ system: SYSTEMS.icd10cm, code: 'F41.1', display: 'Generalized anxiety disorder' }],
  ptsd: [
    {
      system: SYSTEMS.icd10cm,
      code: 'F43.10',
      display: 'Post-traumatic stress disorder, unspecified',
    },
  ],
  bipolar: [{ system: SYSTEMS.icd10cm, code: 'F31.81', display: 'Bipolar II disorder' }],
  'substance-use': [
    { system: SYSTEMS.icd10cm, code: 'F10.20', display: 'Alcohol dependence, uncomplicated' },
    { system: SYSTEMS.icd10cm, code: 'F11.20', display: 'Opioid dependence, uncomplicated' },
  ],
};

/** Maps an ICD-10(-CM) code of any specificity ("F33", "F33.1", "F3310") to a group. */
export function presentingProblemForIcd10(code: string): PresentingProblem {
  const normalised = code
    .trim()
    .toUpperCase()
    .replace(/^([A-Z]\d\d)(\d)/, '$1.$2');
  const match = PROBLEM_PREFIXES.find(([prefix]) => normalised.startsWith(prefix));
  return match ? match[1] : 'other';
}

export const EPISODE_END_REASONS: Readonly<Record<EpisodeEndReason, string>> = {
  completed: 'Completed treatment',
  'stepped-down': 'Stepped down to a lower level of care',
  'stepped-up': 'Stepped up to a higher level of care',
  'left-early': 'Left before completing (client decision or attendance)',
  transferred: 'Transferred to another provider',
  other: 'Other',
};

export const ENTRY_ROUTES: Readonly<Record<EntryRoute, string>> = {
  inpatient: 'Stepped down from inpatient care',
  residential: 'Stepped down from residential care',
  php: 'Stepped down from partial hospitalization',
  direct: 'Direct admission (referral from the community)',
  outpatient: 'Stepped up from outpatient care',
  other: 'Other',
};

/** Safety Flag: HL7 flag category `safety` and SNOMED CT "At risk for suicide". */
export const SAFETY_FLAG = {
  category: { system: SYSTEMS.flagCategory, code: 'safety', display: 'Safety' },
  code: { system: SYSTEMS.snomed, code: '225444004', display: 'At risk for suicide' },
} as const;

export const CARE_PLAN_CATEGORIES: Readonly<Record<CarePlanKind, Coding>> = {
  'treatment-plan': {
    system: SYSTEMS.carePlanCategory,
    code: 'treatment-plan',
    display: 'Treatment plan',
  },
  'relapse-prevention': {
    system: SYSTEMS.carePlanCategory,
    code: 'relapse-prevention',
    display: 'Relapse-prevention plan',
  },
  aftercare: { system: SYSTEMS.carePlanCategory, code: 'aftercare', display: 'Aftercare plan' },
};

export function carePlanKindFromCodings(
  codings: readonly Partial<Coding>[],
): CarePlanKind | undefined {
  const match = codings.find(
    (c) => c.system === SYSTEMS.carePlanCategory && isOwnKey(CARE_PLAN_CATEGORIES, c.code),
  );
  return match?.code as CarePlanKind | undefined;
}

/** The Library that carries the program's expected recovery curves (JSON in content[0]). */
export const RECOVERY_CURVES_LIBRARY = {
  url: `${WAYPOINT_FHIR_BASE}/Library/expected-recovery-curves`,
  name: 'ExpectedRecoveryCurves',
  type: { system: SYSTEMS.libraryType, code: 'asset-collection', display: 'Asset Collection' },
  contentType: 'application/json',
} as const;

/**
 * Security labels Waypoint carries through from `meta.security`: psychiatry (PSY) and substance
 * use (ETH) information, and restricted confidentiality (R). ETH marks records that fall under
 * 42 CFR Part 2, whose exports need the redisclosure notice.
 */
export const SECURITY_LABELS = {
  psychiatry: {
    system: SYSTEMS.actCode,
    code: 'PSY',
    display: 'psychiatry information sensitivity',
  },
  substanceUse: {
    system: SYSTEMS.actCode,
    code: 'ETH',
    display: 'substance abuse information sensitivity',
  },
  restricted: { system: SYSTEMS.confidentiality, code: 'R', display: 'restricted' },
} as const;

/** CareTeam.category Waypoint writes: the program's treatment team for one client. */
export const CARE_TEAM_CATEGORY: Coding = {
  system: SYSTEMS.careTeamCategory,
  code: 'iop-treatment-team',
  display: 'IOP treatment team',
};

export * from './levels/level-codings';
