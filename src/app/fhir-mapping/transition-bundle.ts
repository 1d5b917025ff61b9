/**
 * A planned step-down or step-up as one FHIR transaction (docs/fhir-profile.md, "Planning a
 * transition"): the current episode updated with the planned-transition extension, guarded by
 * `ifMatch` with the version the user saw, and a `planned` EpisodeOfCare at the target level.
 * One transaction, so either both are written or neither is: a plan never points at an episode
 * that was not created, and a stale version leaves no stray planned episode behind.
 *
 * Why the update starts from a resource read from the server and not from the mapped episode:
 * the mapper keeps only what Waypoint understands, and a PUT replaces the whole resource, so
 * building it from the mapped record would erase every element an EHR added (identifiers,
 * other extensions, text, account, team). The caller reads `EpisodeOfCare/<id>` when the plan
 * dialog opens, compares its version with the one the board showed (a difference is a conflict
 * shown at once), and passes it here; `ifMatch` is the version the user saw, never one read
 * just before saving, which would silently accept a change made meanwhile.
 */
import { EXTENSIONS } from '../domain/fhir-codes';
import { DEFAULT_LEVEL_CODINGS, LEVEL_SYSTEMS } from '../domain/levels/level-codings';
import { levelDefinition } from '../domain/levels/level-of-care';
import { CalendarDay, LevelOfCare } from '../domain/models';
import { CodeableConcept, Coding, EpisodeOfCare, Extension, Reference } from './fhir-types';
import { isObject, list, text } from './read';
import { parseReference } from './references';

export interface TransitionPlan {
  readonly targetLevel: LevelOfCare;
  readonly plannedDate: CalendarDay;
  readonly reason: string;
  readonly note?: string;
}

export interface PlanAuthor {
  /** `Practitioner/<id>`. */
  readonly practitionerRef: string;
  readonly name: string;
}

export interface TransitionBundleInput {
  /** The current episode as the server has it, every element kept (see the file comment). */
  readonly current: EpisodeOfCare;
  /** The version the user saw and planned against: the update's `ifMatch`. */
  readonly seenVersionId: string;
  /**
   * The planned episode the current plan points at (`plannedEpisode`), as read with the current
   * episode: changed in place when it is still a `planned` episode of the same client, so a
   * re-plan does not leave the first plan's episode behind.
   */
  readonly plannedEpisode?: EpisodeOfCare;
  readonly plan: TransitionPlan;
  readonly author: PlanAuthor;
  /** When the plan is recorded: an instant (`recordedAt`). */
  readonly now: string;
  /** A fresh UUID for the new planned episode's `urn:uuid` fullUrl. */
  readonly newEpisodeUuid: string;
}

export interface TransactionEntry {
  readonly fullUrl?: string;
  readonly resource: EpisodeOfCare;
  readonly request: {
    readonly method: 'POST' | 'PUT';
    readonly url: string;
    readonly ifMatch?: string;
  };
}

export interface TransitionBundle {
  readonly resourceType: 'Bundle';
  readonly type: 'transaction';
  readonly entry: readonly TransactionEntry[];
}

const EPISODE_TYPE = 'EpisodeOfCare';

/** The level as the profile writes `EpisodeOfCare.type`: Waypoint's code and, where one exists, ASAM's. */
export function levelType(level: LevelOfCare): CodeableConcept {
  const label = levelDefinition(level).label;
  const asam = DEFAULT_LEVEL_CODINGS.find(
    (c) => c.system === LEVEL_SYSTEMS.asamBha && c.level === level,
  );
  return {
    coding: [
      { system: LEVEL_SYSTEMS.waypoint, code: level, display: label },
      ...(asam ? [{ system: asam.system, code: asam.code }] : []),
    ],
    text: label,
  };
}

/** The id of the planned episode a current episode's plan points at, if any. */
export function plannedEpisodeIdOf(current: EpisodeOfCare): string | undefined {
  const plan = list(current.extension).find(
    (e) => isObject(e) && e.url === EXTENSIONS.plannedTransition,
  );
  const part = list(plan?.extension).find((e) => isObject(e) && e.url === 'plannedEpisode');
  const ref = parseReference(part?.valueReference);
  return ref.kind === 'literal' && ref.resourceType === EPISODE_TYPE ? ref.id : undefined;
}

/**
 * Whether a planned episode may be changed in place: still `planned`, of the same client, and
 * carrying a version to send as `ifMatch`. Anything else (it started, was cancelled, or is
 * someone else's) is left alone and a new planned episode is made.
 */
