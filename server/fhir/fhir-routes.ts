import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { FhirError } from '../db/fhir-error';
import { Resource, ResourceStore, splitReference, validateResource } from '../db/resource-store';
import { QueryParams, search } from '../db/search';
import { AccessContext, AccessResolver, isRefusal } from './access';
import { auditAccess } from './audit';
import { capabilityStatement } from './capability-statement';
import { operationOutcome } from './operation-outcome';
import { SEARCH_PARAMS, SHARED_TYPES, patientOf } from './search-params';

export interface FhirRouteOptions {
  readonly store: ResourceStore;
  readonly basePath: string;
  /**
   * Absolute base for fullUrl and links, e.g. http://localhost:8080/fhir. When absent, it is the
   * origin the client used (its Host header), so links work through a proxy such as ng serve's.
   */
  readonly publicBaseUrl?: string;
  readonly resolveAccess: AccessResolver;
  /** The SMART authorisation server runs beside the API (advertised in the CapabilityStatement). */
  readonly smart?: boolean;
}

const FHIR_JSON = 'application/fhir+json; fhirVersion=4.0; charset=utf-8';
const DEFAULT_COUNT = 50;
const MAX_COUNT = 1000;

type Req = FastifyRequest<{ Params: Record<string, string>; Body: unknown }>;

