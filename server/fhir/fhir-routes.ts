import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { FhirError } from '../db/fhir-error';
import { Resource, ResourceStore } from '../db/resource-store';
import { AccessContext, AccessResolver, isRefusal } from './access';
import { EncodedBody, acceptsGzip, encodeJson, encodeSearchset } from './api-encoding';
import { parseIfMatch, processBundle } from './bundle-processing';
import { SmartEndpoints, capabilityStatement } from './capability-statement';
import { FhirInteractions, RequestMeta } from './interactions';
import { operationOutcome } from './operation-outcome';
import { searchsetBundleJson } from './search-bundle';
import { SearchCache } from './search-cache';

export interface FhirRouteOptions {
  readonly store: ResourceStore;
  /** Where the API lives, e.g. `/fhir`; the plugin must be registered with this as its prefix. */
  readonly basePath: string;
  /**
   * Absolute base for fullUrls and links, e.g. http://localhost:8080/fhir. When absent, it is the
   * origin the client used (its Host header), so links work through a proxy such as ng serve's.
   */
  readonly publicBaseUrl?: string;
  readonly resolveAccess: AccessResolver;
  /** OAuth endpoints to advertise (SMART) in the CapabilityStatement; absent in open mode. */
  readonly smart?: SmartEndpoints;
  /** Memory for answers to searches repeated on unchanged data (search-cache.ts); 0 or absent: none. */
  readonly searchCacheBytes?: number;
}

export const FHIR_JSON = 'application/fhir+json; fhirVersion=4.0; charset=utf-8';

type Req = FastifyRequest<{ Params: Record<string, string>; Body: unknown }>;

/**
 * The FHIR REST API. Register with `{ prefix: basePath }`. Every answer is FHIR JSON and every
 * error an OperationOutcome; access is resolved before the body is read, so an unauthorised
 * request is 401/403 whatever it carries.
 */
