import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { WaypointServer, buildServer } from './app';
import { NONCE_PLACEHOLDER } from './security-headers';
import { negotiateEncoding } from './static-compression';
import { RawResponse, rawRequest } from './testing/raw-request';

/** Raw bytes and headers (fetch() would decode the body itself). */
function get(origin: string, path: string, acceptEncoding?: string): Promise<RawResponse> {
  const headers: Record<string, string> =
    acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding };
  return rawRequest(`${origin}${path}`, { headers });
}

/** Asks until the server has the compressed copy ready (it compresses in the background). */
async function getCompressed(origin: string, path: string, acceptEncoding: string) {
  for (let attempt = 0; ; attempt++) {
    const response = await get(origin, path, acceptEncoding);
    if (response.headers['content-encoding'] || attempt === 200) return response;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function decode(body: Buffer, encoding: unknown): string {
  if (encoding === 'br') return brotliDecompressSync(body).toString('utf8');
  if (encoding === 'gzip') return gunzipSync(body).toString('utf8');
  return body.toString('utf8');
}

describe('negotiateEncoding', () => {
  it('prefers brotli, then gzip, and honours q-values and *', () => {
    expect(negotiateEncoding('gzip, deflate, br')).toBe('br');
    expect(negotiateEncoding('gzip')).toBe('gzip');
    expect(negotiateEncoding('br;q=0, gzip')).toBe('gzip');
    expect(negotiateEncoding('br;q=0.2, gzip;q=0.8')).toBe('gzip');
    expect(negotiateEncoding('*')).toBe('br');
    expect(negotiateEncoding('*;q=0')).toBeUndefined();
    expect(negotiateEncoding('identity')).toBeUndefined();
    expect(negotiateEncoding('deflate')).toBeUndefined();
    expect(negotiateEncoding('')).toBeUndefined();
    expect(negotiateEncoding(undefined)).toBeUndefined();
    expect(negotiateEncoding('br, gzip', ['gzip'])).toBe('gzip');
    expect(negotiateEncoding('br', ['gzip'])).toBeUndefined();
  });
});

describe('the production build, compressed', () => {
  const script = `export const rows = [${Array.from({ length: 400 }, (_, i) => `{ id: ${i}, label: "row ${i}" }`).join(', ')}];\n`;
  const page = `<!doctype html><html><head><style nonce="${NONCE_PLACEHOLDER}">${'a{color:red}'.repeat(200)}</style></head><body><app-root ngcspnonce="${NONCE_PLACEHOLDER}"></app-root><script src="main-ABCDEFGH.js" type="module" nonce="${NONCE_PLACEHOLDER}"></script></body></html>`;
  let dir: string;
  let app: string;
  let server: WaypointServer;
  let origin: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'waypoint-compression-'));
    app = join(dir, 'browser');
    mkdirSync(app);
    writeFileSync(join(app, 'index.html'), page);
    writeFileSync(join(app, 'main-ABCDEFGH.js'), script);
    writeFileSync(join(app, 'chunk-TINYTINY.js'), 'export {};\n');
    writeFileSync(join(app, 'font-ABCDEFGH.woff2'), Buffer.alloc(4096, 7));
    writeFileSync(
      join(app, 'config.json'),
      JSON.stringify({ fhirBaseUrl: '/fhir', pad: 'x'.repeat(2000) }),
    );
    server = await buildServer({
      dbFile: join(dir, 'test.sqlite'),
      auth: 'open',
      appDirectory: app,
    });
    await server.app.listen({ port: 0, host: '127.0.0.1' });
    const address = server.app.server.address();
    origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  });

  afterAll(async () => {
    const closing = server.app.close();
    server.app.server.closeAllConnections();
    await closing;
    rmSync(dir, { recursive: true, force: true });
  });

  it('sends a script as brotli or gzip, as asked, and the same bytes decoded', async () => {
    for (const [accept, expected] of [
      ['gzip, deflate, br', 'br'],
      ['gzip', 'gzip'],
      ['br;q=0, gzip', 'gzip'],
    ] as const) {
      const response = await getCompressed(origin, '/main-ABCDEFGH.js', accept);
      expect(response.status).toBe(200);
      expect(response.headers['content-encoding']).withContext(accept).toBe(expected);
      expect(response.headers['vary']).toBe('Accept-Encoding');
      expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(response.bytes.length).toBeLessThan(script.length / 3);
      expect(decode(response.bytes, expected)).toBe(script);
    }
  });

  it('sends identity to a client that accepts no compression, and small or binary files as they are', async () => {
    const plain = await get(origin, '/main-ABCDEFGH.js');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.bytes.toString('utf8')).toBe(script);
    const tiny = await get(origin, '/chunk-TINYTINY.js', 'br, gzip');
    expect(tiny.headers['content-encoding']).toBeUndefined();
    expect(tiny.bytes.toString('utf8')).toBe('export {};\n');
    const font = await get(origin, '/font-ABCDEFGH.woff2', 'br, gzip');
    expect(font.headers['content-encoding']).toBeUndefined();
    expect(font.bytes.length).toBe(4096);
  });

  it('never makes a request wait for compression: a file not yet compressed goes as it is', async () => {
    // Written after start-up, so not warmed: its first request starts the compression.
    const big = Array.from({ length: 60_000 }, (_, i) => `row ${i * 7919} `).join('');
    writeFileSync(join(app, 'chunk-LATELATE.js'), big);
    const first = await get(origin, '/chunk-LATELATE.js', 'br');
    expect(first.headers['content-encoding']).toBeUndefined();
    expect(first.bytes.toString('utf8')).toBe(big);
    const later = await getCompressed(origin, '/chunk-LATELATE.js', 'br');
    expect(later.headers['content-encoding']).toBe('br');
    expect(decode(later.bytes, 'br')).toBe(big);
  });

  it('compresses the page with its fresh nonce on every request', async () => {
    const first = await get(origin, '/', 'gzip, br');
    const second = await get(origin, '/caseload', 'gzip, br');
    expect(first.headers['content-encoding']).toBe('gzip');
    expect(first.headers['cache-control']).toBe('no-store');
    const [a, b] = [decode(first.bytes, 'gzip'), decode(second.bytes, 'gzip')];
    expect(a).not.toContain(NONCE_PLACEHOLDER);
    expect(a).not.toBe(b);
    const brOnly = await get(origin, '/', 'br, gzip;q=0');
    expect(brOnly.headers['content-encoding']).toBeUndefined();
    expect(brOnly.bytes.toString('utf8')).toContain('<app-root');
    expect(a.replace(/nonce="[^"]+"|ngcspnonce="[^"]+"/g, '')).toBe(
      page.replace(/nonce="[^"]+"|ngcspnonce="[^"]+"/g, ''),
    );
  });

  it('serves an edited config.json, not the compressed copy of the old one', async () => {
    const before = await getCompressed(origin, '/config.json', 'br');
    expect(before.headers['content-encoding']).toBe('br');
    expect(JSON.parse(decode(before.bytes, before.headers['content-encoding']))).toEqual(
      jasmine.objectContaining({ fhirBaseUrl: '/fhir' }),
    );
    writeFileSync(
      join(app, 'config.json'),
      JSON.stringify({ fhirBaseUrl: 'https://ehr.example/fhir', pad: 'y'.repeat(2500) }),
    );
    // A later modification time, however coarse the file system's clock.
    const later = new Date(Date.now() + 5000);
    utimesSync(join(app, 'config.json'), later, later);
    for (const after of [
      await get(origin, '/config.json', 'br'),
      await getCompressed(origin, '/config.json', 'br'),
    ]) {
      expect(after.headers['cache-control']).toBe('no-cache');
      expect(JSON.parse(decode(after.bytes, after.headers['content-encoding']))).toEqual(
        jasmine.objectContaining({ fhirBaseUrl: 'https://ehr.example/fhir' }),
      );
    }
  });
});
