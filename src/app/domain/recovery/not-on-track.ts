import { InstrumentDefinition } from '../instruments/instrument';
import { classifyReliableChange } from '../instruments/reliable-change';
import { improvementFromBaseline, severityOf } from '../instruments/scoring';
import { CurvePoint, RecoveryCurve, RecoveryCurveSet, defaultCurve } from './recovery-curves';

/** PCOMS / OpenFIT colours: grey (<= 1 measurement), green, amber, red (CLINICAL.md). */
export type TrackStatus = 'grey' | 'green' | 'amber' | 'red';

export interface TrackResult {
  readonly status: TrackStatus;
  readonly week?: number;
  readonly improvement?: number;
  readonly point?: CurvePoint;
  /** 'default' when the band had too little history: the signal says so. */
  readonly curveSource?: 'program' | 'default';
  readonly reasons: readonly string[];
  /** No reliable improvement by week 4 (a flag of its own). */
  readonly noReliableImprovementByWeek4: boolean;
  readonly reliableDeterioration: boolean;
}

export const NO_IMPROVEMENT_WEEK = 4;

/** Compares a client's latest score with the expected recovery of comparable clients. */
export function notOnTrack(
  instrument: InstrumentDefinition,
  curves: RecoveryCurveSet | undefined,
  baseline: number,
  points: readonly { readonly week: number; readonly score: number }[],
): TrackResult {
  const later = points.filter((p) => p.week >= 1).sort((a, b) => a.week - b.week);
  const latest = later[later.length - 1];
  const band = severityOf(instrument, baseline);
  if (!latest || !band) {
    return {
      status: 'grey',
      reasons: ['not enough measurements yet'],
      noReliableImprovementByWeek4: false,
      reliableDeterioration: false,
    };
  }
  const curve: RecoveryCurve =
    curves?.curves.find((c) => c.instrumentId === instrument.id && c.band === band.label) ??
    defaultCurve(instrument, band);
  const point = curve.points[Math.min(latest.week, curve.points.length) - 1];
  const improvement = improvementFromBaseline(instrument, baseline, latest.score);
  const status: TrackStatus =
    improvement < point.redBelow ? 'red' : improvement < point.amberBelow ? 'amber' : 'green';
  const change = classifyReliableChange(instrument, baseline, latest.score);
  const reliableDeterioration = change === 'reliable-deterioration';
  const noReliableImprovementByWeek4 =
    latest.week >= NO_IMPROVEMENT_WEEK && change !== undefined && change !== 'reliable-improvement';
  const reasons: string[] = [];
  const fmt = (v: number) => (Math.round(v * 10) / 10).toString();
  if (status !== 'green') {
    reasons.push(
      `${instrument.shortName} improved ${fmt(improvement)} points by week ${latest.week}; comparable clients improved ${fmt(point.expected)} (${status} below ${fmt(status === 'red' ? point.redBelow : point.amberBelow)})`,
    );
  }
  if (curve.source === 'default')
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
    improvement,
    point,
    curveSource: curve.source,
    reasons,
    noReliableImprovementByWeek4,
    reliableDeterioration,
  };
}
