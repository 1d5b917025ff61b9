import { SEARCH_PARAMS, SHARED_TYPES, SearchParamDef } from '../fhir/search-params';
import { rangeOf } from './date-range';
import { FhirError } from './fhir-error';
import { Resource, ResourceStore, normaliseString, splitReference } from './resource-store';

export type QueryParams = ReadonlyMap<string, readonly string[]>;

export interface SearchOptions {
  /** 'all' or the Patient ids the caller may reach. */
  readonly patientScope: 'all' | ReadonlySet<string>;
  readonly count: number;
  readonly offset: number;
  /** Highest `created_seq` visible: keeps later pages consistent while data is added. */
  readonly snapshot?: number;
}

export interface SearchResult {
  readonly matches: Resource[];
  readonly includes: Resource[];
  readonly total: number;
  readonly snapshot: number;
  /** Parameters the server did not understand (ignored unless strict). */
  readonly ignored: string[];
}

/** Result parameters handled by the HTTP layer or here, not as filters. */
const CONTROL = new Set([
  '_count',
  '_sort',
  '_include',
  '_revinclude',
  '_summary',
  '_elements',
  '_format',
  '_pretty',
  '_snapshot',
  '_offset',
  '_total',
]);
const PREFIXES = ['eq', 'ne', 'gt', 'lt', 'ge', 'le', 'sa', 'eb'] as const;
type Prefix = (typeof PREFIXES)[number];

interface Clause {
  readonly sql: string;
  readonly args: unknown[];
}

/** Runs an R4 search with indexed SQL; AND across parameters, OR across comma-separated values. */
export function search(
  store: ResourceStore,
  type: string,
  params: QueryParams,
  options: SearchOptions,
): SearchResult {
  const defs = SEARCH_PARAMS[type];
  if (!defs) throw new FhirError(404, `resource type ${type} is not supported`, 'not-supported');
  const clauses: Clause[] = [];
  const ignored: string[] = [];
  for (const [rawName, values] of params) {
    if (CONTROL.has(rawName)) continue;
    const [name, modifier] = rawName.split(':');
    if (name === '_id') {
      clauses.push(...values.map((v) => inList('r.id', v.split(','))));
      continue;
    }
    if (name === '_lastUpdated') {
      for (const v of values) clauses.push(lastUpdatedClause(v));
      continue;
    }
    const def = defs.find((d) => d.name === name);
    if (!def) {
      ignored.push(rawName);
      continue;
    }
    for (const value of values) clauses.push(paramClause(type, def, modifier, value));
  }
  if (options.patientScope !== 'all' && !SHARED_TYPES.has(type)) {
    clauses.push(inList('r.patient_id', [...options.patientScope]));
  }
  const snapshot =
    options.snapshot ??
    (store.db.prepare('SELECT COALESCE(MAX(seq), 0) AS s FROM resources').get() as { s: number }).s;
  const where = [
    'r.type = ?',
    'r.deleted = 0',
    'r.created_seq <= ?',
    ...clauses.map((c) => c.sql),
  ].join(' AND ');
  const args = [type, snapshot, ...clauses.flatMap((c) => c.args)];
  const total = (
    store.db.prepare(`SELECT COUNT(*) AS n FROM resources r WHERE ${where}`).get(...args) as {
      n: number;
    }
  ).n;
  const order = sortClause(type, params.get('_sort')?.[0]);
  const rows =
    options.count === 0
      ? []
      : (store.db
          .prepare(
            `SELECT r.json FROM resources r WHERE ${where} ORDER BY ${order.sql} LIMIT ? OFFSET ?`,
          )
          .all(...args, ...order.args, options.count, options.offset) as { json: string }[]);
  const matches = rows.map((r) => JSON.parse(r.json) as Resource);
  const includes = [
    ...followIncludes(store, type, matches, params.get('_include') ?? [], options.patientScope),
    ...followRevIncludes(store, matches, params.get('_revinclude') ?? [], options.patientScope),
  ];
  return { matches, includes: dedupe(includes, matches), total, snapshot, ignored };
}

function inList(column: string, values: readonly string[]): Clause {
  if (values.length === 0) return { sql: '0', args: [] };
  return { sql: `${column} IN (SELECT value FROM json_each(?))`, args: [JSON.stringify(values)] };
}

/**
 * A filter as an uncorrelated `IN` over one index table: SQLite evaluates it once through the
 * (type, param, value) index instead of probing the index table for every candidate resource.
 */
function exists(type: string, table: string, condition: string, args: unknown[]): Clause {
  return {
    sql: `r.id IN (SELECT x.id FROM ${table} x WHERE x.type = ? AND ${condition})`,
    args: [type, ...args],
  };
}

