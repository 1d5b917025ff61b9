import { InstrumentDefinition } from '../instruments/instrument';
import { improvementFromBaseline, severityOf } from '../instruments/scoring';
import { mean } from '../stats/descriptive';
import { OutcomeEpisode } from './outcome-episode';

export interface SeverityAdjusted {
  /** Episodes in the group with a score pair and a baseline band seen in the reference. */
  readonly n: number;
  /** Mean observed improvement (points, positive = better). */
  readonly observed: number | undefined;
  /** Mean of what each episode's baseline band achieved in the reference set. */
  readonly expected: number | undefined;
  /** observed − expected: positive means more improvement than the case mix predicts. */
  readonly difference: number | undefined;
}

/**
 * Severity-adjusted comparison (a Waypoint method, beyond what the anchors offer): an episode's
 * expected improvement is the mean improvement of the reference episodes (usually the whole
 * program) that started in the same severity band, so a therapist with harder cases is compared
 * with what such cases usually achieve. Linear: one pass over the reference, one over the groups.
 */
export function severityAdjusted(
  groups: ReadonlyMap<string, readonly OutcomeEpisode[]>,
  reference: readonly OutcomeEpisode[],
  instrument: InstrumentDefinition,
): Map<string, SeverityAdjusted> {
  const bandOf = (row: OutcomeEpisode) =>
    row.primary ? severityOf(instrument, row.primary.baseline)?.label : undefined;
  const gain = (row: OutcomeEpisode) =>
    improvementFromBaseline(instrument, row.primary!.baseline, row.primary!.final);
  const bands = new Map<string, { sum: number; n: number }>();
  for (const row of reference) {
    const band = bandOf(row);
    if (!band) continue;
    const cell = bands.get(band) ?? { sum: 0, n: 0 };
    cell.sum += gain(row);
    cell.n++;
    bands.set(band, cell);
  }
  const out = new Map<string, SeverityAdjusted>();
  for (const [key, rows] of groups) {
    const observed: number[] = [];
    const expected: number[] = [];
    for (const row of rows) {
      const band = bandOf(row);
      const cell = band ? bands.get(band) : undefined;
      if (!cell) continue;
      observed.push(gain(row));
      expected.push(cell.sum / cell.n);
    }
    const o = mean(observed);
    const e = mean(expected);
    out.set(key, {
      n: observed.length,
      observed: o,
      expected: e,
      difference: o === undefined || e === undefined ? undefined : o - e,
    });
  }
  return out;
}
