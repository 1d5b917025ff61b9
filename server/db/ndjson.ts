import { readFileSync, readdirSync } from 'node:fs';
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

export function* readNdjsonFolder(dir: string, batchSize = 5000): Generator<NdjsonEntry[]> {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.ndjson'))
    .sort();
  if (files.length === 0) throw new FhirError(400, `no .ndjson files in ${dir}`, 'not-found');
  let batch: NdjsonEntry[] = [];
  for (const file of files) {
    const lines = readFileSync(join(dir, file), 'utf8').split('\n');
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i].trim();
      if (line === '') continue;
      try {
        batch.push({ resource: JSON.parse(line) as Resource, where: `${file} line ${i + 1}` });
      } catch {
        throw new FhirError(400, `${file} line ${i + 1} is not valid JSON`, 'structure');
      }
      if (batch.length >= batchSize) {
        yield batch;
        batch = [];
      }
    }
  }
  if (batch.length > 0) yield batch;
}
