import { ReferenceParam, SEARCH_PARAMS, SearchParamDef, paramOf } from '../fhir/search-params';
import { auditEntityRows, readsAuditEntities } from './audit-patients';
import { FhirError } from './fhir-error';
import { ParamIds } from './index-writer';
import {
  dateCondition,
  invalid,
  or,
  parseDateValue,
  quantityCondition,
  referenceCondition,
  splitEscaped,
  splitKeepingEscapes,
  stringCondition,
  tokenCondition,
} from './search-conditions';

/** Query parameters in the order given (a name may repeat: repeats are ANDed). */
export type SearchParams = Iterable<readonly [string, string]>;

/** A fragment of SQL over `resources r`, with its bound arguments. */
export interface Clause {
  readonly sql: string;
  readonly args: readonly unknown[];
}

/**
 * A search filter. A filter that looks its values up in an index (`code=…`, `patient=…`)
 * `narrows` the candidates by itself. A date range rarely does: `date=ge…` matches most of a
 * type's index rows, so as a list it costs a scan of them all (100 ms for the Appointments of
 * the 5,000-episode data) however few resources the other filters leave. Its `probe` is the same
 * condition checked against each candidate's own index rows (a primary-key lookup), which the
 * search uses once another filter, or the caller's patient list, narrows the candidates.
 */
export interface Filter extends Clause {
  readonly narrows: boolean;
  readonly probe?: Clause;
}

export interface IncludeSpec {
  readonly source: string;
  readonly param: string;
  readonly target?: string;
  /** The table of reference rows to read (`FROM … x`): `index_reference`, or more (tableOf). */
  readonly table: string;
  /** The index rows (of that table, as `x`) that hold the parameter's references. */
  readonly rows: Clause;
}

export type Summary = 'count' | 'data' | 'text' | 'false';

export interface ParsedSearch {
  readonly type: string;
  readonly filters: readonly Filter[];
  readonly order: Clause;
  readonly count: number;
  readonly summary: Summary;
  readonly elements?: readonly string[];
  readonly includes: readonly IncludeSpec[];
  readonly revIncludes: readonly IncludeSpec[];
  /** Parameters this server does not support, ignored (or refused under handling=strict). */
  readonly unknown: readonly string[];
}

export const DEFAULT_COUNT = 50;
export const MAX_COUNT = 1000;

/** Result parameters: they shape the answer, they do not filter it. */
const RESULT_PARAMS = new Set([
  '_count',
  '_sort',
  '_include',
  '_revinclude',
  '_summary',
  '_elements',
  '_total',
  '_format',
  '_pretty',
]);

/** Modifiers supported per parameter type; any other modifier is refused (R4 requires that). */
export const MODIFIERS_BY_TYPE: Readonly<Record<SearchParamDef['type'], readonly string[]>> = {
  token: ['missing', 'not'],
  reference: ['missing'],
  date: ['missing'],
  string: ['missing', 'exact', 'contains'],
  uri: ['missing', 'below'],
  quantity: ['missing'],
};

const TABLE: Record<SearchParamDef['type'], string> = {
  token: 'index_token',
  uri: 'index_token',
  reference: 'index_reference',
  date: 'index_date',
  string: 'index_string',
  quantity: 'index_quantity',
};

/**
 * The table holding a parameter's index rows: its type's, but for AuditEvent.entity's Patient
 * references, which are kept by patient set (audit-patients.ts) and read with the rest here.
 */
function tableOf(type: string, def: SearchParamDef, pids: ParamIds): string {
  return readsAuditEntities(type, def) ? auditEntityRows(pids) : TABLE[def.type];
}

/**
 * The index rows of a parameter: `x.pid` in its own id or those it aliases, and for an alias
 * such as `patient` (= `subject` of type Patient) only rows pointing at its target type.
 */
function rowsOf(type: string, def: SearchParamDef, pids: ParamIds): Clause {
  const ids = pids.of(type, def);
  const pid =
    ids.length === 1
      ? { sql: 'x.pid = ?', args: [ids[0]] }
      : { sql: `x.pid IN (${ids.map(() => '?').join(', ')})`, args: ids };
  if (def.via && def.type === 'reference')
    return { sql: `${pid.sql} AND x.target_type = ?`, args: [...pid.args, def.targets[0]] };
  return pid;
}

