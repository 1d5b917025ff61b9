import { randomUUID } from 'node:crypto';
import { FhirError } from '../db/fhir-error';
import { Resource } from '../db/resource-store';
import { ID_PATTERN } from '../db/reference';
import { AccessContext } from './access';
import { FhirInteractions, RequestMeta, WriteResult } from './interactions';
import { operationOutcome } from './operation-outcome';
import { searchsetBundle } from './search-bundle';

export interface BundleContext {
  readonly interactions: FhirInteractions;
  readonly access: AccessContext;
  readonly meta: RequestMeta;
  /** The FHIR base URL, for fullUrls and to accept absolute request URLs. */
  readonly base: string;
}

interface Entry {
  readonly fullUrl?: unknown;
  readonly resource?: unknown;
  readonly request?: { method?: unknown; url?: unknown; ifMatch?: unknown; ifNoneExist?: unknown };
}

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

/** One entry's request, parsed: the target type, and the id or query it names. */
interface Target {
  readonly method: Method;
  readonly type: string;
  readonly id?: string;
  readonly version?: string;
  readonly query?: string;
  readonly ifMatch?: number;
  readonly ifNoneExist?: string;
}

/** R4 processing order inside a transaction: deletes, creates, updates, then reads. */
const ORDER: Record<Method, number> = { DELETE: 0, POST: 1, PUT: 2, GET: 3 };

/**
 * Processes a `transaction` (atomic: one SQLite transaction, so any failure leaves nothing
 * written, and the error is that entry's) or a `batch` (each entry on its own; failures are
 * reported in their response entries). In a transaction, `urn:uuid:` fullUrls and conditional
 * references (`Patient?identifier=…`) are resolved and rewritten before anything is written.
 */
export function processBundle(context: BundleContext, body: unknown) {
  const bundle = body as { resourceType?: unknown; type?: unknown; entry?: unknown } | undefined;
  if (!bundle || typeof bundle !== 'object' || bundle.resourceType !== 'Bundle')
    throw new FhirError(
      400,
      'POST to the base takes a Bundle (of type transaction or batch)',
      'invalid',
    );
  if (bundle.type !== 'transaction' && bundle.type !== 'batch')
    throw new FhirError(
      400,
      `Bundle.type must be transaction or batch, not "${String(bundle.type).slice(0, 40)}"`,
      'invalid',
    );
  if (bundle.entry !== undefined && !Array.isArray(bundle.entry))
    throw new FhirError(400, 'Bundle.entry must be an array', 'structure');
  const entries = (bundle.entry ?? []) as Entry[];
  if (bundle.type === 'transaction') {
    const response = context.interactions.store.transaction(() => runTransaction(context, entries));
    return {
      resourceType: 'Bundle',
      id: randomUUID(),
      type: 'transaction-response',
      entry: response,
    };
  }
  const response = entries.map((entry, index) => {
    try {
      return context.interactions.store.transaction(() => {
        const target = parseTarget(entry, index, context.base);
        return execute(context, target, entry.resource, index);
      });
    } catch (error) {
      const e =
        error instanceof FhirError ? error : new FhirError(500, 'internal error', 'exception');
      return {
        response: {
          status: `${e.status} ${STATUS_TEXT[e.status] ?? ''}`.trim(),
          outcome: operationOutcome('error', e.code, e.message),
        },
      };
    }
  });
  return { resourceType: 'Bundle', id: randomUUID(), type: 'batch-response', entry: response };
}

