import { readFile, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip, gzipSync } from 'node:zlib';

export type Encoding = 'br' | 'gzip';

/** Text assets worth compressing; fonts and images are compressed already. */
const COMPRESSIBLE = new Set(['.js', '.css', '.json', '.svg', '.txt', '.html', '.ico']);

/** Below this, the headers cost more than the bytes saved. */
const MIN_BYTES = 1024;

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/**
 * The encoding to send for an `Accept-Encoding` header: brotli, then gzip, honouring `q=0`
 * and `*` (RFC 9110 §12.5.3); undefined means identity.
 */
export function negotiateEncoding(header: string | undefined): Encoding | undefined {
  if (!header) return undefined;
  const weights = new Map<string, number>();
  for (const part of header.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)).find(Boolean);
    weights.set(name, q ? Number(q[1]) : 1);
  }
  const weight = (name: Encoding) => weights.get(name) ?? weights.get('*') ?? 0;
  const best = (['br', 'gzip'] as const)
    .filter((e) => weight(e) > 0)
    .sort((a, b) => weight(b) - weight(a));
  return best[0];
}

export function isCompressible(file: string): boolean {
  return COMPRESSIBLE.has(extname(file).toLowerCase());
}

/** A small per-request body (the page, whose nonce changes on every request): gzip, fast. */
export function compressSmall(text: string, encoding: Encoding | undefined): Buffer | undefined {
  if (!encoding || Buffer.byteLength(text) < MIN_BYTES) return undefined;
  // Brotli's fast levels are no better than gzip on a page this size; one codec keeps it simple.
  return gzipSync(text, { level: 6 });
}

interface Entry {
  readonly stamp: string;
  readonly encoded: Map<Encoding, Promise<Buffer | undefined>>;
}

/**
 * Static assets compressed once at their best settings (brotli 11, gzip 9) and kept in memory
 * per file version, so serving the build costs no CPU per request: without compression the
 * initial JavaScript is three times the bytes on the wire. Compression runs on libuv's thread
 * pool, never on the event loop.
 */
export class CompressedAssets {
  private readonly entries = new Map<string, Entry>();

  /** The compressed bytes of `file`, or undefined when it is not worth sending compressed. */
  async get(file: string, encoding: Encoding): Promise<Buffer | undefined> {
    if (!isCompressible(file)) return undefined;
    const info = await stat(file).catch(() => undefined);
    if (!info) return undefined;
    const stamp = `${info.mtimeMs}:${info.size}`;
    let entry = this.entries.get(file);
    if (!entry || entry.stamp !== stamp) {
      entry = { stamp, encoded: new Map() };
      this.entries.set(file, entry);
    }
    let encoded = entry.encoded.get(encoding);
    if (!encoded) {
      encoded = compressFile(file, encoding).catch(() => undefined);
      entry.encoded.set(encoding, encoded);
    }
    return encoded;
  }

  /** Compresses every listed file ahead of the first request for it. */
  async warm(files: readonly string[]): Promise<void> {
    for (const file of files.filter(isCompressible)) {
      await this.get(file, 'br');
      await this.get(file, 'gzip');
    }
  }
}

async function compressFile(file: string, encoding: Encoding): Promise<Buffer | undefined> {
  const raw = await readFile(file);
  if (raw.length < MIN_BYTES) return undefined;
  const out =
    encoding === 'br'
      ? await brotli(raw, {
          params: {
            [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
            [constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
          },
        })
      : await gzipAsync(raw, { level: 9 });
  return out.length < raw.length ? out : undefined;
}
