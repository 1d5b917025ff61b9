/**
 * EpisodeOfCare → Episode: one stay at one level of care. The level comes only from `type` through
 * the program's level code map; an unknown level is rejected, never guessed (CLINICAL.md). The
 * profile's extensions (end reason, entry route, planned transition) are read when they hold a
 * known code and otherwise ignored with a warning.
 */
import {
  ENTRY_ROUTES,
  EPISODE_END_REASONS,
  EXTENSIONS,
  SYSTEMS,
  presentingProblemForIcd10,
} from '../domain/fhir-codes';
import { mapLevel } from '../domain/levels/level-code-map';
import { EntryRoute, EpisodeEndReason, EpisodeStatus } from '../domain/models';
import { isCalendarDay, readFhirDate } from './fhir-date';
import { Condition, EpisodeOfCare, Extension, PractitionerRole, Reference } from './fhir-types';
import {
  MapBatch,
  MapResult,
  MappingProblem,
  accepted,
  problem,
  rejected,
  toBatch,
} from './map-result';
import { MappedEpisode, MappedPlannedTransition } from './mapped-models';
import { MappingContext, ResolvedContext, resolveContext } from './mapping-context';
import {
  codingsOf,
  codingsOfAll,
  count,
  definedFields,
  excerpt,
  extensionsOf,
  findExtension,
  isObject,
  list,
  text,
} from './read';
import { parseReference, referencedId } from './references';
import { labelsField } from './security-labels';
import { Steps, mapEachStep, runSteps } from './steps';

const STATUSES: readonly EpisodeStatus[] = [
  'planned',
  'waitlist',
  'active',
  'onhold',
  'finished',
  'cancelled',
];

export function mapEpisodeOfCare(
  episode: EpisodeOfCare,
  context?: MappingContext,
): MapResult<MappedEpisode> {
  const ctx = resolveContext(context);
  if (!isObject(episode)) return rejected(episode, 'not a resource');
  const id = text(episode.id);
  if (id === undefined) return rejected(episode, 'no id');
  const status = text(episode.status);
  if (status === 'entered-in-error') return rejected(episode, 'status entered-in-error: excluded');
  if (!STATUSES.includes(status as EpisodeStatus))
    return rejected(episode, status ? `unknown status "${status.slice(0, 30)}"` : 'no status');
  const level = mapLevel(ctx.levelCodeMap, codingsOfAll(episode.type));
  if ('unknown' in level) return rejected(episode, level.unknown);
  const patient = referencedId(episode.patient, 'Patient', 'patient', ctx.index, episode);
  if ('reason' in patient) return rejected(episode, patient.reason);
  const warnings: MappingProblem[] = [];
  const warn = (reason: string) => warnings.push(problem(episode, 'warning', reason));
  if (patient.warning) warn(patient.warning);
  const start = readFhirDate(episode.period?.start, 'period.start');
  if ('reason' in start) return rejected(episode, start.reason, warnings);
  const optional = definedFields({
    end: optionalDate(episode.period?.end, 'period.end', warn),
    careManagerId: careManagerId(episode, ctx, warn),
    programId: organizationId(episode.managingOrganization, ctx, warn),
    endReason: codedExtension<EpisodeEndReason>(episode, END_REASON, warn),
    entryRoute: codedExtension<EntryRoute>(episode, ENTRY_ROUTE, warn),
    plannedTransition: plannedTransition(episode, ctx, warn),
    presentingProblems: presentingProblems(episode, ctx, warn),
  });
  return accepted<MappedEpisode>(
    {
      id,
      patientId: patient.id,
      level: level.level,
      status: status as EpisodeStatus,
      start: start.value,
      ...optional,
      ...versionField(episode),
      ...labelsField(episode),
    },
    warnings,
  );
}

export function mapEpisodesOfCare(
  episodes: readonly EpisodeOfCare[],
  context?: MappingContext,
): MapBatch<MappedEpisode> {
  return runSteps(mapEpisodesOfCareInSteps(episodes, context));
}

/** `mapEpisodesOfCare`, pausing after each episode (see `steps.ts`). */
export function* mapEpisodesOfCareInSteps(
  episodes: readonly EpisodeOfCare[],
  context?: MappingContext,
): Steps<MapBatch<MappedEpisode>> {
  return toBatch(yield* mapEachStep(list(episodes), (e) => mapEpisodeOfCare(e, context)));
}

type Warn = (reason: string) => void;

function optionalDate(value: unknown, what: string, warn: Warn): string | undefined {
  if (value === undefined) return undefined;
  const read = readFhirDate(value, what);
  if ('reason' in read) warn(`${read.reason}: ignored`);
  return 'value' in read ? read.value : undefined;
}

/** R4 allows Practitioner or PractitionerRole; a role is followed to its practitioner when given. */
function careManagerId(
  episode: EpisodeOfCare,
  ctx: ResolvedContext,
  warn: Warn,
): string | undefined {
  if (episode.careManager === undefined) return undefined;
  const target = ctx.index.resolve(episode.careManager, episode);
  const ref: Reference | undefined =
    target?.resourceType === 'PractitionerRole'
      ? (target as PractitionerRole).practitioner
      : episode.careManager;
  const read = referencedId(ref, 'Practitioner', 'careManager', ctx.index, episode);
  if ('reason' in read) {
    warn(`${read.reason}: no care manager`);
    return undefined;
  }
  if (read.warning) warn(read.warning);
  return read.id;
}

