/**
 * Where every input of `mapResources` went: mapped, rejected (with a reason), reported as not
 * mapped, or merged into another record in one of the documented ways. The property specs
 * check that the counts add up exactly: nothing lost, nothing counted twice, nothing invented.
 *
 * Documented merges (and only these):
 * - an Observation linked by `hasMember` from a panel is read as part of that panel;
 * - item and total Observations of one administration (same subject, instrument and time) are
 *   read as one record;
 * - a QuestionnaireResponse that a mapped Observation is `derivedFrom` is counted once, as the
 *   Observation, with a warning that says so;
 * - an Appointment that a mapped Encounter of the batch names in `appointment` is the same
 *   session, recorded as the Encounter;
 * - only the first Library's curves are used; every other Library is named in a warning.
 */
import { MapBatch, ResourceKey, keyOf } from '../../../app/fhir-mapping/map-result';
import { MappedResources, mappedBatches } from '../../../app/fhir-mapping/map-resources';
import { ResourceBase } from '../../../app/fhir-mapping/fhir-types';
import { IndexedEntry, ResourceIndex, indexResources } from '../../../app/fhir-mapping/references';

export interface Input {
  readonly value: unknown;
  readonly key: string;
  readonly fullUrl?: string;
}

export interface Accounting {
  readonly inputs: number;
  readonly mapped: number;
  readonly rejected: number;
  readonly merged: readonly { readonly key: string; readonly how: string }[];
  /** Inputs neither mapped, rejected nor merged in a documented way. */
  readonly lost: readonly string[];
  /** Outputs with no input left to account for them (counted twice, or invented). */
  readonly phantoms: readonly string[];
}

const keyString = (k: ResourceKey) => `${k.resourceType}|${k.id ?? '\u0000'}`;

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** The inputs as `mapResources` sees them: Bundles unwrapped (one level), entries keyed. */
export function flattenInputs(input: readonly unknown[]): Input[] {
  const out: Input[] = [];
  for (const value of input) {
    if (isRecord(value) && value['resourceType'] === 'Bundle') {
      const entries = Array.isArray(value['entry']) ? value['entry'] : [];
      for (const entry of entries) {
        if (entry === null || entry === undefined) continue;
        const resource = isRecord(entry) ? entry['resource'] : undefined;
        if (isRecord(resource) && typeof resource['resourceType'] === 'string') {
          const fullUrl =
            typeof entry['fullUrl'] === 'string' ? entry['fullUrl'].trim() : undefined;
          out.push({
            value: resource,
            key: keyString(keyOf(resource)),
            fullUrl: fullUrl || undefined,
          });
        } else out.push({ value: entry, key: keyString({ resourceType: 'Bundle.entry' }) });
      }
    } else out.push({ value, key: keyString(keyOf(value)) });
  }
  return out;
}

function outputKeys(mapped: MappedResources, inputs: readonly Input[]): string[] {
  const keys: string[] = [];
  const ids = <T extends { id: string }>(batch: MapBatch<T>, type: (item: T) => string) => {
    for (const item of batch.items)
      keys.push(keyString({ resourceType: type(item), id: item.id.slice(0, 64) }));
  };
  ids(mapped.scores, (s) => s.sourceType);
  ids(mapped.sessions, (s) => s.sourceType);
  ids(mapped.episodes, () => 'EpisodeOfCare');
  ids(mapped.flags, () => 'Flag');
  ids(mapped.carePlans, () => 'CarePlan');
  ids(mapped.patients, () => 'Patient');
  ids(mapped.practitioners, () => 'Practitioner');
  ids(mapped.roles, () => 'PractitionerRole');
  ids(mapped.careTeams, () => 'CareTeam');
  ids(mapped.conditions, () => 'Condition');
  ids(mapped.organizations, () => 'Organization');
  if (mapped.curves?.value) {
    const first = inputs.find((i) => isRecord(i.value) && i.value['resourceType'] === 'Library');
    keys.push(first?.key ?? 'Library|(none given)');
  }
  return keys;
}

function rejectedKeys(mapped: MappedResources): string[] {
  return [
    ...mappedBatches(mapped).flatMap((b) => b.rejected.map((r) => keyString(r.item))),
    ...mapped.unsupported.map((r) => keyString(r.item)),
  ];
}

const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);
const listOf = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

function dateOf(obs: Record<string, unknown>): string | undefined {
  const period = obs['effectivePeriod'];
  return (
    text(obs['effectiveDateTime']) ??
    text(obs['effectiveInstant']) ??
    (isRecord(period) ? text(period['start']) : undefined)
  );
}

/** How `input` was merged into another record, if it was in one of the documented ways. */
interface Batch {
  readonly resources: readonly Input[];
  readonly index: ResourceIndex;
}