function paramClause(
  type: string,
  def: SearchParamDef,
  modifier: string | undefined,
  value: string,
): Clause {
  if (modifier === 'missing') {
    const table = {
      token: 'idx_token',
      reference: 'idx_reference',
      date: 'idx_date',
      string: 'idx_string',
    }[def.type];
    const present = exists(type, table, 'x.param = ?', [def.name]);
    return value === 'true' ? { sql: `NOT ${present.sql}`, args: present.args } : present;
  }
  const alternatives = value.split(/(?<!\\),/).map((v) => v.replace(/\\,/g, ','));
  const ors = alternatives.map((alt) => singleValue(type, def, modifier, alt));
  return { sql: `(${ors.map((o) => o.sql).join(' OR ')})`, args: ors.flatMap((o) => o.args) };
}

function singleValue(
  type: string,
  def: SearchParamDef,
  modifier: string | undefined,
  value: string,
): Clause {
  switch (def.type) {
    case 'token': {
      const bar = value.indexOf('|');
      if (bar < 0)
        return exists(type, 'idx_token', 'x.param = ? AND x.code = ?', [def.name, value]);
      const system = value.slice(0, bar);
      const code = value.slice(bar + 1);
      if (code === '')
        return exists(type, 'idx_token', 'x.param = ? AND x.system = ?', [def.name, system]);
      if (system === '')
        return exists(type, 'idx_token', 'x.param = ? AND x.code = ? AND x.system IS NULL', [
          def.name,
          code,
        ]);
      return exists(type, 'idx_token', 'x.param = ? AND x.code = ? AND x.system = ?', [
        def.name,
        code,
        system,
      ]);
    }
    case 'reference': {
      const [targetType, targetId] = value.includes('/')
        ? splitReference(value)
        : [modifier, value];
      if (!targetId)
        throw new FhirError(
          400,
          `"${value}" is not a reference for ${type}.${def.name}`,
          'invalid',
        );
      return targetType
        ? exists(type, 'idx_reference', 'x.param = ? AND x.target_id = ? AND x.target_type = ?', [
            def.name,
            targetId,
            targetType,
          ])
        : exists(type, 'idx_reference', 'x.param = ? AND x.target_id = ?', [def.name, targetId]);
    }
    case 'string': {
      const needle = normaliseString(value);
      if (modifier === 'exact')
        return exists(type, 'idx_string', 'x.param = ? AND x.value = ?', [
          def.name,
          value.toLowerCase(),
        ]);
      if (modifier === 'contains')
        return exists(type, 'idx_string', "x.param = ? AND x.value LIKE ? ESCAPE '\\'", [
          def.name,
          `%${escapeLike(needle)}%`,
        ]);
      return exists(type, 'idx_string', "x.param = ? AND x.value LIKE ? ESCAPE '\\'", [
        def.name,
        `${escapeLike(needle)}%`,
      ]);
    }
    case 'date':
      return dateClause(type, def.name, value);
  }
}

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function parsePrefixed(value: string): { prefix: Prefix; low: number; high: number } {
  const prefix = (PREFIXES as readonly string[]).includes(value.slice(0, 2))
    ? (value.slice(0, 2) as Prefix)
    : 'eq';
  const range = rangeOf(prefix === 'eq' && !value.startsWith('eq') ? value : value.slice(2));
  if (!range) throw new FhirError(400, `"${value}" is not a valid date search value`, 'invalid');
  return { prefix, ...range };
}

/** R4 date search: the resource's range [x.low, x.high] against the value's range [low, high]. */
function dateCondition(
  prefix: Prefix,
  low: number,
  high: number,
  lowCol: string,
  highCol: string,
): Clause {
  switch (prefix) {
    case 'eq':
      return { sql: `${lowCol} >= ? AND ${highCol} <= ?`, args: [low, high] };
    case 'ne':
      return { sql: `NOT (${lowCol} >= ? AND ${highCol} <= ?)`, args: [low, high] };
    case 'gt':
      return { sql: `${highCol} > ?`, args: [high] };
    case 'lt':
      return { sql: `${lowCol} < ?`, args: [low] };
    case 'ge':
      return { sql: `${highCol} >= ?`, args: [low] };
    case 'le':
      return { sql: `${lowCol} <= ?`, args: [high] };
    case 'sa':
      return { sql: `${lowCol} > ?`, args: [high] };
    case 'eb':
      return { sql: `${highCol} < ?`, args: [low] };
  }
}

function dateClause(type: string, param: string, value: string): Clause {
  const { prefix, low, high } = parsePrefixed(value);
  const condition = dateCondition(prefix, low, high, 'x.low', 'x.high');
  return exists(type, 'idx_date', `x.param = ? AND ${condition.sql}`, [param, ...condition.args]);
}

