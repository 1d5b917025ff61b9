/**
 * Runtime guards for values read out of untrusted JSON. The FHIR interfaces describe intent;
 * a server may still send `"valueInteger": "12"` or `"coding": {}`, and the mappers must read
 * around it instead of throwing.
 */
import { CodeableConcept, Coding, Extension } from './fhir-types';

export function text(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed !== '' ? trimmed : undefined;
}

export function finiteNumber(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** For raw JSON of unknown shape. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** For a typed element that may still arrive as null, a string or an array. */
export function isObject<T extends object>(value: T | null | undefined): value is T {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The array, or nothing: a single object where a list belongs is not guessed into a list. */
export function list<T>(value: readonly T[] | undefined): readonly T[] {
  if (!Array.isArray(value)) return NOTHING;
  // The array itself when every element is there (nearly always): mapping reads lists of every
  // resource, and a copy each time was garbage to collect.
  for (const v of value) if (v === null || v === undefined) return value.filter((v) => v != null);
  return value;
}

const NOTHING: readonly never[] = Object.freeze([]);

/** The array itself when every element passes, else the ones that do. */
function every<T, S extends T>(items: readonly T[], keep: (item: T) => item is S): readonly S[] {
  for (const item of items) if (!keep(item)) return items.filter(keep);
  return items as readonly S[];
}

export function codingsOf(concept: CodeableConcept | undefined): readonly Coding[] {
  return isObject(concept) ? every(list(concept.coding), isObject) : NOTHING;
}

export function codingsOfAll(concepts: readonly CodeableConcept[] | undefined): Coding[] {
  const all: Coding[] = [];
  for (const concept of list(concepts)) for (const coding of codingsOf(concept)) all.push(coding);
  return all;
}

/**
 * A value from the wire as it may appear in a reason: cut to `max` characters, so a reason stays
 * a sentence however long the field a server sent.
 */
export function excerpt(value: string, max = 80): string {
  return value.length > max ? `${value.slice(0, max)}…` : value;
}

/** The entry a lookup table has for `key` itself: never one inherited (`constructor`, `toString`). */
export function ownEntry<T>(table: Readonly<Record<string, T>>, key: unknown): T | undefined {
  return typeof key === 'string' && Object.hasOwn(table, key) ? table[key] : undefined;
}

const DESCRIBED_CODINGS = 4;

/** `system|code` for reasons and warnings: codes are never PHI, free text may be. */
export function describeCodings(codings: readonly Coding[]): string {
  const described = codings
    .filter((c) => text(c.code))
    .map((c) => `${excerpt(text(c.system) ?? '(no system)', 160)}|${excerpt(text(c.code)!, 60)}`);
  if (described.length === 0) return 'no code';
  const more = described.length - DESCRIBED_CODINGS;
  return described.slice(0, DESCRIBED_CODINGS).join(', ') + (more > 0 ? ` and ${more} more` : '');
}

export function hasCoding(codings: readonly Coding[], system: string, code: string): boolean {
  return codings.some((c) => c.system === system && text(c.code) === code);
}

export function extensionsOf(owner: { readonly extension?: readonly Extension[] } | undefined) {
  return isObject(owner) ? every(list(owner.extension), isObject) : NOTHING;
}

export function findExtension(
  owner: { readonly extension?: readonly Extension[] } | undefined,
  url: string,
): Extension | undefined {
  return extensionsOf(owner).find((e) => e.url === url);
}

/** A whole number written as a number or as a numeric string ("12", " 12.0 "). */
export function numberFromText(value: unknown): number | undefined {
  const t = text(value);
  if (t === undefined || !/^[+-]?\d+(\.\d+)?$/.test(t)) return undefined;
  // 400 digits match the pattern too, and are Infinity as a number.
  const n = Number(t);
  return Number.isFinite(n) ? n : undefined;
}

/** The fields whose value is defined, so optional record fields are left out, not `undefined`. */
export function definedFields<T extends object>(
  fields: T,
): Partial<{ [K in keyof T]: Exclude<T[K], undefined> }> {
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as Partial<{
    [K in keyof T]: Exclude<T[K], undefined>;
  }>;
}

/** "1 reference", "3 references": counts in warnings read as sentences. */
export function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
