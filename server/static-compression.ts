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
 * The encoding to send for an `Accept-Encoding` header, of those `offered` (in order of
 * preference: brotli, then gzip), honouring `q=0` and `*` (RFC 9110 §12.5.3); undefined means
 * identity.
 */
export function negotiateEncoding(
  header: string | undefined,
  offered: readonly Encoding[] = ['br', 'gzip'],
): Encoding | undefined {
  if (!header) return undefined;
  const weights = new Map<string, number>();
  for (const part of header.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)).find(Boolean);
    weights.set(name, q ? Number(q[1]) : 1);
  }
  const weight = (name: Encoding) => weights.get(name) ?? weights.get('*') ?? 0;
  const best = offered.filter((e) => weight(e) > 0).sort((a, b) => weight(b) - weight(a));
  return best[0];
}

export function isCompressible(file: string): boolean {
  return COMPRESSIBLE.has(extname(file).toLowerCase());
}

/**
 * A small per-request body (the page, whose nonce changes on every request), gzipped (fast)
 * when the browser accepts gzip: brotli's fast levels are no better on a page this size.
 */
export function gzipPage(text: string, acceptEncoding: string | undefined): Buffer | undefined {
  if (!negotiateEncoding(acceptEncoding, ['gzip']) || Buffer.byteLength(text) < MIN_BYTES)
    return undefined;
  return gzipSync(text, { level: 6 });
}

/** One file in one encoding, compressed in the background. */
class Job {
  /** Set once compression has finished; undefined bytes mean "send it as it is". */
  result?: { readonly bytes: Buffer | undefined };
  readonly done: Promise<void>;

  constructor(file: string, encoding: Encoding) {
    this.done = compressFile(file, encoding)
      .catch(() => undefined)
      .then((bytes) => {
        this.result = { bytes };
      });
  }
}

interface Entry {
  readonly stamp: string;
  readonly jobs: Map<Encoding, Job>;
}

/**
 * Static assets compressed once at their best settings (brotli 11, gzip 9) and kept in memory
 * per file version, so serving the build costs no CPU per request: without compression the
 * initial JavaScript is three times the bytes on the wire. Compression runs on libuv's thread
 * pool, never on the event loop, and no request waits for it: until a file's compressed copy
 * is ready it is sent as it is (brotli 11 takes seconds on a busy machine, longer than sending).
 */
export class CompressedAssets {
  private readonly entries = new Map<string, Entry>();

  /** The compressed bytes of `file` if they are ready; undefined means send it as it is. */
  async get(file: string, encoding: Encoding): Promise<Buffer | undefined> {
    return (await this.job(file, encoding))?.result?.bytes;
  }

  /** Compresses every listed file, one at a time, ahead of the first request for it. */
  async warm(files: readonly string[]): Promise<void> {
    for (const file of files.filter(isCompressible))
      for (const encoding of ['br', 'gzip'] as const) await (await this.job(file, encoding))?.done;
  }

  private async job(file: string, encoding: Encoding): Promise<Job | undefined> {
    if (!isCompressible(file)) return undefined;
    const info = await stat(file).catch(() => undefined);
    if (!info) return undefined;
    const stamp = `${info.mtimeMs}:${info.size}`;
    let entry = this.entries.get(file);
    if (!entry || entry.stamp !== stamp) {
      entry = { stamp, jobs: new Map() };
      this.entries.set(file, entry);
    }
    let job = entry.jobs.get(encoding);
    if (!job) {
      job = new Job(file, encoding);
      entry.jobs.set(encoding, job);
    }
    return job;
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
