import { corpusResource } from '../../testing/fhir/corpus';
import { DEFAULT_INSTRUMENTS, instrumentById } from '../domain/instruments/instrument-catalogue';
import { curveFor } from '../domain/recovery/recovery-curves';
import { Library } from './fhir-types';
import { defaultCurveSet, mapRecoveryCurvesLibrary } from './library-mapper';
import { MapResult } from './map-result';

const map = (name: string) => mapRecoveryCurvesLibrary(corpusResource<Library>(name));
const reasons = (result: MapResult<unknown>) => result.problems.map((p) => p.reason);

describe('Library → expected recovery curves', () => {
  it('reads the JSON content with the domain parser, dropping a malformed curve with a warning', () => {
    const result = map('library-waypoint-curves');
    expect(result.value?.source).toBe('library');
    expect(result.value?.set.generated).toBe('2024-05-01T06:00:00Z');
    expect(result.value?.set.curves.map((c) => [c.instrumentId, c.band, c.episodes])).toEqual([
      ['phq-9', 'Moderate', 31],
    ]);
    expect(reasons(result)).toEqual([
      'recovery curves: curve 1 ignored: source is not program or default',
    ]);
    const phq9 = instrumentById('phq-9')!;
    expect(curveFor(result.value?.set, phq9, phq9.bands[2]).source).toBe('program');
  });

  it('falls back to the default curves, saying why', () => {
    const fallback = (name: string) => {
      const result = map(name);
      expect(result.value?.source).withContext(name).toBe('default');
      return reasons(result);
    };
    expect(fallback('library-not-json')).toEqual([
      'recovery curves: Library data is not JSON: default curves used',
    ]);
    expect(fallback('library-wrong-version')).toEqual([
      'recovery curves: unsupported version 2: default curves used',
    ]);
    expect(fallback('library-no-content')).toEqual([
      'Library url is not the recovery-curves url',
      'Library status is draft, not active',
      'Library has no application/json content with data: default curves used',
    ]);
    expect(reasons(mapRecoveryCurvesLibrary(undefined))).toEqual([
      'no recovery-curves Library: default curves used',
    ]);
    expect(
      reasons(mapRecoveryCurvesLibrary({ resourceType: 'Basic' } as unknown as Library)),
    ).toEqual(['not a Library: default curves used']);
  });

  it('builds the default set from every band of the catalogue', () => {
    const set = defaultCurveSet(DEFAULT_INSTRUMENTS);
    const bands = DEFAULT_INSTRUMENTS.reduce((n, i) => n + i.bands.length, 0);
    expect(set.curves.length).toBe(bands);
    expect(set.curves.every((c) => c.source === 'default')).toBeTrue();
    expect(mapRecoveryCurvesLibrary(undefined).value?.set).toEqual(set);
  });
});
