import { SEARCH_PARAMS } from '../fhir/search-params';
import { FhirError } from './fhir-error';
import { ID_PATTERN, ReferenceKind, referenceKind } from './reference';

export type Resource = Record<string, unknown> & {
  resourceType: string;
  id?: string;
  meta?: Record<string, unknown>;
};

export interface ValidationOptions {
  /**
   * Reference forms allowed besides literal and contained ones: `urn:uuid:` placeholders and
   * conditional references only make sense inside a transaction, which resolves them first.
   */
  readonly allow?: readonly ReferenceKind[];
}

/**
 * The structural checks a FHIR server makes before storing anything: a JSON object of a
 * supported type, a valid id, no JSON nulls (FHIR JSON forbids them), an object `meta`, and
 * every `reference` in one of the permitted forms.
 */
export function validateResource(
  input: unknown,
  options: ValidationOptions = {},
): asserts input is Resource {
  if (!input || typeof input !== 'object' || Array.isArray(input))
    throw new FhirError(400, 'the body is not a FHIR resource (a JSON object)', 'structure');
  const resource = input as Resource;
  if (typeof resource.resourceType !== 'string')
    throw new FhirError(400, 'the resource has no resourceType', 'structure');
  if (!Object.hasOwn(SEARCH_PARAMS, resource.resourceType)) {
    throw new FhirError(
      400,
      `resourceType ${resource.resourceType.slice(0, 60)} is not supported by this server`,
      'not-supported',
    );
  }
  if (
    resource.id !== undefined &&
    (typeof resource.id !== 'string' || !ID_PATTERN.test(resource.id))
  ) {
    throw new FhirError(
      400,
      `"${String(resource.id).slice(0, 80)}" is not a valid FHIR id`,
      'invalid',
    );
  }
  if (
    resource.meta !== undefined &&
    (!resource.meta || typeof resource.meta !== 'object' || Array.isArray(resource.meta))
  )
    throw new FhirError(400, 'meta must be an object', 'structure');
  walk(
    resource,
    [resource.resourceType],
    new Set(['literal', 'contained', ...(options.allow ?? [])]),
  );
}

/** Walks the whole resource once; the path of an offending element is only built on failure. */
function walk(value: unknown, trail: string[], allowed: ReadonlySet<string>): void {
  if (trail.length > 60) fail(trail, 'the resource is nested too deeply');
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      if (item === null) fail([...trail, `[${i}]`], 'null is not allowed in FHIR JSON');
      if (item !== null && typeof item === 'object') walk(item, trail, allowed);
    }
    return;
  }
  const object = value as Record<string, unknown>;
  for (const key in object) {
    const child = object[key];
    if (child === null) fail([...trail, key], 'null is not allowed in FHIR JSON');
    if (key === 'reference' && typeof child === 'string') {
      const kind = referenceKind(child);
      if (!kind || !allowed.has(kind))
        fail(
          [...trail, key],
          `invalid reference "${child.slice(0, 80)}"${kind ? ` (${kind} references are only allowed in a transaction)` : ''}`,
        );
    } else if (child !== null && typeof child === 'object') {
      trail.push(key);
      // Contained resources have their own shapes; only their null-freeness is checked.
      walk(child, trail, key === 'contained' ? ANY_REFERENCE : allowed);
      trail.pop();
    }
  }
}

const ANY_REFERENCE: ReadonlySet<string> = new Set([
  'literal',
  'contained',
  'placeholder',
  'conditional',
]);

function fail(trail: readonly string[], message: string): never {
  throw new FhirError(
    400,
    `${trail.join('.').replace(/\.\[/g, '[')}: ${message}`,
    message.startsWith('invalid reference') ? 'invalid' : 'structure',
  );
}
