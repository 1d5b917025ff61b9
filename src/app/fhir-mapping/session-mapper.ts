/**
 * Appointment and Encounter → SessionRecord. An Appointment is a scheduled session (its status
 * says whether it was kept); an Encounter is a session that took place. When a batch holds both
 * for one session (Encounter.appointment), the Encounter is the record and the Appointment is
 * dropped, so a session is never counted twice.
 */
import { modalityFromCodings } from '../domain/fhir-codes';
import { SessionStatus } from '../domain/models';
import { minutesBetween, readFhirDate } from './fhir-date';
import { Appointment, Encounter, Quantity, Reference, ResourceBase } from './fhir-types';
import {
  MapBatch,
  MapResult,
  MappingProblem,
  accepted,
  problem,
  rejected,
  toBatch,
} from './map-result';
import { MappedSession } from './mapped-models';
import { MappingContext, resolveContext } from './mapping-context';
import {
  codingsOf,
  codingsOfAll,
  describeCodings,
  finiteNumber,
  isObject,
  list,
  ownEntry,
  text,
} from './read';
import { ResourceIndex, indexResources, parseReference, referencedId } from './references';
import { securityLabelsOf } from './security-labels';
import { Steps, mapEachStep, runSteps } from './steps';

const APPOINTMENT_STATUS: Readonly<Record<string, SessionStatus>> = {
  booked: 'scheduled',
  arrived: 'attended',
  'checked-in': 'attended',
  fulfilled: 'attended',
  noshow: 'missed',
  cancelled: 'cancelled',
};

const ENCOUNTER_STATUS: Readonly<Record<string, SessionStatus>> = {
  planned: 'scheduled',
  arrived: 'attended',
  triaged: 'attended',
  'in-progress': 'attended',
  finished: 'attended',
  cancelled: 'cancelled',
};

export function mapAppointment(
  appointment: Appointment,
  context?: MappingContext,
): MapResult<MappedSession> {
  const ctx = resolveContext(context);
  if (!isObject(appointment)) return rejected(appointment, 'not a resource');
  const status = sessionStatus(appointment, APPOINTMENT_STATUS);
  if ('reason' in status) return rejected(appointment, status.reason);
  const codings = codingsOfAll(appointment.serviceType);
  const modality = modalityFromCodings(codings);
  if (!modality) return rejected(appointment, `unknown modality code ${describeCodings(codings)}`);
  const actor = patientActor(appointment, ctx.index);
  const patient = referencedId(actor, 'Patient', 'patient participant', ctx.index, appointment);
  if ('reason' in patient) return rejected(appointment, patient.reason);
  const warnings = patient.warning ? [problem(appointment, 'warning', patient.warning)] : [];
  const start = readFhirDate(appointment.start, 'start');
  if ('reason' in start) return rejected(appointment, start.reason, warnings);
  const minutes =
    finiteNumber(appointment.minutesDuration) ?? minutesBetween(appointment.start, appointment.end);
  if (minutes === undefined || minutes < 0)
    return rejected(
      appointment,
      'no session length (no minutesDuration, and start and end are not both times)',
      warnings,
    );
  const { intern } = ctx;
  const session: MappedSession = {
    id: text(appointment.id)!,
    patientId: intern(patient.id),
    modality: intern(modality),
    status: status.status,
    start: intern(start.value),
    minutes,
    sourceType: 'Appointment',
  };
  return accepted(labelled(session, appointment), warnings);
}

export function mapEncounter(
  encounter: Encounter,
  context?: MappingContext,
): MapResult<MappedSession> {
  const ctx = resolveContext(context);
  if (!isObject(encounter)) return rejected(encounter, 'not a resource');
  const status = sessionStatus(encounter, ENCOUNTER_STATUS);
  if ('reason' in status) return rejected(encounter, status.reason);
  const codings = [...codingsOfAll(encounter.type), ...codingsOf(encounter.serviceType)];
  const modality = modalityFromCodings(codings);
  if (!modality) return rejected(encounter, `unknown modality code ${describeCodings(codings)}`);
  const patient = referencedId(encounter.subject, 'Patient', 'subject', ctx.index, encounter);
  if ('reason' in patient) return rejected(encounter, patient.reason);
  const warnings: MappingProblem[] = patient.warning
    ? [problem(encounter, 'warning', patient.warning)]
    : [];
  const start = readFhirDate(encounter.period?.start, 'period.start');
  if ('reason' in start) return rejected(encounter, start.reason, warnings);
  const minutes =
    lengthInMinutes(encounter.length) ??
    minutesBetween(encounter.period?.start, encounter.period?.end);
  if (minutes === undefined)
    return rejected(
      encounter,
      'no session length (no length in time units, and the period has no times)',
      warnings,
    );
  const episodeId = episodeOf(encounter, ctx, warnings);
  const { intern } = ctx;
  const id = text(encounter.id)!;
  const patientId = intern(patient.id);
  const kind = intern(modality);
  const startsAt = intern(start.value);
  // Two literals rather than a spread of an optional key: a literal's properties live in the
  // object itself, a spread's in a second array, and a program holds ~400,000 sessions.
  const session: MappedSession = episodeId
    ? {
        id,
        patientId,
        episodeId: intern(episodeId),
        modality: kind,
        status: status.status,
        start: startsAt,
        minutes,
        sourceType: 'Encounter',
      }
    : {
        id,
        patientId,
        modality: kind,
        status: status.status,
        start: startsAt,
        minutes,
        sourceType: 'Encounter',
      };
  return accepted(labelled(session, encounter), warnings);
}

