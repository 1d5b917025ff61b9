import { InstrumentDefinition, SeverityBand } from '../instruments/instrument';
import { improvementFromBaseline, severityOf, validateScore } from '../instruments/scoring';
import { Rejected } from '../models';
import { quantileSorted } from '../stats/descriptive';
import {
  CURVES_FORMAT,
  CURVES_VERSION,
  CURVE_DEFAULTS,
  CurveOptions,
  CurvePoint,
  HistoryEpisode,
  RecoveryCurve,
  RecoveryCurveSet,
} from './curve-types';
import { defaultCurve } from './default-curve';

// One import path for the server's curve job and the app.
export * from './curve-types';
export { defaultCurve } from './default-curve';
export {
  curvesFromLibraryData,
  curvesToLibraryData,
  parseCurves,
  serializeCurves,
} from './curve-format';

export interface UsableEpisode {
  readonly instrument: InstrumentDefinition;
  readonly band: SeverityBand;
  readonly baseline: number;
  readonly points: readonly { readonly week: number; readonly score: number }[];
}

/**
 * Sorts history into usable episodes and rejected ones, with the reason: unknown instrument,
 * invalid baseline (the whole episode), or an invalid point (only that point is dropped).
 */
export function checkHistory(
  history: readonly HistoryEpisode[],
  catalogue: readonly InstrumentDefinition[],
): { usable: UsableEpisode[]; rejected: Rejected<HistoryEpisode>[] } {
  const byId = new Map(catalogue.map((i) => [i.id, i]));
  const usable: UsableEpisode[] = [];
  const rejected: Rejected<HistoryEpisode>[] = [];
  for (const episode of history) {
    const instrument = byId.get(episode.instrumentId);
    if (!instrument) {
      rejected.push({ item: episode, reason: `unknown instrument "${episode.instrumentId}"` });
      continue;
    }
    const baseline = validateScore(instrument, episode.baseline);
    const band = baseline.ok ? severityOf(instrument, baseline.score) : undefined;
    if (!baseline.ok || !band) {
      const why = baseline.ok ? 'falls in no severity band' : baseline.reason;
      rejected.push({ item: episode, reason: `baseline: ${why}` });
      continue;
    }
    const points: { week: number; score: number }[] = [];
    for (const p of episode.points) {
      const score = validateScore(instrument, p.score);
      if (!Number.isInteger(p.week))
        rejected.push({ item: episode, reason: `week ${p.week} is not a whole number` });
      else if (!score.ok)
        rejected.push({ item: episode, reason: `week ${p.week}: ${score.reason}` });
      else points.push({ week: p.week, score: score.score });
    }
    usable.push({ instrument, band, baseline: baseline.score, points });
  }
  return { usable, rejected };
}

function checkOptions(o: Required<Omit<CurveOptions, 'generated'>>): void {
  const fraction = (p: number) => p > 0.5 && p < 1;
  if (!(Number.isInteger(o.minEpisodes) && o.minEpisodes >= 1))
    throw new RangeError(`recovery curves: minEpisodes must be a whole number >= 1`);
  if (!(Number.isInteger(o.minPointsPerWeek) && o.minPointsPerWeek >= 1))
    throw new RangeError(`recovery curves: minPointsPerWeek must be a whole number >= 1`);
  if (!(Number.isInteger(o.weeks) && o.weeks >= 1))
    throw new RangeError(`recovery curves: weeks must be a whole number >= 1`);
  if (
    !fraction(o.amberPercentile) ||
    !fraction(o.redPercentile) ||
    o.redPercentile <= o.amberPercentile
  )
    throw new RangeError(
      `recovery curves: need 0.5 < amberPercentile < redPercentile < 1 (got ${o.amberPercentile}, ${o.redPercentile})`,
    );
}

/**
 * Builds the curves for every band of every instrument that appears in the history, from a
 * program's completed episodes. A band with fewer than `minEpisodes` episodes gets the default
 * curve (`source: 'default'`); a week with fewer than `minPointsPerWeek` scores takes the default
 * curve's point (`n: 0`). Within one episode the last listed score of a week counts. Options are
 * program configuration: invalid ones throw a RangeError naming the option.
 */
export function buildRecoveryCurves(
  history: readonly HistoryEpisode[],
  catalogue: readonly InstrumentDefinition[],
  options: CurveOptions = {},
): RecoveryCurveSet {
  const o = { ...CURVE_DEFAULTS, ...options };
  checkOptions(o);
  const groups = new Map<string, UsableEpisode[]>();
  const instruments = new Set<string>();
  for (const episode of checkHistory(history, catalogue).usable) {
    const key = `${episode.instrument.id}|${episode.band.label}`;
    const list = groups.get(key) ?? [];
    list.push(episode);
    groups.set(key, list);
    instruments.add(episode.instrument.id);
  }
  const curves: RecoveryCurve[] = [];
  for (const instrument of catalogue) {
    if (!instruments.has(instrument.id)) continue;
    for (const band of instrument.bands) {
      const episodes = groups.get(`${instrument.id}|${band.label}`) ?? [];
      const fallback = defaultCurve(instrument, band, o.weeks);
      curves.push(
        episodes.length < o.minEpisodes
          ? fallback
          : programCurve(instrument, band, episodes, fallback, o),
      );
    }
  }
  return {
    format: CURVES_FORMAT,
    version: CURVES_VERSION,
    generated: options.generated ?? '',
    minEpisodes: o.minEpisodes,
    amberPercentile: o.amberPercentile,
    redPercentile: o.redPercentile,
    curves,
  };
}

function programCurve(
  instrument: InstrumentDefinition,
  band: SeverityBand,
  episodes: readonly UsableEpisode[],
  fallback: RecoveryCurve,
  o: { minPointsPerWeek: number; weeks: number; amberPercentile: number; redPercentile: number },
): RecoveryCurve {
  const byWeek: number[][] = Array.from({ length: o.weeks }, () => []);
  for (const episode of episodes) {
    const lastInWeek = new Map<number, number>();
    for (const p of episode.points)
      if (p.week >= 1 && p.week <= o.weeks) lastInWeek.set(p.week, p.score);
    for (const [week, score] of lastInWeek)
      byWeek[week - 1].push(improvementFromBaseline(instrument, episode.baseline, score));
  }
  const points = byWeek.map((values, i): CurvePoint => {
    if (values.length < o.minPointsPerWeek) return fallback.points[i];
    values.sort((a, b) => a - b);
    // The worse-side score percentile p is the (1 − p) percentile of improvement.
    return {
      week: i + 1,
      expected: quantileSorted(values, 0.5)!,
      amberBelow: quantileSorted(values, 1 - o.amberPercentile)!,
      redBelow: quantileSorted(values, 1 - o.redPercentile)!,
      n: values.length,
    };
  });
  return {
    instrumentId: instrument.id,
    band: band.label,
    source: 'program',
    episodes: episodes.length,
    points,
  };
}

/** The curve for an instrument and baseline band, or the default when the set has none. */
export function curveFor(
  set: RecoveryCurveSet | undefined,
  instrument: InstrumentDefinition,
  band: SeverityBand,
): RecoveryCurve {
  return (
    set?.curves.find((c) => c.instrumentId === instrument.id && c.band === band.label) ??
    defaultCurve(instrument, band)
  );
}