export function isReusablePlannedEpisode(
  current: EpisodeOfCare,
  planned: EpisodeOfCare | undefined,
): planned is EpisodeOfCare & { readonly id: string } {
  if (!isObject(planned) || planned.resourceType !== EPISODE_TYPE || !text(planned.id))
    return false;
  const patient = (e: EpisodeOfCare) => {
    const ref = parseReference(e.patient);
    return ref.kind === 'literal' ? `${ref.resourceType}/${ref.id}` : undefined;
  };
  return (
    planned.status === 'planned' &&
    patient(planned) !== undefined &&
    patient(planned) === patient(current) &&
    !!text(planned.meta?.versionId)
  );
}

function ifMatch(version: string): string {
  return `W/"${version}"`;
}

function plannedTransitionExtension(
  input: TransitionBundleInput,
  plannedEpisode: Reference,
): Extension {
  const { plan, author, now } = input;
  const note = text(plan.note);
  const targetLevel: Coding = {
    system: LEVEL_SYSTEMS.waypoint,
    code: plan.targetLevel,
    display: levelDefinition(plan.targetLevel).label,
  };
  return {
    url: EXTENSIONS.plannedTransition,
    extension: [
      { url: 'targetLevel', valueCoding: targetLevel },
      { url: 'plannedDate', valueDate: plan.plannedDate },
      { url: 'reason', valueString: plan.reason.trim() },
      ...(note ? [{ url: 'note', valueString: note }] : []),
      {
        url: 'recordedBy',
        valueReference: { reference: author.practitionerRef, display: author.name },
      },
      { url: 'recordedAt', valueDateTime: now },
      { url: 'plannedEpisode', valueReference: plannedEpisode },
    ],
  };
}

/** The extension list with the plan put where an earlier plan was, else at the end. */
function withPlan(extensions: readonly Extension[] | undefined, plan: Extension): Extension[] {
  const kept = list(extensions);
  const at = kept.findIndex((e) => isObject(e) && e.url === EXTENSIONS.plannedTransition);
  if (at < 0) return [...kept, plan];
  return kept.flatMap((e, i) =>
    i === at ? [plan] : isObject(e) && e.url === EXTENSIONS.plannedTransition ? [] : [e],
  );
}

/** The new planned episode: same client, therapist, program and diagnoses, at the target level. */
function newPlannedEpisode(current: EpisodeOfCare, plan: TransitionPlan): EpisodeOfCare {
  return {
    resourceType: EPISODE_TYPE,
    status: 'planned',
    type: [levelType(plan.targetLevel)],
    ...(current.diagnosis ? { diagnosis: current.diagnosis } : {}),
    ...(current.patient ? { patient: current.patient } : {}),
    ...(current.managingOrganization ? { managingOrganization: current.managingOrganization } : {}),
    period: { start: plan.plannedDate },
    ...(current.careManager ? { careManager: current.careManager } : {}),
  };
}

/** An earlier plan's episode moved to the new level and date; every other element kept. */
function replannedEpisode(planned: EpisodeOfCare, plan: TransitionPlan): EpisodeOfCare {
  return {
    ...planned,
    type: [levelType(plan.targetLevel)],
    period: { ...planned.period, start: plan.plannedDate },
  };
}

export function buildTransitionBundle(input: TransitionBundleInput): TransitionBundle {
  const { current, plan } = input;
  const currentId = text(current.id);
  if (!currentId) throw new Error('The current episode has no id.');
  const reuse = isReusablePlannedEpisode(current, input.plannedEpisode)
    ? input.plannedEpisode
    : undefined;
  const plannedRef: Reference = reuse
    ? { reference: `${EPISODE_TYPE}/${reuse.id}` }
    : { reference: `urn:uuid:${input.newEpisodeUuid}` };
  const updated: EpisodeOfCare = {
    ...current,
    extension: withPlan(current.extension, plannedTransitionExtension(input, plannedRef)),
  };
  const plannedEntry: TransactionEntry = reuse
    ? {
        resource: replannedEpisode(reuse, plan),
        request: {
          method: 'PUT',
          url: `${EPISODE_TYPE}/${reuse.id}`,
          ifMatch: ifMatch(reuse.meta!.versionId!),
        },
      }
    : {
        fullUrl: plannedRef.reference,
        resource: newPlannedEpisode(current, plan),
        request: { method: 'POST', url: EPISODE_TYPE },
      };
  return {
    resourceType: 'Bundle',
    type: 'transaction',
    entry: [
      {
        resource: updated,
        request: {
          method: 'PUT',
          url: `${EPISODE_TYPE}/${currentId}`,
          ifMatch: ifMatch(input.seenVersionId),
        },
      },
      plannedEntry,
    ],
  };
}
