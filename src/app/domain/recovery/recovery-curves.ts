import { InstrumentDefinition } from '../instruments/instrument';
import { thresholdFor } from '../instruments/reliable-change';
import { improvementFromBaseline, severityOf } from '../instruments/scoring';
import { quantileSorted } from '../stats/descriptive';

/**
 * Expected recovery curves, after Lambert's OQ system (Finch et al. 2001): for clients of the
 * same starting severity, how much have they typically improved by each week in treatment? A
 * client whose improvement falls below the 25th percentile of comparable clients is amber, below
 * the 10th red — the same thing as a score above the 75th / 90th percentile of the expected
 * trajectory, but measured from each client's own baseline, so it works within a wide band.
 */
export interface CurvePoint {
  readonly week: number;
  /** Median improvement from baseline (points, positive = better). */
  readonly expected: number;
  /** 25th percentile of improvement: below it is amber. */
  readonly amberBelow: number;
  /** 10th percentile of improvement: below it is red. */
  readonly redBelow: number;
  /** Clients with a score that week (0 for default points). */
  readonly n: number;
}

export interface RecoveryCurve {
  readonly instrumentId: string;
  readonly band: string;
  readonly source: 'program' | 'default';
  /** Episodes behind the curve (0 for the default). */
  readonly episodes: number;
  readonly points: readonly CurvePoint[];
}

export interface RecoveryCurveSet {
  readonly format: 'waypoint-recovery-curves';
  readonly version: 1;
  readonly generated: string;
  readonly minEpisodes: number;
  readonly curves: readonly RecoveryCurve[];
}

export interface HistoryEpisode {
  readonly instrumentId: string;
  readonly baseline: number;
  /** Scores after baseline, by treatment week (1-based). */
  readonly points: readonly { readonly week: number; readonly score: number }[];
}

export interface CurveOptions {
  /** Waypoint default: 20 comparable completed episodes before a band's own curve is trusted. */
  readonly minEpisodes?: number;
  /** Waypoint default: a week needs 5 scores; thinner weeks use the default curve's point. */
  readonly minPointsPerWeek?: number;
  /** Weeks covered (IOP runs 8–12 weeks; later weeks reuse the last point). */
  readonly weeks?: number;
  readonly generated?: string;
}

const DEFAULTS = { minEpisodes: 20, minPointsPerWeek: 5, weeks: 12 };

/**
 * The fallback when a band has too little history. A Waypoint assumption, not a published
 * curve: median improvement approaches 45 % of the distance from the band's midpoint to the
 * scale's best score, with a time constant of 4 weeks (the typical shape of session-by-session
 * recovery in routine care); amber below half the median improvement, red at any worsening of
 * half the reliable-change threshold or more.
 */
export function defaultCurve(
  instrument: InstrumentDefinition,
  band: { min: number; max: number; label: string },
  weeks = DEFAULTS.weeks,
): RecoveryCurve {
  const midpoint = (band.min + band.max) / 2;
  const best =
    instrument.direction === 'higher-is-worse' ? instrument.range.min : instrument.range.max;
  const room = Math.abs(midpoint - best);
  const rc = thresholdFor(instrument) ?? (instrument.range.max - instrument.range.min) / 10;
  const points: CurvePoint[] = [];
  for (let week = 1; week <= weeks; week++) {
    const expected = 0.45 * room * (1 - Math.exp(-week / 4));
    points.push({ week, expected, amberBelow: expected / 2, redBelow: -rc / 2, n: 0 });
  }
  return { instrumentId: instrument.id, band: band.label, source: 'default', episodes: 0, points };
}

