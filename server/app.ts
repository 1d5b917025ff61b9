import Fastify, { FastifyInstance } from 'fastify';
import { PatientScopeSource, createSmartAccessResolver } from './auth/access-resolver';
import { authRoutes } from './auth/auth-routes';
import { TokenRegistry } from './auth/token-registry';
import { ResourceStore } from './db/resource-store';
import { AccessResolver, OPEN_ACCESS } from './fhir/access';
import { fhirRoutes } from './fhir/fhir-routes';
import { serveStaticApp } from './static-app';

export interface ServerOptions {
  /** SQLite file, or ':memory:'. */
  readonly dbFile: string;
  readonly basePath?: string;
  /** Absolute FHIR base the server names itself by; by default the origin each request used. */
  readonly publicBaseUrl?: string;
  /**
   * 'smart' (default): the built-in SMART authorisation server issues tokens and access follows
   * care teams; 'open': no authorisation at all; or a resolver of the caller's own (tests).
   */
  readonly auth?: 'smart' | 'open' | AccessResolver;
  /** Token lifetimes in seconds (default: access 3600, refresh 86400); short ones for tests. */
  readonly accessTokenSeconds?: number;
  readonly refreshTokenSeconds?: number;
  /** Largest request body accepted (default 5 MB); larger gets 413. */
  readonly maxBodyBytes?: number;
  readonly logger?: boolean;
  /** Serve this production build of the app from the same origin (npm run serve:prod). */
  readonly appDirectory?: string;
}

export interface WaypointServer {
  readonly app: FastifyInstance;
  readonly store: ResourceStore;
  /** Present when the built-in SMART authorisation server runs. */
  readonly tokens?: TokenRegistry;
}

/** The development FHIR server: storage plus the FHIR REST API (SMART routes attach here too). */
export async function buildServer(options: ServerOptions): Promise<WaypointServer> {
  const store = new ResourceStore(options.dbFile);
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: options.maxBodyBytes ?? 5 * 1024 * 1024,
  });
  app.addHook('onClose', async () => store.close());
  const basePath = options.basePath ?? '/fhir';
  const auth = options.auth ?? 'smart';
  let tokens: TokenRegistry | undefined;
  let resolveAccess: AccessResolver;
  if (auth === 'smart') {
    tokens = new TokenRegistry(
      options.accessTokenSeconds ?? 3600,
      options.refreshTokenSeconds ?? 86_400,
    );
    resolveAccess = createSmartAccessResolver(tokens, new PatientScopeSource(store));
    await app.register(authRoutes, {
      tokens,
      fhirBasePath: basePath,
      publicBaseUrl: options.publicBaseUrl,
    });
  } else {
    resolveAccess = auth === 'open' ? async () => OPEN_ACCESS : auth;
  }
  await app.register(fhirRoutes, {
    store,
    basePath,
    publicBaseUrl: options.publicBaseUrl,
    resolveAccess,
    smart: auth === 'smart',
  });
  if (options.appDirectory) serveStaticApp(app, options.appDirectory, [basePath, '/auth']);
  return { app, store, ...(tokens ? { tokens } : {}) };
}
