import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ResourceStore } from '../db/resource-store';
import { SearchContext, readPage } from '../db/search';
import { searchsetBundle, searchsetBundleJson } from './search-bundle';
import { FIXTURE_TIME, fixtures } from './spec-fixtures';

describe('searchset Bundle text', () => {
  let dir: string;
  let store: ResourceStore;
  const urls = { base: 'http://localhost/fhir', self: 'http://localhost/fhir/X?y=z' };

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'waypoint-bundle-'));
    store = new ResourceStore(join(dir, 'store.sqlite'));
    store.loadMany(fixtures(), FIXTURE_TIME);
  });

  afterEach(() => {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** The text, and the object path's Bundle written with the text's own id and meta. */
  const both = (type: string, query: string, context: Partial<SearchContext> = {}) => {
    const outcome = store.search(type, new URLSearchParams(query), {
      patientScope: 'all',
      ...context,
    });
    const text = searchsetBundleJson(outcome, urls);
    const { id, meta } = JSON.parse(text) as { id: string; meta: unknown };
    return {
      outcome,
      text,
      reference: JSON.stringify({ ...searchsetBundle(outcome, urls), id, meta }),
    };
  };

  it('is byte for byte the parsed-and-written Bundle, for every shape of answer', () => {
    const cases: [string, string, Partial<SearchContext>?][] = [
      ['Observation', 'code=44261-6'],
      ['Observation', 'code=nothing'],
      ['Observation', '_summary=count'],
      ['Observation', 'code=44261-6&_include=Observation:patient'],
      ['Patient', '_revinclude=Observation:patient&_revinclude=EpisodeOfCare:patient'],
      ['Observation', '_elements=valueInteger&_include=Observation:patient'],
      ['Observation', '_summary=data'],
      ['Observation', '_summary=text'],
      ['Observation', 'unknown-parameter=1&_count=2'],
      ['EpisodeOfCare', '_include=EpisodeOfCare:patient', { canInclude: (t) => t !== 'Patient' }],
      ['Observation', '_count=2&_sort=-date', { patientScope: new Set(['pa']) }],
    ];
    for (const [type, query, context] of cases) {
      const { text, reference } = both(type, query, context);
      expect(text).withContext(`${type}?${query}`).toBe(reference);
    }
  });

  it('adds the SUBSETTED tag to the text of whatever meta holds', () => {
    const o1 = store.read('Observation', 'o1')!.resource;
    const metas = [
      { tag: [{ system: 'urn:x', code: 'kept' }], security: [{ code: 'R' }] },
      { tag: [] },
      { source: 'urn:source', tag: 'not a list' },
      { profile: ['urn:profile'] },
    ];
    metas.forEach((meta, n) => store.update('Observation', `m${n}`, { ...o1, id: `m${n}`, meta }));
    for (const query of ['_id=m0,m1,m2,m3&_elements=status', '_id=m0,m1,m2,m3&_summary=text']) {
      const { text, reference } = both('Observation', query);
      expect(text).withContext(query).toBe(reference);
      expect((JSON.parse(text) as { entry: unknown[] }).entry.length).toBe(4);
    }
  });

  it('holds each resource exactly as a read answers it, also after an update, and pages alike', () => {
    const o1 = store.read('Observation', 'o1')!.resource;
    store.update('Observation', 'o1', { ...o1, status: 'amended' }, 1);
    const { outcome, text, reference } = both('Observation', '_count=2&_sort=_id');
    expect(text).toBe(reference);
    const entries = (JSON.parse(text) as { entry: { resource: { id: string } }[] }).entry;
    expect(entries.map((e) => e.resource.id)).toEqual(['o1', 'o2']);
    for (const e of entries)
      expect(JSON.stringify(e.resource)).toBe(
        JSON.stringify(store.read('Observation', e.resource.id)!.resource),
      );
    expect((entries[0].resource as { meta?: { versionId?: string } }).meta?.versionId).toBe('2');

    const page = readPage(store, outcome.pageSetId!, 2, 2, { patientScope: 'all' });
    const pageText = searchsetBundleJson(page, urls);
    const { id, meta } = JSON.parse(pageText) as { id: string; meta: unknown };
    expect(pageText).toBe(JSON.stringify({ ...searchsetBundle(page, urls), id, meta }));
  });
});
