import { request } from 'node:http';

/** An answer as the server sent it. */
export interface RawResponse {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  /** The body as received, not decompressed. */
  readonly bytes: Buffer;
}

/**
 * One HTTP request with no client-side decoding (fetch() would decompress the body silently),
 * for specs of what goes over the wire: content encodings, byte counts.
 */
export function rawRequest(
  url: string,
  options: { headers?: Record<string, string>; method?: string; body?: string } = {},
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { method: options.method ?? 'GET', headers: options.headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            bytes: Buffer.concat(chunks),
          }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}
