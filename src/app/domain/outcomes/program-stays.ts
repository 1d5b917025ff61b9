import { Transition, TransitionKind } from '../journeys/journey';
import { isReadmission } from '../journeys/readmission';
import { compareLevels } from '../levels/level-of-care';
import { CalendarDay, EpisodeEndReason } from '../models';
import { dayFromIndex, dayIndex } from './day-index';
import { isStay } from './census-flows';
import { OutcomeEpisode } from './outcome-episode';

/**
 * One continuous stay of a client in one program, across its level changes (e.g. PHP → IOP →
 * outpatient): the unit that admissions and discharges count.
 *
 * Episodes of the same client and the same `programId` belong to one stay when the next one
 * starts while the stay is still open or overlaps it, or starts within `READMISSION_GAP_DAYS`
 * (7) days of the stay's last end **and** that episode did not end with a discharge reason.
 * The second condition is the project's readmission rule (`journeys/readmission.ts`): a client
 * who completed, left early or was transferred and came back three days later was readmitted,
 * so that return is a new admission and the earlier end an exit, not a continuation; a move
 * recorded as `stepped-down` / `stepped-up` (or with no reason) within 7 days continues the stay.
 * Only stays count: planned, wait-listed and cancelled episodes, and episodes without a usable
 * start, are left out; episodes without a `programId` are not at a program.
 */
export interface ProgramStay {
  readonly patientId: string;
  readonly programId: string;
  /** Episode ids in start order. */
  readonly episodeIds: readonly string[];
  /** The first episode: its start is the admission into the program. */
  readonly first: OutcomeEpisode;
  readonly start: CalendarDay;
  /** The episode that ends last (open episodes win): its end is the exit from the program. */
  readonly last: OutcomeEpisode;
  /** Last day in the program, only once every episode of the stay finished with an end date. */
  readonly end?: CalendarDay;
}

/** Same start: the more intensive level first (as `buildJourney` orders stays), then by id. */
function byStart(a: OutcomeEpisode, b: OutcomeEpisode): number {
  if (a.start !== b.start) return a.start! < b.start! ? -1 : 1;
  return (
    compareLevels(b.episode.level, a.episode.level) ||
    (a.episode.id < b.episode.id ? -1 : a.episode.id > b.episode.id ? 1 : 0)
  );
}

/**
 * Each client's stays in start order (the same order as `buildJourney`): one bucketing by
 * client and a sort per client. Planned, wait-listed and cancelled episodes, and episodes
 * without a usable start, are not stays and are left out. Pass the result to `programStays`
 * and `followUpEvents` to share the work.
 */
export function clientChains(rows: readonly OutcomeEpisode[]): OutcomeEpisode[][] {
  const byClient = new Map<string, OutcomeEpisode[]>();
  for (const row of rows) {
    if (!row.start || !isStay(row)) continue;
    const list = byClient.get(row.episode.patientId);
    if (list) list.push(row);
    else byClient.set(row.episode.patientId, [row]);
  }
  const chains = [...byClient.values()];
  for (const chain of chains) if (chain.length > 1) chain.sort(byStart);
  return chains;
}

const isOpen = (row: OutcomeEpisode) => !row.end || row.episode.status !== 'finished';

function transition(
  kind: TransitionKind,
  day: CalendarDay,
  gapDays: number,
  reason: EpisodeEndReason | undefined,
): Transition {
  return { kind, day, gapDays, ...(reason ? { reason } : {}) };
}

interface OpenStay {
  readonly first: OutcomeEpisode;
  readonly ids: string[];
  last: OutcomeEpisode;
  open: boolean;
}

function toStay(current: OpenStay): ProgramStay {
  return {
    patientId: current.first.episode.patientId,
    programId: current.first.episode.programId!,
    episodeIds: current.ids,
    first: current.first,
    start: current.first.start!,
    last: current.last,
    ...(current.open ? {} : { end: current.last.end! }),
  };
}

/**
 * Every client's program stays (see `ProgramStay`): linear in rows after `clientChains`. Stays
 * come out client by client.
 */
export function programStays(
  rows: readonly OutcomeEpisode[],
  chains: readonly (readonly OutcomeEpisode[])[] = clientChains(rows),
): ProgramStay[] {
  const out: ProgramStay[] = [];
  const current = new Map<string, OpenStay>();
  for (const chain of chains) {
    current.clear();
    for (const row of chain) {
      const programId = row.episode.programId;
      if (programId === undefined) continue;
      const stay = current.get(programId);
      if (stay && continues(stay, row)) {
        stay.ids.push(row.episode.id);
        if (isOpen(row)) {
          if (!stay.open) stay.last = row;
          stay.open = true;
        } else if (!stay.open && row.end! > stay.last.end!) stay.last = row;
        continue;
      }
      if (stay) out.push(toStay(stay));
      current.set(programId, { first: row, ids: [row.episode.id], last: row, open: isOpen(row) });
    }
    for (const stay of current.values()) out.push(toStay(stay));
  }
  return out;
}