export async function fhirRoutes(app: FastifyInstance, options: FhirRouteOptions): Promise<void> {
  if (app.prefix !== options.basePath)
    throw new Error(
      `register fhirRoutes with { prefix: '${options.basePath}' } (got '${app.prefix}')`,
    );
  const { store } = options;
  const interactions = new FhirInteractions(
    store,
    options.searchCacheBytes ? new SearchCache(options.searchCacheBytes) : undefined,
  );
  const accessOf = new WeakMap<FastifyRequest, AccessContext>();
  const fixedBase = options.publicBaseUrl?.replace(/\/+$/, '');
  const baseOf = (request: FastifyRequest) =>
    fixedBase ?? `${request.protocol}://${request.headers.host ?? 'localhost'}${options.basePath}`;
  const metaOf = (request: FastifyRequest): RequestMeta => ({
    requestId: request.id,
    strict: /(^|[;,\s])handling\s*=\s*strict\b/i.test(String(request.headers['prefer'] ?? '')),
  });
  const access = (request: FastifyRequest): AccessContext => {
    const context = accessOf.get(request);
    if (!context) throw new FhirError(500, 'access was not resolved', 'exception');
    return context;
  };

  app.addHook('onRequest', async (request, reply) => {
    // Nothing the API answers may come from a browser cache: reads carry Last-Modified, which
    // lets a browser reuse a stale version heuristically (a version check would then compare
    // with the past), and the answers are PHI, which must not be kept on disk.
    reply.header('Cache-Control', 'no-store');
    // Answers are gzipped when the request allows it (api-encoding.ts).
    reply.header('Vary', 'Accept-Encoding');
    refuseNonJsonFormats(request);
    const route = request.routeOptions.url;
    if (route === undefined || route.endsWith('/metadata')) return;
    const result = await options.resolveAccess({
      authorization: request.headers.authorization,
      requestId: request.id,
    });
    if (!isRefusal(result)) {
      accessOf.set(request, result);
      return;
    }
    if (result.status === 401)
      reply.header(
        'WWW-Authenticate',
        `Bearer realm="Waypoint FHIR"${request.headers.authorization ? ', error="invalid_token"' : ''}`,
      );
    return send(
      reply,
      result.status,
      operationOutcome('error', result.status === 401 ? 'login' : 'forbidden', result.message),
    );
  });

  app.setErrorHandler((error: Error & { statusCode?: number; code?: string }, request, reply) => {
    if (error instanceof FhirError)
      return send(reply, error.status, operationOutcome('error', error.code, error.message));
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || error.statusCode === 413)
      return send(
        reply,
        413,
        operationOutcome(
          'error',
          'too-costly',
          'the request body is larger than this server accepts',
        ),
      );
    if (error.statusCode === 415)
      return send(
        reply,
        415,
        operationOutcome(
          'error',
          'not-supported',
          `unsupported Content-Type: send application/fhir+json`,
        ),
      );
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500)
      return send(reply, error.statusCode, operationOutcome('error', 'invalid', error.message));
    request.log.error({ err: error }, 'FHIR request failed');
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

  app.removeAllContentTypeParsers();
  app.addContentTypeParser(
    ['application/fhir+json', 'application/json'],
    { parseAs: 'string' },
    (_req, body, done) => {
      const text = body as string;
      if (text.trim() === '') return done(null, undefined);
      try {
        const value = JSON.parse(text) as unknown;
        if (text.includes('"__proto__"'))
          return done(
            new FhirError(
              400,
              'the body contains a "__proto__" key, which FHIR never uses',
              'structure',
            ),
          );
        done(null, value);
      } catch (error) {
        done(
          new FhirError(
            400,
            `the body is not valid JSON: ${(error as Error).message}`,
            'structure',
          ),
        );
      }
    },
  );
  // Only POST [type]/_search takes a form body (R4 search by POST).
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string' },
    (_req, body, done) => done(null, body),
  );

  app.get('/metadata', async (request, reply) =>
    send(reply, 200, capabilityStatement(baseOf(request), options.smart)),
  );

  // The base: paging through a search snapshot (GET), transactions and batches (POST).
  app.get('/', async (request, reply) => {
    const params = new URL(request.url, 'http://local').searchParams;
    const setId = params.get('_getpages');
    if (!setId)
      throw new FhirError(
        400,
        'searching across all types is not supported: search one resource type',
        'not-supported',
      );
    const offset = wholeNumber(params.get('_getpagesoffset') ?? '0', '_getpagesoffset');
    const count = Math.min(1000, Math.max(1, wholeNumber(params.get('_count') ?? '50', '_count')));
    const outcome = interactions.page(access(request), setId, offset, count, metaOf(request));
    return sendJson(
      reply,
      200,
      searchsetBundleJson(outcome, {
        base: baseOf(request),
        self: selfUrl(request, baseOf(request), options.basePath),
      }),
    );
  });

  app.post('/', async (request: Req, reply) => {
    const response = processBundle(
      { interactions, access: access(request), meta: metaOf(request), base: baseOf(request) },
      request.body,
    );
    return send(reply, 200, response);
  });

  const search = (request: Req, reply: FastifyReply, params: URLSearchParams) => {
    const answer = interactions.searchset(
      access(request),
      request.params['type'],
      params,
      metaOf(request),
      {
        base: baseOf(request),
        self: selfUrl(request, baseOf(request), options.basePath, params),
      },
    );
    return sendEncoded(
      reply,
      200,
      encodeSearchset(answer, acceptsGzip(request.headers['accept-encoding'])),
    );
  };

  app.get('/:type', async (request: Req, reply) =>
    search(request, reply, new URL(request.url, 'http://local').searchParams),
  );

  app.post('/:type/_search', async (request: Req, reply) => {
    if (request.body !== undefined && typeof request.body !== 'string')
      throw new FhirError(
        400,
        'POST _search takes an application/x-www-form-urlencoded body',
        'invalid',
      );
    const params = new URLSearchParams(new URL(request.url, 'http://local').search);
    for (const [key, value] of new URLSearchParams((request.body as string | undefined) ?? ''))
      params.append(key, value);
    return search(request, reply, params);
  });

  app.get('/:type/:id', async (request: Req, reply) => {
    const { type, id } = request.params;
    return sendResource(reply, 200, interactions.read(access(request), type, id, metaOf(request)));
  });

  app.get('/:type/:id/_history/:vid', async (request: Req, reply) => {
    const { type, id, vid } = request.params;
    return sendResource(
      reply,
      200,
      interactions.vread(access(request), type, id, vid, metaOf(request)),
    );
  });

  app.post('/:type', async (request: Req, reply) => {
    const { type } = request.params;
    interactions.requireType(type);
    const ifNoneExist = request.headers['if-none-exist'];
    const result = interactions.create(access(request), type, request.body, {
      meta: metaOf(request),
      ...(typeof ifNoneExist === 'string' ? { ifNoneExist } : {}),
    });
    if (result.created) reply.header('Location', locationOf(baseOf(request), result.resource));
    return sendResource(reply, result.created ? 201 : 200, result.resource, request);
  });

  app.put('/:type/:id', async (request: Req, reply) => {
    const { type, id } = request.params;
    interactions.requireType(type);
    const header = request.headers['if-match'];
    const ifMatch =
      typeof header === 'string' && header.trim() !== '' ? parseIfMatch(header) : undefined;
    const result = interactions.update(access(request), type, id, request.body, ifMatch);
    if (result.created) reply.header('Location', locationOf(baseOf(request), result.resource));
    return sendResource(reply, result.created ? 201 : 200, result.resource, request);
  });

  app.delete('/:type/:id', async (request: Req, reply) => {
    const { type, id } = request.params;
    interactions.delete(access(request), type, id);
    return reply.code(204).send();
  });

  app.patch('/:type/:id', async () => {
    throw new FhirError(
      405,
      'PATCH is not supported by this server: use PUT with the whole resource',
      'not-supported',
    );
  });
}

