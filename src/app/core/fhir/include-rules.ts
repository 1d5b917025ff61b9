import { FhirResource } from './fhir-resource';

/** The element an `_include` follows, and the types its references may name. */
export interface IncludeRule {
  /** Dotted path from the resource root; arrays are flattened at every step. */
  readonly path: string;
  readonly targets: readonly string[];
}

/**
 * The `_include` values the app uses (docs/fhir-profile.md), with the element each follows per
 * the R4 search parameter's expression, so they can be resolved with `_id` searches when a
 * server does not support them. `_revinclude` needs no table: it becomes a search of the
 * source type by the same parameter.
 */
export const INCLUDE_RULES: Readonly<Record<string, IncludeRule>> = {
  'EpisodeOfCare:patient': { path: 'patient', targets: ['Patient'] },
  'EpisodeOfCare:care-manager': { path: 'careManager', targets: ['Practitioner'] },
  'EpisodeOfCare:organization': { path: 'managingOrganization', targets: ['Organization'] },
  'EpisodeOfCare:condition': { path: 'diagnosis.condition', targets: ['Condition'] },
  'CareTeam:patient': { path: 'subject', targets: ['Patient'] },
  'CareTeam:subject': { path: 'subject', targets: ['Patient', 'Group'] },
  'CareTeam:participant': {
    path: 'participant.member',
    targets: [
      'Practitioner',
      'PractitionerRole',
      'RelatedPerson',
      'Patient',
      'Organization',
      'CareTeam',
    ],
  },
  'PractitionerRole:practitioner': { path: 'practitioner', targets: ['Practitioner'] },
  'PractitionerRole:organization': { path: 'organization', targets: ['Organization'] },
  'Encounter:appointment': { path: 'appointment', targets: ['Appointment'] },
  'Encounter:episode-of-care': { path: 'episodeOfCare', targets: ['EpisodeOfCare'] },
  'Encounter:patient': { path: 'subject', targets: ['Patient'] },
  'Appointment:patient': { path: 'participant.actor', targets: ['Patient'] },
  'Observation:patient': { path: 'subject', targets: ['Patient'] },
  'Condition:patient': { path: 'subject', targets: ['Patient'] },
  'Flag:patient': { path: 'subject', targets: ['Patient'] },
  'CarePlan:patient': { path: 'subject', targets: ['Patient'] },
};

/** The rule for an `_include` value (`Source:param` or `Source:param:Target`), narrowed to Target. */
export function includeRule(include: string): IncludeRule | undefined {
  const [source, param, target] = include.split(':');
  const rule = INCLUDE_RULES[`${source}:${param}`];
  if (!rule || target === undefined) return rule;
  return rule.targets.includes(target) ? { path: rule.path, targets: [target] } : undefined;
}

/** The `reference` strings at a dotted path. */
export function referencesAt(resource: FhirResource, path: string): string[] {
  let values: unknown[] = [resource];
  for (const key of path.split('.')) {
    values = values
      .flatMap((v) => (Array.isArray(v) ? v : [v]))
      .flatMap((v) =>
        typeof v === 'object' && v !== null ? [(v as Record<string, unknown>)[key]] : [],
      )
      .flatMap((v) => (Array.isArray(v) ? v : [v]));
  }
  return values.flatMap((v) => {
    const reference =
      typeof v === 'object' && v !== null ? (v as Record<string, unknown>)['reference'] : undefined;
    return typeof reference === 'string' ? [reference] : [];
  });
}

export interface ResourceKey {
  readonly type: string;
  readonly id: string;
}

const RELATIVE_REFERENCE = /^([A-Z][A-Za-z]{1,63})\/([A-Za-z0-9\-.]{1,64})(\/_history\/[^/]+)?$/;

/**
 * The type and id a literal reference names, relative (`Patient/1`) or absolute under one of
 * `bases`. Contained (`#x`), `urn:uuid:` and other servers' references are undefined: they
 * cannot be fetched from this server by id.
 */
export function parseReference(
  reference: string,
  bases: readonly string[],
): ResourceKey | undefined {
  let relative = reference;
  if (/^[a-z][a-z\d+.-]*:/i.test(reference)) {
    const base = bases.find((b) => reference.startsWith(`${b.replace(/\/+$/, '')}/`));
    if (!base) return undefined;
    relative = reference.slice(base.replace(/\/+$/, '').length + 1);
  }
  const match = RELATIVE_REFERENCE.exec(relative);
  return match ? { type: match[1], id: match[2] } : undefined;
}
