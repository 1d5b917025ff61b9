/**
 * Observation → ScoreRecord. A score arrives as a total, as a panel whose items are components,
 * or as a panel whose items (and often the total) are separate Observations linked by
 * `hasMember`; `mapObservations` resolves those links among the resources it is given.
 */
import { InstrumentDefinition } from '../domain/instruments/instrument';
import { answerScale } from './answer-scores';
import { observationDate } from './fhir-date';
import { Observation, ObservationValue, Reference, ResourceBase } from './fhir-types';
import { InstrumentPart, matchInstrumentCodings } from './instrument-codes';
import { MappingProblem, problem, rejected } from './map-result';
import { MappingContext, ResolvedContext, resolveContext } from './mapping-context';
import { readObservationNumber } from './observation-value';
import { codingsOf, count, describeCodings, excerpt, isObject, list, ownEntry, text } from './read';
import { indexResources, referencedId } from './references';
import { ScoreBatch, ScoreResult, assembleScore, toScoreBatch } from './score-assembly';
import { Steps, runSteps } from './steps';

const EXCLUDED_STATUS: Readonly<Record<string, string>> = {
  'entered-in-error': 'status entered-in-error: excluded',
  cancelled: 'status cancelled: excluded',
  registered: 'status registered: no result yet',
};

interface Header {
  readonly id: string;
  readonly part: InstrumentPart;
  readonly patientId: string;
  readonly date: string;
  readonly warnings: readonly MappingProblem[];
}

type HeaderRead = { readonly header: Header } | { readonly failure: ScoreResult };

/** One Observation on its own: its value and its components (hasMember needs the batch). */
export function mapObservation(obs: Observation, context?: MappingContext): ScoreResult {
  const ctx = resolveContext(context);
  const unresolved = list(obs?.hasMember).length;
  const note = unresolved
    ? [
        problem(
          obs,
          'warning',
          `${count(unresolved, 'hasMember reference')} not resolved (map the batch with mapObservations)`,
        ),
      ]
    : [];
  return fromParts(obs, [], ctx, note);
}

/**
 * Many Observations: duplicates (same id) are dropped, panels gather their `hasMember` items and
 * total, and separate item Observations of the same patient, instrument and time are scored
 * together (with the total Observation of that time, if there is exactly one).
 */
export function mapObservations(
  observations: readonly Observation[],
  context?: MappingContext,
): ScoreBatch {
  return runSteps(mapObservationsInSteps(observations, context));
}

/** `mapObservations`, pausing after each administration (see `steps.ts`). */
export function* mapObservationsInSteps(
  observations: readonly Observation[],
  context?: MappingContext,
): Steps<ScoreBatch> {
  const ctx = resolveContext(context);
  const { unique, results } = dropDuplicates(observations);
  const local = indexResources(unique.map((resource) => ({ resource })));
  const resolve = (ref: Reference, container: ResourceBase) =>
    local.resolve(ref, container) ?? ctx.index.resolve(ref, container);
  const consumed = new Set<Observation>();
  for (const panel of unique.filter((o) => list(o.hasMember).length > 0)) {
    if (!matchInstrumentCodings(codingsOf(panel.code), ctx)) continue;
    const members = list(panel.hasMember).map((ref) => resolve(ref, panel));
    const found = members.filter(isObservation);
    const missing = members.length - found.length;
    const note = missing
      ? [
          problem(
            panel,
            'warning',
            `${count(missing, 'hasMember reference')} not among the resources given`,
          ),
        ]
      : [];
    [panel, ...found].forEach((o) => consumed.add(o));
    results.push(fromParts(panel, found, ctx, note));
    yield;
  }
  const unlinked = yield* mapUnlinked(
    unique.filter((o) => !consumed.has(o)),
    ctx,
  );
  // One push per result: spread into push, a program's ~150,000 scores overflow the call stack.
  for (const result of unlinked) results.push(result);
  return toScoreBatch(results);
}

function isObservation(r: ResourceBase | undefined): r is Observation {
  return isObject(r) && r.resourceType === 'Observation';
}

