import { ParsedReference, parseReference } from '../db/reference';

/**
 * The R4 search parameters the server supports, per resource type: names, types, targets and
 * expressions as FHIR R4 (4.0.1) defines them, restricted to what Waypoint uses: the table in
 * docs/fhir-profile.md, plus Patient `family`/`given`, Organization `type`, Condition
 * `onset-date` and Observation `value-quantity`. The index tables are filled from `extract`, searches are compiled from
 * `type`, and the CapabilityStatement is generated from this table, so it lists exactly what is
 * supported. Changing an entry re-indexes existing databases on their next open (schema.ts).
 */
type Json = Record<string, unknown>;

export type ParamType = 'token' | 'reference' | 'date' | 'string' | 'uri' | 'quantity';

export interface TokenValue {
  readonly system?: string;
  readonly code: string;
}
export interface QuantityValue {
  readonly value: number;
  readonly system?: string;
  readonly code?: string;
  readonly unit?: string;
}

interface BaseDef {
  readonly name: string;
  /** The R4 expression, shown in the CapabilityStatement. */
  readonly documentation: string;
  /**
   * When R4 defines this parameter as a subset or union of others of the same type (`patient`
   * = `subject.where(resolve() is Patient)`, `combo-code` = `code | component.code`), the
   * parameters whose index rows it reads; it stores none of its own. A reference alias keeps
   * only the rows whose target is its single target type.
   */
  readonly via?: readonly string[];
}
export interface TokenParam extends BaseDef {
  readonly type: 'token';
  readonly extract: (resource: Json) => TokenValue[];
}
export interface ReferenceParam extends BaseDef {
  readonly type: 'reference';
  /** R4 target types of this parameter (those this server stores). */
  readonly targets: readonly string[];
  readonly extract: (resource: Json) => ParsedReference[];
}
export interface DateParam extends BaseDef {
  readonly type: 'date';
  /** Date strings, Periods or Timings; the index turns them into ranges. */
  readonly extract: (resource: Json) => unknown[];
}
export interface StringParam extends BaseDef {
  readonly type: 'string';
  readonly extract: (resource: Json) => string[];
}
export interface UriParam extends BaseDef {
  readonly type: 'uri';
  readonly extract: (resource: Json) => string[];
}
export interface QuantityParam extends BaseDef {
  readonly type: 'quantity';
  readonly extract: (resource: Json) => QuantityValue[];
}

export type SearchParamDef =
  TokenParam | ReferenceParam | DateParam | StringParam | UriParam | QuantityParam;

const list = (value: unknown): unknown[] =>
  Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];

/** Dotted element paths, flattening arrays at every step (FHIRPath's implicit flattening). */
function atAll(resource: unknown, paths: readonly string[]): unknown[] {
  const out: unknown[] = [];
  for (const path of paths) collect(resource, path.split('.'), 0, out);
  return out;
}

function collect(value: unknown, keys: readonly string[], depth: number, out: unknown[]): void {
  if (Array.isArray(value)) {
    for (const item of value) collect(item, keys, depth, out);
    return;
  }
  if (value === undefined || value === null) return;
  if (depth === keys.length) {
    out.push(value);
    return;
  }
  if (typeof value === 'object') collect((value as Json)[keys[depth]], keys, depth + 1, out);
}

/** Tokens from CodeableConcept, Coding, Identifier, code and boolean values. */
function tokensOf(value: unknown, out: TokenValue[] = []): TokenValue[] {
  if (typeof value === 'string') out.push({ code: value });
  else if (typeof value === 'boolean') out.push({ code: String(value) });
  else if (value && typeof value === 'object') {
    const element = value as Json;
    const coding = element['coding'];
    if (Array.isArray(coding)) {
      for (const c of coding) tokensOf(c, out);
    } else {
      const system = element['system'];
      const code = typeof element['code'] === 'string' ? element['code'] : element['value'];
      if (typeof code === 'string')
        out.push(typeof system === 'string' ? { system, code } : { code });
    }
  }
  return out;
}

function referencesOf(value: unknown): ParsedReference[] {
  const text =
    typeof value === 'string'
      ? value
      : value && typeof value === 'object'
        ? (value as Json)['reference']
        : undefined;
  const parsed = typeof text === 'string' ? parseReference(text) : undefined;
  return parsed ? [parsed] : [];
}

function quantitiesOf(value: unknown): QuantityValue[] {
  if (!value || typeof value !== 'object') return [];
  const q = value as Json;
  if (typeof q['value'] !== 'number') return [];
  const text = (key: string) => (typeof q[key] === 'string' ? { [key]: q[key] as string } : {});
  return [{ value: q['value'], ...text('system'), ...text('code'), ...text('unit') }];
}

