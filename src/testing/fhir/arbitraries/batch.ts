/**
 * Whole search results: resources of every type the mappers read — valid, partial and malformed,
 * mixed — plus things that are not resources at all and types Waypoint does not read, some of
 * them inside Bundles whose entries carry `fullUrl`s (so `urn:uuid:` references resolve).
 */
import fc from 'fast-check';
import { variants } from './mutate';
import { UUIDS, hugeString, junk } from './primitives';
import {
  Resource,
  appointment,
  carePlan,
  careTeam,
  condition,
  encounter,
  episodeOfCare,
  flag,
  library,
  observationGroup,
  organization,
  patient,
  practitioner,
  practitionerRole,
  questionnaireResponse,
} from './resources';

/** One resource arbitrary per mapped type (Observations come as whole administrations). */
export const RESOURCE_ARBITRARIES = {
  Patient: patient,
  Organization: organization,
  Practitioner: practitioner,
  PractitionerRole: practitionerRole,
  CareTeam: careTeam,
  Condition: condition,
  EpisodeOfCare: episodeOfCare,
  Appointment: appointment,
  Encounter: encounter,
  Flag: flag,
  CarePlan: carePlan,
  QuestionnaireResponse: questionnaireResponse,
  Library: library,
} as const;

/** Valid, partial or malformed Observations of one administration, each varied on its own. */
export const observationVariants: fc.Arbitrary<unknown[]> = observationGroup.chain((group) =>
  fc.tuple(...group.map((r) => variants(fc.constant(r)))),
);

/** Inputs that are not resources Waypoint reads: junk, unknown types, nested Bundles. */
export const notMapped: fc.Arbitrary<unknown> = fc.oneof(
  junk,
  fc.constantFrom<unknown>(
    { resourceType: 5, id: 'x' },
    { resourceType: '', id: 'x' },
    { resourceType: null },
    { resourceType: 'Medication', id: 'med-1' },
    { resourceType: 'Questionnaire', id: 'q1', item: [] },
    { resourceType: 'OperationOutcome', issue: [] },
    { resourceType: 'observation', id: 'lower-case' },
    { resourceType: 'Observation ', id: 'trailing-space' },
    { resourceType: 'constructor', id: 'proto' },
  ),
  hugeString.map((resourceType) => ({ resourceType, id: 'huge-type' })),
);

/** One group of inputs: a varied resource of some type, an administration, or something else. */
export const inputGroup: fc.Arbitrary<unknown[]> = fc.oneof(
  { weight: 4, arbitrary: observationVariants },
  ...Object.values(RESOURCE_ARBITRARIES).map((arb) => ({
    weight: 2,
    arbitrary: variants(arb).map((r) => [r]),
  })),
  { weight: 1, arbitrary: notMapped.map((r) => [r]) },
);

function fullUrlOf(resource: unknown): string | undefined {
  if (typeof resource !== 'object' || resource === null || Array.isArray(resource))
    return undefined;
  const { resourceType, id } = resource as Resource;
  if (typeof id !== 'string') return undefined;
  if ((UUIDS as readonly string[]).includes(id)) return `urn:uuid:${id}`;
  return `https://ehr.example/fhir/${String(resourceType)}/${id}`;
}

const BROKEN_ENTRIES: readonly unknown[] = [null, {}, { resource: null }, { resource: 'x' }, []];

/** Resources in a searchset Bundle; entries at the `broken` positions (mod 17) hold no resource. */
export function bundleOf(resources: readonly unknown[], broken: readonly number[]): Resource {
  return {
    resourceType: 'Bundle',
    type: 'searchset',
    entry: resources.map((resource, i) =>
      broken.includes(i % 17)
        ? BROKEN_ENTRIES[i % BROKEN_ENTRIES.length]
        : { fullUrl: fullUrlOf(resource), resource, search: { mode: 'match' } },
    ),
  };
}

/**
 * A batch as `mapResources` receives it: `size` groups of inputs (an administration counts as
 * several inputs), the first `bundled` of them inside one Bundle.
 */
export function fhirBatch(size: { minLength: number; maxLength: number }): fc.Arbitrary<unknown[]> {
  return fc
    .record({
      groups: fc.array(inputGroup, size),
      bundled: fc.nat(size.maxLength),
      broken: fc.array(fc.nat(16), { maxLength: 2 }),
    })
    .map(({ groups, bundled, broken }) => {
      const flat = groups.flat();
      const cut = bundled % (flat.length + 1);
      return cut === 0 ? flat : [bundleOf(flat.slice(0, cut), broken), ...flat.slice(cut)];
    });
}