function dropDuplicates(observations: readonly Observation[]) {
  const seen = new Set<string>();
  const unique: Observation[] = [];
  const results: ScoreResult[] = [];
  for (const obs of list(observations)) {
    const id = isObject(obs) ? text(obs.id) : undefined;
    if (id !== undefined && seen.has(id)) {
      results.push(rejected(obs, 'duplicate: an Observation with this id was already read'));
      continue;
    }
    if (id !== undefined) seen.add(id);
    unique.push(obs);
  }
  return { unique, results };
}

/** Observations not linked from a panel: item and total Observations of one administration are grouped. */
function* mapUnlinked(
  observations: readonly Observation[],
  ctx: ResolvedContext,
): Steps<ScoreResult[]> {
  const results: ScoreResult[] = [];
  const groups = new Map<string, { obs: Observation; part: InstrumentPart }[]>();
  // Each header is read once: the group's anchor is scored from the header read here.
  const heads = new Map<Observation, HeaderRead>();
  const memo = ctx.memo?.observations;
  for (const obs of observations) {
    const early = memo?.get(obs);
    const head = early?.head ?? readHeader(obs, ctx);
    yield;
    if ('failure' in head || head.header.part.kind === 'panel') {
      results.push(early?.alone ?? fromParts(obs, [], ctx, [], head));
      continue;
    }
    heads.set(obs, head);
    const { part, date } = head.header;
    const key = `${text(obs.subject?.reference)}|${part.instrument.id}|${date}`;
    const group = groups.get(key);
    if (group) group.push({ obs, part });
    else groups.set(key, [{ obs, part }]);
  }
  for (const group of groups.values()) {
    const totals = group.filter((g) => g.part.kind === 'total').map((g) => g.obs);
    const items = group
      .filter((g) => g.part.kind === 'item')
      .sort((a, b) => itemOrder(a.part) - itemOrder(b.part))
      .map((g) => g.obs);
    if (items.length === 0 || totals.length > 1) {
      for (const { obs } of group)
        results.push(memo?.get(obs)?.alone ?? fromParts(obs, [], ctx, [], heads.get(obs)));
    } else {
      const [anchor, ...rest] = totals.length === 1 ? [totals[0], ...items] : items;
      results.push(fromParts(anchor, rest, ctx, [], heads.get(anchor)));
    }
    yield;
  }
  return results;
}

/** What `premapObservation` could read of an Observation on its own (see `premap.ts`). */
export interface PremappedObservation {
  readonly head: HeaderRead;
  /** Its record when it is scored alone: a total, a panel, a failure (not an item). */
  readonly alone?: ScoreResult;
}

/**
 * The parts of mapping an Observation that need no other resource: its header, and its record
 * when it will be scored alone. An item is scored with the rest of its administration, which
 * only the whole batch holds, so its record is left to `mapObservations`.
 */
export function premapObservation(obs: Observation, ctx: ResolvedContext): PremappedObservation {
  const head = readHeader(obs, ctx);
  if ('header' in head && head.header.part.kind === 'item') return { head };
  return { head, alone: fromParts(obs, [], ctx, [], head) };
}

const itemOrder = (part: InstrumentPart) => (part.kind === 'item' ? parseFloat(part.item) : 0);

function readHeader(obs: Observation, ctx: ResolvedContext): HeaderRead {
  const fail = (reason: string, warnings: readonly MappingProblem[] = []): HeaderRead => ({
    failure: rejected(obs, reason, warnings),
  });
  if (!isObject(obs)) return fail('not a resource');
  const id = text(obs.id);
  if (id === undefined) return fail('no id');
  const status = text(obs.status);
  const excluded = ownEntry(EXCLUDED_STATUS, status);
  if (excluded) return fail(excluded);
  const codings = codingsOf(obs.code);
  const part = matchInstrumentCodings(codings, ctx);
  if (!part) return fail(`unknown instrument code ${describeCodings(codings)}`);
  const patient = referencedId(obs.subject, 'Patient', 'subject', ctx.index, obs);
  if ('reason' in patient) return fail(patient.reason);
  const warnings = patient.warning ? [problem(obs, 'warning', patient.warning)] : [];
  const date = observationDate(obs);
  if ('reason' in date) return fail(date.reason, warnings);
  return {
    header: {
      id,
      part,
      patientId: ctx.intern(patient.id),
      date: ctx.intern(date.value),
      warnings,
    },
  };
}

