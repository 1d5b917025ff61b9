import { InstrumentDefinition } from '../instruments/instrument';
import { OutcomeEpisode } from './outcome-episode';
import { ProgramOutcomes, programOutcomes } from './program-outcomes';

/** What a row is grouped by: one key, several (an episode with two presenting problems), or none. */
export type GroupKey = (row: OutcomeEpisode) => string | readonly string[] | undefined;

/**
 * Groups rows by a key in one pass. A row with several keys joins each group (so group sizes
 * can add up to more than the rows); a row with no key joins none.
 */
export function groupRows(
  rows: readonly OutcomeEpisode[],
  keyOf: GroupKey,
): Map<string, OutcomeEpisode[]> {
  const groups = new Map<string, OutcomeEpisode[]>();
  for (const row of rows) {
    const key = keyOf(row);
    if (key === undefined) continue;
    for (const k of typeof key === 'string' ? [key] : key) {
      const list = groups.get(k) ?? [];
      list.push(row);
      groups.set(k, list);
    }
  }
  return groups;
}

export const byProgram: GroupKey = (row) => row.episode.programId;
/** The episode's care manager, i.e. the primary therapist. */
export const byTherapist: GroupKey = (row) => row.episode.careManagerId;
export const byPresentingProblem: GroupKey = (row) => row.episode.presentingProblems;
export const byEntryRoute: GroupKey = (row) => row.episode.entryRoute;
/** `YYYY-MM` of the episode start in the program's time zone. */
export const byAdmissionMonth: GroupKey = (row) => row.start?.slice(0, 7);
export const byLevel: GroupKey = (row) => row.episode.level;

/** Program outcomes per group, e.g. per therapist: linear in rows × keys per row. */
export function outcomesByGroup(
  rows: readonly OutcomeEpisode[],
  keyOf: GroupKey,
  primary: InstrumentDefinition,
  anxiety?: InstrumentDefinition,
): Map<string, ProgramOutcomes> {
  const out = new Map<string, ProgramOutcomes>();
  for (const [key, group] of groupRows(rows, keyOf))
    out.set(key, programOutcomes(group, primary, anxiety));
  return out;
}