function runTransaction(context: BundleContext, entries: readonly Entry[]): unknown[] {
  const targets = entries.map((entry, index) => parseTarget(entry, index, context.base));
  // Ids for creates first, so every placeholder can be rewritten before anything is written.
  const assigned = new Map<string, string>();
  const ids = targets.map((target, index) => {
    if (target.method !== 'POST') return target.id;
    const existing =
      target.ifNoneExist !== undefined
        ? atEntry(index, () =>
            context.interactions.matchOne(
              context.access,
              target.type,
              target.ifNoneExist!,
              'If-None-Exist',
              context.meta,
            ),
          )
        : undefined;
    return existing?.id ?? randomUUID();
  });
  const written = new Set<string>();
  targets.forEach((target, index) => {
    const fullUrl = entries[index].fullUrl;
    const id = ids[index];
    if (typeof fullUrl === 'string' && /^urn:(uuid|oid):/.test(fullUrl) && id) {
      if (assigned.has(fullUrl))
        throw new FhirError(
          400,
          `entry[${index}]: fullUrl ${fullUrl.slice(0, 80)} appears twice`,
          'invalid',
        );
      assigned.set(fullUrl, `${target.type}/${id}`);
    }
    if (target.method !== 'GET' && id) {
      const key = `${target.type}/${id}`;
      if (written.has(key))
        throw new FhirError(
          400,
          `entry[${index}]: ${key} is the target of more than one entry`,
          'invalid',
        );
      written.add(key);
    }
  });
  const results: unknown[] = new Array(entries.length);
  const order = targets
    .map((_, i) => i)
    .sort((a, b) => ORDER[targets[a].method] - ORDER[targets[b].method] || a - b);
  for (const index of order) {
    const target = targets[index];
    results[index] = atEntry(index, () => {
      const resource =
        target.method === 'POST' || target.method === 'PUT'
          ? resolveReferences(context, entries[index].resource, assigned)
          : undefined;
      if (target.method === 'POST' && resource && typeof resource === 'object')
        (resource as Resource).id = ids[index];
      if (target.method === 'POST' && target.ifNoneExist !== undefined && ids[index]) {
        const existing = context.interactions.store.currentRow(target.type, ids[index]!);
        if (existing && !existing.deleted)
          return writeResponse(context, {
            resource: JSON.parse(existing.json) as Resource,
            created: false,
          });
      }
      return execute(context, { ...target, ifNoneExist: undefined }, resource, index, true);
    });
  }
  return results;
}

/** Runs `work` and names the entry in any error it raises (the status is kept). */
function atEntry<T>(index: number, work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (error instanceof FhirError && !error.message.startsWith('entry['))
      throw new FhirError(error.status, `entry[${index}]: ${error.message}`, error.code);
    throw error;
  }
}

function execute(
  context: BundleContext,
  target: Target,
  resource: unknown,
  index: number,
  keepId = false,
): unknown {
  const { interactions, access, meta } = context;
  switch (target.method) {
    case 'POST':
      return writeResponse(
        context,
        interactions.create(access, target.type, resource, {
          keepId,
          meta,
          ...(target.ifNoneExist !== undefined ? { ifNoneExist: target.ifNoneExist } : {}),
        }),
      );
    case 'PUT':
      return writeResponse(
        context,
        interactions.update(access, target.type, target.id!, resource, target.ifMatch),
      );
    case 'DELETE':
      interactions.delete(access, target.type, target.id!);
      return { response: { status: '204 No Content' } };
    case 'GET': {
      if (target.id && target.version !== undefined) {
        const found = interactions.vread(access, target.type, target.id, target.version, meta);
        return {
          fullUrl: `${context.base}/${target.type}/${target.id}`,
          resource: found,
          response: { status: '200 OK' },
        };
      }
      if (target.id) {
        const found = interactions.read(access, target.type, target.id, meta);
        return {
          fullUrl: `${context.base}/${target.type}/${target.id}`,
          resource: found,
          response: { status: '200 OK' },
        };
      }
      const query = target.query ?? '';
      const outcome = interactions.search(access, target.type, new URLSearchParams(query), meta);
      const self = `${context.base}/${target.type}${query ? `?${query}` : ''}`;
      return {
        resource: searchsetBundle(outcome, { base: context.base, self }),
        response: { status: '200 OK' },
      };
    }
  }
  throw new FhirError(400, `entry[${index}]: unsupported method`, 'not-supported');
}

function writeResponse(context: BundleContext, result: WriteResult) {
  const r = result.resource;
  const version = String(r.meta?.['versionId']);
  return {
    fullUrl: `${context.base}/${r.resourceType}/${r.id}`,
    resource: r,
    response: {
      status: result.created ? '201 Created' : '200 OK',
      location: `${r.resourceType}/${r.id}/_history/${version}`,
      etag: `W/"${version}"`,
      lastModified: String(r.meta?.['lastUpdated']),
    },
  };
}