/** Every string part of a HumanName (R4 `name` matches text, family, given, prefix, suffix). */
function humanNameParts(value: unknown): string[] {
  if (!value || typeof value !== 'object') return [];
  const name = value as Json;
  return [
    name['text'],
    name['family'],
    ...list(name['given']),
    ...list(name['prefix']),
    ...list(name['suffix']),
  ].filter((s): s is string => typeof s === 'string');
}

const token = (name: string, documentation: string, ...paths: string[]): TokenParam => ({
  name,
  type: 'token',
  documentation,
  extract: (r) => {
    const out: TokenValue[] = [];
    for (const value of atAll(r, paths)) tokensOf(value, out);
    return out;
  },
});
const reference = (
  name: string,
  documentation: string,
  targets: readonly string[],
  ...paths: string[]
): ReferenceParam => ({
  name,
  type: 'reference',
  documentation,
  targets,
  extract: (r) => atAll(r, paths).flatMap(referencesOf),
});
/**
 * R4's `X.where(resolve() is T)`: the references of the parameters `via` (whose elements are
 * `paths`) that point at a T.
 */
const referenceTo = (
  name: string,
  documentation: string,
  target: string,
  via: readonly string[],
  ...paths: string[]
): ReferenceParam => ({
  name,
  type: 'reference',
  documentation,
  targets: [target],
  via,
  extract: (r) =>
    atAll(r, paths)
      .flatMap(referencesOf)
      .filter((ref) => ref.type === target),
});
const date = (name: string, documentation: string, ...paths: string[]): DateParam => ({
  name,
  type: 'date',
  documentation,
  extract: (r) => atAll(r, paths),
});
const string = (name: string, documentation: string, ...paths: string[]): StringParam => ({
  name,
  type: 'string',
  documentation,
  extract: (r) => atAll(r, paths).flatMap((v) => (typeof v === 'string' ? [v] : humanNameParts(v))),
});
const identifier = (type: string) => token('identifier', `${type}.identifier`, 'identifier');

/** The types this server stores: AuditEvent.entity may point at any of them. */
const STORED_TYPES = [
  'Patient',
  'Condition',
  'Practitioner',
  'PractitionerRole',
  'Organization',
  'CareTeam',
  'EpisodeOfCare',
  'Appointment',
  'Encounter',
  'Observation',
  'QuestionnaireResponse',
  'Flag',
  'CarePlan',
  'Library',
];

/** Reference targets among the types this server stores (R4 lists more, e.g. Group, Device). */
const PARTICIPANTS = ['Practitioner', 'PractitionerRole', 'Patient', 'Organization', 'CareTeam'];

