/**
 * Malformed resources from well-formed ones: a few edits at random places in the JSON tree —
 * a field deleted, its value replaced by junk, an absurd date, an odd reference, an unknown code,
 * an object wrapped in an array or an array collapsed to its first element. The edits never
 * touch `resourceType`, so each resource still reaches its own mapper.
 */
import fc from 'fast-check';
import { PROTOTYPE_KEYS, absurdDate, hugeString, junk, unknownCode } from './primitives';

export type Json = unknown;
type Path = readonly (string | number)[];

export type Mutation =
  | { readonly kind: 'delete' }
  | { readonly kind: 'set'; readonly value: unknown }
  | { readonly kind: 'wrap' }
  | { readonly kind: 'unwrap' };

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 3, arbitrary: fc.constant<Mutation>({ kind: 'delete' }) },
  { weight: 4, arbitrary: junk.map((value): Mutation => ({ kind: 'set', value })) },
  { weight: 1, arbitrary: absurdDate.map((value): Mutation => ({ kind: 'set', value })) },
  { weight: 1, arbitrary: unknownCode.map((value): Mutation => ({ kind: 'set', value })) },
  { weight: 1, arbitrary: hugeString.map((value): Mutation => ({ kind: 'set', value })) },
  { weight: 1, arbitrary: fc.constant<Mutation>({ kind: 'wrap' }) },
  { weight: 1, arbitrary: fc.constant<Mutation>({ kind: 'unwrap' }) },
);

const isContainer = (v: unknown): v is Record<string, unknown> | unknown[] =>
  typeof v === 'object' && v !== null;

/** Every path in the tree (depth-first, keys in insertion order), `resourceType` excepted. */
export function pathsOf(value: Json, max = 400): Path[] {
  const out: Path[] = [];
  const walk = (v: unknown, path: Path) => {
    if (out.length >= max || !isContainer(v)) return;
    const keys: (string | number)[] = Array.isArray(v) ? v.map((_, i) => i) : Object.keys(v);
    for (const key of keys) {
      if (path.length === 0 && key === 'resourceType') continue;
      const child = path.concat(key);
      out.push(child);
      walk((v as Record<string | number, unknown>)[key], child);
    }
  };
  walk(value, []);
  return out;
}

function edit(value: unknown, m: Mutation): unknown {
  switch (m.kind) {
    case 'set':
      return m.value;
    case 'wrap':
      return [value];
    case 'unwrap':
      return Array.isArray(value) ? value[0] : value;
    default:
      return undefined;
  }
}

/** A copy of `value` with one edit at `path` (the untouched branches are shared, not copied). */
export function applyAt(value: Json, path: Path, m: Mutation): Json {
  if (path.length === 0) return edit(value, m);
  if (!isContainer(value)) return value;
  const [head, ...rest] = path;
  if (Array.isArray(value)) {
    const copy = [...value];
    if (rest.length === 0 && m.kind === 'delete') copy.splice(Number(head), 1);
    else copy[Number(head)] = applyAt(copy[Number(head)], rest, m);
    return copy;
  }
  const copy: Record<string, unknown> = { ...value };
  if (rest.length === 0 && m.kind === 'delete') delete copy[head];
  else copy[head] = applyAt(copy[head], rest, m);
  return copy;
}

/** `base` with one to `maxEdits` edits at random paths. */
export function mutated(base: fc.Arbitrary<Json>, maxEdits = 3): fc.Arbitrary<Json> {
  return fc
    .tuple(base, fc.array(fc.tuple(fc.nat(), mutation), { minLength: 1, maxLength: maxEdits }))
    .map(([resource, edits]) =>
      edits.reduce((acc, [at, m]) => {
        const paths = pathsOf(acc);
        return paths.length ? applyAt(acc, paths[at % paths.length], m) : acc;
      }, resource),
    );
}

/** Fields left out: a partial resource, still well typed where present. */
export function partial(base: fc.Arbitrary<Json>): fc.Arbitrary<Json> {
  return fc.tuple(base, fc.array(fc.nat(), { minLength: 1, maxLength: 4 })).map(([r, picks]) => {
    if (!isContainer(r) || Array.isArray(r)) return r;
    const keys = Object.keys(r).filter((k) => k !== 'resourceType');
    const drop = new Set(picks.map((p) => keys[p % keys.length]));
    return Object.fromEntries(Object.entries(r).filter(([k]) => !drop.has(k)));
  });
}

/** Fields that hold codes a mapper looks up in a table. */
const CODED_FIELDS = new Set(['code', 'status', 'unit', 'linkId', 'gender', 'use', 'system']);

/** Every coded field (see `CODED_FIELDS`) replaced, with probability 1/2 each, by `code`. */
export function recoded(value: Json, code: string, coin: () => boolean): Json {
  if (Array.isArray(value)) return value.map((v) => recoded(v, code, coin));
  if (!isContainer(value)) return value;
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [
      k,
      CODED_FIELDS.has(k) && typeof v === 'string' && coin() ? code : recoded(v, code, coin),
    ]),
  );
}

/** `base` with codes and statuses replaced by JavaScript's inherited property names. */
export function prototypeCoded(base: fc.Arbitrary<Json>): fc.Arbitrary<Json> {
  return fc
    .tuple(
      base,
      fc.constantFrom(...PROTOTYPE_KEYS),
      fc.array(fc.boolean(), { minLength: 16, maxLength: 16 }),
    )
    .map(([r, code, coins]) => {
      let i = 0;
      return recoded(r, code, () => coins[i++ % coins.length]);
    });
}

/** Valid, partial and malformed variants of one resource arbitrary, mostly valid. */
export function variants(base: fc.Arbitrary<Json>): fc.Arbitrary<Json> {
  return fc.oneof(
    { weight: 5, arbitrary: base },
    { weight: 2, arbitrary: partial(base) },
    { weight: 3, arbitrary: mutated(base) },
    { weight: 1, arbitrary: prototypeCoded(base) },
  );
}
