/**
 * FHIR references in the forms real servers send: relative (`Patient/x`), absolute
 * (`https://ehr.example/fhir/Patient/x`, possibly with `/_history/n`), `urn:uuid:` (bundles),
 * contained (`#x`), and conditional (`Patient?identifier=…`, Synthea's bundles). Conditional and
 * identifier-only references need a search to resolve, which a pure mapper cannot do, so they are
 * reported as unresolved — never with the identifier value, which may be an MRN.
 */
import { Reference, ResourceBase } from './fhir-types';
import { excerpt, isObject, list, text } from './read';
import { Steps, runSteps } from './steps';

export type ParsedReference =
  | {
      readonly kind: 'literal';
      readonly resourceType: string;
      readonly id: string;
      readonly url: string;
    }
  | { readonly kind: 'contained'; readonly id: string }
  | { readonly kind: 'uuid'; readonly uuid: string; readonly url: string }
  | { readonly kind: 'unresolvable'; readonly reason: string };

const LITERAL = /^(?:(.+)\/)?([A-Z][A-Za-z]+)\/([A-Za-z0-9\-.]{1,64})(?:\/_history\/[^/]+)?$/;
const CONDITIONAL = /^([A-Z][A-Za-z]+)\?(.*)$/;
const UUID =
  /^urn:uuid:([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})$/;

export function parseReference(ref: Reference | undefined): ParsedReference {
  if (!isObject(ref)) return { kind: 'unresolvable', reason: 'missing' };
  const value = text(ref.reference);
  if (value === undefined) {
    if (isObject(ref.identifier))
      return { kind: 'unresolvable', reason: 'a logical reference (identifier only)' };
    return { kind: 'unresolvable', reason: 'missing' };
  }
  if (value.startsWith('#')) return { kind: 'contained', id: value.slice(1) };
  const uuid = UUID.exec(value);
  if (uuid) return { kind: 'uuid', uuid: uuid[1].toLowerCase(), url: value };
  const conditional = CONDITIONAL.exec(value);
  if (conditional) {
    const params = conditional[2]
      .split('&')
      .map((p) => p.split('=')[0])
      .filter(Boolean);
    return {
      kind: 'unresolvable',
      reason: `a conditional reference (${excerpt(`${conditional[1]}?${params.join('&')}`, 80)}=…)`,
    };
  }
  const literal = LITERAL.exec(value);
  if (literal) return { kind: 'literal', resourceType: literal[2], id: literal[3], url: value };
  return { kind: 'unresolvable', reason: 'not a FHIR reference' };
}

export interface IndexedEntry {
  readonly resource: ResourceBase;
  readonly fullUrl?: string;
}

/** The resources a batch was given, findable by any of the reference forms above. */
export interface ResourceIndex {
  resolve(ref: Reference | undefined, container?: ResourceBase): ResourceBase | undefined;
}

export function indexResources(entries: readonly IndexedEntry[]): ResourceIndex {
  // Built on the first lookup: a mapper's own index (an Encounter's Appointment, a panel's
  // members) is often never asked anything, and building one costs a map entry per resource.
  let index: ResourceIndex | undefined;
  return {
    resolve: (ref, container) =>
      (index ??= runSteps(indexResourcesInSteps(entries))).resolve(ref, container),
  };
}

/** How many entries `indexResourcesInSteps` indexes between pauses. */
const INDEX_STEP = 500;

/**
 * `indexResources`, built now, pausing every few hundred entries (see `steps.ts`). Resources are
 * kept by type, then id (no `Type/id` string per resource); the lower-cased ids that only a
 * `urn:uuid:` reference needs are gathered on the first such lookup.
 */
export function* indexResourcesInSteps(entries: readonly IndexedEntry[]): Steps<ResourceIndex> {
  const byType = new Map<string, Map<string, ResourceBase>>();
  const byUrl = new Map<string, ResourceBase>();
  let n = 0;
  for (const { resource, fullUrl } of entries) {
    const id = text(resource.id);
    if (id !== undefined) {
      const type = resource.resourceType;
      const ofType = byType.get(type);
      if (ofType) ofType.set(id, resource);
      else byType.set(type, new Map([[id, resource]]));
    }
    if (fullUrl) byUrl.set(fullUrl, resource);
    if (++n % INDEX_STEP === 0) yield;
  }
  let byId: Map<string, ResourceBase[]> | undefined;
  const sameId = (uuid: string) => {
    if (!byId) {
      byId = new Map();
      for (const { resource } of entries) {
        const id = text(resource.id)?.toLowerCase();
        if (id === undefined) continue;
        const same = byId.get(id);
        if (same) same.push(resource);
        else byId.set(id, [resource]);
      }
    }
    return byId.get(uuid);
  };
  return {
    resolve(ref, container) {
      const parsed = parseReference(ref);
      switch (parsed.kind) {
        case 'contained':
          return containedResource(container, parsed.id);
        case 'literal':
          return (
            (byUrl.size ? byUrl.get(parsed.url) : undefined) ??
            byType.get(parsed.resourceType)?.get(parsed.id)
          );
        case 'uuid': {
          // Bundles name entries by fullUrl; bulk exports (Synthea) reuse the uuid as the id.
          const found = byUrl.get(parsed.url);
          if (found) return found;
          const same = sameId(parsed.uuid);
          return same?.length === 1 ? same[0] : undefined;
        }
        default:
          return undefined;
      }
    },
  };
}

export const EMPTY_INDEX: ResourceIndex = indexResources([]);

export function containedResource(
  container: ResourceBase | undefined,
  id: string,
): ResourceBase | undefined {
  if (!isObject(container)) return undefined;
  return list(container.contained).find((r) => isObject(r) && r.id === id);
}

export type IdRead =
  { readonly id: string; readonly warning?: string } | { readonly reason: string };

/**
 * The server id of the `expected` resource a reference points at. `what` names the element in
 * reasons ("subject"). A `urn:uuid:` that the batch cannot resolve is taken as the id with a
 * warning, since bulk exports use the uuid as the id.
 */
export function referencedId(
  ref: Reference | undefined,
  expected: string,
  what: string,
  index: ResourceIndex = EMPTY_INDEX,
  container?: ResourceBase,
): IdRead {
  const parsed = parseReference(ref);
  switch (parsed.kind) {
    case 'literal':
      return parsed.resourceType === expected
        ? { id: parsed.id }
        : { reason: `${what} is a ${excerpt(parsed.resourceType, 40)} reference, not ${expected}` };
    case 'contained':
      return { reason: `${what} is a contained resource, which has no server id` };
    case 'uuid': {
      const target = index.resolve(ref, container);
      if (target && target.resourceType !== expected)
        return {
          reason: `${what} is a ${excerpt(String(target.resourceType), 40)} reference, not ${expected}`,
        };
      if (target && text(target.id)) return { id: text(target.id)! };
      return { id: parsed.uuid, warning: `${what} urn:uuid reference taken as the ${expected} id` };
    }
    default:
      return parsed.reason === 'missing'
        ? { reason: `no ${what}` }
        : { reason: `${what} is ${parsed.reason}, which is not resolved` };
  }
}