export const SEARCH_PARAMS: Readonly<Record<string, readonly SearchParamDef[]>> = {
  Patient: [
    identifier('Patient'),
    string('name', 'Patient.name', 'name'),
    string('family', 'Patient.name.family', 'name.family'),
    string('given', 'Patient.name.given', 'name.given'),
    date('birthdate', 'Patient.birthDate', 'birthDate'),
    token('gender', 'Patient.gender', 'gender'),
    reference(
      'organization',
      'Patient.managingOrganization',
      ['Organization'],
      'managingOrganization',
    ),
  ],
  Practitioner: [identifier('Practitioner'), string('name', 'Practitioner.name', 'name')],
  PractitionerRole: [
    reference('practitioner', 'PractitionerRole.practitioner', ['Practitioner'], 'practitioner'),
    reference('organization', 'PractitionerRole.organization', ['Organization'], 'organization'),
    token('role', 'PractitionerRole.code', 'code'),
    token('active', 'PractitionerRole.active', 'active'),
  ],
  Organization: [
    identifier('Organization'),
    string('name', 'Organization.name | Organization.alias', 'name', 'alias'),
    reference('partof', 'Organization.partOf', ['Organization'], 'partOf'),
    token('type', 'Organization.type', 'type'),
  ],
  CareTeam: [
    referenceTo(
      'patient',
      'CareTeam.subject.where(resolve() is Patient)',
      'Patient',
      ['subject'],
      'subject',
    ),
    reference('subject', 'CareTeam.subject', ['Patient'], 'subject'),
    reference('participant', 'CareTeam.participant.member', PARTICIPANTS, 'participant.member'),
    token('status', 'CareTeam.status', 'status'),
    token('category', 'CareTeam.category', 'category'),
  ],
  Condition: [
    referenceTo(
      'patient',
      'Condition.subject.where(resolve() is Patient)',
      'Patient',
      ['subject'],
      'subject',
    ),
    reference('subject', 'Condition.subject', ['Patient'], 'subject'),
    token('code', 'Condition.code', 'code'),
    token('clinical-status', 'Condition.clinicalStatus', 'clinicalStatus'),
    token('category', 'Condition.category', 'category'),
    date(
      'onset-date',
      'Condition.onset.as(dateTime) | Condition.onset.as(Period)',
      'onsetDateTime',
      'onsetPeriod',
    ),
  ],
  EpisodeOfCare: [
    identifier('EpisodeOfCare'),
    reference('patient', 'EpisodeOfCare.patient', ['Patient'], 'patient'),
    token('status', 'EpisodeOfCare.status', 'status'),
    token('type', 'EpisodeOfCare.type', 'type'),
    reference('care-manager', 'EpisodeOfCare.careManager', ['Practitioner'], 'careManager'),
    reference(
      'organization',
      'EpisodeOfCare.managingOrganization',
      ['Organization'],
      'managingOrganization',
    ),
    reference(
      'condition',
      'EpisodeOfCare.diagnosis.condition',
      ['Condition'],
      'diagnosis.condition',
    ),
    date('date', 'EpisodeOfCare.period', 'period'),
  ],
  Appointment: [
    identifier('Appointment'),
    referenceTo(
      'patient',
      'Appointment.participant.actor.where(resolve() is Patient)',
      'Patient',
      ['actor'],
      'participant.actor',
    ),
    reference(
      'actor',
      'Appointment.participant.actor',
      ['Patient', 'Practitioner', 'PractitionerRole'],
      'participant.actor',
    ),
    referenceTo(
      'practitioner',
      'Appointment.participant.actor.where(resolve() is Practitioner)',
      'Practitioner',
      ['actor'],
      'participant.actor',
    ),
    date('date', 'Appointment.start', 'start'),
    token('status', 'Appointment.status', 'status'),
    token('service-type', 'Appointment.serviceType', 'serviceType'),
  ],
  // R4 Encounter has no `service-type`: the modality is searched by `type`.
  Encounter: [
    referenceTo(
      'patient',
      'Encounter.subject.where(resolve() is Patient)',
      'Patient',
      ['subject'],
      'subject',
    ),
    reference('subject', 'Encounter.subject', ['Patient'], 'subject'),
    date('date', 'Encounter.period', 'period'),
    token('status', 'Encounter.status', 'status'),
    token('type', 'Encounter.type', 'type'),
    reference('episode-of-care', 'Encounter.episodeOfCare', ['EpisodeOfCare'], 'episodeOfCare'),
    reference('appointment', 'Encounter.appointment', ['Appointment'], 'appointment'),
    reference(
      'participant',
      'Encounter.participant.individual',
      ['Practitioner', 'PractitionerRole'],
      'participant.individual',
    ),
    referenceTo(
      'practitioner',
      'Encounter.participant.individual.where(resolve() is Practitioner)',
      'Practitioner',
      ['participant'],
      'participant.individual',
    ),
  ],
  Observation: [
    referenceTo(
      'patient',
      'Observation.subject.where(resolve() is Patient)',
      'Patient',
      ['subject'],
      'subject',
    ),
    reference('subject', 'Observation.subject', ['Patient'], 'subject'),
    token('code', 'Observation.code', 'code'),
    token('category', 'Observation.category', 'category'),
    token('status', 'Observation.status', 'status'),
    token('component-code', 'Observation.component.code', 'component.code'),
    {
      ...token(
        'combo-code',
        'Observation.code | Observation.component.code',
        'code',
        'component.code',
      ),
      via: ['code', 'component-code'],
    },
    date(
      'date',
      'Observation.effective',
      'effectiveDateTime',
      'effectivePeriod',
      'effectiveInstant',
      'effectiveTiming',
    ),
    {
      name: 'value-quantity',
      type: 'quantity',
      documentation: 'Observation.value.as(Quantity)',
      extract: (r) => quantitiesOf(r['valueQuantity']),
    },
  ],
  QuestionnaireResponse: [
    referenceTo(
      'patient',
      'QuestionnaireResponse.subject.where(resolve() is Patient)',
      'Patient',
      ['subject'],
      'subject',
    ),
    reference('subject', 'QuestionnaireResponse.subject', ['Patient'], 'subject'),
    date('authored', 'QuestionnaireResponse.authored', 'authored'),
    token('status', 'QuestionnaireResponse.status', 'status'),
    // A canonical: matched by its URL, or by Questionnaire/id when the URL ends with one.
    reference(
      'questionnaire',
      'QuestionnaireResponse.questionnaire',
      ['Questionnaire'],
      'questionnaire',
    ),
  ],
  // R4 Flag has no `status` and no `code` search parameter (R5 added status).
  Flag: [
    referenceTo(
      'patient',
      'Flag.subject.where(resolve() is Patient)',
      'Patient',
      ['subject'],
      'subject',
    ),
    reference('subject', 'Flag.subject', ['Patient', 'Organization', 'Practitioner'], 'subject'),
    date('date', 'Flag.period', 'period'),
  ],
  CarePlan: [
    referenceTo(
      'patient',
      'CarePlan.subject.where(resolve() is Patient)',
      'Patient',
      ['subject'],
      'subject',
    ),
    reference('subject', 'CarePlan.subject', ['Patient'], 'subject'),
    token('category', 'CarePlan.category', 'category'),
    token('status', 'CarePlan.status', 'status'),
    date('date', 'CarePlan.period', 'period'),
    date(
      'activity-date',
      'CarePlan.activity.detail.scheduled',
      'activity.detail.scheduledTiming',
      'activity.detail.scheduledPeriod',
    ),
  ],
  Library: [
    identifier('Library'),
    {
      name: 'url',
      type: 'uri',
      documentation: 'Library.url',
      extract: (r) => atAll(r, ['url']).filter((u): u is string => typeof u === 'string'),
    },
    string('name', 'Library.name', 'name'),
    token('status', 'Library.status', 'status'),
    token('type', 'Library.type', 'type'),
  ],
  AuditEvent: [
    date('date', 'AuditEvent.recorded', 'recorded'),
    reference(
      'agent',
      'AuditEvent.agent.who',
      ['Practitioner', 'PractitionerRole', 'Organization', 'Patient'],
      'agent.who',
    ),
    reference('entity', 'AuditEvent.entity.what', STORED_TYPES, 'entity.what'),
    referenceTo(
      'patient',
      'AuditEvent.agent.who.where(resolve() is Patient) | AuditEvent.entity.what.where(resolve() is Patient)',
      'Patient',
      ['agent', 'entity'],
      'agent.who',
      'entity.what',
    ),
    token('type', 'AuditEvent.type', 'type'),
    token('subtype', 'AuditEvent.subtype', 'subtype'),
  ],
};