/** The record with the resource's security labels, if it carries any. */
function labelled(session: MappedSession, resource: Appointment | Encounter): MappedSession {
  const labels = securityLabelsOf(resource);
  return labels.length ? { ...session, securityLabels: labels } : session;
}

/**
 * Appointments and Encounters together. An Appointment that a mapped Encounter of the batch names
 * in `appointment` is the same session, so only the Encounter is kept; an Encounter that could not
 * be mapped does not hide its Appointment.
 */
export function mapSessions(
  resources: readonly (Appointment | Encounter)[],
  context?: MappingContext,
): MapBatch<MappedSession> {
  return runSteps(mapSessionsInSteps(resources, context));
}

/** `mapSessions`, pausing after each session (see `steps.ts`). */
export function* mapSessionsInSteps(
  resources: readonly (Appointment | Encounter)[],
  context?: MappingContext,
): Steps<MapBatch<MappedSession>> {
  // One context object for the batch, so it is resolved once and its strings shared.
  const batch = context ?? {};
  const all = list(resources).filter(isObject);
  const index = indexResources(all.map((resource) => ({ resource })));
  const encounters = all.filter((r): r is Encounter => r.resourceType === 'Encounter');
  const memo = batch.memo?.sessions;
  const mapped = yield* mapEachStep(encounters, (encounter) => ({
    encounter,
    result: memo?.get(encounter) ?? mapEncounter(encounter, batch),
  }));
  const superseded = new Set<ResourceBase>();
  for (const { encounter, result } of mapped) {
    if (result.value === undefined) continue;
    for (const ref of list(encounter.appointment)) {
      const appointment = index.resolve(ref, encounter);
      if (appointment?.resourceType === 'Appointment') superseded.add(appointment);
    }
  }
  const others = yield* mapEachStep(
    all.filter((r) => r.resourceType !== 'Encounter' && !superseded.has(r)),
    (r) =>
      r.resourceType === 'Appointment'
        ? (memo?.get(r) ?? mapAppointment(r as Appointment, batch))
        : rejected<MappedSession>(r, 'not an Appointment or Encounter'),
  );
  return toBatch([...mapped.map((m) => m.result), ...others]);
}

function sessionStatus(
  resource: Appointment | Encounter,
  statuses: Readonly<Record<string, SessionStatus>>,
): { status: SessionStatus } | { reason: string } {
  if (text(resource.id) === undefined) return { reason: 'no id' };
  const status = text(resource.status);
  if (status === undefined) return { reason: 'no status' };
  if (status === 'entered-in-error') return { reason: 'status entered-in-error: excluded' };
  const mapped = ownEntry(statuses, status);
  return mapped
    ? { status: mapped }
    : { reason: `status ${status.slice(0, 30)} is not a session state` };
}

/** The participant that is the client: a Patient reference, or a bundle uuid that resolves to one. */
function patientActor(appointment: Appointment, index: ResourceIndex): Reference | undefined {
  const actors = list(appointment.participant).map((p) => (isObject(p) ? p.actor : undefined));
  return actors.find((actor) => {
    const parsed = parseReference(actor);
    if (parsed.kind === 'literal') return parsed.resourceType === 'Patient';
    if (actor?.type === 'Patient') return true;
    if (parsed.kind === 'uuid')
      return index.resolve(actor, appointment)?.resourceType === 'Patient';
    // A conditional Patient reference is chosen so that the rejection says why it was not read.
    return text(actor?.reference)?.startsWith('Patient?') ?? false;
  });
}

/** An R4 Duration in minutes; UCUM `min`, `h` and `s` (by code, else by unit text). */
function lengthInMinutes(length: Quantity | undefined): number | undefined {
  if (!isObject(length)) return undefined;
  const value = finiteNumber(length.value);
  const unit = text(length.code) ?? text(length.unit);
  if (value === undefined || value < 0 || unit === undefined) return undefined;
  const perMinute: Readonly<Record<string, number>> = {
    min: 1,
    mins: 1,
    minutes: 1,
    h: 60,
    hour: 60,
    hours: 60,
    s: 1 / 60,
  };
  const factor = ownEntry(perMinute, unit.toLowerCase());
  const minutes = factor === undefined ? undefined : Math.round(value * factor);
  // A finite length in hours can still overflow to Infinity minutes.
  return minutes !== undefined && Number.isFinite(minutes) ? minutes : undefined;
}

function episodeOf(
  encounter: Encounter,
  ctx: ReturnType<typeof resolveContext>,
  warnings: MappingProblem[],
) {
  const ref = list(encounter.episodeOfCare)[0];
  if (ref === undefined) return undefined;
  const read = referencedId(ref, 'EpisodeOfCare', 'episodeOfCare', ctx.index, encounter);
  if ('reason' in read) {
    warnings.push(problem(encounter, 'warning', `${read.reason}: no episode`));
    return undefined;
  }
  return read.id;
}
