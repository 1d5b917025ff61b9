import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ServerOptions, WaypointServer, buildServer } from '../app';
import { Resource } from '../db/resource-store';
import { s256 } from './token-registry';

/** Test helper: a real SMART server on a loopback port and the steps of a public client. */
export const CLIENT = 'waypoint';
export const REDIRECT = 'http://127.0.0.1:4200/callback';
export const VERIFIER = 'verifier-0123456789-0123456789-0123456789-abcdef';

export interface SmartTestServer {
  readonly server: WaypointServer;
  readonly origin: string;
  readonly fhir: string;
  stop(): Promise<void>;
  authorizeUrl(overrides?: Record<string, string | null>): string;
  /** GET /auth/authorize, then choose `user` on the sign-in page; returns the callback URL. */
  signIn(user: string, overrides?: Record<string, string | null>): Promise<URL>;
  token(form: Record<string, string>): Promise<{ status: number; body: Record<string, unknown> }>;
  /** The whole code flow; returns the token response body. */
  tokensFor(
    user: string,
    overrides?: Record<string, string | null>,
  ): Promise<Record<string, unknown>>;
  fhirGet(path: string, accessToken?: string): Promise<Response>;
}

export async function startSmartServer(
  resources: readonly Resource[] = [],
  options: Partial<ServerOptions> = {},
): Promise<SmartTestServer> {
  const dir = mkdtempSync(join(tmpdir(), 'waypoint-smart-'));
  const server = await buildServer({
    ...options,
    dbFile: join(dir, 'smart.sqlite'),
    auth: 'smart',
  });
  if (resources.length > 0) server.store.loadMany(resources);
  await server.app.listen({ port: 0, host: '127.0.0.1' });
  const address = server.app.server.address();
  const origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const fhir = `${origin}/fhir`;

  const authorizeUrl = (overrides: Record<string, string | null> = {}) => {
    const params: Record<string, string | null> = {
      response_type: 'code',
      client_id: CLIENT,
      redirect_uri: REDIRECT,
      scope: 'openid fhirUser offline_access user/*.rs',
      state: 'state-abc',
      aud: fhir,
      code_challenge: s256(VERIFIER),
      code_challenge_method: 'S256',
      ...overrides,
    };
    const url = new URL(`${origin}/auth/authorize`);
    for (const [k, v] of Object.entries(params)) if (v !== null) url.searchParams.set(k, v);
    return url.toString();
  };

  const signIn = async (user: string, overrides: Record<string, string | null> = {}) => {
    const page = await fetch(authorizeUrl(overrides), { redirect: 'manual' });
    if (page.status !== 200) throw new Error(`authorize answered ${page.status}`);
    const request = /name="request" value="([^"]+)"/.exec(await page.text())![1];
    const response = await fetch(`${origin}/auth/authorize`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: origin },
      body: new URLSearchParams({ request, user }).toString(),
    });
    return new URL(response.headers.get('location')!);
  };

  const token = async (form: Record<string, string>) => {
    const response = await fetch(`${origin}/auth/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(form).toString(),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };

  return {
    server,
    origin,
    fhir,
    authorizeUrl,
    signIn,
    token,
    async tokensFor(user, overrides = {}) {
      const callback = await signIn(user, overrides);
      const result = await token({
        grant_type: 'authorization_code',
        code: callback.searchParams.get('code') ?? '',
        redirect_uri: overrides['redirect_uri'] ?? REDIRECT,
        client_id: CLIENT,
        code_verifier: VERIFIER,
      });
      if (result.status !== 200) throw new Error(`token answered ${result.status}`);
      return result.body;
    },
    fhirGet: (path, accessToken) =>
      fetch(`${fhir}/${path}`, {
        headers: accessToken ? { Authorization: `Bearer ${accessToken}` } : {},
      }),
    async stop() {
      await server.app.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