function continues(stay: OpenStay, row: OutcomeEpisode): boolean {
  if (stay.open || row.start! <= stay.last.end!) return true;
  const gapDays = dayIndex(row.start!) - dayIndex(stay.last.end!) - 1;
  return !isReadmission(transition('lateral', row.start!, gapDays, stay.last.episode.endReason));
}

export type FollowUpKind = 'step-down' | 'exit';

/** As in `journeys/step-down-success.ts`: held, stepped back up, or too early to tell. */
export type FollowUpFate = 'held' | 'stepped-back-up' | 'too-early';

/** A step-down from, or an exit from the program out of, one program episode. */
export interface FollowUpEvent {
  /** The episode left (at a program: it has a `programId`). */
  readonly episodeId: string;
  readonly row: OutcomeEpisode;
  readonly patientId: string;
  readonly kind: FollowUpKind;
  /** Last day of the episode left: the event's date for period membership. */
  readonly end: CalendarDay;
  /** Last day of the follow-up window. */
  readonly deadline: CalendarDay;
  readonly fate: FollowUpFate;
}

/**
 * Step-downs and program exits, each followed up for `windowDays`, one event per episode left:
 * - **step-down**: the client's next stay (any program, or none) is at a lower level and the
 *   move is not a readmission; as in `stepDownEvents`, the window runs from the first day at the
 *   lower level to `windowDays` later, and a step-up to a level above the one stepped down to or
 *   any readmission within it means the client stepped back up;
 * - **exit**: the last episode of a finished program stay (see `programStays`) that is not a
 *   step-down; the window runs from the day after it to `windowDays` later, and a new stay within
 *   it at the level exited or a more intensive one means the client came back (a readmission or
 *   a step-up). A later start at a lower level (outpatient after IOP) is aftercare, not failure.
 * Like `stepDownEvents`, a window runs from its first day through that day + `windowDays`.
 * A window whose last day is after `today` and with no return yet is `too-early` (censored),
 * never counted as held. Linear: by client (`clientChains`), each window scanned only to its end.
 */
export function followUpEvents(
  rows: readonly OutcomeEpisode[],
  stays: readonly ProgramStay[],
  windowDays: number,
  today: CalendarDay,
  chains: readonly (readonly OutcomeEpisode[])[] = clientChains(rows),
): FollowUpEvent[] {
  const exits = new Set<OutcomeEpisode>();
  for (const stay of stays) if (stay.end) exits.add(stay.last);
  const out: FollowUpEvent[] = [];
  for (const chain of chains) {
    const moves = chain.map((row, k) => (k === 0 ? undefined : move(chain[k - 1], row, today)));
    chain.forEach((row, k) => {
      if (row.episode.programId === undefined || !row.end) return;
      const next = moves[k + 1];
      if (next && next.kind === 'step-down' && !isReadmission(next)) {
        const steppedTo = chain[k + 1].episode.level;
        const deadline = dayFromIndex(dayIndex(next.day) + windowDays);
        let back = false;
        for (let m = k + 2; m < chain.length && !back && chain[m].start! <= deadline; m++) {
          const later = moves[m]!;
          back =
            isReadmission(later) ||
            (later.kind === 'step-up' && compareLevels(chain[m].episode.level, steppedTo) > 0);
        }
        out.push(event(row, 'step-down', deadline, back, today));
      } else if (exits.has(row)) {
        const deadline = dayFromIndex(dayIndex(row.end) + 1 + windowDays);
        let back = false;
        for (let m = k + 1; m < chain.length && !back && chain[m].start! <= deadline; m++) {
          back =
            chain[m].start! > row.end &&
            compareLevels(chain[m].episode.level, row.episode.level) >= 0;
        }
        out.push(event(row, 'exit', deadline, back, today));
      }
    });
  }
  return out;
}

/** The move between two consecutive stays, as `buildJourney` reads it. */
function move(previous: OutcomeEpisode, row: OutcomeEpisode, today: CalendarDay): Transition {
  const previousEnd = previous.end ?? today;
  const gapDays = Math.max(0, dayIndex(row.start!) - dayIndex(previousEnd) - 1);
  const order = compareLevels(row.episode.level, previous.episode.level);
  const kind = order > 0 ? 'step-up' : order < 0 ? 'step-down' : 'lateral';
  return transition(kind, row.start!, gapDays, previous.episode.endReason);
}

function event(
  row: OutcomeEpisode,
  kind: FollowUpKind,
  deadline: CalendarDay,
  back: boolean,
  today: CalendarDay,
): FollowUpEvent {
  return {
    episodeId: row.episode.id,
    row,
    patientId: row.episode.patientId,
    kind,
    end: row.end!,
    deadline,
    fate: back ? 'stepped-back-up' : deadline <= today ? 'held' : 'too-early',
  };
}
