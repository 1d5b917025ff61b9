import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FhirError } from './fhir-error';
import { NdjsonEntry, readNdjsonFolder } from './ndjson';

describe('readNdjsonFolder', () => {
  let dir: string;

  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'waypoint-ndjson-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const patients = [
    { resourceType: 'Patient', id: 'p1', name: [{ family: 'Zoë', given: ['Ångström'] }] },
    { resourceType: 'Patient', id: 'p2', name: [{ family: '山田', given: ['太郎'] }] },
    { resourceType: 'Patient', id: 'p3', name: [{ text: 'Ama 🌿 Mensah' }] },
    { resourceType: 'Patient', id: 'p4' },
  ];

  function all(options?: Parameters<typeof readNdjsonFolder>[1]): NdjsonEntry[][] {
    return [...readNdjsonFolder(dir, options)];
  }

  // Chunks of 1 to 16 bytes cut every line, and every multi-byte character, somewhere.
  it('reads the same resources and line numbers whatever the chunk size', () => {
    const lines = patients.map((p) => JSON.stringify(p));
    // CRLF, a blank line, and no newline after the last line, as exports from other systems have.
    writeFileSync(
      join(dir, 'Patient.ndjson'),
      `${lines[0]}\r\n${lines[1]}\n\n${lines[2]}\n${lines[3]}`,
    );
    for (const chunkBytes of [1, 2, 3, 5, 7, 16, 1 << 20]) {
      const entries = all({ chunkBytes }).flat();
      expect(entries.map((e) => e.resource))
        .withContext(`chunk ${chunkBytes}`)
        .toEqual(patients as never);
      expect(entries.map((e) => e.where))
        .withContext(`chunk ${chunkBytes}`)
        .toEqual([
          'Patient.ndjson line 1',
          'Patient.ndjson line 2',
          'Patient.ndjson line 4',
          'Patient.ndjson line 5',
        ]);
    }
  });

  it('yields batches of the given size across files, in file name order', () => {
    writeFileSync(join(dir, 'Patient.ndjson'), patients.map((p) => JSON.stringify(p)).join('\n'));
    writeFileSync(join(dir, 'Flag.ndjson'), '{"resourceType":"Flag","id":"f1"}\n');
    writeFileSync(join(dir, 'notes.txt'), 'not a resource');
    const batches = all({ batchSize: 2, chunkBytes: 8 });
    expect(batches.map((b) => b.map((e) => e.resource.id))).toEqual([
      ['f1', 'p1'],
      ['p2', 'p3'],
      ['p4'],
    ]);
  });

  it('names the file and line of a line that is not JSON, however the file is chunked', () => {
    writeFileSync(
      join(dir, 'Patient.ndjson'),
      `${JSON.stringify(patients[1])}\n\n{"resourceType":"Patient", "id": "p9", oops}\n`,
    );
    for (const chunkBytes of [3, 1 << 20])
      expect(() => all({ chunkBytes })).toThrowMatching(
        (e: FhirError) => e.message === 'Patient.ndjson line 3 is not valid JSON',
      );
  });

  it('refuses a folder without NDJSON files', () => {
    expect(() => all()).toThrowMatching(
      (e: FhirError) => e.message === `no .ndjson files in ${dir}`,
    );
  });
});
