import { randomUUID } from 'node:crypto';
import type { Resource } from '../db/resource-store';
import { SearchOutcome, StoredResource, parseStored } from '../db/search';
import { jsonMembers } from './json-members';
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
  const entry = bundleEntries(outcome, urls.base).map((e) =>
    'stored' in e ? entryOf(e, outcome.search) : e,
  );
  return { ...bundleHead(outcome, urls), ...(entry.length > 0 ? { entry } : {}) };
}

/**
 * The same Bundle as JSON text, `JSON.stringify(searchsetBundle(…))` byte for byte, built from
 * the text the store holds: a whole resource goes in as it is, a subsetted one as the text of
 * its kept elements. That spares parsing and writing again up to a thousand resources (a
 * megabyte) per page.
 */
export function searchsetBundleJson(outcome: SearchOutcome, urls: BundleUrls): string {
  return withEntries(searchsetHeadJson(outcome, urls), searchsetEntriesJson(outcome, urls.base));
}

/**
 * The Bundle's own members (id, time, total, links): what differs between two answers to the
 * same search of unchanged data.
 */
export function searchsetHeadJson(outcome: SearchOutcome, urls: BundleUrls): string {
  return JSON.stringify(bundleHead(outcome, urls));
}

/**
 * The `entry` array's text (resources and warnings), or '' when there are none: what two answers
 * to the same search of unchanged data, through the same base, share.
 */
export function searchsetEntriesJson(outcome: SearchOutcome, base: string): string {
  const entries = bundleEntries(outcome, base);
  if (entries.length === 0) return '';
  const keepers = new Map<string, ReturnType<typeof keeper>>();
  const keeperOf = (type: string, mode: string) => {
    const key = `${type} ${mode}`;
    if (!keepers.has(key)) keepers.set(key, keeper(type, outcome.search, mode === 'match'));
    return keepers.get(key);
  };
  const entry = entries.map((e) => {
    if (!('stored' in e)) return JSON.stringify(e);
    const keep = keeperOf(e.stored.resourceType, e.mode);
    const resource = keep ? shapedJson(e.stored.json, keep) : e.stored.json;
    return `{"fullUrl":${JSON.stringify(e.fullUrl)},"resource":${resource},"search":{"mode":"${e.mode}"}}`;
  });
  return `[${entry.join(',')}]`;
}

/** The head's text with the entries' (searchsetEntriesJson) added, as searchsetBundleJson writes it. */
export function withEntries(head: string, entries: string): string {
  // `entry` comes last in the Bundle, as in searchsetBundle's object.
  return entries === '' ? head : `${head.slice(0, -1)},"entry":${entries}}`;
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

/** The Bundle without its entries: per answer (a new id and time) and per page (links). */
function bundleHead(outcome: SearchOutcome, urls: BundleUrls) {
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
  return {
    resourceType: 'Bundle',
    id: randomUUID(),
    meta: { lastUpdated: new Date().toISOString() },
    type: 'searchset',
    total,
    link,
  };
}

/** The entries: stored resources, then the outcome's warnings. */
function bundleEntries(outcome: SearchOutcome, base: string) {
  const { search } = outcome;
  const fullUrl = (r: StoredResource) => `${base}/${r.resourceType}/${r.id}`;
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
  return entries;
}

/**
 * `_summary=data` drops the narrative, `_summary=text` keeps only it (with id, meta and the
 * mandatory elements), `_elements` keeps the listed elements: each marks the result SUBSETTED.
 * `_elements` applies to matches only, as R4 leaves included resources whole. Undefined when
 * the resource goes out whole.
 */
function keeper(
  type: string,
  search: ParsedSearch,
  isMatch: boolean,
): ((key: string) => boolean) | undefined {
  const mandatory = new Set(['resourceType', 'id', 'meta', ...(MANDATORY[type] ?? [])]);
  if (search.summary === 'data') return (key) => key !== 'text';
  if (search.summary === 'text') return (key) => key === 'text' || mandatory.has(key);
  if (search.elements && isMatch) {
    const elements = new Set(search.elements);
    return (key) => elements.has(key) || mandatory.has(key);
  }
  return undefined;
}

function shape(resource: Resource, search: ParsedSearch, isMatch: boolean): Resource {
  const keep = keeper(resource.resourceType, search, isMatch);
  if (!keep) return resource;
  const out = Object.fromEntries(Object.entries(resource).filter(([key]) => keep(key))) as Resource;
  out.meta = subsetted(out.meta);
  return out;
}

const SUBSETTED_JSON = JSON.stringify(SUBSETTED);

/** `subsetted` on meta's text: the tag goes last in `tag`, or `tag` last in meta. */
function subsettedJson(meta: string): string {
  const tag = jsonMembers(meta).find((m) => m.key === 'tag');
  if (!tag) return `${meta.slice(0, -1)}${meta === '{}' ? '' : ','}"tag":[${SUBSETTED_JSON}]}`;
  const tags = meta.slice(tag.start, tag.end);
  const list = !tags.startsWith('[')
    ? `[${SUBSETTED_JSON}]`
    : `${tags.slice(0, -1)}${tags === '[]' ? '' : ','}${SUBSETTED_JSON}]`;
  return `${meta.slice(0, tag.start)}${list}${meta.slice(tag.end)}`;
}

function subsetted(meta: Record<string, unknown> = {}): Record<string, unknown> {
  const tags = Array.isArray(meta['tag']) ? (meta['tag'] as unknown[]) : [];
  return { ...meta, tag: [...tags, SUBSETTED] };
}

/**
 * `shape` on the stored text, `JSON.stringify(shape(JSON.parse(json)))` byte for byte: the kept
 * elements are copied as text, and the tag is written into meta's.
 */
function shapedJson(json: string, keep: (key: string) => boolean): string {
  const members: string[] = [];
  let meta = false;
  for (const { key, start, end } of jsonMembers(json)) {
    if (!keep(key)) continue;
    const value = json.slice(start, end);
    if (key === 'meta') {
      meta = true;
      members.push(`"meta":${subsettedJson(value)}`);
    } else members.push(`${JSON.stringify(key)}:${value}`);
  }
  // A resource without meta gets one last, as assigning it to the object does.
  if (!meta) members.push(`"meta":${JSON.stringify(subsetted())}`);
  return `{${members.join(',')}}`;
}
