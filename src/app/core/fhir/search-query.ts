/** Building R4 search queries: OR lists, repeated parameters, encoding and splitting. */

export type SearchValue = string | number;

/** Several values that must all hold (the parameter repeated), e.g. `date=ge2025-01-01&date=lt2025-02-01`. */
export interface AllOf {
  readonly allOf: readonly (SearchValue | readonly SearchValue[])[];
}

/**
 * A single value is sent as written (so `'a,b'` is already an OR list); an array is an OR list
 * whose values are escaped, so a comma inside one stays part of it.
 */
export type SearchParamValue = SearchValue | readonly SearchValue[] | AllOf;
export type SearchParams = Readonly<Record<string, SearchParamValue>>;

/** One `name=value` pair of a query; several values form an OR list joined by commas. */
export interface QueryParam {
  readonly name: string;
  readonly values: readonly string[];
}

/** `_include` and `_revinclude` take one value each and repeat; commas do not OR them. */
const REPEATING = /^_(rev)?include(:|$)/;

function isAllOf(value: SearchParamValue): value is AllOf {
  return typeof value === 'object' && !Array.isArray(value) && 'allOf' in value;
}

/** R4 escaping inside one value of an OR list (Search §2.1.1.4 "Escaping Search Parameters"). */
export function escapeValue(value: SearchValue): string {
  return String(value).replace(/\\/g, '\\\\').replace(/,/g, '\\,');
}

function one(name: string, value: SearchValue | readonly SearchValue[]): QueryParam[] {
  if (!Array.isArray(value)) return [{ name, values: [String(value)] }];
  const list = value as readonly SearchValue[];
  if (REPEATING.test(name)) return list.map((v) => ({ name, values: [String(v)] }));
  return [{ name, values: list.map(escapeValue) }];
}

export function toQueryParams(params: SearchParams): QueryParam[] {
  return Object.entries(params).flatMap(([name, value]) =>
    isAllOf(value) ? value.allOf.flatMap((v) => one(name, v)) : one(name, value),
  );
}

/** encodeURIComponent, leaving the characters R4 queries are full of and RFC 3986 allows there. */
export function encodeComponent(value: string): string {
  return encodeURIComponent(value)
    .replace(/%2C/gi, ',')
    .replace(/%3A/gi, ':')
    .replace(/%2F/gi, '/');
}

function encodeParam(param: QueryParam): string {
  return `${encodeComponent(param.name)}=${param.values.map(encodeComponent).join(',')}`;
}

/** The query string (no `?`); also the form body of POST `_search`, which has the same syntax. */
export function encodeQuery(params: readonly QueryParam[]): string {
  return params.map(encodeParam).join('&');
}

export function hasParam(params: readonly QueryParam[], name: string): boolean {
  return params.some((p) => p.name === name);
}

/**
 * Splits the longest OR list so that each query stays within `maxLength`, the other
 * parameters repeated in each. A value too long to share a query with anything goes alone.
 * Undefined when there is no OR list to split.
 */
export function splitLongestOrList(
  params: readonly QueryParam[],
  maxLength: number,
): QueryParam[][] | undefined {
  let index = -1;
  let longest = 0;
  params.forEach((p, i) => {
    const length = encodeParam(p).length;
    if (p.values.length > 1 && length > longest) {
      index = i;
      longest = length;
    }
  });
  if (index < 0) return undefined;
  const target = params[index];
  const others = params.filter((_, i) => i !== index);
  const fixed =
    encodeQuery(others).length +
    (others.length > 0 ? 1 : 0) +
    encodeComponent(target.name).length +
    1;
  const chunks: string[][] = [];
  let current: string[] = [];
  let length = fixed;
  for (const value of target.values) {
    const added = encodeComponent(value).length + (current.length > 0 ? 1 : 0);
    if (current.length > 0 && length + added > maxLength) {
      chunks.push(current);
      current = [];
      length = fixed;
    }
    length += encodeComponent(value).length + (current.length > 0 ? 1 : 0);
    current.push(value);
  }
  if (current.length > 0) chunks.push(current);
  return chunks.map((values) =>
    params.map((p, i) => (i === index ? { name: target.name, values } : p)),
  );
}