/** Compiles R4 search parameters for `type` into SQL (AND across parameters, OR within one). */
export function parseSearch(
  type: string,
  params: SearchParams,
  pids: ParamIds,
  now = Date.now(),
): ParsedSearch {
  if (!Object.hasOwn(SEARCH_PARAMS, type))
    throw new FhirError(
      404,
      `resource type ${type} is not supported by this server`,
      'not-supported',
    );
  const filters: Filter[] = [];
  const unknown: string[] = [];
  const includes: IncludeSpec[] = [];
  const revIncludes: IncludeSpec[] = [];
  let count = DEFAULT_COUNT;
  let summary: Summary = 'false';
  let elements: string[] | undefined;
  let sort: string | undefined;
  for (const [rawName, value] of params) {
    if (RESULT_PARAMS.has(rawName)) {
      switch (rawName) {
        case '_count':
          if (!/^\d{1,9}$/.test(value))
            throw invalid(`_count must be a whole number, not "${value.slice(0, 40)}"`);
          count = Math.min(MAX_COUNT, Number(value));
          break;
        case '_sort':
          sort = value;
          break;
        case '_include':
          includes.push(...value.split(',').map((v) => parseInclude(type, v, false, pids)));
          break;
        case '_revinclude':
          revIncludes.push(...value.split(',').map((v) => parseInclude(type, v, true, pids)));
          break;
        case '_summary':
          if (value === 'count' || value === 'data' || value === 'text' || value === 'false')
            summary = value;
          else unknown.push(`_summary=${value.slice(0, 40)}`);
          break;
        case '_elements':
          elements = [
            ...(elements ?? []),
            ...value
              .split(',')
              .map((e) => e.trim().split('.')[0])
              .filter((e) => e !== ''),
          ];
          break;
        case '_total':
          if (!['none', 'estimate', 'accurate'].includes(value))
            throw invalid(`_total must be none, estimate or accurate, not "${value.slice(0, 40)}"`);
          break;
      }
      continue;
    }
    // R4: a parameter without a value is ignored.
    if (value === '') continue;
    const clause = parseFilter(type, rawName, value, pids, now);
    if (clause) filters.push(clause);
    else unknown.push(rawName);
  }
  if (count === 0) summary = 'count';
  return {
    type,
    filters,
    order: parseSort(type, sort, pids),
    count,
    summary,
    ...(elements ? { elements } : {}),
    includes,
    revIncludes,
    unknown: [...new Set(unknown)],
  };
}

function parseInclude(type: string, value: string, reverse: boolean, pids: ParamIds): IncludeSpec {
  const [source, param, target, ...rest] = value.split(':');
  const what = reverse ? '_revinclude' : '_include';
  const def = source && param ? paramOf(source, param) : undefined;
  if (rest.length > 0 || !def || def.type !== 'reference')
    throw invalid(
      `${what}=${value.slice(0, 80)} is not supported: use Type:parameter with a reference parameter of that type`,
    );
  if (!reverse && source !== type)
    throw invalid(`_include=${value.slice(0, 80)} does not start from ${type}, the type searched`);
  if (target !== undefined && !def.targets.includes(target))
    throw invalid(`${what}=${value.slice(0, 80)}: ${source}.${param} cannot refer to ${target}`);
  return {
    source,
    param,
    ...(target ? { target } : {}),
    table: tableOf(source, def, pids),
    rows: rowsOf(source, def, pids),
  };
}

