/**
 * FHIR Reference.reference strings. Only relative (`Type/id`), absolute (`http…/Type/id`),
 * contained (`#id`), `urn:uuid:`/`urn:oid:` (inside Bundles) and conditional (`Type?query`, in
 * transactions) forms are valid; anything else is refused with 400 before it is stored.
 */
export const ID_PATTERN = /^[A-Za-z0-9\-.]{1,64}$/;

const RELATIVE = /^([A-Z][A-Za-z]+)\/([A-Za-z0-9\-.]{1,64})(?:\/_history\/[A-Za-z0-9\-.]{1,64})?$/;
const ABSOLUTE =
  /^https?:\/\/[^\s/]+(?:\/[^\s?#]*)?\/([A-Z][A-Za-z]+)\/([A-Za-z0-9\-.]{1,64})(?:\/_history\/[A-Za-z0-9\-.]{1,64})?$/;
const CANONICAL = /^(?:https?|urn):\S+$/;

export interface ParsedReference {
  /** The target resource type, when the reference names one. */
  readonly type?: string;
  readonly id?: string;
  /** Absolute or canonical URL (without a `|version`), matched by searches that give a URL. */
  readonly url?: string;
}

/** A stored reference (or canonical) as what the index keeps: type, id, URL. */
export function parseReference(reference: string): ParsedReference | undefined {
  const relative = RELATIVE.exec(reference);
  if (relative) return { type: relative[1], id: relative[2] };
  const url = reference.split('|')[0];
  const absolute = ABSOLUTE.exec(url);
  if (absolute) return { type: absolute[1], id: absolute[2], url };
  if (CANONICAL.test(url)) return { url };
  return undefined;
}

export type ReferenceKind = 'literal' | 'contained' | 'placeholder' | 'conditional';

/** Which of the permitted forms a reference takes, or undefined when it is malformed. */
export function referenceKind(reference: string): ReferenceKind | undefined {
  if (RELATIVE.test(reference) || ABSOLUTE.test(reference)) return 'literal';
  if (/^#[A-Za-z0-9\-.]{0,64}$/.test(reference)) return 'contained';
  if (/^urn:(uuid|oid):[A-Za-z0-9\-.:]+$/.test(reference)) return 'placeholder';
  if (/^[A-Z][A-Za-z]+\?\S+$/.test(reference)) return 'conditional';
  return undefined;
}

/** Compatibility helper: "Patient/123", ".../Patient/123" or "Patient/123/_history/2" → [type, id]. */
export function splitReference(reference: string): [string | undefined, string | undefined] {
  const parsed = parseReference(reference);
  return [parsed?.type, parsed?.id];
}
