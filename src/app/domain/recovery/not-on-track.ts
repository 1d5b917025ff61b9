import { InstrumentDefinition } from '../instruments/instrument';
import { classifyReliableChange } from '../instruments/reliable-change';
import { improvementFromBaseline, severityOf, validateScore } from '../instruments/scoring';
import { Rejected } from '../models';
import { CurvePoint, RecoveryCurveSet } from './curve-types';
import { curveFor } from './recovery-curves';

/** PCOMS / OpenFIT colours (CLINICAL.md): grey <= 1 measurement, green on target, amber, red. */
export type TrackStatus = 'grey' | 'green' | 'amber' | 'red';

export interface TrackPoint {
  /** Whole weeks since baseline (`weeksSinceBaseline`). */
  readonly week: number;
  readonly score: number;
}

export interface TrackResult {
  readonly status: TrackStatus;
  /** The latest usable point, compared with the curve. */
  readonly week?: number;
  readonly score?: number;
  /** Improvement from baseline in points (positive = better). */
  readonly improvement?: number;
  /** Baseline severity band whose curve was used. */
  readonly band?: string;
  /** The curve point used (its week is capped at the curve's last week). */
  readonly point?: CurvePoint;
  /**
   * The same point in score units for this client: the expected score, and the amber and red
   * edges. A score beyond an edge on the worse side (above for higher-is-worse, below for
   * higher-is-better) takes that colour; a score exactly on an edge does not.
   */
  readonly expectedScore?: number;
  readonly amberEdge?: number;
  readonly redEdge?: number;
  /** 'default' when the band or week had too little history: the signal says so. */
  readonly curveSource?: 'program' | 'default';
  readonly reasons: readonly string[];
  /** At or after `noImprovementWeek`, the latest score is not a reliable improvement. */
  readonly noReliableImprovementByWeek4: boolean;
  /** The latest score is a reliable deterioration from baseline. */
  readonly reliableDeterioration: boolean;
  /** Points not used, with the reason (invalid score, non-whole or negative week). */
  readonly rejected: readonly Rejected<TrackPoint>[];
}

export interface TrackOptions {
  /** Week by which a reliable improvement is expected (Waypoint default 4, from issue 3). */
  readonly noImprovementWeek?: number;
}

export const NO_IMPROVEMENT_WEEK = 4;

const fmt = (v: number) => (Math.round(v * 10) / 10).toString();

function grey(reason: string, rejected: Rejected<TrackPoint>[], band?: string): TrackResult {
  return {
    status: 'grey',
    ...(band ? { band } : {}),
    reasons: [reason],
    noReliableImprovementByWeek4: false,
    reliableDeterioration: false,
    rejected,
  };
}

/**
 * Compares a client's latest score with the expected recovery of clients of the same baseline
 * band (Lambert's "not on track", Finch et al. 2001). Scores in the baseline's own week (week 0)
 * are too early to judge and leave the client grey.
 */
export function notOnTrack(
  instrument: InstrumentDefinition,
  curves: RecoveryCurveSet | undefined,
  baseline: number,
  points: readonly TrackPoint[],
  options: TrackOptions = {},
): TrackResult {
  const rejected: Rejected<TrackPoint>[] = [];
  const usable: TrackPoint[] = [];
  for (const p of points) {
    const score = validateScore(instrument, p.score);
    if (!Number.isInteger(p.week) || p.week < 0)
      rejected.push({
        item: p,
        reason: `week ${p.week} is not a whole number of weeks after baseline`,
      });
    else if (!score.ok) rejected.push({ item: p, reason: score.reason });
    else if (p.week >= 1) usable.push(p);
  }
  const checked = validateScore(instrument, baseline);
  const band = checked.ok ? severityOf(instrument, baseline) : undefined;
  if (!checked.ok || !band)
    return grey(
      `baseline not usable: ${checked.ok ? 'no severity band' : checked.reason}`,
      rejected,
    );
  if (usable.length === 0)
    return grey('no score yet a week or more after baseline', rejected, band.label);

  const latest = usable.reduce((a, b) => (b.week >= a.week ? b : a));
  const curve = curveFor(curves, instrument, band);
  const point = [...curve.points].reverse().find((p) => p.week <= latest.week) ?? curve.points[0];
  const improvement = improvementFromBaseline(instrument, baseline, latest.score);
  const status: TrackStatus =
    improvement < point.redBelow ? 'red' : improvement < point.amberBelow ? 'amber' : 'green';
  const sign = instrument.direction === 'higher-is-worse' ? -1 : 1;
  const toScore = (gain: number) => baseline + sign * gain;
  const curveSource = curve.source === 'program' && point.n > 0 ? 'program' : 'default';

  const change = classifyReliableChange(instrument, baseline, latest.score);
  const reliableDeterioration = change === 'reliable-deterioration';
  const byWeek = options.noImprovementWeek ?? NO_IMPROVEMENT_WEEK;
  const noReliableImprovementByWeek4 =
    latest.week >= byWeek && change !== undefined && change !== 'reliable-improvement';

  const reasons: string[] = [];
  if (status !== 'green') {
    const edge = status === 'red' ? point.redBelow : point.amberBelow;
    reasons.push(
      `${instrument.shortName} improved ${fmt(improvement)} points by week ${latest.week}; comparable clients improved ${fmt(point.expected)} (${status} below ${fmt(edge)})`,
    );
  }
  if (curveSource === 'default')
    reasons.push(
      'using the default expected curve: too little program history for this starting severity',
    );
  if (reliableDeterioration)
    reasons.push(`${instrument.shortName} has reliably worsened since baseline`);
  if (noReliableImprovementByWeek4)
    reasons.push(`no reliable improvement on ${instrument.shortName} by week ${latest.week}`);
  return {
    status,
    week: latest.week,
    score: latest.score,
    improvement,
    band: band.label,
    point,
    expectedScore: toScore(point.expected),
    amberEdge: toScore(point.amberBelow),
    redEdge: toScore(point.redBelow),
    curveSource,
    reasons,
    noReliableImprovementByWeek4,
    reliableDeterioration,
    rejected,
  };
}
