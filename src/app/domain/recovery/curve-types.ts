/**
 * Expected recovery curves, after Lambert's OQ system (Finch et al. 2001; CLINICAL.md): for
 * clients of the same starting severity, how much have they typically improved by each week in
 * treatment? Points are stored as improvement from each client's own baseline (positive =
 * better, whichever way the scale runs) so that one curve serves a whole severity band; the
 * tolerance bands are the 75th and 90th percentiles of the *score* distribution on the worse side,
 * which for improvement are its 25th and 10th percentiles (type-7 quantiles are symmetric, so the
 * two readings are the same number).
 */
export interface CurvePoint {
  /** Whole weeks since baseline (see `weeksSinceBaseline`), 1-based and consecutive. */
  readonly week: number;
  /** Median improvement from baseline, in points. */
  readonly expected: number;
  /** Improvement at the amber percentile (default: 75th percentile of scores): less is amber. */
  readonly amberBelow: number;
  /** Improvement at the red percentile (default: 90th percentile of scores): less is red. */
  readonly redBelow: number;
  /** Clients scored that week; 0 when the point comes from the default curve. */
  readonly n: number;
}

export interface RecoveryCurve {
  readonly instrumentId: string;
  /** Label of the baseline severity band (instrument's `bands`). */
  readonly band: string;
  readonly source: 'program' | 'default';
  /** Episodes behind the curve (0 for the default). */
  readonly episodes: number;
  readonly points: readonly CurvePoint[];
}

export const CURVES_FORMAT = 'waypoint-recovery-curves';
/** Payload version; bump on any change a version-1 reader could misread. */
export const CURVES_VERSION = 1;

/** The payload carried (as base64 JSON) in the curves `Library.content[0].data`. */
export interface RecoveryCurveSet {
  readonly format: typeof CURVES_FORMAT;
  readonly version: typeof CURVES_VERSION;
  /** When the job computed the set (ISO date or instant; '' when unknown). */
  readonly generated: string;
  readonly minEpisodes: number;
  /** Score percentiles behind `amberBelow` / `redBelow` (absent in older payloads: 0.75 / 0.9). */
  readonly amberPercentile?: number;
  readonly redPercentile?: number;
  readonly curves: readonly RecoveryCurve[];
}

/** One completed episode of the program's history, for one instrument. */
export interface HistoryEpisode {
  readonly instrumentId: string;
  readonly baseline: number;
  /** Scores after baseline by `weeksSinceBaseline`; week 0 and weeks past `weeks` are not used. */
  readonly points: readonly { readonly week: number; readonly score: number }[];
}

export interface CurveOptions {
  /** Comparable completed episodes a band needs before its own curve is used (Waypoint default 20). */
  readonly minEpisodes?: number;
  /** Scores a week needs before its own point is used, else the default's (Waypoint default 5). */
  readonly minPointsPerWeek?: number;
  /** Weeks covered (Waypoint default 12: IOP runs 8–12 weeks; later weeks reuse the last point). */
  readonly weeks?: number;
  /** Score percentile of the amber band (Waypoint default 0.75, after Finch et al. 2001). */
  readonly amberPercentile?: number;
  /** Score percentile of the red band (Waypoint default 0.9). */
  readonly redPercentile?: number;
  readonly generated?: string;
}

export const CURVE_DEFAULTS = {
  minEpisodes: 20,
  minPointsPerWeek: 5,
  weeks: 12,
  amberPercentile: 0.75,
  redPercentile: 0.9,
} as const;
