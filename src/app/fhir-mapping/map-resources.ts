/**
 * Everything a search returned, in one call: Bundles are unwrapped (their fullUrls resolve
 * `urn:uuid:` references), every resource is indexed so references between them resolve, and
 * each resource type goes to its mapper. Types Waypoint does not read are listed, not dropped
 * silently.
 */
import { Rejected } from '../domain/models';
import { mapCarePlans } from './care-plan-mapper';
import { mapCareTeams } from './care-team-mapper';
import { mapConditions } from './condition-mapper';
import { mapEpisodesOfCareInSteps } from './episode-mapper';
import {
  Appointment,
  Bundle,
  CarePlan,
  CareTeam,
  Condition,
  Encounter,
  EpisodeOfCare,
  Flag,
  Library,
  Observation,
  Organization,
  Patient,
  Practitioner,
  PractitionerRole,
  QuestionnaireResponse,
  ResourceBase,
} from './fhir-types';
import { mapFlags } from './flag-mapper';
import { mapRecoveryCurvesLibrary } from './library-mapper';
import { MapBatch, MapResult, ResourceKey, keyOf, problem } from './map-result';
import { MappedCarePlan, MappedEpisode, MappedFlag, MappedSession } from './mapped-models';
import { MappingContext } from './mapping-context';
import { mapOrganizations } from './organization-mapper';
import { mapPatients } from './patient-mapper';
import { mapPractitionerRoles, mapPractitioners } from './practitioner-mapper';
import { isObject, isRecord, list, text } from './read';
import { IndexedEntry, indexResourcesInSteps } from './references';
import { ScoreBatch } from './score-assembly';
import { mapScoresInSteps } from './score-batch';
import { mapSessionsInSteps } from './session-mapper';
import { Steps, runSteps } from './steps';
import {
  CareTeamRecord,
  ConditionRecord,
  OrganizationRecord,
  PatientSummary,
  RecoveryCurvesRecord,
  StaffMember,
  StaffRole,
} from './staff-models';

export interface MappedResources {
  readonly scores: ScoreBatch;
  readonly episodes: MapBatch<MappedEpisode>;
  readonly sessions: MapBatch<MappedSession>;
  readonly flags: MapBatch<MappedFlag>;
  readonly carePlans: MapBatch<MappedCarePlan>;
  readonly patients: MapBatch<PatientSummary>;
  readonly practitioners: MapBatch<StaffMember>;
  readonly roles: MapBatch<StaffRole>;
  readonly careTeams: MapBatch<CareTeamRecord>;
  readonly conditions: MapBatch<ConditionRecord>;
  readonly organizations: MapBatch<OrganizationRecord>;
  /** Present when the input held a Library. */
  readonly curves?: MapResult<RecoveryCurvesRecord>;
  /** Inputs that are not resources, and resource types no mapper reads. */
  readonly unsupported: readonly Rejected<ResourceKey>[];
}

/** Every batch of a mapping, for counting what was read and what was not. */
export function mappedBatches(mapped: MappedResources): readonly MapBatch<unknown>[] {
  return [
    mapped.scores,
    mapped.episodes,
    mapped.sessions,
    mapped.flags,
    mapped.carePlans,
    mapped.patients,
    mapped.practitioners,
    mapped.roles,
    mapped.careTeams,
    mapped.conditions,
    mapped.organizations,
  ];
}

/** Accepts resources, Bundles, or a mix (e.g. every page of a search). */
export function mapResources(
  input: readonly unknown[] | unknown,
  context: MappingContext = {},
): MappedResources {
  return runSteps(mapResourcesInSteps(input, context));
}

/**
 * `mapResources` in small steps (see `steps.ts`): it pauses after each resource of the large
 * types (scores, sessions, episodes) and every few hundred while indexing, so a caller can
 * spread a large load over many short tasks. The result is the same as `mapResources`'.
 */
