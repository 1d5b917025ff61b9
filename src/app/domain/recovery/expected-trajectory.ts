import { InstrumentDefinition } from '../instruments/instrument';
import { severityOf, validateScore } from '../instruments/scoring';
import { CalendarDay } from '../models';
import { RecoveryCurveSet } from './curve-types';
import { dayFromNumber, dayNumber } from './day-number';
import { curveFor } from './recovery-curves';

export interface TrajectoryPoint {
  readonly week: number;
  /** The day `week` whole weeks after the baseline. */
  readonly day: CalendarDay;
  readonly expected: number;
  readonly amberEdge: number;
  readonly redEdge: number;
}

export interface ExpectedTrajectory {
  readonly band: string;
  readonly source: 'program' | 'default';
  /** From the baseline (week 0, all three at the baseline score) to the curve's last week. */
  readonly points: readonly TrajectoryPoint[];
}

/**
 * The expected recovery of comparable clients (same instrument, same baseline band) turned from
 * improvement into this client's score units, so a chart can draw the not-on-track band the
 * caseload's colour is judged against. Edges are clamped to the scale: a red edge "worse than
 * baseline" cannot go past the worst possible score.
 */
export function expectedTrajectory(
  instrument: InstrumentDefinition,
  curves: RecoveryCurveSet | undefined,
  baseline: { readonly day: CalendarDay; readonly total: number },
): ExpectedTrajectory | undefined {
  const checked = validateScore(instrument, baseline.total);
  const band = checked.ok ? severityOf(instrument, baseline.total) : undefined;
  if (!band) return undefined;
  const curve = curveFor(curves, instrument, band);
  const sign = instrument.direction === 'higher-is-worse' ? -1 : 1;
  const { min, max } = instrument.range;
  const toScore = (gain: number) => Math.min(max, Math.max(min, baseline.total + sign * gain));
  const start = dayNumber(baseline.day);
  const points: TrajectoryPoint[] = [
    {
      week: 0,
      day: baseline.day,
      expected: baseline.total,
      amberEdge: baseline.total,
      redEdge: baseline.total,
    },
  ];
  for (const p of curve.points) {
    if (p.week < 1) continue;
    points.push({
      week: p.week,
      day: dayFromNumber(start + 7 * p.week),
      expected: toScore(p.expected),
      amberEdge: toScore(p.amberBelow),
      redEdge: toScore(p.redBelow),
    });
  }
  return { band: band.label, source: curve.source, points };
}
