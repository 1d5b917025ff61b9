import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { buildServer } from './app';
import { OPEN_ACCESS } from './fhir/access';

/**
 * `npm run server`: the development FHIR server on 127.0.0.1. Without SMART (added with the
 * authorisation server) it runs in open mode: no token needed, everything visible.
 */
const { values } = parseArgs({
  options: {
    port: { type: 'string', default: process.env['WAYPOINT_SERVER_PORT'] ?? '8080' },
    db: { type: 'string', default: process.env['WAYPOINT_DB'] ?? 'data/waypoint.sqlite' },
    host: { type: 'string', default: '127.0.0.1' },
  },
});

async function main(): Promise<void> {
  const port = Number(values.port);
  if (values.db !== ':memory:') mkdirSync(dirname(values.db!), { recursive: true });
  const { app } = await buildServer({
    dbFile: values.db!,
    resolveAccess: async () => OPEN_ACCESS,
  });
  await app.listen({ port, host: values.host });
  console.log(`FHIR R4 server: http://localhost:${port}/fhir (open mode, database ${values.db})`);
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.on(signal, () => void app.close().then(() => process.exit(0)));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
