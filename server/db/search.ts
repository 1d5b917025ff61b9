import { randomUUID } from 'node:crypto';
import { SHARED_TYPES } from '../fhir/search-params';
import { FhirError } from './fhir-error';
import type { ResourceStore } from './resource-store';
import { Resource } from './resource-validation';
import { Clause, IncludeSpec, ParsedSearch, SearchParams, parseSearch } from './search-query';

export type { SearchParams } from './search-query';

export interface SearchContext {
  /** 'all', or the Patient ids whose compartments the caller may reach. */
  readonly patientScope: 'all' | ReadonlySet<string>;
  /** Whether resources of a type may be added by _include/_revinclude (default: all may). */
  readonly canInclude?: (type: string) => boolean;
  /** Who searched: only they may page through the snapshot. */
  readonly owner?: string;
  /** `Prefer: handling=strict`: refuse unknown parameters (400) instead of ignoring them. */
  readonly strict?: boolean;
  readonly now?: number;
}

/**
 * A resource as stored. `json` is the text the store wrote, `JSON.stringify` of the resource
 * (see ResourceStore.writeVersion), so it is byte for byte what a read answers and can go into
 * a response as it is, without being parsed and written again.
 */
export interface StoredResource {
  readonly resourceType: string;
  readonly id: string;
  readonly json: string;
}

export function parseStored(stored: StoredResource): Resource {
  return JSON.parse(stored.json) as Resource;
}

export interface SearchOutcome {
  readonly search: ParsedSearch;
  readonly matches: readonly StoredResource[];
  readonly includes: readonly StoredResource[];
  /** Matches in all pages (R4 `Bundle.total`), fixed when the search ran. */
  readonly total: number;
  /** Where this page starts, and the snapshot that later pages read, when there are more. */
  readonly offset: number;
  readonly pageSetId?: string;
  /** Patients whose data this page holds (matches and includes), for the audit trail. */
  readonly patientIds: ReadonlySet<string>;
  /** Types left out of _include/_revinclude because the caller may not read them. */
  readonly withheldIncludeTypes: readonly string[];
}

interface Row {
  readonly rid: number;
  readonly type: string;
  readonly id: string;
  readonly patient_id: string | null;
  readonly deleted?: number;
  readonly json: string;
}

/**
 * Runs an R4 search. The first page is answered directly when everything fits on it; otherwise
 * the ordered list of matches is kept as a snapshot (row ids, in memory), and later
 * pages read slices of it (`_getpages`). That is what keeps paging consistent while data
 * changes: a resource created after the search is not slipped into page 2 and nothing shifts
 * between pages; each page shows the current version of what matched, less anything deleted
 * or no longer visible to the caller. Keyset paging was the alternative, but an update that
 * moves a resource's sort key would then skip or repeat it.
 */
export function runSearch(
  store: ResourceStore,
  type: string,
  params: SearchParams,
  context: SearchContext,
): SearchOutcome {
  const now = context.now ?? Date.now();
  const pairs = [...params];
  const { search, where, args } = compileSearch(store, type, pairs, context);
  return store.reading(() => {
    if (search.summary === 'count') {
      const { n } = store
        .statement(`SELECT COUNT(*) AS n FROM resources r WHERE ${where}`)
        .get(...args) as { n: number };
      return outcome(store, search, [], n, 0, undefined, context);
    }
    // One pass: the ordered row ids give the total and, when they do not fit on one page, the
    // snapshot; only the first page's rows are then read whole.
    const rids = store
      .statement(`SELECT r.rid FROM resources r WHERE ${where} ORDER BY ${search.order.sql}`)
      .pluck()
      .all(...args, ...search.order.args) as number[];
    const total = rids.length;
    if (total <= search.count)
      return outcome(store, search, rowsByRid(store, rids), total, 0, undefined, context);
    const setId = createPageSet(store, search, rids, context.owner ?? '', now);
    return outcome(
      store,
      search,
      rowsByRid(store, rids.slice(0, search.count)),
      total,
      0,
      setId,
      context,
    );
  });
}

/** The parsed search and the SQL condition (over `resources r`) that selects its matches. */
export function compileSearch(
  store: ResourceStore,
  type: string,
  params: SearchParams,
  context: SearchContext,
): { search: ParsedSearch; where: string; args: unknown[] } {
  const search = parseSearch(type, params, store.pids, context.now ?? Date.now());
  if (context.strict && search.unknown.length > 0)
    throw new FhirError(
      400,
      `unknown or unsupported search parameter(s) for ${type}: ${search.unknown.join(', ')}`,
      'not-supported',
    );
  const scope = scopeClause(type, context.patientScope);
  const narrowed = scope.length > 0 || search.filters.some((f) => f.narrows);
  const filters = [
    { sql: 'r.type = ?', args: [type] },
    { sql: 'r.deleted = 0', args: [] },
    ...search.filters.map((f) => (narrowed && f.probe ? f.probe : f)),
    ...scope,
  ];
  return {
    search,
    where: filters.map((c) => c.sql).join(' AND '),
    args: filters.flatMap((c) => c.args),
  };
}

/** A later page of a search, from its snapshot. */
export function readPage(
  store: ResourceStore,
  setId: string,
  offset: number,
  count: number,
  context: SearchContext,
): SearchOutcome {
  const now = context.now ?? Date.now();
  const set = store.pageSets.get(setId);
  if (!set || set.owner !== (context.owner ?? '') || now - set.createdMs > store.pageSetTtlMs) {
    throw new FhirError(
      410,
      'these search results are no longer available (a search is kept for a limited time): run the search again',
      'not-found',
    );
  }
  const rows = rowsByRid(store, set.rids.slice(offset, offset + count)).filter(
    (row) => !row.deleted && visible(row, context.patientScope),
  );
  return outcome(store, { ...set.search, count }, rows, set.rids.length, offset, setId, context);
}