function parseTarget(entry: Entry, index: number, base: string): Target {
  if (!entry || typeof entry !== 'object')
    throw new FhirError(400, `entry[${index}] is not an object`, 'structure');
  const request = entry.request;
  const method = request?.method;
  if (method !== 'GET' && method !== 'POST' && method !== 'PUT' && method !== 'DELETE')
    throw new FhirError(
      400,
      `entry[${index}]: request.method must be GET, POST, PUT or DELETE`,
      'not-supported',
    );
  if (typeof request?.url !== 'string' || request.url === '')
    throw new FhirError(400, `entry[${index}]: request.url is missing`, 'required');
  let url = request.url;
  if (url.startsWith(`${base}/`)) url = url.slice(base.length + 1);
  const [path, query] = splitOnce(url, '?');
  const segments = path.split('/');
  const type = segments[0];
  const id = segments[1];
  const version = segments[2] === '_history' ? segments[3] : undefined;
  const shape = `${method} ${url.slice(0, 80)}`;
  const bad = (message: string) =>
    new FhirError(400, `entry[${index}]: ${shape}: ${message}`, 'invalid');
  if (!/^[A-Z][A-Za-z]+$/.test(type)) throw bad('the url must start with a resource type');
  if (id !== undefined && !ID_PATTERN.test(id)) throw bad(`"${id.slice(0, 64)}" is not a valid id`);
  if (segments.length > 4 || (segments.length > 2 && version === undefined))
    throw bad('unsupported url');
  if (method === 'POST' && (id !== undefined || query !== undefined))
    throw bad('a create takes the type only');
  if (
    (method === 'PUT' || method === 'DELETE') &&
    (id === undefined || version !== undefined || query !== undefined)
  )
    throw bad('conditional updates and deletes are not supported: name the resource as Type/id');
  if (method === 'GET' && id !== undefined && query !== undefined)
    throw bad('a read takes no query');
  if (
    (method === 'POST' || method === 'PUT') &&
    (entry.resource === undefined || entry.resource === null)
  )
    throw bad('the entry has no resource');
  const ifMatch = typeof request.ifMatch === 'string' ? parseIfMatch(request.ifMatch) : undefined;
  return {
    method,
    type,
    ...(id !== undefined ? { id } : {}),
    ...(version !== undefined ? { version } : {}),
    ...(query !== undefined ? { query } : {}),
    ...(ifMatch !== undefined ? { ifMatch } : {}),
    ...(typeof request.ifNoneExist === 'string' ? { ifNoneExist: request.ifNoneExist } : {}),
  };
}

function splitOnce(value: string, separator: string): [string, string | undefined] {
  const at = value.indexOf(separator);
  return at < 0 ? [value, undefined] : [value.slice(0, at), value.slice(at + 1)];
}

/** Rewrites placeholder and conditional references in a copy of the entry's resource. */
function resolveReferences(
  context: BundleContext,
  resource: unknown,
  assigned: ReadonlyMap<string, string>,
): unknown {
  if (!resource || typeof resource !== 'object') return resource;
  const resolved = new Map<string, string>();
  return JSON.parse(JSON.stringify(resource), (key, value: unknown) => {
    if (key !== 'reference' || typeof value !== 'string') return value;
    if (assigned.has(value)) return assigned.get(value);
    if (/^urn:(uuid|oid):/.test(value))
      throw new FhirError(
        400,
        `reference ${value.slice(0, 80)} matches no fullUrl in this transaction`,
        'invalid',
      );
    const conditional = /^([A-Z][A-Za-z]+)\?(.+)$/.exec(value);
    if (!conditional) return value;
    if (!resolved.has(value)) {
      const match = context.interactions.matchOne(
        context.access,
        conditional[1],
        conditional[2],
        'the conditional reference',
        context.meta,
      );
      if (!match)
        throw new FhirError(
          412,
          `the conditional reference ${value.slice(0, 100)} matches no resource`,
          'not-found',
        );
      resolved.set(value, `${conditional[1]}/${match.id}`);
    }
    return resolved.get(value);
  });
}

/** `W/"3"` (or `"3"`, `3`) → 3; anything else is a 400. */
export function parseIfMatch(header: string): number {
  const match = /^(?:W\/)?"?(\d{1,9})"?$/.exec(header.trim());
  if (!match)
    throw new FhirError(
      400,
      `If-Match "${header.slice(0, 40)}" is not a version ETag such as W/"3"`,
      'invalid',
    );
  return Number(match[1]);
}

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  410: 'Gone',
  412: 'Precondition Failed',
  422: 'Unprocessable Entity',
  500: 'Internal Server Error',
};
