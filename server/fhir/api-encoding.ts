import { gzipSync } from 'node:zlib';
import { negotiateEncoding } from '../static-compression';
import { deflatedOf, gzipOf } from './gzip-parts';
import type { SearchsetAnswer } from './interactions';

/**
 * Compression of FHIR API answers when the request's Accept-Encoding allows gzip, as FHIR
 * servers such as HAPI do (browsers always allow it). FHIR JSON is very repetitive: a
 * thousand-entry page of about a megabyte gzips to 20–40 kB, so compressing costs the server
 * less than writing the megabyte to the socket, and the client reads a fiftieth of the bytes. A
 * cached search's entries are deflated once and shared by every later answer (gzip-parts.ts);
 * anything else is compressed per answer at zlib's fastest level. gzip only: brotli and zstd
 * streams cannot be assembled from parts compressed beforehand.
 */

/** Below this a body goes as it is: compressing it would save less than it costs. */
export const MIN_COMPRESSED_BYTES = 4096;

/** zlib level for a body compressed for one answer only. */
const PER_ANSWER_LEVEL = 1;

export interface EncodedBody {
  readonly body: Buffer | string;
  /** 'gzip' when the body is compressed. */
  readonly encoding?: 'gzip';
}

/** Whether an Accept-Encoding header accepts gzip (q > 0, or `*`). */
export function acceptsGzip(header: string | string[] | undefined): boolean {
  return negotiateEncoding(Array.isArray(header) ? header.join(',') : header, ['gzip']) === 'gzip';
}

/** A JSON body, gzipped when allowed and large enough. */
export function encodeJson(json: string | Buffer, gzip: boolean): EncodedBody {
  const size = typeof json === 'string' ? Buffer.byteLength(json) : json.length;
  if (!gzip || size < MIN_COMPRESSED_BYTES) return { body: json };
  return { body: gzipSync(json, { level: PER_ANSWER_LEVEL }), encoding: 'gzip' };
}

const CLOSE_BRACE = Buffer.from('}');

/**
 * A searchset Bundle: its own members and the entries (`withEntries` in search-bundle.ts on
 * bytes: the entries are copied, or their deflated form is, never encoded again).
 */
export function encodeSearchset(answer: SearchsetAnswer, gzip: boolean): EncodedBody {
  const { head, entries } = answer;
  if (entries.bytes.length === 0) return encodeJson(head, gzip);
  const open = Buffer.from(`${head.slice(0, -1)},"entry":`);
  if (!gzip || open.length + entries.bytes.length < MIN_COMPRESSED_BYTES)
    return { body: Buffer.concat([open, entries.bytes, CLOSE_BRACE]) };
  return { body: gzipOf([open, deflatedOf(entries), CLOSE_BRACE]), encoding: 'gzip' };
}
