import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WaypointServer, buildServer } from '../app';
import { Resource } from '../db/resource-store';
import { AccessContext, AccessRefusal, OPEN_ACCESS } from '../fhir/access';

export interface TestServer extends WaypointServer {
  readonly base: string;
  /** Replace to change who the next requests are made as. */
  access: (authorization?: string) => AccessContext | AccessRefusal;
  stop(): Promise<void>;
  fetchJson(
    path: string,
    init?: RequestInit,
  ): Promise<{ status: number; headers: Headers; body: Record<string, unknown> }>;
  /**
   * The AuditEvents the server has written, oldest first, but for the fixtures' own (by id).
   * Reads the table itself after writing what the server defers to the end of its turn.
   */
  auditEvents(exceptIds?: readonly string[]): Resource[];
}

/** A real server on an ephemeral loopback port with a throw-away database. */
export async function startTestServer(
  options: { maxBodyBytes?: number; searchCacheMegabytes?: number } = {},
): Promise<TestServer> {
  const dir = mkdtempSync(join(tmpdir(), 'waypoint-fhir-'));
  let base = '';
  const holder: { access: TestServer['access'] } = { access: () => OPEN_ACCESS };
  const server = await buildServer({
    dbFile: join(dir, 'test.sqlite'),
    auth: async ({ authorization }) => holder.access(authorization),
    maxBodyBytes: options.maxBodyBytes,
    ...(options.searchCacheMegabytes !== undefined
      ? { searchCacheMegabytes: options.searchCacheMegabytes }
      : {}),
  });
  await server.app.listen({ port: 0, host: '127.0.0.1' });
  const address = server.app.server.address();
  base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/fhir`;
  return {
    ...server,
    base,
    get access() {
      return holder.access;
    },
    set access(fn) {
      holder.access = fn;
    },
    async stop() {
      await server.app.close();
      rmSync(dir, { recursive: true, force: true });
    },
    auditEvents(exceptIds = []) {
      server.store.flushDeferred();
      const rows = server.store.db
        .prepare("SELECT id, json FROM resources WHERE type = 'AuditEvent' ORDER BY rid")
        .all() as { id: string; json: string }[];
      return rows
        .filter((r) => !exceptIds.includes(r.id))
        .map((r) => JSON.parse(r.json) as Resource);
    },
    async fetchJson(path, init) {
      const response = await fetch(`${base}${path}`, {
        ...init,
        headers: { 'Content-Type': 'application/fhir+json', ...(init?.headers ?? {}) },
      });
      const text = await response.text();
      return {
        status: response.status,
        headers: response.headers,
        body: text ? (JSON.parse(text) as Record<string, unknown>) : {},
      };
    },
  };
}
