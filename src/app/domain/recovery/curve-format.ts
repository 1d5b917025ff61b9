import { Rejected } from '../models';
import { decodeBase64Utf8, encodeBase64Utf8 } from './base64-utf8';
import {
  CURVES_FORMAT,
  CURVES_VERSION,
  CURVE_DEFAULTS,
  CurvePoint,
  RecoveryCurve,
  RecoveryCurveSet,
} from './curve-types';

/** The JSON text of a curve set (`format` and `version` first, so a reader can check them). */
export function serializeCurves(set: RecoveryCurveSet): string {
  return JSON.stringify(set);
}

/** The base64 JSON for the curves `Library.content[0].data` (RECOVERY_CURVES_LIBRARY in fhir-codes.ts). */
export function curvesToLibraryData(set: RecoveryCurveSet): string {
  return encodeBase64Utf8(serializeCurves(set));
}

export interface ParsedCurves {
  /** Absent when the payload as a whole cannot be read. */
  readonly set?: RecoveryCurveSet;
  /** What was wrong; malformed curves are dropped (and named here), never repaired. */
  readonly errors: string[];
  readonly rejected: Rejected[];
}

/** Reads `Library.content[0].data`: base64 → UTF-8 → JSON → `parseCurves`. */
export function curvesFromLibraryData(data: unknown): ParsedCurves {
  const text = typeof data === 'string' ? decodeBase64Utf8(data) : undefined;
  if (text === undefined) return failed('recovery curves: Library data is not base64 text');
  try {
    return parseCurves(JSON.parse(text));
  } catch {
    return failed('recovery curves: Library data is not JSON');
  }
}

function failed(error: string): ParsedCurves {
  return { errors: [error], rejected: [] };
}

const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

function pointProblem(p: unknown, index: number): string | undefined {
  if (typeof p !== 'object' || p === null) return `point ${index} is not an object`;
  const point = p as Partial<Record<keyof CurvePoint, unknown>>;
  if (point.week !== index + 1)
    return `point ${index} has week ${String(point.week)}, expected ${index + 1}`;
  for (const key of ['expected', 'amberBelow', 'redBelow'] as const)
    if (!isNumber(point[key])) return `week ${index + 1}: ${key} is not a number`;
  if ((point.redBelow as number) > (point.amberBelow as number))
    return `week ${index + 1}: red band above the amber band`;
  if (point.n !== undefined && !(Number.isInteger(point.n) && (point.n as number) >= 0))
    return `week ${index + 1}: n is not a count`;
  return undefined;
}

function curveProblem(c: unknown): string | undefined {
  if (typeof c !== 'object' || c === null) return 'not an object';
  const curve = c as Partial<Record<keyof RecoveryCurve, unknown>>;
  if (typeof curve.instrumentId !== 'string' || curve.instrumentId === '') return 'no instrumentId';
  if (typeof curve.band !== 'string') return 'no band';
  if (curve.source !== 'program' && curve.source !== 'default')
    return 'source is not program or default';
  if (!Array.isArray(curve.points) || curve.points.length === 0) return 'no points';
  for (let i = 0; i < curve.points.length; i++) {
    const problem = pointProblem(curve.points[i], i);
    if (problem) return problem;
  }
  return undefined;
}

function readCurve(c: Record<string, unknown>): RecoveryCurve {
  const points = (c['points'] as Record<string, unknown>[]).map((p) => ({
    week: p['week'] as number,
    expected: p['expected'] as number,
    amberBelow: p['amberBelow'] as number,
    redBelow: p['redBelow'] as number,
    n: (p['n'] as number | undefined) ?? 0,
  }));
  const episodes = c['episodes'];
  return {
    instrumentId: c['instrumentId'] as string,
    band: c['band'] as string,
    source: c['source'] as RecoveryCurve['source'],
    episodes: Number.isInteger(episodes) && (episodes as number) >= 0 ? (episodes as number) : 0,
    points,
  };
}

/**
 * Reads a curve set from parsed JSON (the Library payload). The whole set is refused for a wrong
 * format or version; a malformed curve is dropped and named; only known fields are kept.
 */
export function parseCurves(raw: unknown): ParsedCurves {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    return failed('recovery curves: not a JSON object');
  const r = raw as Record<string, unknown>;
  if (r['format'] !== CURVES_FORMAT) return failed('recovery curves: unknown format');
  if (r['version'] !== CURVES_VERSION)
    return failed(`recovery curves: unsupported version ${String(r['version'])}`);
  if (!Array.isArray(r['curves'])) return failed('recovery curves: "curves" must be an array');
  const curves: RecoveryCurve[] = [];
  const errors: string[] = [];
  const rejected: Rejected[] = [];
  (r['curves'] as unknown[]).forEach((c, i) => {
    const problem = curveProblem(c);
    if (problem === undefined) {
      curves.push(readCurve(c as Record<string, unknown>));
    } else {
      const reason = `recovery curves: curve ${i} ignored: ${problem}`;
      errors.push(reason);
      rejected.push({ item: c, reason });
    }
  });
  const percentile = (key: string, fallback: number) => (isNumber(r[key]) ? r[key] : fallback);
  return {
    set: {
      format: CURVES_FORMAT,
      version: CURVES_VERSION,
      generated: typeof r['generated'] === 'string' ? r['generated'] : '',
      minEpisodes: isNumber(r['minEpisodes']) ? r['minEpisodes'] : CURVE_DEFAULTS.minEpisodes,
      amberPercentile: percentile('amberPercentile', CURVE_DEFAULTS.amberPercentile),
      redPercentile: percentile('redPercentile', CURVE_DEFAULTS.redPercentile),
      curves,
    },
    errors,
    rejected,
  };
}
