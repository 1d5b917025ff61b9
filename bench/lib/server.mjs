// Starts the development FHIR server (serving a production build from the same origin, as
// `npm run serve:prod` does) on a free port in the bench's range, in its own process group so
// stopping it stops everything it started.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { ROOT, log, sleep } from './util.mjs';

const PORT_MIN = Number(process.env.BENCH_PORT_MIN ?? 4800);
const PORT_MAX = Number(process.env.BENCH_PORT_MAX ?? 4899);

function portFree(port) {
  return new Promise((resolve) => {
    const probe = createServer()
      .once('error', () => resolve(false))
      .once('listening', () => probe.close(() => resolve(true)))
      .listen(port, '127.0.0.1');
  });
}

let nextPort = PORT_MIN;
export async function freePort() {
  for (let tries = 0; tries <= PORT_MAX - PORT_MIN; tries++) {
    const port = nextPort;
    nextPort = nextPort >= PORT_MAX ? PORT_MIN : nextPort + 1;
    if (await portFree(port)) return port;
  }
  throw new Error(`no free port in ${PORT_MIN}-${PORT_MAX}`);
}

async function waitFor(url, child, ms = 120_000) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await sleep(200);
  }
  throw new Error(`${url} did not answer within ${ms} ms`);
}

/** Starts `server/main.ts --db <db> --app <app>`; resolves once `/fhir/metadata` answers. */
export async function startServer({ db, app, open = false }) {
  const port = await freePort();
  const args = ['--import', 'tsx', 'server/main.ts', '--port', String(port), '--db', db];
  if (app) args.push('--app', app);
  if (open) args.push('--open');
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    detached: true,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr = (stderr + d).slice(-4000)));
  const base = `http://127.0.0.1:${port}`;
  try {
    await waitFor(`${base}/fhir/metadata`, child);
  } catch (error) {
    stopProcess(child);
    throw new Error(`${error.message}\n${stderr}`);
  }
  log(`server on ${base} (${db})`);
  return {
    base,
    port,
    pid: child.pid,
    stop: () => stopProcess(child),
  };
}

export function stopProcess(child) {
  if (child.exitCode !== null || child.signalCode) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }, 5000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      clearTimeout(timer);
      resolve();
    }
  });
}
