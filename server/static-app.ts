import { createReadStream, existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import type { FastifyInstance } from 'fastify';
import {
  ConnectConfig,
  SmartEndpointUrls,
  appContentSecurityPolicy,
  connectSourcesFor,
  fetchSmartEndpoints,
  newNonce,
  originOf,
  withNonce,
} from './security-headers';
import { CompressedAssets, gzipPage, negotiateEncoding } from './static-compression';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

export interface StaticAppOptions {
  /**
   * Origins the app may also fetch from, beyond what config.json and the FHIR server's SMART
   * configuration name (default: `WAYPOINT_CSP_CONNECT_SRC`, space-separated).
   */
  readonly extraConnectSources?: readonly string[];
  /** How the SMART configuration of a FHIR server on another origin is read (tests). */
  readonly fetchSmartEndpoints?: (fhirBaseUrl: string) => Promise<SmartEndpointUrls | undefined>;
}

/**
 * Serves the production build beside the API (`npm run serve:prod`): hashed assets cached for a
 * year, everything else revalidated, and unknown paths without an extension answered with
 * index.html so the app's router can take them. The page gets a fresh CSP nonce and its policy on
 * every request (see security-headers.ts); it is never cached, as its nonce must not be reused.
 */
export function serveStaticApp(
  app: FastifyInstance,
  directory: string,
  reservedPrefixes: readonly string[],
  options: StaticAppOptions = {},
): void {
  const root = resolve(directory);
  const index = join(root, 'index.html');
  if (!existsSync(index))
    throw new Error(`No production build at ${root}: run "npm run build" first.`);
  const connect = connectSourceTracker(join(root, 'config.json'), app, options);
  const compressed = new CompressedAssets();
  app.addHook('onReady', async () => {
    // Not awaited: the first requests may come before every asset is compressed, and wait only
    // for the ones they ask for.
    void compressed.warm(initialAssets(root));
    await connect.refresh();
  });

  app.get('/*', async (request, reply) => {
    const path = decodeURIComponent(new URL(request.url, 'http://local').pathname);
    if (reservedPrefixes.some((p) => path === p || path.startsWith(`${p}/`))) {
      return reply.code(404).send({ error: 'not found' });
    }
    let file = normalize(join(root, path));
    if (!file.startsWith(root)) return reply.code(403).send();
    if (!existsSync(file) || !statSync(file).isFile()) {
      if (extname(path)) return reply.code(404).type('text/plain').send('Not found');
      file = index;
    }
    if (file === index) {
      const nonce = newNonce();
      // Read on every request: small, and a rebuild under a running server is picked up.
      const html = withNonce(await readFile(index, 'utf8'), nonce);
      const body = gzipPage(html, request.headers['accept-encoding']);
      reply
        .header('Content-Type', TYPES['.html'])
        .header('Cache-Control', 'no-store')
        .header('Vary', 'Accept-Encoding')
        .header(
          'Content-Security-Policy',
          appContentSecurityPolicy(nonce, await connect.sources()),
        );
      return body ? reply.header('Content-Encoding', 'gzip').send(body) : reply.send(html);
    }
    const hashed = /-[A-Z0-9]{8}\.(js|css)$/.test(file);
    reply
      .header('Content-Type', TYPES[extname(file)] ?? 'application/octet-stream')
      .header('Cache-Control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache')
      .header('Vary', 'Accept-Encoding');
    const encoding = negotiateEncoding(request.headers['accept-encoding']);
    const body = encoding ? await compressed.get(file, encoding) : undefined;
    return body
      ? reply.header('Content-Encoding', encoding).send(body)
      : reply.send(createReadStream(file));
  });
}

/**
 * `connect-src` from the config.json beside the build, recomputed when that file changes (the
 * same build is pointed at another FHIR server by editing only that file). For a FHIR base on
 * another origin, the origins of its SMART token and revocation endpoints are read from its
 * `.well-known/smart-configuration`.
 */
function connectSourceTracker(
  configFile: string,
  app: FastifyInstance,
  options: StaticAppOptions,
): { sources(): Promise<string[]>; refresh(): Promise<void> } {
  const extra =
    options.extraConnectSources ??
    (process.env['WAYPOINT_CSP_CONNECT_SRC'] ?? '').split(/\s+/).filter(Boolean);
  const discover = options.fetchSmartEndpoints ?? ((base: string) => fetchSmartEndpoints(base));
  let seen = '';
  let current: Promise<string[]> = Promise.resolve(connectSourcesFor({}, undefined, extra));

  const compute = async (): Promise<string[]> => {
    let config: ConnectConfig = {};
    try {
      config = JSON.parse(readFileSync(configFile, 'utf8')) as ConnectConfig;
    } catch {
      // No or invalid config.json: the app shows its configuration error page; 'self' suffices.
    }
    let smart: SmartEndpointUrls | undefined;
    const base = config.fhirBaseUrl;
    if (typeof base === 'string' && originOf(base)) {
      try {
        smart = await discover(base);
      } catch {
        smart = undefined;
      }
      if (!smart)
        app.log.warn(
          `CSP connect-src: the SMART configuration of ${base} could not be read; only its origin is allowed (set WAYPOINT_CSP_CONNECT_SRC for the token endpoint's).`,
        );
    }
    return connectSourcesFor(config, smart, extra);
  };
  const stamp = () => {
    try {
      const s = statSync(configFile);
      return `${s.mtimeMs}:${s.size}`;
    } catch {
      return 'missing';
    }
  };
  const refresh = async () => {
    const now = stamp();
    if (now === seen) return;
    seen = now;
    current = compute();
    await current;
  };
  return {
    refresh,
    async sources() {
      await refresh();
      return current;
    },
  };
}

/** The build's top-level text assets (what a first visit loads), to compress at start-up. */
function initialAssets(root: string): string[] {
  return readdirSync(root, { withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name !== 'index.html')
    .map((entry) => join(root, entry.name));
}
