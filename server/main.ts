import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { buildServer } from './app';
import { DEMO_USERS } from './auth/demo-users';

/**
 * `npm run server`: the development FHIR server on 127.0.0.1 with its SMART authorisation
 * server for the demo users; `--open` turns authorisation off so other FHIR tools can use it;
 * `--faults` (off by default, for resilience tests only) adds fault injection controlled through
 * `PUT /__faults` (see faults/fault-injector.ts); `--search-cache-mb` (or
 * WAYPOINT_SEARCH_CACHE_MB; default 64, 0 for none) sizes the search result cache.
 */
const { values } = parseArgs({
  options: {
    port: { type: 'string', default: process.env['WAYPOINT_SERVER_PORT'] ?? '8080' },
    db: { type: 'string', default: process.env['WAYPOINT_DB'] ?? 'data/waypoint.sqlite' },
    host: { type: 'string', default: '127.0.0.1' },
    open: { type: 'boolean', default: false },
    app: { type: 'string' },
    faults: { type: 'boolean', default: false },
    'search-cache-mb': {
      type: 'string',
      default: process.env['WAYPOINT_SEARCH_CACHE_MB'] ?? '64',
    },
  },
});

async function main(): Promise<void> {
  const port = Number(values.port);
  const searchCacheMegabytes = Number(values['search-cache-mb']);
  if (!Number.isFinite(searchCacheMegabytes) || searchCacheMegabytes < 0)
    throw new Error(`--search-cache-mb must be a number of megabytes (0: no cache)`);
  if (values.db !== ':memory:') mkdirSync(dirname(values.db!), { recursive: true });
  const { app } = await buildServer({
    dbFile: values.db!,
    auth: values.open ? 'open' : 'smart',
    searchCacheMegabytes,
    ...(values.app ? { appDirectory: values.app } : {}),
    ...(values.faults ? { faults: true } : {}),
  });
  await app.listen({ port, host: values.host });
  console.log(
    `FHIR R4 server: http://localhost:${port}/fhir (${values.open ? 'open mode: no authorisation' : 'SMART on FHIR'}, database ${values.db})`,
  );
  if (values.faults)
    console.log(
      `Fault injection is ON (testing only): PUT/GET/DELETE http://localhost:${port}/__faults`,
    );
  if (values.app)
    console.log(`Waypoint (production build from ${values.app}): http://localhost:${port}/`);
  if (!values.open) {
    console.log(`SMART discovery: http://localhost:${port}/fhir/.well-known/smart-configuration`);
    console.log(
      `Demo users (sign-in page lists them): ${DEMO_USERS.map((u) => `${u.name} (${u.role})`).join(', ')}`,
    );
  }
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.on(signal, () => void app.close().then(() => process.exit(0)));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