export function* mapResourcesInSteps(
  input: readonly unknown[] | unknown,
  context: MappingContext = {},
): Steps<MappedResources> {
  const unsupported: Rejected<ResourceKey>[] = [];
  const entries = flatten(Array.isArray(input) ? input : [input], unsupported);
  yield;
  const index = yield* indexResourcesInSteps(entries);
  const ctx: MappingContext = { ...context, index };
  const byType = new Map<string, ResourceBase[]>();
  for (const { resource } of entries) {
    const same = byType.get(resource.resourceType);
    if (same) same.push(resource);
    else byType.set(resource.resourceType, [resource]);
    if (!MAPPED_TYPES.has(resource.resourceType))
      unsupported.push({
        item: keyOf(resource),
        reason: `resource type ${resource.resourceType.slice(0, 40)} is not mapped`,
      });
  }
  yield;
  const of = <T extends ResourceBase>(type: T['resourceType']) => (byType.get(type) ?? []) as T[];
  const libraries = of<Library>('Library');
  const scores = yield* mapScoresInSteps(
    of<Observation>('Observation'),
    of<QuestionnaireResponse>('QuestionnaireResponse'),
    ctx,
  );
  const episodes = yield* mapEpisodesOfCareInSteps(of<EpisodeOfCare>('EpisodeOfCare'), ctx);
  const sessions = yield* mapSessionsInSteps(
    [...of<Appointment>('Appointment'), ...of<Encounter>('Encounter')],
    ctx,
  );
  return {
    scores,
    episodes,
    sessions,
    flags: mapFlags(of<Flag>('Flag'), ctx),
    carePlans: mapCarePlans(of<CarePlan>('CarePlan'), ctx),
    patients: mapPatients(of<Patient>('Patient'), ctx),
    practitioners: mapPractitioners(of<Practitioner>('Practitioner'), ctx),
    roles: mapPractitionerRoles(of<PractitionerRole>('PractitionerRole'), ctx),
    careTeams: mapCareTeams(of<CareTeam>('CareTeam'), ctx),
    conditions: mapConditions(of<Condition>('Condition'), ctx),
    organizations: mapOrganizations(of<Organization>('Organization'), ctx),
    ...(libraries.length ? { curves: curvesOf(libraries, ctx) } : {}),
    unsupported,
  };
}

/**
 * One set of curves is in force: the first Library's. Any other Library is named in a warning
 * rather than dropped without a word.
 */
function curvesOf(
  libraries: readonly Library[],
  ctx: MappingContext,
): MapResult<RecoveryCurvesRecord> {
  const result = mapRecoveryCurvesLibrary(libraries[0], ctx);
  const unused = libraries
    .slice(1)
    .map((library) =>
      problem(library, 'warning', 'another Library was read first: this one is not used'),
    );
  return unused.length ? { ...result, problems: [...result.problems, ...unused] } : result;
}

const MAPPED_TYPES = new Set([
  'Observation',
  'QuestionnaireResponse',
  'EpisodeOfCare',
  'Appointment',
  'Encounter',
  'Flag',
  'CarePlan',
  'Patient',
  'Practitioner',
  'PractitionerRole',
  'CareTeam',
  'Condition',
  'Organization',
  'Library',
]);

function flatten(input: readonly unknown[], unsupported: Rejected<ResourceKey>[]): IndexedEntry[] {
  const entries: IndexedEntry[] = [];
  for (const value of input) {
    if (!isRecord(value) || typeof value['resourceType'] !== 'string') {
      unsupported.push({ item: keyOf(value), reason: 'not a FHIR resource' });
    } else if (value['resourceType'] === 'Bundle') {
      for (const entry of list((value as unknown as Bundle).entry)) {
        if (
          isObject(entry) &&
          isObject(entry.resource) &&
          typeof entry.resource.resourceType === 'string'
        )
          entries.push({ resource: entry.resource, fullUrl: text(entry.fullUrl) });
        else
          unsupported.push({
            item: { resourceType: 'Bundle.entry' },
            reason: 'entry has no resource',
          });
      }
    } else {
      entries.push({ resource: value as unknown as ResourceBase });
    }
  }
  return entries;
}
