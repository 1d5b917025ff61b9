import { closeSync, openSync, readSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { FhirError } from './fhir-error';
import { Resource } from './resource-validation';

/**
 * Reads a FHIR Bulk Data NDJSON folder (`Patient.ndjson`, `Observation.ndjson`, …: one resource
 * per line) in batches, so a large folder is parsed a slice at a time. A line that is not JSON
 * is reported by file and line number.
 */
export interface NdjsonEntry {
  readonly resource: Resource;
  /** "Observation.ndjson line 12", for error messages. */
  readonly where: string;
}

export interface NdjsonReadOptions {
  /** Resources per batch yielded. */
  readonly batchSize?: number;
  /** Bytes read from a file at a time. */
  readonly chunkBytes?: number;
}

export function* readNdjsonFolder(
  dir: string,
  { batchSize = 5000, chunkBytes = 1 << 20 }: NdjsonReadOptions = {},
): Generator<NdjsonEntry[]> {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.ndjson'))
    .sort();
  if (files.length === 0) throw new FhirError(400, `no .ndjson files in ${dir}`, 'not-found');
  let batch: NdjsonEntry[] = [];
  for (const file of files) {
    let lineNumber = 0;
    for (const text of linesOf(join(dir, file), chunkBytes)) {
      lineNumber++;
      const line = text.trim();
      if (line === '') continue;
      try {
        batch.push({ resource: JSON.parse(line) as Resource, where: `${file} line ${lineNumber}` });
      } catch {
        throw new FhirError(400, `${file} line ${lineNumber} is not valid JSON`, 'structure');
      }
      if (batch.length >= batchSize) {
        yield batch;
        batch = [];
      }
    }
  }
  if (batch.length > 0) yield batch;
}

/**
 * A file's lines, read a chunk at a time: a whole file as one string stops at V8's string limit
 * (~512 MB; the 20,000-episode bench set's Encounters are 836 MB). Lines are cut at the newline
 * byte, which never occurs inside a multi-byte UTF-8 character, so a character split between two
 * chunks is decoded whole. Synchronous, because bulk loads run inside one SQLite transaction.
 */
function* linesOf(path: string, chunkBytes: number): Generator<string> {
  const fd = openSync(path, 'r');
  try {
    const chunk = Buffer.allocUnsafe(chunkBytes);
    let rest = Buffer.alloc(0);
    for (let read = readSync(fd, chunk); read > 0; read = readSync(fd, chunk)) {
      const data = rest.length > 0 ? Buffer.concat([rest, chunk.subarray(0, read)]) : chunk;
      const end = rest.length + read;
      let start = 0;
      for (let nl = data.indexOf(10, start); nl !== -1 && nl < end; nl = data.indexOf(10, start)) {
        yield data.toString('utf8', start, nl);
        start = nl + 1;
      }
      // A copy: `chunk` is read into again.
      rest = Buffer.from(data.subarray(start, end));
    }
    if (rest.length > 0) yield rest.toString('utf8');
  } finally {
    closeSync(fd);
  }
}