/** JSON is the only format: `_format=xml` (or an Accept that excludes JSON) is 406. */
function refuseNonJsonFormats(request: FastifyRequest): void {
  const format = new URL(request.url, 'http://local').searchParams.get('_format');
  const accept = request.headers.accept;
  const jsonFormat = (value: string) => /json|\*\/\*|application\/\*/.test(value);
  if ((format && !/json/.test(format)) || (accept && !jsonFormat(accept)))
    throw new FhirError(
      406,
      'this server answers in FHIR JSON only (application/fhir+json)',
      'not-supported',
    );
}

function wholeNumber(value: string, name: string): number {
  if (!/^\d{1,9}$/.test(value))
    throw new FhirError(400, `${name} must be a whole number`, 'invalid');
  return Number(value);
}

/** The request's own URL under the public base (`_search` posts name the GET equivalent). */
function selfUrl(
  request: FastifyRequest,
  base: string,
  basePath: string,
  params?: URLSearchParams,
): string {
  const url = new URL(request.url, 'http://local');
  const path = url.pathname
    .slice(basePath.length)
    .replace(/\/_search$/, '')
    .replace(/^\/$/, '');
  const query = (params ?? url.searchParams).toString();
  return `${base}${path}${query ? `?${query}` : ''}`;
}

function locationOf(base: string, resource: Resource): string {
  return `${base}/${resource.resourceType}/${resource.id}/_history/${String(resource.meta?.['versionId'])}`;
}

function send(reply: FastifyReply, status: number, body: unknown) {
  return sendJson(reply, status, JSON.stringify(body));
}

function sendJson(reply: FastifyReply, status: number, json: string | Buffer) {
  return sendEncoded(
    reply,
    status,
    encodeJson(json, acceptsGzip(reply.request.headers['accept-encoding'])),
  );
}

function sendEncoded(reply: FastifyReply, status: number, { body, encoding }: EncodedBody) {
  if (encoding) reply.header('Content-Encoding', encoding);
  return reply.code(status).header('Content-Type', FHIR_JSON).send(body);
}

/** A resource with its version headers; `Prefer: return=minimal` leaves the body out. */
function sendResource(
  reply: FastifyReply,
  status: number,
  resource: Resource,
  request?: FastifyRequest,
) {
  const meta = resource.meta ?? {};
  reply.header('ETag', `W/"${String(meta['versionId'])}"`);
  if (typeof meta['lastUpdated'] === 'string')
    reply.header('Last-Modified', new Date(meta['lastUpdated']).toUTCString());
  if (request && /return\s*=\s*minimal/i.test(String(request.headers['prefer'] ?? '')))
    return reply.code(status).send();
  return send(reply, status, resource);
}
