import { createServer, Server } from 'node:http';
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WaypointServer, buildServer } from './app';
import {
  NONCE_PLACEHOLDER,
  RESOURCE_CSP,
  appContentSecurityPolicy,
  connectSourcesFor,
  withNonce,
} from './security-headers';

/** A production build in miniature: what `ng build` writes for `src/index.html`. */
const INDEX = `<!doctype html><html><head><base href="/"><style nonce="${NONCE_PLACEHOLDER}">a{}</style></head>
<body><app-root ngcspnonce="${NONCE_PLACEHOLDER}"></app-root>
<link rel="modulepreload" href="chunk-AAAAAAAA.js"><script src="main-ABCDEFGH.js" type="module" nonce="${NONCE_PLACEHOLDER}"></script></body></html>`;

const COMMON = {
  'strict-transport-security': 'max-age=31536000; includeSubDomains',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'x-frame-options': 'DENY',
};

/** CSP directives by name. */
function directives(csp: string | null): Map<string, string[]> {
  return new Map(
    (csp ?? '')
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...values]) => [name, values]),
  );
}

function expectCommonHeaders(headers: Headers, what: string): void {
  for (const [name, value] of Object.entries(COMMON))
    expect(headers.get(name)).withContext(`${name} on ${what}`).toBe(value);
}

interface AppServer {
  readonly server: WaypointServer;
  readonly origin: string;
  readonly dir: string;
  stop(): Promise<void>;
}

