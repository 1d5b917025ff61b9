import { randomUUID } from 'node:crypto';
import Fastify, { FastifyInstance } from 'fastify';
import { PatientScopeSource, createSmartAccessResolver } from './auth/access-resolver';
import { authRoutes } from './auth/auth-routes';
import { TokenRegistry } from './auth/token-registry';
import { ResourceStore } from './db/resource-store';
import { installFaultInjector } from './faults/fault-injector';
import { AccessResolver, OPEN_ACCESS } from './fhir/access';
import { SmartEndpoints } from './fhir/capability-statement';
import { fhirRoutes } from './fhir/fhir-routes';
import { registerSecurityHeaders } from './security-headers';
import { serveStaticApp } from './static-app';

export interface ServerOptions {
  /** SQLite file, or ':memory:'. */
  readonly dbFile: string;
  /** Where the FHIR API lives (default `/fhir`). */
  readonly basePath?: string;
  /** Absolute FHIR base the server names itself by; by default the origin each request used. */
  readonly publicBaseUrl?: string;
  /**
   * 'smart' (default): the built-in SMART authorisation server issues tokens and access follows
   * care teams; 'open': no authorisation at all; or a resolver of the caller's own (tests, or an
   * external authorisation server, whose endpoints then go in `smart`).
   */
  readonly auth?: 'smart' | 'open' | AccessResolver;
  /** `resolveAccess` is the same as passing a resolver as `auth`. */
  readonly resolveAccess?: AccessResolver;
  /**
   * OAuth endpoints advertised in the CapabilityStatement (absolute, or paths on this origin).
   * Defaults to the built-in server's `/auth/…` endpoints when `auth` is 'smart'.
   */
  readonly smart?: SmartEndpoints;
  /** Token lifetimes in seconds (default: access 3600, refresh 86400); short ones for tests. */
  readonly accessTokenSeconds?: number;
  readonly refreshTokenSeconds?: number;
  /** The clock tokens and codes expire by (default `Date.now`); specs pass one they can move. */
  readonly clock?: () => number;
  /** Largest request body accepted (default 5 MB); larger gets 413. */
  readonly maxBodyBytes?: number;
  /** How long a search's paging snapshot is kept (default 30 minutes). */
  readonly searchPageTtlMs?: number;
  /**
   * Memory for answers to searches repeated on unchanged data, in megabytes (default 64; 0 turns
   * the cache off). See fhir/search-cache.ts.
   */
  readonly searchCacheMegabytes?: number;
  /** Fastify's request log (off by default); it never records query strings or bodies. */
  readonly logger?: boolean;
  /** Serve this production build of the app from the same origin (npm run serve:prod). */
  readonly appDirectory?: string;
  /** Fault injection for resilience tests (`--faults`; see faults/fault-injector.ts). Off by default. */
  readonly faults?: boolean;
}

export interface WaypointServer {
  readonly app: FastifyInstance;
  readonly store: ResourceStore;
  /** Present when the built-in SMART authorisation server runs. */
  readonly tokens?: TokenRegistry;
}

const BUILT_IN_SMART: SmartEndpoints = {
  authorizeUrl: '/auth/authorize',
  tokenUrl: '/auth/token',
  revokeUrl: '/auth/revoke',
};

/** The development server: storage, the FHIR REST API and (by default) SMART authorisation. */
export async function buildServer(options: ServerOptions): Promise<WaypointServer> {
  const store = new ResourceStore(options.dbFile, {
    ...(options.searchPageTtlMs !== undefined ? { pageSetTtlMs: options.searchPageTtlMs } : {}),
  });
  const app = Fastify({
    // Query strings can carry names (Patient?name=…): the log gets the method and path only.
    logger: options.logger
      ? {
          serializers: {
            req: (request) => ({
              method: request.method,
              path: request.url.split('?')[0],
              id: request.id,
            }),
          },
        }
      : false,
    bodyLimit: options.maxBodyBytes ?? 5 * 1024 * 1024,
    genReqId: (request) => {
      const incoming = request.headers['x-request-id'];
      return typeof incoming === 'string' && /^[\w.:-]{1,100}$/.test(incoming)
        ? incoming
        : randomUUID();
    },
  });
  app.addHook('onRequest', async (request, reply) => {
    reply.header('X-Request-Id', request.id);
  });
  registerSecurityHeaders(app);
  if (options.faults) installFaultInjector(app, { basePath: options.basePath ?? '/fhir' });
  app.decorate('store', store);
  app.addHook('onClose', async () => store.close());
  const basePath = options.basePath ?? '/fhir';
  const auth = options.resolveAccess ?? options.auth ?? 'smart';
  let tokens: TokenRegistry | undefined;
  let resolveAccess: AccessResolver;

  // auth plugin (helper E): the SMART authorisation server and the resolver it backs.
  if (auth === 'smart') {
    tokens = new TokenRegistry(
      options.accessTokenSeconds ?? 3600,
      options.refreshTokenSeconds ?? 86_400,
      options.clock,
    );
    resolveAccess = createSmartAccessResolver(tokens, new PatientScopeSource(store));
    await app.register(authRoutes, {
      tokens,
      fhirBasePath: basePath,
      ...(options.publicBaseUrl ? { publicBaseUrl: options.publicBaseUrl } : {}),
    });
  } else {
    resolveAccess = auth === 'open' ? async () => OPEN_ACCESS : auth;
  }
  // end of auth plugin (helper E)

  const smart = options.smart ?? (auth === 'smart' ? BUILT_IN_SMART : undefined);
  await app.register(fhirRoutes, {
    prefix: basePath,
    store,
    basePath,
    resolveAccess,
    searchCacheBytes: (options.searchCacheMegabytes ?? 64) * 1024 * 1024,
    ...(options.publicBaseUrl ? { publicBaseUrl: options.publicBaseUrl } : {}),
    ...(smart ? { smart } : {}),
  });
  if (options.appDirectory) serveStaticApp(app, options.appDirectory, [basePath, '/auth']);
  return { app, store, ...(tokens ? { tokens } : {}) };
}

declare module 'fastify' {
  interface FastifyInstance {
    /** The server's resource store (the auth layer reads care teams and roles from it). */
    readonly store: ResourceStore;
  }
}
