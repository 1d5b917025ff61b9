/**
 * The R4 search parameters the server supports, per resource type, with how to extract their
 * values. Names, types and targets follow FHIR R4 (4.0.1); docs/fhir-profile.md lists them with
 * their R4 expressions. The CapabilityStatement is generated from this table, so it lists
 * exactly what is supported.
 */
type Json = Record<string, unknown>;

export type ParamType = 'token' | 'reference' | 'date' | 'string';

export interface SearchParamDef {
  readonly name: string;
  readonly type: ParamType;
  /** Values from a resource: tokens {system, code}, references "Type/id", dates as FHIR strings or periods, strings. */
  readonly extract: (resource: Json) => unknown[];
  readonly documentation: string;
}

const get = (value: unknown, key: string): unknown =>
  value && typeof value === 'object' ? (value as Json)[key] : undefined;
const list = (value: unknown): unknown[] =>
  Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
const path = (resource: unknown, ...keys: string[]): unknown[] => {
  let current: unknown[] = [resource];
  for (const key of keys) current = current.flatMap((v) => list(get(v, key)));
  return current;
};

/** CodeableConcept(s) → codings; plain code strings → code-only tokens. */
const codings = (values: unknown[]) =>
  values.flatMap((v) => (typeof v === 'string' ? [{ code: v }] : list(get(v, 'coding'))));
const references = (values: unknown[]) =>
  values.map((v) => get(v, 'reference')).filter((r): r is string => typeof r === 'string');

const token = (name: string, documentation: string, ...keys: string[]): SearchParamDef => ({
  name,
  type: 'token',
  documentation,
  extract: (r) => codings(path(r, ...keys)),
});
const plainToken = (name: string, documentation: string, ...keys: string[]): SearchParamDef => ({
  name,
  type: 'token',
  documentation,
  extract: (r) =>
    path(r, ...keys).map((v) =>
      typeof v === 'string' || typeof v === 'boolean' ? { code: String(v) } : v,
    ),
});
const identifier = (): SearchParamDef => ({
  name: 'identifier',
  type: 'token',
  documentation: 'identifier',
  extract: (r) =>
    path(r, 'identifier').map((i) => ({ system: get(i, 'system'), code: get(i, 'value') })),
});
const reference = (name: string, documentation: string, ...keys: string[]): SearchParamDef => ({
  name,
  type: 'reference',
  documentation,
  extract: (r) => references(path(r, ...keys)),
});
const patientRef = (...keys: string[]): SearchParamDef => ({
  name: 'patient',
  type: 'reference',
  documentation: `${keys.join('.')} (a Patient)`,
  extract: (r) => references(path(r, ...keys)).filter((ref) => ref.startsWith('Patient/')),
});
const date = (name: string, documentation: string, ...keys: string[]): SearchParamDef => ({
  name,
  type: 'date',
  documentation,
  extract: (r) => path(r, ...keys),
});
const string = (
  name: string,
  documentation: string,
  extract: (r: Json) => unknown[],
): SearchParamDef => ({
  name,
  type: 'string',
  documentation,
  extract,
});
const humanName = (r: Json) =>
  path(r, 'name')
    .flatMap((n) => [get(n, 'text'), get(n, 'family'), ...list(get(n, 'given'))])
    .filter((s) => typeof s === 'string');

