import { randomUUID } from 'node:crypto';
import type { Resource } from '../db/resource-store';
import type { SearchOutcome } from '../db/search';
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
  const fullUrl = (r: Resource) => `${urls.base}/${r.resourceType}/${r.id}`;
  const entry: unknown[] =
    search.summary === 'count'
      ? []
      : [
          ...outcome.matches.map((r) => ({
            fullUrl: fullUrl(r),
            resource: shape(r, search, true),
            search: { mode: 'match' },
          })),
          ...outcome.includes.map((r) => ({
            fullUrl: fullUrl(r),
            resource: shape(r, search, false),
            search: { mode: 'include' },
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
    entry.push({
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
  return {
    resourceType: 'Bundle',
    id: randomUUID(),
    meta: { lastUpdated: new Date().toISOString() },
    type: 'searchset',
    total,
    link,
    ...(entry.length > 0 ? { entry } : {}),
  };
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
