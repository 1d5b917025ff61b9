import { DEFAULT_INSTRUMENTS } from '../instruments/instrument-catalogue';
import { encodeBase64Utf8 } from './base64-utf8';
import { curvesFromLibraryData, curvesToLibraryData, parseCurves } from './curve-format';
import { buildRecoveryCurves, serializeCurves } from './recovery-curves';

const set = buildRecoveryCurves(
  Array.from({ length: 20 }, (_, i) => ({
    instrumentId: 'gad-7',
    baseline: 16,
    points: [{ week: 1, score: 16 - (i % 5) }],
  })),
  DEFAULT_INSTRUMENTS,
  { generated: '2026-11-28T06:00:00Z' },
);
const head = { format: 'waypoint-recovery-curves', version: 1 };
const point = { week: 1, expected: 3, amberBelow: 1, redBelow: -1, n: 9 };
const curve = { instrumentId: 'phq-9', band: 'Mild', source: 'program', episodes: 30 };

describe('recovery curve payload (Library.content[0].data)', () => {
  it('round-trips through JSON and through the base64 Library data', () => {
    expect(parseCurves(JSON.parse(serializeCurves(set)))).toEqual({
      set,
      errors: [],
      rejected: [],
    });
    expect(curvesFromLibraryData(curvesToLibraryData(set)).set).toEqual(set);
  });

  it('refuses a payload it cannot read as a whole, saying why', () => {
    expect(parseCurves('x').errors).toEqual(['recovery curves: not a JSON object']);
    expect(parseCurves([]).errors).toEqual(['recovery curves: not a JSON object']);
    expect(parseCurves({ format: 'other' }).errors).toEqual(['recovery curves: unknown format']);
    expect(parseCurves({ ...head, version: 2 }).errors).toEqual([
      'recovery curves: unsupported version 2',
    ]);
    expect(parseCurves(head).errors).toEqual(['recovery curves: "curves" must be an array']);
    expect(parseCurves(head).set).toBeUndefined();
    expect(curvesFromLibraryData(42).errors).toEqual([
      'recovery curves: Library data is not base64 text',
    ]);
    expect(curvesFromLibraryData(encodeBase64Utf8('{oops')).errors).toEqual([
      'recovery curves: Library data is not JSON',
    ]);
  });

  it('drops each malformed curve with the reason and keeps the rest', () => {
    const bad: [unknown, string][] = [
      [null, 'not an object'],
      [{ ...curve, instrumentId: '' }, 'no instrumentId'],
      [{ ...curve, band: 3 }, 'no band'],
      [{ ...curve, source: 'guess' }, 'source is not program or default'],
      [{ ...curve, points: [] }, 'no points'],
      [{ ...curve, points: ['x'] }, 'point 0 is not an object'],
      [{ ...curve, points: [{ ...point, week: 2 }] }, 'point 0 has week 2, expected 1'],
      [{ ...curve, points: [{ ...point, expected: 'NaN' }] }, 'week 1: expected is not a number'],
      [{ ...curve, points: [{ ...point, redBelow: 2 }] }, 'week 1: red band above the amber band'],
      [{ ...curve, points: [{ ...point, n: -1 }] }, 'week 1: n is not a count'],
    ];
    const parsed = parseCurves({
      ...head,
      curves: [{ ...curve, points: [point] }, ...bad.map(([c]) => c)],
    });
    expect(parsed.errors).toEqual(
      bad.map(([, why], i) => `recovery curves: curve ${i + 1} ignored: ${why}`),
    );
    expect(parsed.rejected.map((r) => r.item)).toEqual(bad.map(([c]) => c));
    expect(parsed.set!.curves).toEqual([{ ...curve, source: 'program', points: [point] }]);
  });

  it('fills what older or sparser payloads leave out with the documented defaults', () => {
    const { set: sparse } = parseCurves({
      ...head,
      curves: [{ ...curve, episodes: -4, extra: 1, points: [{ ...point, n: undefined }] }],
    });
    expect(sparse).toEqual({
      format: 'waypoint-recovery-curves',
      version: 1,
      generated: '',
      minEpisodes: 20,
      amberPercentile: 0.75,
      redPercentile: 0.9,
      curves: [{ ...curve, source: 'program', episodes: 0, points: [{ ...point, n: 0 }] }],
    });
  });
});