/** The inputs that are resources, indexed as `mapResources` indexes them. */
function batchOf(inputs: readonly Input[]): Batch {
  const resources = inputs.filter(
    (i) => isRecord(i.value) && typeof i.value['resourceType'] === 'string',
  );
  const entries: IndexedEntry[] = resources.map((i) => ({
    resource: i.value as ResourceBase,
    ...(i.fullUrl ? { fullUrl: i.fullUrl } : {}),
  }));
  return { resources, index: indexResources(entries) };
}

function mergedHow(
  input: Input,
  batch: Batch,
  mapped: MappedResources,
  mappedKeys: ReadonlySet<string>,
): string | undefined {
  const r = input.value;
  if (!isRecord(r)) return undefined;
  const { resources, index } = batch;
  switch (r['resourceType']) {
    case 'Observation': {
      const observations = resources
        .map((i) => i.value as Record<string, unknown>)
        .filter((o) => o['resourceType'] === 'Observation' && o !== r);
      const panel = observations.find((p) =>
        listOf(p['hasMember']).some(
          (ref) => (index.resolve(ref as never, p as never) as unknown) === r,
        ),
      );
      if (panel) return `hasMember of Observation/${String(panel['id'])}`;
      const subject = isRecord(r['subject']) ? text(r['subject']['reference']) : undefined;
      const sibling = observations.find(
        (o) =>
          (isRecord(o['subject']) ? text(o['subject']['reference']) : undefined) === subject &&
          dateOf(o) !== undefined &&
          dateOf(o) === dateOf(r),
      );
      return sibling ? `same administration as Observation/${String(sibling['id'])}` : undefined;
    }
    case 'QuestionnaireResponse': {
      const id = text(r['id'])?.slice(0, 64);
      const counted = mapped.scores.warnings.some(
        (w) =>
          w.resourceType === 'QuestionnaireResponse' &&
          w.id === id &&
          w.reason.includes('counted once'),
      );
      return counted ? 'scored by the Observation derived from it' : undefined;
    }
    case 'Library': {
      const id = text(r['id'])?.slice(0, 64);
      const unused = (mapped.curves?.problems ?? []).some(
        (w) => w.resourceType === 'Library' && w.id === id && w.reason.includes('not used'),
      );
      return unused ? 'another Library was read first' : undefined;
    }
    case 'Appointment': {
      const sessions = resources
        .map((i) => i.value as ResourceBase)
        .filter((s) => s.resourceType === 'Appointment' || s.resourceType === 'Encounter');
      const local = indexResources(sessions.map((resource) => ({ resource })));
      const encounter = sessions.find(
        (e) =>
          e.resourceType === 'Encounter' &&
          mappedKeys.has(keyString(keyOf(e))) &&
          listOf((e as unknown as Record<string, unknown>)['appointment']).some(
            (ref) => (local.resolve(ref as never, e) as unknown) === r,
          ),
      );
      return encounter ? `recorded as Encounter/${String(encounter.id)}` : undefined;
    }
    default:
      return undefined;
  }
}

/** Accounts for every input of `mapResources(input)`. */
export function account(input: readonly unknown[], mapped: MappedResources): Accounting {
  const inputs = flattenInputs(input);
  const outputs = outputKeys(mapped, inputs);
  const refused = rejectedKeys(mapped);
  const remaining = new Map<string, Input[]>();
  for (const i of inputs) remaining.set(i.key, [...(remaining.get(i.key) ?? []), i]);
  const byKey = new Map([...remaining].map(([key, same]) => [key, [...same]]));
  const phantoms: string[] = [];
  for (const key of [...outputs, ...refused]) {
    const left = remaining.get(key);
    if (left?.length) left.shift();
    else phantoms.push(key);
  }
  const mappedKeys = new Set(outputs);
  const merged: { key: string; how: string }[] = [];
  const lost: string[] = [];
  let batch: Batch | undefined;
  for (const [key, left] of remaining) {
    if (left.length === 0) continue;
    // Outputs and refusals name a key, not which of the inputs with that key they came from
    // (two Observations with one id: the first merged into an administration, the second
    // refused as a duplicate). So whichever of them can be explained as merged is.
    const explained = (byKey.get(key) ?? [])
      .map((i) => ({ key, how: mergedHow(i, (batch ??= batchOf(inputs)), mapped, mappedKeys) }))
      .filter((m): m is { key: string; how: string } => m.how !== undefined);
    merged.push(...explained.slice(0, left.length));
    for (let n = explained.length; n < left.length; n++) lost.push(key);
  }
  return {
    inputs: inputs.length,
    mapped: outputs.length,
    rejected: refused.length,
    merged,
    lost,
    phantoms,
  };
}
