import { MemoizedSelector, createSelectorFactory, resultMemoize } from '@ngrx/store';

function isPlainObject(value: object): value is Record<string, unknown> {
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/**
 * Structural equality of plain data (what the mappers produce: plain objects, arrays and
 * primitives; NaN equals NaN). Anything else (Maps, class instances) is equal only to itself.
 */
export function sameData(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameData(a[i], b[i])) return false;
    return true;
  }
  if (!isPlainObject(a) || !isPlainObject(b)) return false;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  for (const key of keys) {
    if (!Object.prototype.hasOwnProperty.call(b, key) || !sameData(a[key], b[key])) return false;
  }
  return true;
}

/**
 * A selector of one input that keeps handing out its previous result while a new one is equal
 * to it by value (`sameData`), so what is derived from it is not derived again when a load
 * brings the same records back as new objects (the caseload refilling a client's record).
 */
export function createSameDataSelector<S, I, R>(
  input: MemoizedSelector<S, I>,
  projector: (value: I) => R,
): MemoizedSelector<S, R> {
  const selectKeptWhileSame = createSelectorFactory<S, R>((fn) => resultMemoize(fn, sameData));
  return selectKeptWhileSame(input, projector) as MemoizedSelector<S, R>;
}
