import { gunzipSync } from 'node:zlib';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { operationOutcome } from '../fhir/operation-outcome';
import { FaultSpec, parseFaults } from './fault-spec';

export type { FaultKind, FaultMatch, FaultSpec } from './fault-spec';
export { FAULT_KINDS, parseFaults } from './fault-spec';

/** Where faults are set: `PUT` one fault or a list (replacing the set), `GET`, `DELETE` all. */
export const FAULT_CONTROL_PATH = '/__faults';

const FHIR_JSON = 'application/fhir+json; fhirVersion=4.0; charset=utf-8';
/** Paging snapshots remembered for `match.resourceType` on `_getpages` requests. */
const MAX_TRACKED_PAGE_SETS = 2000;

export interface FaultInjectorOptions {
  /** Where the FHIR API lives (`/fhir`): only requests under it are hit. */
  readonly basePath: string;
  /** The token endpoint whose refresh grants `expire-token` with `refresh: 'fail'` refuses. */
  readonly tokenPath?: string;
}

interface ActiveFault {
  readonly spec: FaultSpec;
  hits: number;
}

/** What a FHIR request is, as far as matching faults goes. */
interface Target {
  readonly resourceType?: string;
  readonly isPage: boolean;
  /** For a `_getpages` request: its page number, the search's first page being 1. */
  readonly page?: number;
}

/**
 * Fault injection for resilience tests (`npm run server -- --faults`, and the e2e fault
 * server): root hooks that delay or fail FHIR requests as the faults set through
 * `PUT /__faults` say, until each has hit its `times` or `DELETE /__faults` clears them.
 * Install it before the routes, and never in a deployment: it lets anyone break the server.
 *
 * - `latency` delays each request hit by `ms`, then lets it through (it combines with others);
 * - `429` answers Too Many Requests with `Retry-After` and an OperationOutcome;
 * - `500` and `503` answer with an OperationOutcome (503 with `Retry-After` when given);
 * - `page-fail` fails later pages of searches (`_getpages`), or only page `page`;
 * - `drop` destroys the connection without answering;
 * - `expire-token` expires the access token of the next `times` (default 1) FHIR requests made
 *   with one: those tokens are answered 401 `invalid_token` from then on, as when a token
 *   expires, and a refreshed token works; with `refresh: 'fail'` refresh grants are refused
 *   too (400 `invalid_grant`) until the faults are cleared, so the session cannot continue.
 */
