import Fastify, { FastifyInstance } from 'fastify';
import { ResourceStore } from './db/resource-store';
import { AccessResolver } from './fhir/access';
import { SmartEndpoints } from './fhir/capability-statement';
import { fhirRoutes } from './fhir/fhir-routes';

export interface ServerOptions {
  /** SQLite file, or ':memory:'. */
  readonly dbFile: string;
  readonly basePath?: string;
  /** Absolute FHIR base the server names itself by; by default the origin each request used. */
  readonly publicBaseUrl?: string;
  readonly resolveAccess: AccessResolver;
  readonly smart?: SmartEndpoints;
  /** Largest request body accepted (default 5 MB); larger gets 413. */
  readonly maxBodyBytes?: number;
  readonly logger?: boolean;
}

export interface WaypointServer {
  readonly app: FastifyInstance;
  readonly store: ResourceStore;
}

/** The development FHIR server: storage plus the FHIR REST API (SMART routes attach here too). */
export async function buildServer(options: ServerOptions): Promise<WaypointServer> {
  const store = new ResourceStore(options.dbFile);
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: options.maxBodyBytes ?? 5 * 1024 * 1024,
  });
  app.addHook('onClose', async () => store.close());
  await app.register(fhirRoutes, {
    store,
    basePath: options.basePath ?? '/fhir',
    publicBaseUrl: options.publicBaseUrl,
    resolveAccess: options.resolveAccess,
    smart: options.smart,
  });
  return { app, store };
}
