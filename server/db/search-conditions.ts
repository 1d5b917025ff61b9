/**
 * The SQL conditions one search value compiles to, over an index table aliased `x` (or, for
 * `_lastUpdated`, the resource row): R4's value syntax (prefixes, `system|code`, escapes) and
 * matching rules per parameter type.
 */
import { ReferenceParam } from '../fhir/search-params';
import { DateRange, rangeOf } from './date-range';
import { FhirError } from './fhir-error';
import { normaliseString } from './index-writer';
import { ID_PATTERN, parseReference } from './reference';
import type { Clause } from './search-query';

const PREFIXES = ['eq', 'ne', 'gt', 'lt', 'ge', 'le', 'sa', 'eb', 'ap'] as const;
type Prefix = (typeof PREFIXES)[number];

export function invalid(message: string): FhirError {
  return new FhirError(400, message, 'invalid');
}

/** Splits on `separator` unless escaped with a backslash, then removes R4's escapes. */
export function splitEscaped(value: string, separator: ',' | '|'): string[] {
  const parts: string[] = [];
  let current = '';
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    if (c === '\\' && i + 1 < value.length) {
      current += value[++i];
    } else if (c === separator) {
      parts.push(current);
      current = '';
    } else {
      current += c;
    }
  }
  parts.push(current);
  return parts;
}

/** Splits a value on unescaped `separator`, keeping escapes for a later split on another one. */
export function splitKeepingEscapes(value: string, separator: string): string[] {
  return value.split(new RegExp(`(?<!\\\\)\\${separator}`));
}

export function or(conditions: readonly Clause[]): Clause {
  if (conditions.length === 1) return conditions[0];
  return {
    sql: conditions.map((c) => `(${c.sql})`).join(' OR '),
    args: conditions.flatMap((c) => c.args),
  };
}

export function tokenCondition(alternatives: readonly string[]): Clause {
  const parsed = alternatives.map((alt) => {
    const parts = splitEscaped(alt, '|');
    if (parts.length > 2) throw invalid(`"${alt.slice(0, 80)}" is not a token (system|code)`);
    return parts.length === 1 ? { code: parts[0] } : { system: parts[0], code: parts[1] };
  });
  // The common shape (code=a,b,c) is one indexed IN list.
  if (parsed.every((p) => p.system === undefined))
    return {
      sql: 'x.code IN (SELECT value FROM json_each(?))',
      args: [JSON.stringify(parsed.map((p) => p.code))],
    };
  return or(
    parsed.map(({ system, code }) => {
      if (system === undefined) return { sql: 'x.code = ?', args: [code] };
      if (code === '') return { sql: 'x.system = ?', args: [system] };
      if (system === '') return { sql: "x.code = ? AND x.system = ''", args: [code] };
      return { sql: 'x.code = ? AND x.system = ?', args: [code, system] };
    }),
  );
}

export function referenceCondition(
  def: ReferenceParam,
  modifier: string | undefined,
  alternatives: readonly string[],
  rawName: string,
): Clause {
  // With one possible target (e.g. `patient`), a bare id implies it; `subject:Patient` names it.
  const impliedType = modifier ?? (def.targets.length === 1 ? def.targets[0] : undefined);
  const bareIds: string[] = [];
  // Typed references grouped by type: one `IN (json_each)` per type keeps the SQL the same size
  // whatever the list's length (an OR per reference made SQLite test every row against the whole
  // list, and past ~1,000 references the expression tree was too deep to compile).
  const typedIds = new Map<string, string[]>();
  const others: Clause[] = [];
  for (const alt of alternatives) {
    if (ID_PATTERN.test(alt)) {
      bareIds.push(alt);
      continue;
    }
    const parsed = parseReference(alt);
    if (!parsed) throw invalid(`"${alt.slice(0, 80)}" is not a reference for ${rawName}`);
    if (parsed.type && parsed.id) {
      if (modifier && parsed.type !== modifier)
        throw invalid(`${rawName}=${alt.slice(0, 80)}: the type does not match the modifier`);
      typedIds.set(parsed.type, [...(typedIds.get(parsed.type) ?? []), parsed.id]);
    } else {
      others.push({ sql: 'x.url = ?', args: [parsed.url] });
    }
  }
  if (bareIds.length > 0 && impliedType) {
    typedIds.set(impliedType, [...bareIds, ...(typedIds.get(impliedType) ?? [])]);
  } else if (bareIds.length > 0) {
    others.unshift({
      sql: 'x.target_id IN (SELECT value FROM json_each(?))',
      args: [JSON.stringify(bareIds)],
    });
  }
  const byType = [...typedIds].map(([type, ids]) => ({
    sql: 'x.target_id IN (SELECT value FROM json_each(?)) AND x.target_type = ?',
    args: [JSON.stringify(ids), type],
  }));
  others.unshift(...byType);
  return or(others);
}