/** The FHIR REST API: every answer is FHIR JSON and every error an OperationOutcome. */
export async function fhirRoutes(app: FastifyInstance, options: FhirRouteOptions): Promise<void> {
  const { store, basePath } = options;
  const originOf = (request: FastifyRequest) =>
    `${request.protocol}://${request.headers.host ?? 'localhost'}`;
  const baseOf = (request: FastifyRequest) =>
    options.publicBaseUrl ??
    `${request.protocol}://${request.headers.host ?? 'localhost'}${basePath}`;

  app.addHook('onRequest', async (request, reply) => {
    const incoming = request.headers['x-request-id'];
    const id =
      typeof incoming === 'string' && /^[\w.-]{1,100}$/.test(incoming) ? incoming : randomUUID();
    (request as FastifyRequest & { requestId: string }).requestId = id;
    reply.header('X-Request-Id', id);
  });

  app.setErrorHandler((error: Error & { statusCode?: number; code?: string }, _request, reply) => {
    if (error instanceof FhirError) {
      // RFC 6750 §3: a 401 names the scheme the client should use.
      if (error.status === 401) reply.header('WWW-Authenticate', 'Bearer realm="waypoint"');
      return send(reply, error.status, operationOutcome('error', error.code, error.message));
    }
    if (error.statusCode === 413 || error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      return send(
        reply,
        413,
        operationOutcome('error', 'too-costly', 'the request body is too large'),
      );
    }
    if (
      error.statusCode === 400 ||
      error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' ||
      error instanceof SyntaxError
    ) {
      return send(
        reply,
        400,
        operationOutcome('error', 'structure', `the body is not valid JSON: ${error.message}`),
      );
    }
    if (error.statusCode === 415)
      return send(reply, 415, operationOutcome('error', 'not-supported', error.message));
    return send(reply, 500, operationOutcome('fatal', 'exception', 'internal server error'));
  });
  app.setNotFoundHandler((request, reply) =>
    send(
      reply,
      404,
      operationOutcome(
        'error',
        'not-found',
        `no such endpoint: ${request.method} ${request.url.split('?')[0]}`,
      ),
    ),
  );

  const parseJson = (
    _req: FastifyRequest,
    body: string,
    done: (err: Error | null, value?: unknown) => void,
  ) => {
    try {
      done(null, body.length === 0 ? undefined : JSON.parse(body));
    } catch (error) {
      done(
        new FhirError(400, `the body is not valid JSON: ${(error as Error).message}`, 'structure'),
      );
    }
  };
  app.removeAllContentTypeParsers();
  app.addContentTypeParser(
    ['application/json', 'application/fhir+json'],
    { parseAs: 'string' },
    parseJson,
  );
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string' },
    (_req, body, done) => done(null, body),
  );

  async function accessFor(request: FastifyRequest): Promise<AccessContext> {
    const result = await options.resolveAccess({
      authorization: request.headers.authorization,
      requestId: (request as FastifyRequest & { requestId: string }).requestId,
    });
    if (isRefusal(result))
      throw new FhirError(
        result.status,
        result.message,
        result.status === 401 ? 'login' : 'forbidden',
      );
    return result;
  }

  function requireType(type: string): void {
    if (!(type in SEARCH_PARAMS))
      throw new FhirError(
        404,
        `resource type ${type} is not supported by this server`,
        'not-supported',
      );
  }

  function requireRead(access: AccessContext, type: string): void {
    if (!access.canRead(type))
      throw new FhirError(403, `not permitted to read ${type}`, 'forbidden');
  }

  function inScope(
    access: AccessContext,
    type: string,
    patientId: string | null | undefined,
  ): boolean {
    return (
      access.patientScope === 'all' ||
      SHARED_TYPES.has(type) ||
      (!!patientId && access.patientScope.has(patientId))
    );
  }

  function requireWrite(
    access: AccessContext,
    resource: Resource,
    action: 'create' | 'update' | 'delete',
  ): void {
    if (!access.canWrite(resource.resourceType, action)) {
      throw new FhirError(403, `not permitted to ${action} ${resource.resourceType}`, 'forbidden');
    }
    const patient = patientOf(resource);
    if (
      access.patientScope !== 'all' &&
      !SHARED_TYPES.has(resource.resourceType) &&
      (!patient || !access.patientScope.has(patient))
    ) {
      throw new FhirError(
        403,
        `not permitted to write ${resource.resourceType} outside your care teams`,
        'forbidden',
      );
    }
  }

  const requestId = (request: FastifyRequest) =>
    (request as FastifyRequest & { requestId: string }).requestId;

  app.get(`${basePath}/metadata`, async (request, reply) =>
    send(
      reply,
      200,
      capabilityStatement(
        baseOf(request),
        options.smart
          ? {
              authorize: `${originOf(request)}/auth/authorize`,
              token: `${originOf(request)}/auth/token`,
            }
          : undefined,
      ),
    ),
  );

  async function runSearch(
    request: Req,
    reply: FastifyReply,
    type: string,
    params: URLSearchParams,
  ) {
    const publicBaseUrl = baseOf(request);
    requireType(type);
    const access = await accessFor(request);
    requireRead(access, type);
    const query = new Map<string, string[]>();
    for (const [key, value] of params) query.set(key, [...(query.get(key) ?? []), value]);
    const count = Math.min(
      MAX_COUNT,
      Math.max(0, Number(params.get('_count') ?? DEFAULT_COUNT) || 0),
    );
    const offset = Math.max(0, Number(params.get('_offset') ?? 0) || 0);
    const snapshot = params.has('_snapshot') ? Number(params.get('_snapshot')) : undefined;
    const summaryCount = params.get('_summary') === 'count';
    const result = search(store, type, query as QueryParams, {
      patientScope: access.patientScope,
      count: summaryCount ? 0 : count,
      offset,
      snapshot,
    });
    const strict = /handling=strict/.test(String(request.headers['prefer'] ?? ''));
    if (strict && result.ignored.length > 0) {
      throw new FhirError(
        400,
        `unknown or unsupported search parameter(s) for ${type}: ${result.ignored.join(', ')}`,
        'not-supported',
      );
    }
    const elements = params
      .get('_elements')
      ?.split(',')
      .map((e) => e.trim())
      .filter(Boolean);
    const shape = (r: Resource) => (elements ? subset(r, elements) : r);
    const link = (newOffset: number) => {
      const next = new URLSearchParams(params);
      next.set('_offset', String(newOffset));
      next.set('_count', String(count));
      next.set('_snapshot', String(result.snapshot));
      return `${publicBaseUrl}/${type}?${next.toString()}`;
    };
    const links = [{ relation: 'self', url: `${publicBaseUrl}/${type}?${params.toString()}` }];
    if (!summaryCount && offset + count < result.total)
      links.push({ relation: 'next', url: link(offset + count) });
    if (!summaryCount && offset > 0)
      links.push({ relation: 'previous', url: link(Math.max(0, offset - count)) });
    const entries: unknown[] = [
      ...result.matches.map((r) => ({
        fullUrl: `${publicBaseUrl}/${r.resourceType}/${r.id}`,
        resource: shape(r),
        search: { mode: 'match' },
      })),
      ...result.includes.map((r) => ({
        fullUrl: `${publicBaseUrl}/${r.resourceType}/${r.id}`,
        resource: shape(r),
        search: { mode: 'include' },
      })),
    ];
    if (result.ignored.length > 0) {
      entries.push({
        resource: operationOutcome(
          'warning',
          'not-supported',
          `ignored unknown search parameter(s): ${result.ignored.join(', ')}`,
        ),
        search: { mode: 'outcome' },
      });
    }
    const patientIds = [...result.matches, ...result.includes]
      .map((r) => patientOf(r))
      .filter((p): p is string => !!p);
    if (type !== 'AuditEvent')
      auditAccess(store, access, {
        requestId: requestId(request),
        subtype: 'search-type',
        query: `${type}?${params.toString()}`,
        patientIds,
      });
    return send(reply, 200, {
      resourceType: 'Bundle',
      type: 'searchset',
      total: result.total,
      link: links,
      ...(summaryCount ? {} : { entry: entries }),
    });
  }

  app.get(`${basePath}/:type`, async (request: Req, reply) => {
    const url = new URL(request.url, 'http://local');
    return runSearch(request, reply, request.params['type'], url.searchParams);
  });

  app.post(`${basePath}/:type/_search`, async (request: Req, reply) => {
    const url = new URL(request.url, 'http://local');
    const params = new URLSearchParams(typeof request.body === 'string' ? request.body : '');
    for (const [key, value] of url.searchParams) params.append(key, value);
    return runSearch(request, reply, request.params['type'], params);
  });

  app.get(`${basePath}/:type/:id`, async (request: Req, reply) => {
    const { type, id } = request.params;
    requireType(type);
    const access = await accessFor(request);
    requireRead(access, type);
    const found = store.read(type, id);
    if (!found || !inScope(access, type, found.patientId))
      throw new FhirError(404, `${type}/${id} not found`, 'not-found');
    if (found.patientId && type !== 'AuditEvent')
      auditAccess(store, access, {
        requestId: requestId(request),
        subtype: 'read',
        query: `${type}/${id}`,
        patientIds: [found.patientId],
      });
    return sendResource(reply, 200, found.resource);
  });

  app.get(`${basePath}/:type/:id/_history/:vid`, async (request: Req, reply) => {
    const { type, id, vid } = request.params;
    requireType(type);
    const access = await accessFor(request);
    requireRead(access, type);
    const current = store.read(type, id);
    if (!current || !inScope(access, type, current.patientId))
      throw new FhirError(404, `${type}/${id} not found`, 'not-found');
    const resource = store.vread(type, id, Number(vid));
    if (!resource) throw new FhirError(404, `${type}/${id} has no version ${vid}`, 'not-found');
    if (current.patientId)
      auditAccess(store, access, {
        requestId: requestId(request),
        subtype: 'vread',
        query: `${type}/${id}/_history/${vid}`,
        patientIds: [current.patientId],
      });
    return sendResource(reply, 200, resource);
  });

  app.post(`${basePath}/:type`, async (request: Req, reply) => {
    const publicBaseUrl = baseOf(request);
    const { type } = request.params;
    requireType(type);
    const access = await accessFor(request);
    validateResource(request.body);
    if (request.body.resourceType !== type)
      throw new FhirError(
        400,
        `resourceType ${request.body.resourceType} does not match the URL (${type})`,
        'invalid',
      );
    requireWrite(access, request.body, 'create');
    const created = store.create(request.body);
    reply.header('Location', `${publicBaseUrl}/${type}/${created.id}/_history/1`);
    return sendResource(reply, 201, created);
  });

  app.put(`${basePath}/:type/:id`, async (request: Req, reply) => {
    const publicBaseUrl = baseOf(request);
    const { type, id } = request.params;
    requireType(type);
    const access = await accessFor(request);
    validateResource(request.body);
    requireWrite(access, request.body, 'update');
    const existing = store.read(type, id);
    if (existing && !inScope(access, type, existing.patientId))
      throw new FhirError(403, `not permitted to update ${type}/${id}`, 'forbidden');
    const { resource, created } = store.update(
      type,
      id,
      request.body,
      ifMatchVersion(request.headers['if-match']),
    );
    if (created)
      reply.header(
        'Location',
        `${publicBaseUrl}/${type}/${id}/_history/${String(resource.meta?.['versionId'])}`,
      );
    return sendResource(reply, created ? 201 : 200, resource);
  });

  app.delete(`${basePath}/:type/:id`, async (request: Req, reply) => {
    const { type, id } = request.params;
    requireType(type);
    const access = await accessFor(request);
    const existing = store.read(type, id);
    if (!existing || !inScope(access, type, existing.patientId))
      throw new FhirError(404, `${type}/${id} not found`, 'not-found');
    requireWrite(access, existing.resource, 'delete');
    store.delete(type, id);
    return reply.code(204).send();
  });

  app.post(basePath, async (request: Req, reply) => {
    const access = await accessFor(request);
    const bundle = request.body as
      { resourceType?: string; type?: string; entry?: unknown[] } | undefined;
    if (
      !bundle ||
      bundle.resourceType !== 'Bundle' ||
      (bundle.type !== 'transaction' && bundle.type !== 'batch')
    ) {
      throw new FhirError(
        400,
        'POST to the base takes a Bundle of type transaction or batch',
        'invalid',
      );
    }
    const entries = Array.isArray(bundle.entry) ? bundle.entry : [];
    if (bundle.type === 'transaction') {
      const response = store.transaction(() =>
        processTransaction(entries, access, baseOf(request)),
      );
      return send(reply, 200, {
        resourceType: 'Bundle',
        type: 'transaction-response',
        entry: response,
      });
    }
    const response = entries.map((entry) => {
      try {
        return store.transaction(() => processTransaction([entry], access, baseOf(request)))[0];
      } catch (error) {
        const e =
          error instanceof FhirError ? error : new FhirError(500, 'internal error', 'exception');
        return {
          response: {
            status: String(e.status),
            outcome: operationOutcome('error', e.code, e.message),
          },
        };
      }
    });
    return send(reply, 200, { resourceType: 'Bundle', type: 'batch-response', entry: response });
  });

  /** Applies transaction entries in order, rewriting urn:uuid references to the ids assigned. */
  function processTransaction(entries: unknown[], access: AccessContext, publicBaseUrl: string) {
    const assigned = new Map<string, string>();
    const plan = entries.map((raw, index) => {
      const entry = raw as {
        fullUrl?: string;
        resource?: Resource;
        request?: { method?: string; url?: string; ifMatch?: string };
      };
      const method = entry.request?.method;
      if (method !== 'POST' && method !== 'PUT')
        throw new FhirError(
          400,
          `entry ${index}: only POST and PUT are supported in a transaction`,
          'not-supported',
        );
      validateResource(entry.resource);
      const resource = entry.resource;
      let id = resource.id;
      if (method === 'POST') id = randomUUID();
      else {
        const [, urlId] = splitReference(entry.request?.url ?? '');
        if (!urlId)
          throw new FhirError(
            400,
            `entry ${index}: PUT needs a url of the form Type/id`,
            'invalid',
          );
        id = urlId;
      }
      if (entry.fullUrl?.startsWith('urn:uuid:'))
        assigned.set(entry.fullUrl, `${resource.resourceType}/${id}`);
      return { method, resource, id: id!, ifMatch: entry.request?.ifMatch };
    });
    return plan.map(({ method, resource, id, ifMatch }) => {
      const rewritten = JSON.parse(JSON.stringify(resource), (key, value) =>
        key === 'reference' && typeof value === 'string' && assigned.has(value)
          ? assigned.get(value)
          : value,
      ) as Resource;
      rewritten.id = id;
      requireWrite(access, rewritten, method === 'POST' ? 'create' : 'update');
      const result =
        method === 'POST'
          ? { resource: store.create(rewritten, { keepId: true }), created: true }
          : store.update(rewritten.resourceType, id, rewritten, ifMatchVersion(ifMatch));
      const version = String(result.resource.meta?.['versionId']);
      return {
        fullUrl: `${publicBaseUrl}/${rewritten.resourceType}/${id}`,
        resource: result.resource,
        response: {
          status: result.created ? '201 Created' : '200 OK',
          location: `${rewritten.resourceType}/${id}/_history/${version}`,
          etag: `W/"${version}"`,
        },
      };
    });
  }
}

