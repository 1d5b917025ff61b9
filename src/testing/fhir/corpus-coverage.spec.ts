/**
 * Keeps the corpus from silently losing coverage of the published examples: the list in
 * `PUBLISHED_EXAMPLE_FILES` is checked against the corpus and against `../shared/fhir-examples/`.
 * Node only (it reads files): `angular.json` leaves it out of the Karma build.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { CORPUS, PUBLISHED_EXAMPLE_FILES } from './corpus';

const EXAMPLES = resolve(process.cwd(), '../shared/fhir-examples');

describe('FHIR test corpus', () => {
  it('has an entry named after every published example, and no entry for an unknown one', () => {
    for (const file of PUBLISHED_EXAMPLE_FILES) {
      const entries = CORPUS.filter((e) => e.sourceExample === file);
      expect(entries.map((e) => e.name))
        .withContext(file)
        .toEqual([file.replace(/\.json$/, '')]);
    }
    const stale = CORPUS.filter(
      (e) => e.sourceExample && !PUBLISHED_EXAMPLE_FILES.includes(e.sourceExample),
    );
    expect(stale.map((e) => e.name)).toEqual([]);
  });

  it('names every entry once, and every resource is plain JSON', () => {
    const names = CORPUS.map((e) => e.name);
    expect(new Set(names).size).toBe(names.length);
    for (const entry of CORPUS) {
      const json = JSON.stringify(entry.resource);
      expect(JSON.stringify(JSON.parse(json)))
        .withContext(entry.name)
        .toBe(json);
      expect(typeof entry.resource['resourceType'])
        .withContext(entry.name)
        .toBe('string');
    }
  });

  it('lists exactly the files in ../shared/fhir-examples', () => {
    expect(existsSync(EXAMPLES))
      .withContext(`${EXAMPLES} must sit beside the repository`)
      .toBeTrue();
    const files = readdirSync(EXAMPLES).filter((f) => f.endsWith('.json'));
    expect([...files].sort()).toEqual([...PUBLISHED_EXAMPLE_FILES].sort());
  });

  it('re-creates each example as the same resource type without copying its id ', () => {
    for (const file of PUBLISHED_EXAMPLE_FILES) {
      const text = readFileSync(`${EXAMPLES}/${file}`, 'utf8');
      const original = JSON.parse(text) as { resourceType: string; id?: string };
      const entry = CORPUS.find((e) => e.sourceExample === file)!;
      const { resourceType, id } = entry.resource as { resourceType?: unknown; id?: unknown };
      expect(resourceType).withContext(file).toBe(original.resourceType);
      expect(id).withContext(file).not.toBe(original.id);
      expect(JSON.stringify(entry.resource)).withContext(file).not.toBe(JSON.stringify(original));
    }
  });
});
