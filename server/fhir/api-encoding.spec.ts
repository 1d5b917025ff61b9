import { crc32, deflateRawSync, gunzipSync, gzipSync } from 'node:zlib';
import { Resource } from '../db/resource-store';
import { RawResponse, rawRequest } from '../testing/raw-request';
import { TestServer, startTestServer } from '../testing/test-server';
import { MIN_COMPRESSED_BYTES } from './api-encoding';
import { crc32Combine, deflatePart, gzipOf } from './gzip-parts';
import { FIXTURE_TIME, fixtures } from './spec-fixtures';

/** What Chromium sends, as the app's requests do. */
const BROWSER = 'gzip, deflate, br, zstd';

/** One request as sent over the wire, with the app's Accept and the given Accept-Encoding. */
function raw(
  url: string,
  acceptEncoding?: string,
  method = 'GET',
  body?: string,
): Promise<RawResponse> {
  const headers: Record<string, string> = { accept: 'application/fhir+json' };
  if (acceptEncoding !== undefined) headers['accept-encoding'] = acceptEncoding;
  if (body !== undefined) headers['content-type'] = 'application/x-www-form-urlencoded';
  return rawRequest(url, { headers, method, body });
}

/** The Bundle, with what differs between two answers by design masked. */
function comparable(bytes: Buffer): unknown {
  const bundle = JSON.parse(bytes.toString('utf8')) as Record<string, unknown>;
  return JSON.parse(
    JSON.stringify({ ...bundle, id: 'ID', meta: 'TIME' }).replace(/_getpages=[\w-]+/g, 'SET'),
  );
}

/** Enough Observations that a page of them is well past the threshold. */
function manyObservations(n: number): Resource[] {
  return Array.from({ length: n }, (_, i) => ({
    resourceType: 'Observation',
    id: `big-${i}`,
    status: 'final',
    code: { coding: [{ system: 'http://loinc.org', code: '44261-6' }] },
    subject: { reference: `Patient/${i % 2 ? 'pa' : 'pb'}` },
    effectiveDateTime: `2024-0${1 + (i % 9)}-1${i % 10}T10:00:00Z`,
    valueInteger: i % 27,
  }));
}

describe('gzip from parts', () => {
  const text = (n: number, seed: string) =>
    Buffer.from(Array.from({ length: n }, (_, i) => `${seed}${i % 97},`).join(''));

  it('is one gzip member that any inflater reads back, checksum and length included', () => {
    const big = text(40_000, '{"a":');
    const head = text(20_000, 'h'); // longer than one stored block (65,535 bytes)
    const parts = [head, deflatePart(big), Buffer.from('}'), deflatePart(Buffer.alloc(0), 1)];
    const gz = gzipOf(parts);
    expect(gunzipSync(gz)).toEqual(Buffer.concat([head, big, Buffer.from('}')]));
    expect(gz.length).toBeLessThan(head.length + big.length / 5);
    expect(gunzipSync(gzipOf([]))).toEqual(Buffer.alloc(0));
  });

  it('combines CRC-32s as zlib does', () => {
    const a = text(3000, 'x');
    const b = text(5000, 'yy');
    // gzip's trailer holds the CRC-32 of the whole.
    expect(crc32(a)).toBe(gzipSync(a).readUInt32LE(gzipSync(a).length - 8));
    expect(crc32Combine(crc32(a), crc32(b), b.length)).toBe(crc32(Buffer.concat([a, b])));
    expect(crc32Combine(crc32(a), crc32(Buffer.alloc(0)), 0)).toBe(crc32(a));
    // A part deflated on its own ends on a byte boundary, not as the last block.
    expect(deflatePart(a).deflated.subarray(-4)).toEqual(Buffer.from([0, 0, 0xff, 0xff]));
    expect(deflateRawSync(a).subarray(-4)).not.toEqual(Buffer.from([0, 0, 0xff, 0xff]));
  });
});

describe('FHIR API compression', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer();
    server.store.loadMany([...fixtures(), ...manyObservations(300)], FIXTURE_TIME);
  });

  afterAll(async () => server.stop());

  const SEARCH = '/Observation?code=44261-6&_count=200&_sort=date';

  it('gzips a large search for a browser, first and cached answers alike, with Vary', async () => {
    const plain = await raw(`${server.base}${SEARCH}`);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers['vary']).toBe('Accept-Encoding');
    expect(plain.bytes.length).toBeGreaterThan(MIN_COMPRESSED_BYTES);
    // The first answer above came from the database, these from the cache.
    for (let i = 0; i < 2; i++) {
      const gz = await raw(`${server.base}${SEARCH}`, BROWSER);
      expect(gz.status).toBe(200);
      expect(gz.headers['content-encoding']).toBe('gzip');
      expect(gz.headers['vary']).toBe('Accept-Encoding');
      expect(gz.headers['content-type']).toContain('application/fhir+json');
      expect(Number(gz.headers['content-length'])).toBe(gz.bytes.length);
      expect(gz.bytes.length).toBeLessThan(plain.bytes.length / 5);
      expect(comparable(gunzipSync(gz.bytes))).toEqual(comparable(plain.bytes));
    }
  });

  it('gzips what is compressed per answer: a later page, a POST search, a search never cached', async () => {
    const first = JSON.parse(
      gunzipSync((await raw(`${server.base}${SEARCH}`, BROWSER)).bytes).toString(),
    ) as { link: { relation: string; url: string }[] };
    const next = first.link.find((l) => l.relation === 'next')!.url;
    const page = await raw(next, BROWSER);
    expect(page.headers['content-encoding']).toBe('gzip');
    expect(comparable(gunzipSync(page.bytes))).toEqual(comparable((await raw(next)).bytes));
    const post = await raw(
      `${server.base}/Observation/_search`,
      'gzip',
      'POST',
      'code=44261-6&_count=200',
    );
    expect(post.headers['content-encoding']).toBe('gzip');
    expect((JSON.parse(gunzipSync(post.bytes).toString()) as { total: number }).total).toBe(304);
    // `ap` dates are never cached.
    const fresh = await raw(`${server.base}/Observation?date=ap2024-05-15&_count=200`, BROWSER);
    expect(fresh.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(gunzipSync(fresh.bytes).toString())).toEqual(
      jasmine.objectContaining({ resourceType: 'Bundle' }),
    );
  });

  it('sends identity when gzip is not accepted, and small answers as they are', async () => {
    for (const header of [undefined, 'identity', 'br', 'gzip;q=0, br', 'zstd'])
      expect((await raw(`${server.base}${SEARCH}`, header)).headers['content-encoding'])
        .withContext(String(header))
        .toBeUndefined();
    expect((await raw(`${server.base}${SEARCH}`, '*')).headers['content-encoding']).toBe('gzip');
    const read = await raw(`${server.base}/Patient/pa`, BROWSER);
    expect(read.bytes.length).toBeLessThan(MIN_COMPRESSED_BYTES);
    expect(read.headers['content-encoding']).toBeUndefined();
    expect(read.headers['vary']).toBe('Accept-Encoding');
    expect((JSON.parse(read.bytes.toString()) as Resource).id).toBe('pa');
    const error = await raw(`${server.base}/Observation?_count=x`, BROWSER);
    expect(error.status).toBe(400);
    expect(error.headers['content-encoding']).toBeUndefined();
  });
});