function lastUpdatedClause(value: string): Clause {
  const { prefix, low, high } = parsePrefixed(value);
  return dateCondition(prefix, low, high, 'r.last_updated_ms', 'r.last_updated_ms');
}

function sortClause(type: string, sort: string | undefined): Clause {
  if (!sort) return { sql: 'r.seq', args: [] };
  const parts: string[] = [];
  const args: unknown[] = [];
  for (const raw of sort.split(',')) {
    const descending = raw.startsWith('-');
    const name = descending ? raw.slice(1) : raw;
    const direction = descending ? 'DESC' : 'ASC';
    if (name === '_lastUpdated') parts.push(`r.last_updated_ms ${direction}`);
    else if (name === '_id') parts.push(`r.id ${direction}`);
    else {
      const def = SEARCH_PARAMS[type]!.find((d) => d.name === name);
      if (!def) throw new FhirError(400, `cannot sort ${type} by "${name}"`, 'not-supported');
      const [table, column] =
        def.type === 'date'
          ? ['idx_date', descending ? 'MAX(x.high)' : 'MIN(x.low)']
          : def.type === 'string'
            ? ['idx_string', 'MIN(x.value)']
            : def.type === 'token'
              ? ['idx_token', 'MIN(x.code)']
              : ['idx_reference', 'MIN(x.target_id)'];
      parts.push(
        `(SELECT ${column} FROM ${table} x WHERE x.type = r.type AND x.id = r.id AND x.param = ?) ${direction}`,
      );
      args.push(name);
    }
  }
  parts.push('r.seq');
  return { sql: parts.join(', '), args };
}

function visible(
  patientId: string | null,
  scope: 'all' | ReadonlySet<string>,
  type: string,
): boolean {
  return scope === 'all' || SHARED_TYPES.has(type) || (patientId !== null && scope.has(patientId));
}

function followIncludes(
  store: ResourceStore,
  type: string,
  matches: Resource[],
  includes: readonly string[],
  scope: 'all' | ReadonlySet<string>,
): Resource[] {
  if (matches.length === 0) return [];
  const out: Resource[] = [];
  for (const spec of includes.flatMap((s) => s.split(','))) {
    const [sourceType, param, targetType] = spec.split(':');
    if (
      sourceType !== type ||
      !SEARCH_PARAMS[type]?.some((d) => d.name === param && d.type === 'reference')
    ) {
      throw new FhirError(400, `_include=${spec} is not supported for ${type}`, 'not-supported');
    }
    const rows = store.db
      .prepare(
        `SELECT DISTINCT r.json, r.type, r.patient_id FROM idx_reference x JOIN resources r ON r.type = x.target_type AND r.id = x.target_id
         WHERE x.type = ? AND x.param = ? AND x.id IN (SELECT value FROM json_each(?)) AND r.deleted = 0 ${targetType ? 'AND x.target_type = ?' : ''}`,
      )
      .all(
        type,
        param,
        JSON.stringify(matches.map((m) => m.id)),
        ...(targetType ? [targetType] : []),
      ) as {
      json: string;
      type: string;
      patient_id: string | null;
    }[];
    for (const row of rows)
      if (visible(row.patient_id, scope, row.type)) out.push(JSON.parse(row.json) as Resource);
  }
  return out;
}

function followRevIncludes(
  store: ResourceStore,
  matches: Resource[],
  revIncludes: readonly string[],
  scope: 'all' | ReadonlySet<string>,
): Resource[] {
  if (matches.length === 0) return [];
  const out: Resource[] = [];
  for (const spec of revIncludes.flatMap((s) => s.split(','))) {
    const [sourceType, param] = spec.split(':');
    if (!SEARCH_PARAMS[sourceType]?.some((d) => d.name === param && d.type === 'reference')) {
      throw new FhirError(400, `_revinclude=${spec} is not supported`, 'not-supported');
    }
    const rows = store.db
      .prepare(
        `SELECT DISTINCT r.json, r.type, r.patient_id FROM idx_reference x JOIN resources r ON r.type = x.type AND r.id = x.id
         WHERE x.type = ? AND x.param = ? AND x.target_type = ? AND x.target_id IN (SELECT value FROM json_each(?)) AND r.deleted = 0`,
      )
      .all(
        sourceType,
        param,
        matches[0].resourceType,
        JSON.stringify(matches.map((m) => m.id)),
      ) as {
      json: string;
      type: string;
      patient_id: string | null;
    }[];
    for (const row of rows)
      if (visible(row.patient_id, scope, row.type)) out.push(JSON.parse(row.json) as Resource);
  }
  return out;
}

function dedupe(includes: Resource[], matches: Resource[]): Resource[] {
  const seen = new Set(matches.map((m) => `${m.resourceType}/${m.id}`));
  return includes.filter((r) => {
    const key = `${r.resourceType}/${r.id}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