function organizationId(
  ref: Reference | undefined,
  ctx: ResolvedContext,
  warn: Warn,
): string | undefined {
  if (ref === undefined) return undefined;
  const read = referencedId(ref, 'Organization', 'managingOrganization', ctx.index);
  if ('reason' in read) {
    warn(`${read.reason}: no program`);
    return undefined;
  }
  if (read.warning) warn(read.warning);
  return read.id;
}

interface CodedExtension<T extends string> {
  readonly url: string;
  readonly system: string;
  readonly known: Readonly<Record<T, string>>;
}

const END_REASON: CodedExtension<EpisodeEndReason> = {
  url: EXTENSIONS.episodeEndReason,
  system: SYSTEMS.episodeEndReason,
  known: EPISODE_END_REASONS,
};

const ENTRY_ROUTE: CodedExtension<EntryRoute> = {
  url: EXTENSIONS.entryRoute,
  system: SYSTEMS.entryRoute,
  known: ENTRY_ROUTES,
};

function codedExtension<T extends string>(
  episode: EpisodeOfCare,
  { url, system, known }: CodedExtension<T>,
  warn: Warn,
): T | undefined {
  const ext = findExtension(episode, url);
  if (!ext) return undefined;
  const coding = isObject(ext.valueCoding) ? ext.valueCoding : undefined;
  const code = text(coding?.code);
  if (coding?.system === system && code !== undefined && Object.hasOwn(known, code))
    return code as T;
  warn(
    `${url.split('/').pop()} extension has no known code (${excerpt(text(coding?.system) ?? '(no system)')}|${excerpt(code ?? '')}): ignored`,
  );
  return undefined;
}

/** Only a usable version: anything else could not be sent back as `If-Match: W/"…"`. */
function versionField(episode: EpisodeOfCare): { versionId?: string } {
  const version = isObject(episode.meta) ? text(episode.meta.versionId) : undefined;
  return version !== undefined && /^[^"\\\s]{1,64}$/.test(version) ? { versionId: version } : {};
}

function plannedTransition(
  episode: EpisodeOfCare,
  ctx: ResolvedContext,
  warn: Warn,
): MappedPlannedTransition | undefined {
  const ext = findExtension(episode, EXTENSIONS.plannedTransition);
  if (!ext) return undefined;
  const part = (name: string): Extension | undefined =>
    extensionsOf(ext).find((e) => e.url === name);
  const target = part('targetLevel')?.valueCoding;
  const level = mapLevel(ctx.levelCodeMap, isObject(target) ? [target] : []);
  const plannedDate = part('plannedDate')?.valueDate;
  if ('unknown' in level)
    return warnNone(warn, `planned transition ignored: targetLevel ${level.unknown}`);
  if (!isCalendarDay(plannedDate))
    return warnNone(warn, 'planned transition ignored: plannedDate is not a full date');
  const reason = text(part('reason')?.valueString);
  const note = text(part('note')?.valueString);
  const recordedBy = recorder(part('recordedBy')?.valueReference);
  const recordedAt = optionalDate(
    part('recordedAt')?.valueDateTime,
    'planned transition recordedAt',
    warn,
  );
  const plannedEpisode = parseReference(part('plannedEpisode')?.valueReference);
  return {
    targetLevel: level.level,
    plannedDate: plannedDate.trim(),
    ...(reason ? { reason } : {}),
    ...(note ? { note } : {}),
    ...(recordedBy ? { recordedBy } : {}),
    ...(recordedAt ? { recordedAt } : {}),
    ...(plannedEpisode.kind === 'literal' && plannedEpisode.resourceType === 'EpisodeOfCare'
      ? { plannedEpisodeId: plannedEpisode.id }
      : {}),
  };
}

/** Who recorded a plan: the Practitioner's id and the display written with it, either or both. */
function recorder(ref: Reference | undefined): MappedPlannedTransition['recordedBy'] {
  if (!isObject(ref)) return undefined;
  const parsed = parseReference(ref);
  const practitionerId =
    parsed.kind === 'literal' && parsed.resourceType === 'Practitioner' ? parsed.id : undefined;
  const display = text(ref.display);
  if (practitionerId === undefined && display === undefined) return undefined;
  return { ...(practitionerId ? { practitionerId } : {}), ...(display ? { display } : {}) };
}

function warnNone(warn: Warn, reason: string): undefined {
  warn(reason);
  return undefined;
}

/** Groups of the ICD-10-CM codes of the diagnosis Conditions the batch holds. */
function presentingProblems(
  episode: EpisodeOfCare,
  ctx: ResolvedContext,
  warn: Warn,
): string[] | undefined {
  const diagnoses = list(episode.diagnosis).filter(isObject);
  if (diagnoses.length === 0) return undefined;
  const groups = new Set<string>();
  let unresolved = 0;
  for (const diagnosis of diagnoses) {
    const condition = ctx.index.resolve(diagnosis.condition, episode);
    if (condition?.resourceType !== 'Condition') {
      unresolved++;
      continue;
    }
    for (const coding of codingsOf((condition as Condition).code))
      if (coding.system === SYSTEMS.icd10cm && text(coding.code))
        groups.add(presentingProblemForIcd10(coding.code!));
  }
  if (unresolved) warn(`${count(unresolved, 'diagnosis condition')} not among the resources given`);
  return groups.size ? [...groups] : undefined;
}
