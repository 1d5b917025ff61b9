// `npm start`: the development FHIR server (seeded on first run) beside `ng serve`, which
// proxies /fhir, /auth and /.well-known to it, so the app uses the relative base `/fhir`.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';

const port = process.env.WAYPOINT_SERVER_PORT ?? '8080';
const dbFile = process.env.WAYPOINT_DB ?? 'data/waypoint.sqlite';
const children = [];

function run(command, args, options = {}) {
  const child = spawn(command, args, { stdio: 'inherit', ...options });
  children.push(child);
  return child;
}

function waitForExit(child) {
  return new Promise((resolve) => child.on('exit', (code) => resolve(code ?? 1)));
}

async function waitForServer(url, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`The FHIR server did not answer at ${url} within ${timeoutMs / 1000} s`);
}

function stopAll() {
  for (const child of children) child.kill('SIGTERM');
}
process.on('SIGINT', () => {
  stopAll();
  process.exit(130);
});
process.on('SIGTERM', () => {
  stopAll();
  process.exit(143);
});

if (!existsSync(dbFile)) {
  console.log(`No database at ${dbFile}: generating the synthetic demo data (first run only)…`);
  const code = await waitForExit(run('npx', ['tsx', 'server/seed/main.ts', '--db', dbFile]));
  if (code !== 0) process.exit(code);
}

run('npx', ['tsx', 'server/main.ts', '--port', port, '--db', dbFile]);
await waitForServer(`http://127.0.0.1:${port}/fhir/metadata`);
const ng = run('npx', ['ng', 'serve', '--proxy-config', 'proxy.conf.json']);
process.exitCode = await waitForExit(ng);
stopAll();