export const RESOURCE_TYPES = Object.keys(SEARCH_PARAMS);

/** Parameters every type has (R4 "parameters for all resources") that the server implements. */
export const COMMON_PARAMS: readonly { name: string; type: ParamType; documentation: string }[] = [
  { name: '_id', type: 'token', documentation: 'Resource.id' },
  { name: '_lastUpdated', type: 'date', documentation: 'Resource.meta.lastUpdated' },
];

export function paramOf(type: string, name: string): SearchParamDef | undefined {
  return SEARCH_PARAMS[type]?.find((d) => d.name === name);
}

/**
 * The Patient whose compartment a resource is in, for access control: the Patient itself, or
 * the resource's `patient` search parameter. AuditEvent is deliberately outside: its readers
 * are auditors, not clinicians.
 */
export function patientOf(resource: Json): string | undefined {
  const type = resource['resourceType'];
  if (type === 'Patient') return typeof resource['id'] === 'string' ? resource['id'] : undefined;
  if (type === 'AuditEvent' || typeof type !== 'string') return undefined;
  const param = paramOf(type, 'patient');
  if (param?.type !== 'reference') return undefined;
  return param.extract(resource).find((ref) => ref.type === 'Patient' && ref.id)?.id;
}

/** Resource types outside any patient compartment: readable by every member of staff. */
export const SHARED_TYPES: ReadonlySet<string> = new Set([
  'Practitioner',
  'PractitionerRole',
  'Organization',
  'Library',
]);

/** The `_include` values a type supports: `Type:param` for each of its reference parameters. */
export function includeTargets(type: string): string[] {
  return (SEARCH_PARAMS[type] ?? [])
    .filter((d) => d.type === 'reference')
    .map((d) => `${type}:${d.name}`);
}

/** The `_revinclude` values that can reach a type: reference parameters that may target it. */
export function revIncludeSources(type: string): string[] {
  return Object.entries(SEARCH_PARAMS).flatMap(([source, defs]) =>
    defs
      .filter((d): d is ReferenceParam => d.type === 'reference' && d.targets.includes(type))
      .map((d) => `${source}:${d.name}`),
  );
}