/** The anchor gives the record its id, patient and date; every part adds a total or items. */
function fromParts(
  anchor: Observation,
  members: readonly Observation[],
  ctx: ResolvedContext,
  notes: readonly MappingProblem[] = [],
  read: HeaderRead = readHeader(anchor, ctx),
): ScoreResult {
  const head = read;
  if ('failure' in head) return head.failure;
  const { header } = head;
  const instrument = header.part.instrument;
  const collected = new Collector(anchor, instrument);
  const anchorFailure = collected.addOwnValue(anchor, header.part);
  if (anchorFailure) return rejected(anchor, anchorFailure, [...header.warnings, ...notes]);
  collected.addComponents(anchor, ctx);
  for (const member of members) collected.addMember(member, ctx);
  return assembleScore({
    resource: anchor,
    sourceType: 'Observation',
    id: header.id,
    instrument,
    patientId: header.patientId,
    date: header.date,
    stated: collected.stated,
    items: collected.items,
    warnings: [...header.warnings, ...notes, ...collected.warnings],
  });
}

const VALUE_KEYS = [
  'valueInteger',
  'valueQuantity',
  'valueDecimal',
  'valueString',
  'valueCodeableConcept',
  'dataAbsentReason',
] as const;

const hasValue = (v: ObservationValue) => isObject(v) && VALUE_KEYS.some((k) => v[k] !== undefined);

/** Gathers one administration's stated total and item scores, noting what it had to skip. */
class Collector {
  stated: number | undefined;
  readonly items: Record<string, number> = {};
  readonly warnings: MappingProblem[] = [];

  constructor(
    private readonly anchor: Observation,
    private readonly instrument: InstrumentDefinition,
  ) {}

  /** The anchor's own value; a total that cannot be read rejects the whole record. */
  addOwnValue(obs: Observation, part: InstrumentPart): string | undefined {
    if (!hasValue(obs)) return part.kind === 'total' ? 'no value' : undefined;
    const failure = this.addValue(obs, part);
    return part.kind === 'total' ? failure : this.warnOn(failure, 'value');
  }

  addComponents(obs: Observation, ctx: ResolvedContext): void {
    list(obs.component).forEach((component, i) => {
      const part = matchInstrumentCodings(codingsOf(component?.code), ctx);
      // Components of other instruments or unscored questions (PHQ-9 "difficulty") are ignored.
      if (!part || part.instrument !== this.instrument || part.kind === 'panel') return;
      this.warnOn(this.addValue(component, part), `component ${i}`);
    });
  }

  addMember(member: Observation, ctx: ResolvedContext): void {
    const key = `hasMember ${member.resourceType}/${excerpt(text(member.id) ?? '(no id)', 64)}`;
    const status = text(member.status);
    const excluded = ownEntry(EXCLUDED_STATUS, status);
    if (excluded) return this.warn(`${key}: ${excluded}`);
    const codings = codingsOf(member.code);
    const part = matchInstrumentCodings(codings, ctx);
    if (!part || part.instrument !== this.instrument)
      return this.warn(
        `${key} (${describeCodings(codings)}) is not a scored part of ${this.instrument.shortName}: ignored`,
      );
    if (hasValue(member)) this.warnOn(this.addValue(member, part), key);
    this.addComponents(member, ctx);
  }

  /** Adds a total or an item score; returns why it could not, if it could not. */
  private addValue(source: ObservationValue, part: InstrumentPart): string | undefined {
    const scale = answerScale(this.instrument.id, part.kind === 'item' ? 'item' : 'total');
    const read = readObservationNumber(source, scale);
    if ('reason' in read)
      return part.kind === 'item' ? `item ${part.item}: ${read.reason}` : read.reason;
    if (part.kind === 'item') this.items[part.item] = read.value;
    else if (this.stated === undefined) this.stated = read.value;
    else if (this.stated !== read.value)
      return `a second total ${read.value} differs from ${this.stated}: ignored`;
    return undefined;
  }

  private warnOn(failure: string | undefined, where: string): undefined {
    if (failure) this.warn(`${where}: ${failure}`);
    return undefined;
  }

  private warn(reason: string): void {
    this.warnings.push(problem(this.anchor, 'warning', reason));
  }
}
