import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXTENSIONS, RECOVERY_CURVES_LIBRARY, SYSTEMS } from '../../src/app/domain/fhir-codes';
import { parseCurves } from '../../src/app/domain/recovery/recovery-curves';
import { Resource, ResourceStore, validateResource } from '../db/resource-store';
import { simulateCohort } from './cohort';
import { curvesFromCohort, curvesFromRecords } from './seed-curves';
import { recordsFromStore } from './store-records';
import { clientResources, curvesLibrary, directoryResources } from './to-fhir';

describe('generated FHIR', () => {
  const settings = { seed: 99, today: '2026-11-28', timeZone: 'America/Chicago', historyDays: 365 };
  let cohort: ReturnType<typeof simulateCohort>;
  let resources: Resource[];

  beforeAll(() => {
    cohort = simulateCohort(settings, 60);
    resources = [
      ...directoryResources(),
      ...cohort.flatMap(clientResources),
      curvesLibrary(curvesFromCohort(cohort, settings.timeZone, settings.today)),
    ];
  });

  it('is valid for the server and every reference resolves', () => {
    const known = new Set(resources.map((r) => `${r.resourceType}/${r.id}`));
    const dangling: string[] = [];
    const walk = (value: unknown) => {
      if (Array.isArray(value)) value.forEach(walk);
      else if (value && typeof value === 'object') {
        for (const [key, child] of Object.entries(value)) {
          if (key === 'reference' && typeof child === 'string' && !known.has(child))
            dangling.push(child);
          else walk(child);
        }
      }
    };
    for (const r of resources) {
      expect(() => validateResource(r)).not.toThrow();
      walk(r);
    }
    expect(dangling).toEqual([]);
  });

  it('loads into the store and answers the searches the app makes', () => {
    const dir = mkdtempSync(join(tmpdir(), 'waypoint-seed-'));
    const store = new ResourceStore(join(dir, 'seed.sqlite'));
    try {
      store.loadMany(resources);
      const episodes = resources.filter((r) => r.resourceType === 'EpisodeOfCare');
      expect(episodes.length).toBe(cohort.reduce((n, c) => n + c.episodes.length, 0));
      const count = (sql: string, ...args: unknown[]) =>
        (store.db.prepare(sql).get(...args) as { n: number }).n;
      expect(
        count(
          "SELECT COUNT(*) AS n FROM resources WHERE type = 'Observation' AND patient_id IS NOT NULL",
        ),
      ).toBe(resources.filter((r) => r.resourceType === 'Observation').length);
      expect(
        count(
          "SELECT COUNT(*) AS n FROM idx_reference WHERE type = 'EpisodeOfCare' AND param = 'care-manager'",
        ),
      ).toBeGreaterThan(0);
      // The curve job reads the same episodes and scores back out of the database (npm run curves).
      const records = recordsFromStore(store);
      expect(records.episodes.length).toBe(episodes.length);
      expect(records.scores.length).toBe(cohort.reduce((n, c) => n + c.scores.length, 0));
      expect(
        curvesFromRecords(records.episodes, records.scores, settings.timeZone, settings.today),
      ).toEqual(curvesFromCohort(cohort, settings.timeZone, settings.today));
    } finally {
      store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('codes episodes with the profile\u2019s level, end-reason and entry-route codes', () => {
    const finished = resources.find(
      (r) => r.resourceType === 'EpisodeOfCare' && r['status'] === 'finished',
    )!;
    const extensions = finished['extension'] as {
      url: string;
      valueCoding: { system: string; code: string };
    }[];
    const endReason = extensions.find((e) => e.url === EXTENSIONS.episodeEndReason)!;
    expect(endReason.valueCoding.system).toBe(SYSTEMS.episodeEndReason);
    const type = (finished['type'] as { coding: { system: string }[] }[])[0].coding;
    expect(type[0].system).toBe('https://waypoint.example.org/fhir/CodeSystem/level-of-care');
  });

  it('publishes the expected recovery curves as a Library with base64 JSON', () => {
    const library = resources.find((r) => r.resourceType === 'Library')!;
    expect(library['url']).toBe(RECOVERY_CURVES_LIBRARY.url);
    const content = (library['content'] as { contentType: string; data: string }[])[0];
    expect(content.contentType).toBe('application/json');
    const parsed = parseCurves(JSON.parse(Buffer.from(content.data, 'base64').toString('utf8')));
    expect(parsed.errors).toEqual([]);
    expect(parsed.set!.curves.some((c) => c.instrumentId === 'phq-9')).toBeTrue();
  });

  it('writes PHQ-9 totals with item components, item 9 as LOINC 44260-8', () => {
    const phq = resources.find(
      (r) => r.resourceType === 'Observation' && JSON.stringify(r['code']).includes('44261-6'),
    )!;
    expect(typeof phq['valueInteger']).toBe('number');
    const components = phq['component'] as {
      code: { coding: { code: string }[] };
      valueInteger: number;
    }[];
    expect(components.length).toBe(9);
    expect(components[8].code.coding[0].code).toBe('44260-8');
    expect(components.reduce((sum, c) => sum + c.valueInteger, 0)).toBe(
      phq['valueInteger'] as number,
    );
  });
});