export function installFaultInjector(app: FastifyInstance, options: FaultInjectorOptions): void {
  const basePath = options.basePath.replace(/\/+$/, '');
  const tokenPath = options.tokenPath ?? '/auth/token';
  let faults: ActiveFault[] = [];
  /** Access tokens an `expire-token` fault has expired; they stay expired. */
  const expiredTokens = new Set<string>();
  const pageSetTypes = new Map<string, string>();

  const targetOf = (request: FastifyRequest): Target | undefined => {
    const url = new URL(request.url, 'http://local');
    const path = url.pathname.replace(/\/+$/, '');
    if (path !== basePath && !path.startsWith(`${basePath}/`)) return undefined;
    const rest = path.slice(basePath.length + 1);
    // The CapabilityStatement and SMART discovery are how a client starts, not data.
    if (rest === 'metadata' || rest.startsWith('.well-known')) return undefined;
    const setId = url.searchParams.get('_getpages');
    if (rest === '' && setId) {
      const offset = Number(url.searchParams.get('_getpagesoffset') ?? '0');
      const count = Number(url.searchParams.get('_count') ?? '50');
      const page = count > 0 && offset >= 0 ? Math.floor(offset / count) + 1 : undefined;
      const resourceType = pageSetTypes.get(setId);
      return {
        isPage: true,
        ...(resourceType ? { resourceType } : {}),
        ...(page !== undefined ? { page } : {}),
      };
    }
    const type = rest.split('/')[0];
    return { isPage: false, ...(type ? { resourceType: type } : {}) };
  };

  const matches = (fault: ActiveFault, target: Target): boolean => {
    const { spec } = fault;
    const times = timesOf(spec);
    if (times !== undefined && fault.hits >= times) return false;
    if (spec.match?.resourceType && spec.match.resourceType !== target.resourceType) return false;
    if ((spec.match?.pagesOnly || spec.kind === 'page-fail') && !target.isPage) return false;
    if (spec.kind === 'page-fail' && spec.page !== undefined && spec.page !== target.page)
      return false;
    return true;
  };

  app.addHook('onRequest', async (request, reply) => {
    if (faults.length === 0 && expiredTokens.size === 0) return;
    const target = targetOf(request);
    if (!target) return;
    const token = bearerToken(request);
    if (token && expiredTokens.has(token)) return expired(reply);
    for (const fault of faults) {
      if (!matches(fault, target)) continue;
      const { spec } = fault;
      if (spec.kind === 'expire-token') {
        if (!token) continue;
        fault.hits++;
        expiredTokens.add(token);
        return expired(reply);
      }
      fault.hits++;
      switch (spec.kind) {
        case 'latency':
          await new Promise((resolve) => setTimeout(resolve, spec.ms ?? 500));
          continue;
        case '429':
          reply.header('Retry-After', String(spec.retryAfter ?? 1));
          return fail(reply, 429, 'throttled', 'Too many requests: slow down and retry later.');
        case '503':
          if (spec.retryAfter !== undefined) reply.header('Retry-After', String(spec.retryAfter));
          return fail(reply, 503, 'transient', 'The service is temporarily unavailable.');
        case '500':
          return fail(reply, 500, 'exception', 'Internal server error.');
        case 'page-fail':
          return fail(
            reply,
            spec.status ?? 500,
            spec.status === 503 ? 'transient' : 'exception',
            `The server failed while reading page ${target.page ?? '?'} of the search.`,
          );
        case 'drop':
          reply.hijack();
          request.raw.socket?.destroy();
          return reply;
      }
    }
    return;
  });

  // Refresh grants are in the (form) body, so they are told apart once it has been read.
  app.addHook('preValidation', async (request, reply) => {
    if (request.method !== 'POST' || request.url.split('?')[0] !== tokenPath) return;
    if (!faults.some((f) => f.spec.kind === 'expire-token' && f.spec.refresh === 'fail')) return;
    const body = typeof request.body === 'string' ? new URLSearchParams(request.body) : undefined;
    if (body?.get('grant_type') !== 'refresh_token') return;
    return reply
      .code(400)
      .header('Cache-Control', 'no-store')
      .send({ error: 'invalid_grant', error_description: 'the refresh token has expired' });
  });

  // Remembers which type each paging snapshot is of, so `_getpages` requests can match it.
  app.addHook('onSend', async (request, reply, payload) => {
    if (faults.length === 0 || reply.statusCode !== 200) return payload;
    // Searches answer with bytes (FhirInteractions.searchset), other JSON as text; a browser's
    // larger answers are gzipped (api-encoding.ts).
    const bytes = Buffer.isBuffer(payload) ? payload : undefined;
    const text =
      typeof payload === 'string'
        ? payload
        : bytes && reply.getHeader('content-encoding') === 'gzip'
          ? gunzipSync(bytes).toString('latin1')
          : bytes?.toString('latin1');
    if (text === undefined) return payload;
    const target = targetOf(request);
    if (!target?.resourceType) return payload;
    const setId = /_getpages=([^&"\s]+)/.exec(text)?.[1];
    if (setId && !pageSetTypes.has(setId)) {
      if (pageSetTypes.size >= MAX_TRACKED_PAGE_SETS)
        pageSetTypes.delete(pageSetTypes.keys().next().value as string);
      pageSetTypes.set(setId, target.resourceType);
    }
    return payload;
  });

  const listing = () => ({
    faults: faults.map((f) => ({
      ...f.spec,
      hits: f.hits,
      ...(timesOf(f.spec) !== undefined
        ? { remaining: Math.max(0, timesOf(f.spec)! - f.hits) }
        : {}),
    })),
    expiredTokens: expiredTokens.size,
  });
  app.get(FAULT_CONTROL_PATH, async () => listing());
  app.put(FAULT_CONTROL_PATH, async (request, reply) => {
    const parsed = parseFaults(request.body);
    if ('problems' in parsed) return reply.code(400).send({ problems: parsed.problems });
    faults = parsed.faults.map((spec) => ({ spec, hits: 0 }));
    return listing();
  });
  app.delete(FAULT_CONTROL_PATH, async (_request, reply) => {
    faults = [];
    return reply.code(204).send();
  });
}

/** `expire-token` expires one token unless told otherwise: the refreshed one must work. */
function timesOf(spec: FaultSpec): number | undefined {
  return spec.times ?? (spec.kind === 'expire-token' ? 1 : undefined);
}

function bearerToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  const match = typeof header === 'string' ? /^Bearer\s+(\S+)$/i.exec(header) : null;
  return match?.[1];
}

function fail(reply: FastifyReply, status: number, code: string, diagnostics: string) {
  return reply
    .code(status)
    .header('Content-Type', FHIR_JSON)
    .header('Cache-Control', 'no-store')
    .send(JSON.stringify(operationOutcome(status >= 500 ? 'fatal' : 'error', code, diagnostics)));
}

function expired(reply: FastifyReply) {
  reply.header('WWW-Authenticate', 'Bearer realm="Waypoint FHIR", error="invalid_token"');
  return fail(reply, 401, 'login', 'The access token has expired.');
}
