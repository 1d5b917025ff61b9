// `npm run serve:prod`: the production build and the FHIR API from one origin, as a small
// deployment or a demo laptop runs it. Builds the app if there is no build, seeds the database
// on first run. Every response carries the production security headers (server/security-headers.ts;
// docs/deploy.md): the page's CSP nonce is fresh per request and its connect-src follows the
// FHIR base in dist/…/config.json; WAYPOINT_CSP_CONNECT_SRC="https://a.example …" adds origins.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';

const port = process.env.PORT ?? '8080';
const dbFile = process.env.WAYPOINT_DB ?? 'data/waypoint.sqlite';
const appDir = 'dist/waypoint/browser';

function run(command, args) {
  return new Promise((resolve) =>
    spawn(command, args, { stdio: 'inherit' }).on('exit', (code) => resolve(code ?? 1)),
  );
}

if (!existsSync(`${appDir}/index.html`) && (await run('npm', ['run', '-s', 'build'])) !== 0)
  process.exit(1);
if (!existsSync(dbFile) && (await run('npx', ['tsx', 'server/seed/main.ts', '--db', dbFile])) !== 0)
  process.exit(1);
process.exitCode = await run('npx', [
  'tsx',
  'server/main.ts',
  '--port',
  port,
  '--db',
  dbFile,
  '--app',
  appDir,
  ...process.argv.slice(2),
]);