function ifMatchVersion(header: unknown): number | undefined {
  if (typeof header !== 'string' || header.trim() === '') return undefined;
  const match = /^(?:W\/)?"?(\d+)"?$/.exec(header.trim());
  if (!match)
    throw new FhirError(400, `If-Match "${header}" is not a version ETag such as W/"3"`, 'invalid');
  return Number(match[1]);
}

function subset(resource: Resource, elements: readonly string[]): Resource {
  const keep = new Set(['resourceType', 'id', 'meta', ...elements]);
  const out = Object.fromEntries(Object.entries(resource).filter(([k]) => keep.has(k))) as Resource;
  const meta = (out.meta ?? {}) as Record<string, unknown>;
  const tag = Array.isArray(meta['tag']) ? meta['tag'] : [];
  out.meta = {
    ...meta,
    tag: [
      ...tag,
      { system: 'http://terminology.hl7.org/CodeSystem/v3-ObservationValue', code: 'SUBSETTED' },
    ],
  };
  return out;
}

function send(reply: FastifyReply, status: number, body: unknown) {
  return reply.code(status).header('Content-Type', FHIR_JSON).send(JSON.stringify(body));
}

function sendResource(reply: FastifyReply, status: number, resource: Resource) {
  const meta = resource.meta ?? {};
  reply.header('ETag', `W/"${String(meta['versionId'])}"`);
  if (typeof meta['lastUpdated'] === 'string')
    reply.header('Last-Modified', new Date(meta['lastUpdated']).toUTCString());
  return send(reply, status, resource);
}