function parseSort(type: string, sort: string | undefined, pids: ParamIds): Clause {
  const parts: string[] = [];
  const args: unknown[] = [];
  for (const raw of (sort ?? '').split(',').filter((s) => s !== '')) {
    const descending = raw.startsWith('-');
    const name = descending ? raw.slice(1) : raw;
    const direction = descending ? 'DESC' : 'ASC';
    if (name === '_id') parts.push(`r.id ${direction}`);
    else if (name === '_lastUpdated') parts.push(`r.last_updated_ms ${direction}`);
    else {
      const def = paramOf(type, name);
      if (!def)
        throw invalid(
          `cannot sort ${type} by "${name.slice(0, 60)}": not a search parameter of ${type}`,
        );
      // Ascending by the earliest value, descending by the latest (a Period's start or end).
      const aggregate = descending ? 'MAX' : 'MIN';
      const column = {
        date: descending ? 'high' : 'low',
        string: 'value',
        token: 'code',
        uri: 'code',
        reference: 'target_id',
        quantity: 'value',
      }[def.type];
      const rows = rowsOf(type, def, pids);
      parts.push(
        `(SELECT ${aggregate}(x.${column}) FROM ${tableOf(type, def, pids)} x WHERE x.rid = r.rid AND ${rows.sql}) ${direction} NULLS LAST`,
      );
      args.push(...rows.args);
    }
  }
  parts.push('r.rid');
  return { sql: parts.join(', '), args };
}

function parseFilter(
  type: string,
  rawName: string,
  value: string,
  pids: ParamIds,
  now: number,
): Filter | undefined {
  const colon = rawName.indexOf(':');
  const name = colon < 0 ? rawName : rawName.slice(0, colon);
  const modifier = colon < 0 ? undefined : rawName.slice(colon + 1);
  if (name === '_id' || name === '_lastUpdated') {
    if (modifier !== undefined) throw unsupportedModifier(rawName);
    if (name === '_id') {
      const ids = splitEscaped(value, ',');
      return {
        sql: 'r.id IN (SELECT value FROM json_each(?))',
        args: [JSON.stringify(ids)],
        narrows: true,
      };
    }
    const ors = splitKeepingEscapes(value, ',').map((v) =>
      dateCondition(parseDateValue(rawName, v), 'r.last_updated_ms', 'r.last_updated_ms', now),
    );
    return { ...or(ors), narrows: false };
  }
  const def = paramOf(type, name);
  if (!def) return undefined;
  if (modifier !== undefined && !MODIFIERS_BY_TYPE[def.type].includes(modifier)) {
    const isTypeModifier =
      def.type === 'reference' && (def as ReferenceParam).targets.includes(modifier);
    if (!isTypeModifier) throw unsupportedModifier(rawName);
  }
  const table = tableOf(type, def, pids);
  const rows = rowsOf(type, def, pids);
  const within = (condition: Clause, negate = false): Filter => ({
    sql: `r.rid ${negate ? 'NOT IN' : 'IN'} (SELECT x.rid FROM ${table} x WHERE ${rows.sql} AND (${condition.sql}))`,
    args: [...rows.args, ...condition.args],
    narrows: !negate,
  });
  if (modifier === 'missing') {
    if (value !== 'true' && value !== 'false') throw invalid(`${rawName} must be true or false`);
    return { ...within({ sql: '1', args: [] }, value === 'true'), narrows: false };
  }
  switch (def.type) {
    case 'token':
      return within(tokenCondition(splitKeepingEscapes(value, ',')), modifier === 'not');
    case 'uri':
      return within(
        or(
          splitEscaped(value, ',').map((uri) =>
            modifier === 'below'
              ? { sql: 'x.code >= ? AND x.code < ?', args: [uri, `${uri}\uffff`] }
              : { sql: 'x.code = ?', args: [uri] },
          ),
        ),
      );
    case 'reference':
      return within(referenceCondition(def, modifier, splitEscaped(value, ','), rawName));
    case 'date': {
      const condition = or(
        splitKeepingEscapes(value, ',').map((v) =>
          dateCondition(parseDateValue(rawName, v), 'x.low', 'x.high', now),
        ),
      );
      return {
        ...within(condition),
        narrows: false,
        probe: {
          sql: `EXISTS (SELECT 1 FROM ${table} x WHERE x.rid = r.rid AND ${rows.sql} AND (${condition.sql}))`,
          args: [...rows.args, ...condition.args],
        },
      };
    }
    case 'string':
      return within(or(splitEscaped(value, ',').map((v) => stringCondition(v, modifier))));
    case 'quantity':
      return within(or(splitKeepingEscapes(value, ',').map((v) => quantityCondition(rawName, v))));
  }
}

function unsupportedModifier(rawName: string): FhirError {
  return new FhirError(
    400,
    `the modifier in "${rawName.slice(0, 80)}" is not supported by this server`,
    'not-supported',
  );
}