function scopeClause(type: string, scope: 'all' | ReadonlySet<string>): Clause[] {
  if (scope === 'all' || SHARED_TYPES.has(type)) return [];
  return [
    { sql: 'r.patient_id IN (SELECT value FROM json_each(?))', args: [JSON.stringify([...scope])] },
  ];
}

function visible(
  row: { type: string; patient_id: string | null },
  scope: 'all' | ReadonlySet<string>,
): boolean {
  return (
    scope === 'all' ||
    SHARED_TYPES.has(row.type) ||
    (row.patient_id !== null && scope.has(row.patient_id))
  );
}

/**
 * A search's snapshot: its ordered matches as row ids, kept in memory (they are disposable, and
 * a thousand-row page of them is a slice, not a query), with the search to shape its pages.
 */
export interface PageSet {
  readonly search: ParsedSearch;
  readonly owner: string;
  readonly rids: readonly number[];
  readonly createdMs: number;
}

/** Keeps a snapshot for paging and returns its id (for `_getpages`). */
export function createPageSet(
  store: ResourceStore,
  search: ParsedSearch,
  rids: readonly number[],
  owner: string,
  now: number,
): string {
  const sets = store.pageSets;
  // Expired snapshots go first, then the oldest beyond the cap.
  for (const [id, set] of sets) if (set.createdMs < now - store.pageSetTtlMs) sets.delete(id);
  const excess = sets.size - store.maxPageSets + 1;
  if (excess > 0)
    for (const [id] of [...sets].sort(([, a], [, b]) => a.createdMs - b.createdMs).slice(0, excess))
      sets.delete(id);
  const setId = randomUUID();
  sets.set(setId, { search, owner, rids, createdMs: now });
  return setId;
}

/** The rows of these ids, in this order. */
function rowsByRid(store: ResourceStore, rids: readonly number[]): Row[] {
  if (rids.length === 0) return [];
  return store
    .statement(
      `SELECT r.rid, r.type, r.id, r.patient_id, r.deleted, r.json
       FROM json_each(?) j JOIN resources r ON r.rid = j.value ORDER BY j.key`,
    )
    .all(JSON.stringify(rids)) as Row[];
}

function outcome(
  store: ResourceStore,
  search: ParsedSearch,
  rows: readonly Row[],
  total: number,
  offset: number,
  pageSetId: string | undefined,
  context: SearchContext,
): SearchOutcome {
  const included = includeRows(store, search, rows, context);
  const patientIds = new Set<string>();
  for (const row of [...rows, ...included.rows]) if (row.patient_id) patientIds.add(row.patient_id);
  return {
    search,
    matches: rows.map(stored),
    includes: included.rows.map(stored),
    total,
    offset,
    ...(pageSetId ? { pageSetId } : {}),
    patientIds,
    withheldIncludeTypes: included.withheld,
  };
}

function stored(row: Row): StoredResource {
  return { resourceType: row.type, id: row.id, json: row.json };
}

/** _include and _revinclude for one page of matches, limited to what the caller may see. */
function includeRows(
  store: ResourceStore,
  search: ParsedSearch,
  matches: readonly Row[],
  context: SearchContext,
): { rows: Row[]; withheld: string[] } {
  if (matches.length === 0 || (search.includes.length === 0 && search.revIncludes.length === 0))
    return { rows: [], withheld: [] };
  const seen = new Set(matches.map((m) => m.rid));
  const rows: Row[] = [];
  const withheld = new Set<string>();
  const rids = JSON.stringify(matches.map((m) => m.rid));
  const ids = JSON.stringify(matches.map((m) => m.id));
  const take = (candidates: Row[]) => {
    for (const row of candidates) {
      if (seen.has(row.rid) || !visible(row, context.patientScope)) continue;
      if (context.canInclude && !context.canInclude(row.type)) {
        withheld.add(row.type);
        continue;
      }
      seen.add(row.rid);
      rows.push(row);
    }
  };
  for (const spec of search.includes) take(forward(store, spec, rids));
  for (const spec of search.revIncludes) take(reverse(store, spec, search.type, ids));
  return { rows, withheld: [...withheld] };
}

function forward(store: ResourceStore, spec: IncludeSpec, rids: string): Row[] {
  return store
    .statement(
      `SELECT DISTINCT r.rid, r.type, r.id, r.patient_id, r.json
       FROM ${spec.table} x JOIN resources r ON r.type = x.target_type AND r.id = x.target_id
       WHERE x.rid IN (SELECT value FROM json_each(?)) AND ${spec.rows.sql} AND r.deleted = 0
       ${spec.target ? 'AND x.target_type = ?' : ''} ORDER BY r.rid`,
    )
    .all(rids, ...spec.rows.args, ...(spec.target ? [spec.target] : [])) as Row[];
}

function reverse(store: ResourceStore, spec: IncludeSpec, targetType: string, ids: string): Row[] {
  if (spec.target && spec.target !== targetType) return [];
  return store
    .statement(
      `SELECT DISTINCT r.rid, r.type, r.id, r.patient_id, r.json
       FROM ${spec.table} x JOIN resources r ON r.rid = x.rid
       WHERE ${spec.rows.sql} AND x.target_type = ?
         AND x.target_id IN (SELECT value FROM json_each(?)) AND r.deleted = 0 ORDER BY r.rid`,
    )
    .all(...spec.rows.args, targetType, ids) as Row[];
}