export function stringCondition(value: string, modifier: string | undefined): Clause {
  if (modifier === 'exact') return { sql: 'x.exact = ?', args: [value] };
  const needle = normaliseString(value);
  if (modifier === 'contains')
    return {
      sql: "x.value LIKE ? ESCAPE '\\'",
      args: [`%${needle.replace(/[\\%_]/g, (c) => `\\${c}`)}%`],
    };
  // R4 default: starts with (or equals), as an index range rather than a LIKE scan.
  return { sql: 'x.value >= ? AND x.value < ?', args: [needle, `${needle}\uffff`] };
}

interface PrefixedRange extends DateRange {
  readonly prefix: Prefix;
}

function splitPrefix(value: string): { prefix: Prefix; rest: string } {
  const head = value.slice(0, 2);
  return (PREFIXES as readonly string[]).includes(head) && /^[a-z]{2}[-+\d.]/.test(value)
    ? { prefix: head as Prefix, rest: value.slice(2) }
    : { prefix: 'eq', rest: value };
}

export function parseDateValue(rawName: string, value: string): PrefixedRange {
  const { prefix, rest } = splitPrefix(value);
  const range = rangeOf(rest);
  if (!range)
    throw invalid(
      `${rawName}=${value.slice(0, 60)}: not a valid date search value (e.g. 2024, 2024-05, ge2024-05-03, lt2024-05-03T10:00:00Z)`,
    );
  return { prefix, ...range };
}

/**
 * R4 date comparison between the search value's range [low, high] and the resource's range
 * [L, H] (search.html §3.1.1.4.6): gt means the range above the value overlaps [L, H]; ge also
 * accepts a value range that contains [L, H]; sa/eb require no overlap at all.
 */
export function dateCondition(
  value: PrefixedRange,
  lowCol: string,
  highCol: string,
  now: number,
): Clause {
  const { low, high } = value;
  const contains = `(${lowCol} >= ? AND ${highCol} <= ?)`;
  switch (value.prefix) {
    case 'eq':
      return { sql: contains, args: [low, high] };
    case 'ne':
      return { sql: `NOT ${contains}`, args: [low, high] };
    case 'gt':
      return { sql: `${highCol} > ?`, args: [high] };
    case 'lt':
      return { sql: `${lowCol} < ?`, args: [low] };
    case 'ge':
      return { sql: `(${highCol} > ? OR ${contains})`, args: [high, low, high] };
    case 'le':
      return { sql: `(${lowCol} < ? OR ${contains})`, args: [low, low, high] };
    case 'sa':
      return { sql: `${lowCol} > ?`, args: [high] };
    case 'eb':
      return { sql: `${highCol} < ?`, args: [low] };
    case 'ap': {
      // "Approximately": 10% of the distance from now, R4's suggestion for dates.
      const slack = Math.max(Math.abs(now - low), Math.abs(now - high)) * 0.1;
      return { sql: `(${lowCol} <= ? AND ${highCol} >= ?)`, args: [high + slack, low - slack] };
    }
  }
}

/**
 * Quantity `[prefix]number|system|code`: equality honours the precision written (5.4 means
 * [5.35, 5.45)); `number||code` matches the code or the unit text.
 */
export function quantityCondition(rawName: string, value: string): Clause {
  const parts = splitEscaped(value, '|');
  if (parts.length !== 1 && parts.length !== 3)
    throw invalid(`${rawName}=${value.slice(0, 60)}: use number|system|code`);
  const { prefix, rest } = splitPrefix(parts[0]);
  if (!/^-?\d+(\.\d+)?$/.test(rest))
    throw invalid(`${rawName}=${value.slice(0, 60)}: "${rest.slice(0, 40)}" is not a number`);
  const n = Number(rest);
  const decimals = rest.includes('.') ? rest.split('.')[1].length : 0;
  const half = 0.5 * 10 ** -decimals;
  const numeric: Clause = {
    eq: { sql: 'x.value >= ? AND x.value < ?', args: [n - half, n + half] },
    ne: { sql: 'NOT (x.value >= ? AND x.value < ?)', args: [n - half, n + half] },
    gt: { sql: 'x.value > ?', args: [n] },
    sa: { sql: 'x.value > ?', args: [n] },
    lt: { sql: 'x.value < ?', args: [n] },
    eb: { sql: 'x.value < ?', args: [n] },
    ge: { sql: 'x.value >= ?', args: [n] },
    le: { sql: 'x.value <= ?', args: [n] },
    ap: {
      sql: 'x.value >= ? AND x.value <= ?',
      args: [n - Math.abs(n) * 0.1, n + Math.abs(n) * 0.1],
    },
  }[prefix];
  if (parts.length === 1) return numeric;
  const [, system, code] = parts;
  if (system === '' && code === '') return numeric;
  if (system === '')
    return {
      sql: `${numeric.sql} AND (x.code = ? OR x.unit = ?)`,
      args: [...numeric.args, code, code],
    };
  return {
    sql: `${numeric.sql} AND x.system = ? AND x.code = ?`,
    args: [...numeric.args, system, code],
  };
}
