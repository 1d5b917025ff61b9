import { randomUUID } from 'node:crypto';
import type { Resource } from '../db/resource-store';
import { SearchOutcome, StoredResource, parseStored } from '../db/search';
import type { ParsedSearch } from '../db/search-query';

/** Elements R4 requires (min 1) at the root of each type: kept by `_elements` and `_summary=text`. */
const MANDATORY: Readonly<Record<string, readonly string[]>> = {
  Condition: ['subject'],
  EpisodeOfCare: ['status', 'patient'],
  Appointment: ['status', 'participant'],
  Encounter: ['status', 'class'],
  Observation: ['status', 'code'],
  QuestionnaireResponse: ['status'],
  Flag: ['status', 'code', 'subject'],
  CarePlan: ['status', 'intent', 'subject'],
  Library: ['status', 'type'],
  AuditEvent: ['type', 'recorded', 'agent', 'source'],
};

const SUBSETTED = {
  system: 'http://terminology.hl7.org/CodeSystem/v3-ObservationValue',
  code: 'SUBSETTED',
  display: 'subsetted',
};

export interface BundleUrls {
  /** The FHIR base, e.g. http://localhost:8080/fhir. */
  readonly base: string;
  /** The URL of this very request (the `self` link). */
  readonly self: string;
}

/** The paging URL of a snapshot page: `[base]?_getpages=…` as HAPI and others spell it. */
export function pageUrl(base: string, setId: string, offset: number, count: number): string {
  return `${base}?_getpages=${setId}&_getpagesoffset=${offset}&_count=${count}`;
}

/** A `searchset` Bundle for one page of a search, with R4 paging links and entry modes. */
export function searchsetBundle(outcome: SearchOutcome, urls: BundleUrls) {
  const { head, entries } = bundleParts(outcome, urls);
  const entry = entries.map((e) => ('stored' in e ? entryOf(e, outcome.search) : e));
  return { ...head, ...(entry.length > 0 ? { entry } : {}) };
}

/**
 * The same Bundle as JSON text, `JSON.stringify(searchsetBundle(…))` byte for byte: a resource
 * that is not subsetted goes in as the text the store holds, which spares parsing and writing
 * again up to a thousand resources (a megabyte) per page.
 */
export function searchsetBundleJson(outcome: SearchOutcome, urls: BundleUrls): string {
  const { head, entries } = bundleParts(outcome, urls);
  const json = JSON.stringify(head);
  if (entries.length === 0) return json;
  const entry = entries.map((e) => {
    if (!('stored' in e)) return JSON.stringify(e);
    if (subsets(outcome.search, e.mode === 'match'))
      return JSON.stringify(entryOf(e, outcome.search));
    return `{"fullUrl":${JSON.stringify(e.fullUrl)},"resource":${e.stored.json},"search":{"mode":"${e.mode}"}}`;
  });
  // `entry` comes last in the Bundle, as in searchsetBundle's object.
  return `${json.slice(0, -1)},"entry":[${entry.join(',')}]}`;
}

interface StoredEntry {
  readonly fullUrl: string;
  readonly stored: StoredResource;
  readonly mode: 'match' | 'include';
}

function entryOf(e: StoredEntry, search: ParsedSearch) {
  return {
    fullUrl: e.fullUrl,
    resource: shape(parseStored(e.stored), search, e.mode === 'match'),
    search: { mode: e.mode },
  };
}

/** The Bundle without its entries, and the entries: stored resources and the outcome's warnings. */
function bundleParts(outcome: SearchOutcome, urls: BundleUrls) {
  const { search, total, offset, pageSetId } = outcome;
  const link = [{ relation: 'self', url: urls.self }];
  if (pageSetId) {
    const count = search.count;
    const lastOffset = Math.max(0, Math.floor((total - 1) / count) * count);
    link.push({ relation: 'first', url: pageUrl(urls.base, pageSetId, 0, count) });
    if (offset > 0)
      link.push({
        relation: 'previous',
        url: pageUrl(urls.base, pageSetId, Math.max(0, offset - count), count),
      });
    if (offset + count < total)
      link.push({ relation: 'next', url: pageUrl(urls.base, pageSetId, offset + count, count) });
    link.push({ relation: 'last', url: pageUrl(urls.base, pageSetId, lastOffset, count) });
  }
  const fullUrl = (r: StoredResource) => `${urls.base}/${r.resourceType}/${r.id}`;
  const entries: (StoredEntry | { resource: Resource; search: { mode: 'outcome' } })[] =
    search.summary === 'count'
      ? []
      : [
          ...outcome.matches.map((r) => ({
            fullUrl: fullUrl(r),
            stored: r,
            mode: 'match' as const,
          })),
          ...outcome.includes.map((r) => ({
            fullUrl: fullUrl(r),
            stored: r,
            mode: 'include' as const,
          })),
        ];
  const warnings = [
    ...(search.unknown.length > 0
      ? [`ignored unknown or unsupported search parameter(s): ${search.unknown.join(', ')}`]
      : []),
    ...(outcome.withheldIncludeTypes.length > 0
      ? [`not included, as you may not read them: ${outcome.withheldIncludeTypes.join(', ')}`]
      : []),
  ];
  if (warnings.length > 0)
    entries.push({
      resource: {
        resourceType: 'OperationOutcome',
        issue: warnings.map((diagnostics) => ({
          severity: 'warning',
          code: 'not-supported',
          diagnostics,
        })),
      },
      search: { mode: 'outcome' },
    });
  const head = {
    resourceType: 'Bundle',
    id: randomUUID(),
    meta: { lastUpdated: new Date().toISOString() },
    type: 'searchset',
    total,
    link,
  };
  return { head, entries };
}

/** Whether `shape` changes a resource of this search (else it goes out as stored). */
function subsets(search: ParsedSearch, isMatch: boolean): boolean {
  return search.summary === 'data' || search.summary === 'text' || (!!search.elements && isMatch);
}

/**
 * `_summary=data` drops the narrative, `_summary=text` keeps only it (with id, meta and the
 * mandatory elements), `_elements` keeps the listed elements: each marks the result SUBSETTED.
 * `_elements` applies to matches only, as R4 leaves included resources whole.
 */
function shape(resource: Resource, search: ParsedSearch, isMatch: boolean): Resource {
  let keep: ((key: string) => boolean) | undefined;
  const mandatory = new Set([
    'resourceType',
    'id',
    'meta',
    ...(MANDATORY[resource.resourceType] ?? []),
  ]);
  if (search.summary === 'data') keep = (key) => key !== 'text';
  else if (search.summary === 'text') keep = (key) => key === 'text' || mandatory.has(key);
  else if (search.elements && isMatch) {
    const elements = new Set(search.elements);
    keep = (key) => elements.has(key) || mandatory.has(key);
  }
  if (!keep) return resource;
  const out = Object.fromEntries(Object.entries(resource).filter(([key]) => keep(key))) as Resource;
  const meta = out.meta ?? {};
  const tags = Array.isArray(meta['tag']) ? (meta['tag'] as unknown[]) : [];
  out.meta = { ...meta, tag: [...tags, SUBSETTED] };
  return out;
}
