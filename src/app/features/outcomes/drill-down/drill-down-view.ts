import { levelDefinition } from '../../../domain/levels/level-of-care';
import { OutcomeEpisode } from '../../../domain/outcomes/outcome-episode';
import { pseudonym } from '../../../domain/outcomes/pseudonym';
import { formatDay } from '../../../domain/progress/measure-summary';
import { DrillDownView, DrillRowView } from '../outcomes-view-model';

/** Names of the people and programs an episode refers to. */
export interface DrillNames {
  readonly patient: (id: string) => string | undefined;
  readonly program: (id: string | undefined) => string;
  readonly therapist: (id: string | undefined) => string;
  /** Substance-use records: a Part 2 diagnosis or label on the client or episode. */
  readonly partTwo: (row: OutcomeEpisode) => boolean;
}

/** What a list is and how each episode fares on it, in words. */
export interface DrillSpec {
  readonly title: string;
  readonly episodeIds: readonly string[];
  readonly counted: ReadonlySet<string>;
  /** e.g. ["Responded", "Did not respond"]. */
  readonly outcomeWords: readonly [string, string];
  /** The sentence under the title, given the counts. */
  readonly describe: (total: number, counted: number) => string;
}

/** The drill-down list for a spec, in the spec's order, names kept for the "Show names" switch. */
export function drillDownView(
  spec: DrillSpec,
  byId: ReadonlyMap<string, OutcomeEpisode>,
  names: DrillNames,
): DrillDownView {
  const rows: DrillRowView[] = [];
  let partTwo = false;
  for (const id of spec.episodeIds) {
    const row = byId.get(id);
    if (!row) continue;
    const { episode } = row;
    partTwo ||= names.partTwo(row);
    const counted = spec.counted.has(id);
    rows.push({
      episodeId: id,
      pseudonym: pseudonym(episode.patientId),
      name: names.patient(episode.patientId) ?? 'Name not recorded',
      program: names.program(episode.programId),
      therapist: names.therapist(episode.careManagerId),
      level: levelDefinition(episode.level).shortLabel,
      start: row.start ? formatDay(row.start) : '—',
      end: row.end ? formatDay(row.end) : 'in care',
      scores: row.primary ? `${row.primary.baseline} → ${row.primary.final}` : '—',
      outcome: spec.outcomeWords[counted ? 0 : 1],
      inNumerator: counted,
    });
  }
  const counted = rows.filter((r) => r.inNumerator).length;
  return { title: spec.title, description: spec.describe(rows.length, counted), rows, partTwo };
}