async function startAppServer(config: Record<string, unknown>): Promise<AppServer> {
  const dir = mkdtempSync(join(tmpdir(), 'waypoint-headers-'));
  const app = join(dir, 'browser');
  mkdirSync(app);
  writeFileSync(join(app, 'index.html'), INDEX);
  writeFileSync(join(app, 'main-ABCDEFGH.js'), 'export {};\n');
  writeFileSync(join(app, 'config.json'), JSON.stringify(config));
  const server = await buildServer({
    dbFile: join(dir, 'test.sqlite'),
    auth: 'smart',
    appDirectory: app,
  });
  await server.app.listen({ port: 0, host: '127.0.0.1' });
  const address = server.app.server.address();
  const origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  return {
    server,
    origin,
    dir: app,
    async stop() {
      // close() waits for every keep-alive socket it does not judge idle, and one run in five
      // here kept one (after two requests on it) until the suite timed out. The spec is over,
      // so every socket goes.
      const closing = server.app.close();
      server.app.server.closeAllConnections();
      await closing;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Another origin on loopback standing in for an EHR's FHIR server and its SMART discovery. */
async function startFakeEhr(): Promise<{ origin: string; stop(): Promise<void> }> {
  const http: Server = createServer((request, response) => {
    if (request.url === '/fhir/.well-known/smart-configuration') {
      response.setHeader('Content-Type', 'application/json');
      response.end(
        JSON.stringify({
          authorization_endpoint: 'https://login.ehr.example/oauth2/authorize',
          token_endpoint: 'https://login.ehr.example/oauth2/token',
          revocation_endpoint: 'https://revoke.ehr.example/oauth2/revoke',
          code_challenge_methods_supported: ['S256'],
        }),
      );
    } else {
      response.statusCode = 404;
      response.end();
    }
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const address = http.address();
  return {
    origin: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`,
    stop: () => new Promise<void>((resolve) => http.close(() => resolve())),
  };
}

describe('security headers', () => {
  describe('the policy', () => {
    it('is strict: nonce-only scripts, no unsafe-*, Trusted Types, no framing, no plugins', () => {
      const csp = directives(appContentSecurityPolicy('abc123==', []));
      expect(csp.get('default-src')).toEqual(["'none'"]);
      expect(csp.get('script-src')).toEqual(["'nonce-abc123=='", "'strict-dynamic'"]);
      expect(csp.get('style-src')).toEqual(["'self'", "'nonce-abc123=='"]);
      expect(csp.get('object-src')).toEqual(["'none'"]);
      expect(csp.get('base-uri')).toEqual(["'self'"]);
      expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
      expect(csp.get('require-trusted-types-for')).toEqual(["'script'"]);
      expect(csp.get('trusted-types')).toEqual(['angular', 'angular#bundler']);
      expect(csp.get('connect-src')).toEqual(["'self'"]);
      expect(appContentSecurityPolicy('n', [])).not.toMatch(/unsafe-|\*/);
    });

    it('builds connect-src from the FHIR base and the SMART token and revocation endpoints', () => {
      expect(connectSourcesFor({ fhirBaseUrl: '/fhir' })).toEqual([]);
      expect(
        connectSourcesFor(
          { fhirBaseUrl: 'https://fhir.ehr.example/api/FHIR/R4/' },
          {
            token_endpoint: 'https://login.ehr.example/oauth2/token',
            revocation_endpoint: 'https://login.ehr.example/oauth2/revoke',
            userinfo_endpoint: 42,
          },
          ['https://extra.example:8443/path', 'not a url'],
        ),
      ).toEqual([
        'https://fhir.ehr.example',
        'https://login.ehr.example',
        'https://extra.example:8443',
      ]);
      expect(connectSourcesFor({ fhirBaseUrl: 'javascript:alert(1)' })).toEqual([]);
    });

    it('puts the nonce on the root element, the scripts, the styles and the module preloads', () => {
      const html = withNonce(INDEX, 'N0nce');
      expect(html).not.toContain(NONCE_PLACEHOLDER);
      expect(html).toContain('<app-root ngcspnonce="N0nce">');
      expect(html).toContain('<style nonce="N0nce">');
      expect(html).toContain('<link nonce="N0nce" rel="modulepreload" href="chunk-AAAAAAAA.js">');
      expect(html).toContain('<script src="main-ABCDEFGH.js" type="module" nonce="N0nce">');
    });
  });

  describe('served with the production build', () => {
    let app: AppServer;
    beforeAll(async () => {
      app = await startAppServer({ fhirBaseUrl: '/fhir', auth: 'smart' });
    });
    afterAll(async () => app.stop());

    it("sends the app's page with a fresh nonce and the full policy, never cached", async () => {
      const nonces: string[] = [];
      for (const path of ['/', '/clients/p1?range=8w']) {
        const response = await fetch(`${app.origin}${path}`);
        expect(response.status).toBe(200);
        expectCommonHeaders(response.headers, path);
        expect(response.headers.get('cache-control')).toBe('no-store');
        const csp = directives(response.headers.get('content-security-policy'));
        const nonce = /^'nonce-([A-Za-z0-9+/]{22}==)'$/.exec(csp.get('script-src')![0])![1];
        nonces.push(nonce);
        expect(csp.get('style-src')).toEqual(["'self'", `'nonce-${nonce}'`]);
        expect(csp.get('connect-src')).toEqual(["'self'"]);
        expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
        expect(csp.get('object-src')).toEqual(["'none'"]);
        expect(csp.get('trusted-types')).toEqual(['angular', 'angular#bundler']);
        const html = await response.text();
        expect(html).toContain(`ngcspnonce="${nonce}"`);
        expect(html).toContain(`<script src="main-ABCDEFGH.js" type="module" nonce="${nonce}">`);
        expect(html).not.toContain(NONCE_PLACEHOLDER);
      }
      expect(nonces[0]).not.toBe(nonces[1]);
    });

    it('sends every header on a static asset, with a restrictive policy of its own', async () => {
      const response = await fetch(`${app.origin}/main-ABCDEFGH.js`);
      expect(response.status).toBe(200);
      expectCommonHeaders(response.headers, 'a hashed asset');
      expect(response.headers.get('content-security-policy')).toBe(RESOURCE_CSP);
      expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      const config = await fetch(`${app.origin}/config.json`);
      expectCommonHeaders(config.headers, 'config.json');
      expect(config.headers.get('cache-control')).toBe('no-cache');
    });

    it('sends every header and Cache-Control: no-store on API responses, errors included', async () => {
      for (const path of [
        '/fhir/metadata',
        '/fhir/Patient',
        '/fhir/.well-known/smart-configuration',
      ]) {
        const response = await fetch(`${app.origin}${path}`);
        expectCommonHeaders(response.headers, path);
        expect(response.headers.get('cache-control')).withContext(path).toBe('no-store');
        expect(response.headers.get('content-security-policy'))
          .withContext(path)
          .toBe(RESOURCE_CSP);
      }
      const token = await fetch(`${app.origin}/auth/token`, { method: 'POST' });
      expectCommonHeaders(token.headers, '/auth/token');
    });

    it("leaves the demo sign-in page's own policy in place", async () => {
      const response = await fetch(
        `${app.origin}/auth/authorize?response_type=code&client_id=waypoint&redirect_uri=${encodeURIComponent(`${app.origin}/callback`)}&scope=openid&state=s&aud=${encodeURIComponent(`${app.origin}/fhir`)}&code_challenge=${'a'.repeat(43)}&code_challenge_method=S256`,
      );
      expect(response.status).toBe(200);
      expectCommonHeaders(response.headers, 'the sign-in page');
      expect(response.headers.get('content-security-policy')).toMatch(
        /^default-src 'none'; style-src 'sha256-/,
      );
    });
  });

  describe('with a FHIR server on another origin', () => {
    let ehr: { origin: string; stop(): Promise<void> };
    let app: AppServer;
    beforeAll(async () => {
      ehr = await startFakeEhr();
      app = await startAppServer({ fhirBaseUrl: `${ehr.origin}/fhir`, auth: 'smart' });
    });
    afterAll(async () => {
      await app.stop();
      await ehr.stop();
    });

    const connectSrc = async () =>
      directives((await fetch(`${app.origin}/`)).headers.get('content-security-policy')).get(
        'connect-src',
      );

    it('allows the FHIR origin and the SMART token and revocation origins, following config.json', async () => {
      expect(await connectSrc()).toEqual([
        "'self'",
        ehr.origin,
        'https://login.ehr.example',
        'https://revoke.ehr.example',
      ]);
      // The same build pointed at another server by editing config.json alone; this one cannot
      // be reached, so only its FHIR origin is allowed (and the server logs a warning).
      const file = join(app.dir, 'config.json');
      writeFileSync(
        file,
        JSON.stringify({ fhirBaseUrl: 'http://127.0.0.1:9/fhir', auth: 'smart' }),
      );
      const later = new Date(Date.now() + 5000);
      utimesSync(file, later, later);
      expect(await connectSrc()).toEqual(["'self'", 'http://127.0.0.1:9']);
    });
  });
});