export const SEARCH_PARAMS: Readonly<Record<string, readonly SearchParamDef[]>> = {
  Patient: [
    identifier(),
    string('name', 'Patient.name', humanName),
    string('family', 'Patient.name.family', (r) => path(r, 'name', 'family')),
    string('given', 'Patient.name.given', (r) => path(r, 'name', 'given')),
    date('birthdate', 'Patient.birthDate', 'birthDate'),
    plainToken('gender', 'Patient.gender', 'gender'),
    plainToken('active', 'Patient.active', 'active'),
    reference('organization', 'Patient.managingOrganization', 'managingOrganization'),
  ],
  Practitioner: [
    identifier(),
    string('name', 'Practitioner.name', humanName),
    plainToken('active', 'Practitioner.active', 'active'),
  ],
  PractitionerRole: [
    identifier(),
    reference('practitioner', 'PractitionerRole.practitioner', 'practitioner'),
    reference('organization', 'PractitionerRole.organization', 'organization'),
    token('role', 'PractitionerRole.code', 'code'),
    plainToken('active', 'PractitionerRole.active', 'active'),
  ],
  Organization: [
    identifier(),
    string('name', 'Organization.name', (r) => [...path(r, 'name'), ...path(r, 'alias')]),
    reference('partof', 'Organization.partOf', 'partOf'),
    token('type', 'Organization.type', 'type'),
  ],
  CareTeam: [
    identifier(),
    patientRef('subject'),
    reference('subject', 'CareTeam.subject', 'subject'),
    reference('participant', 'CareTeam.participant.member', 'participant', 'member'),
    plainToken('status', 'CareTeam.status', 'status'),
    token('category', 'CareTeam.category', 'category'),
  ],
  Condition: [
    identifier(),
    patientRef('subject'),
    reference('subject', 'Condition.subject', 'subject'),
    token('code', 'Condition.code', 'code'),
    token('clinical-status', 'Condition.clinicalStatus', 'clinicalStatus'),
    token('category', 'Condition.category', 'category'),
    date('onset-date', 'Condition.onset.as(dateTime)', 'onsetDateTime'),
  ],
  EpisodeOfCare: [
    identifier(),
    patientRef('patient'),
    plainToken('status', 'EpisodeOfCare.status', 'status'),
    token('type', 'EpisodeOfCare.type', 'type'),
    reference('care-manager', 'EpisodeOfCare.careManager', 'careManager'),
    reference('organization', 'EpisodeOfCare.managingOrganization', 'managingOrganization'),
    reference('condition', 'EpisodeOfCare.diagnosis.condition', 'diagnosis', 'condition'),
    date('date', 'EpisodeOfCare.period', 'period'),
  ],
  Appointment: [
    identifier(),
    patientRef('participant', 'actor'),
    reference('actor', 'Appointment.participant.actor', 'participant', 'actor'),
    {
      ...reference(
        'practitioner',
        'Appointment.participant.actor (a Practitioner)',
        'participant',
        'actor',
      ),
      extract: (r) =>
        references(path(r, 'participant', 'actor')).filter((ref) =>
          ref.startsWith('Practitioner/'),
        ),
    },
    date('date', 'Appointment.start', 'start'),
    plainToken('status', 'Appointment.status', 'status'),
    token('service-type', 'Appointment.serviceType', 'serviceType'),
  ],
  Encounter: [
    identifier(),
    patientRef('subject'),
    reference('subject', 'Encounter.subject', 'subject'),
    date('date', 'Encounter.period', 'period'),
    plainToken('status', 'Encounter.status', 'status'),
    token('type', 'Encounter.type', 'type'),
    reference('episode-of-care', 'Encounter.episodeOfCare', 'episodeOfCare'),
    reference('appointment', 'Encounter.appointment', 'appointment'),
    reference('participant', 'Encounter.participant.individual', 'participant', 'individual'),
    {
      ...reference(
        'practitioner',
        'Encounter.participant.individual (a Practitioner)',
        'participant',
        'individual',
      ),
      extract: (r) =>
        references(path(r, 'participant', 'individual')).filter((ref) =>
          ref.startsWith('Practitioner/'),
        ),
    },
  ],
  Observation: [
    identifier(),
    patientRef('subject'),
    reference('subject', 'Observation.subject', 'subject'),
    token('code', 'Observation.code', 'code'),
    token('category', 'Observation.category', 'category'),
    plainToken('status', 'Observation.status', 'status'),
    token('component-code', 'Observation.component.code', 'component', 'code'),
    {
      ...token('combo-code', 'Observation.code | Observation.component.code', 'code'),
      extract: (r) => codings([...path(r, 'code'), ...path(r, 'component', 'code')]),
    },
    {
      ...date('date', 'Observation.effective', 'effectiveDateTime'),
      extract: (r) => [
        ...path(r, 'effectiveDateTime'),
        ...path(r, 'effectivePeriod'),
        ...path(r, 'effectiveInstant'),
      ],
    },
  ],
  QuestionnaireResponse: [
    identifier(),
    patientRef('subject'),
    reference('subject', 'QuestionnaireResponse.subject', 'subject'),
    date('authored', 'QuestionnaireResponse.authored', 'authored'),
    plainToken('status', 'QuestionnaireResponse.status', 'status'),
    {
      name: 'questionnaire',
      type: 'reference',
      documentation: 'QuestionnaireResponse.questionnaire',
      extract: (r) => path(r, 'questionnaire').filter((q) => typeof q === 'string'),
    },
  ],
  // R4 Flag has no `status` and no `code` search parameter.
  Flag: [
    identifier(),
    patientRef('subject'),
    reference('subject', 'Flag.subject', 'subject'),
    date('date', 'Flag.period', 'period'),
  ],
  CarePlan: [
    identifier(),
    patientRef('subject'),
    reference('subject', 'CarePlan.subject', 'subject'),
    token('category', 'CarePlan.category', 'category'),
    plainToken('status', 'CarePlan.status', 'status'),
    date('date', 'CarePlan.period', 'period'),
    date(
      'activity-date',
      'CarePlan.activity.detail.scheduled',
      'activity',
      'detail',
      'scheduledPeriod',
    ),
  ],
  Library: [
    identifier(),
    {
      name: 'url',
      type: 'token',
      documentation: 'Library.url',
      extract: (r) => path(r, 'url').map((u) => ({ code: u })),
    },
    string('name', 'Library.name', (r) => path(r, 'name')),
    plainToken('status', 'Library.status', 'status'),
    token('type', 'Library.type', 'type'),
  ],
  AuditEvent: [
    date('date', 'AuditEvent.recorded', 'recorded'),
    reference('agent', 'AuditEvent.agent.who', 'agent', 'who'),
    reference('entity', 'AuditEvent.entity.what', 'entity', 'what'),
    {
      name: 'patient',
      type: 'reference',
      documentation: 'AuditEvent.entity.what (a Patient)',
      extract: (r) =>
        references(path(r, 'entity', 'what')).filter((ref) => ref.startsWith('Patient/')),
    },
    {
      name: 'type',
      type: 'token',
      documentation: 'AuditEvent.type',
      extract: (r) => path(r, 'type'),
    },
    {
      name: 'subtype',
      type: 'token',
      documentation: 'AuditEvent.subtype',
      extract: (r) => path(r, 'subtype'),
    },
  ],
};

export const RESOURCE_TYPES = Object.keys(SEARCH_PARAMS);

/**
 * The reference that puts a resource in a Patient's compartment, for access control. AuditEvent
 * is deliberately outside: its readers are auditors, not clinicians.
 */
export function patientOf(resource: Json): string | undefined {
  if (resource['resourceType'] === 'Patient')
    return typeof resource['id'] === 'string' ? resource['id'] : undefined;
  if (resource['resourceType'] === 'AuditEvent') return undefined;
  const defs = SEARCH_PARAMS[resource['resourceType'] as string] ?? [];
  const patientParam = defs.find((d) => d.name === 'patient');
  const ref = patientParam?.extract(resource)[0];
  return typeof ref === 'string' ? ref.slice('Patient/'.length) : undefined;
}

/** Resource types outside any patient compartment: readable by every member of staff. */
export const SHARED_TYPES = new Set([
  'Practitioner',
  'PractitionerRole',
  'Organization',
  'Library',
]);

/** Reference search parameters per type that `_include` may follow, as `Type:param`. */
export function includeTargets(type: string): string[] {
  return (SEARCH_PARAMS[type] ?? [])
    .filter((d) => d.type === 'reference')
    .map((d) => `${type}:${d.name}`);
}