/** Builds the curves for every instrument and starting band from a program's completed episodes. */
export function buildRecoveryCurves(
  history: readonly HistoryEpisode[],
  catalogue: readonly InstrumentDefinition[],
  options: CurveOptions = {},
): RecoveryCurveSet {
  const { minEpisodes, minPointsPerWeek, weeks } = { ...DEFAULTS, ...options };
  const groups = new Map<string, HistoryEpisode[]>();
  for (const episode of history) {
    const instrument = catalogue.find((i) => i.id === episode.instrumentId);
    const band = instrument && severityOf(instrument, episode.baseline);
    if (!band) continue;
    const key = `${instrument.id}|${band.label}`;
    const list = groups.get(key) ?? [];
    list.push(episode);
    groups.set(key, list);
  }
  const curves: RecoveryCurve[] = [];
  for (const instrument of catalogue) {
    for (const band of instrument.bands) {
      const episodes = groups.get(`${instrument.id}|${band.label}`) ?? [];
      const fallback = defaultCurve(instrument, band, weeks);
      if (episodes.length < minEpisodes) {
        if (episodes.length > 0 || history.some((h) => h.instrumentId === instrument.id))
          curves.push(fallback);
        continue;
      }
      const byWeek: number[][] = Array.from({ length: weeks }, () => []);
      for (const episode of episodes) {
        const latestInWeek = new Map<number, number>();
        for (const p of episode.points)
          if (p.week >= 1 && p.week <= weeks) latestInWeek.set(p.week, p.score);
        for (const [week, score] of latestInWeek) {
          byWeek[week - 1].push(improvementFromBaseline(instrument, episode.baseline, score));
        }
      }
      const points = byWeek.map((values, i): CurvePoint => {
        if (values.length < minPointsPerWeek) return fallback.points[i];
        values.sort((a, b) => a - b);
        return {
          week: i + 1,
          expected: quantileSorted(values, 0.5)!,
          amberBelow: quantileSorted(values, 0.25)!,
          redBelow: quantileSorted(values, 0.1)!,
          n: values.length,
        };
      });
      curves.push({
        instrumentId: instrument.id,
        band: band.label,
        source: 'program',
        episodes: episodes.length,
        points,
      });
    }
  }
  return {
    format: 'waypoint-recovery-curves',
    version: 1,
    generated: options.generated ?? '',
    minEpisodes,
    curves,
  };
}

/** The JSON carried base64-encoded in the `Library.content[0].data` (see fhir-codes.ts). */
export function serializeCurves(set: RecoveryCurveSet): string {
  return JSON.stringify(set);
}

/** Reads a curve set from parsed JSON, naming what is wrong; invalid curves are dropped, not guessed. */
export function parseCurves(raw: unknown): { set?: RecoveryCurveSet; errors: string[] } {
  const errors: string[] = [];
  if (typeof raw !== 'object' || raw === null)
    return { errors: ['recovery curves: not a JSON object'] };
  const r = raw as Record<string, unknown>;
  if (r['format'] !== 'waypoint-recovery-curves')
    return { errors: ['recovery curves: unknown format'] };
  if (r['version'] !== 1)
    return { errors: [`recovery curves: unsupported version ${String(r['version'])}`] };
  if (!Array.isArray(r['curves']))
    return { errors: ['recovery curves: "curves" must be an array'] };
  const curves: RecoveryCurve[] = [];
  (r['curves'] as unknown[]).forEach((c, i) => {
    const curve = c as Partial<RecoveryCurve> | null;
    const valid =
      curve &&
      typeof curve.instrumentId === 'string' &&
      typeof curve.band === 'string' &&
      (curve.source === 'program' || curve.source === 'default') &&
      Array.isArray(curve.points) &&
      curve.points.length > 0 &&
      curve.points.every(
        (p) =>
          Number.isInteger(p?.week) &&
          [p.expected, p.amberBelow, p.redBelow].every(
            (v) => typeof v === 'number' && Number.isFinite(v),
          ),
      );
    if (valid) curves.push({ ...curve, episodes: Number(curve.episodes) || 0 } as RecoveryCurve);
    else errors.push(`recovery curves: curve ${i} is malformed and was ignored`);
  });
  return {
    set: {
      format: 'waypoint-recovery-curves',
      version: 1,
      generated: typeof r['generated'] === 'string' ? r['generated'] : '',
      minEpisodes: typeof r['minEpisodes'] === 'number' ? r['minEpisodes'] : DEFAULTS.minEpisodes,
      curves,
    },
    errors,
  };
}
