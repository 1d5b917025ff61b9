import { compareLevels } from '../levels/level-of-care';
import { CalendarDay, EntryRoute, Episode, EpisodeEndReason, LevelOfCare } from '../models';
import { addDays, daysBetween, toCalendarDay } from '../time/calendar-day';

export interface Stay {
  readonly episodeId: string;
  readonly level: LevelOfCare;
  readonly start: CalendarDay;
  /** Last day at the level; undefined while the stay goes on. */
  readonly end?: CalendarDay;
  /** Days at the level, counting both ends, up to `asOf` for an open stay (0 before it starts). */
  readonly days: number;
  readonly endReason?: EpisodeEndReason;
  readonly programId?: string;
}

export type TransitionKind = 'admission' | 'step-down' | 'step-up' | 'lateral' | 'discharge';

export interface Transition {
  readonly kind: TransitionKind;
  readonly from?: LevelOfCare;
  readonly to?: LevelOfCare;
  /** The first day at the new level (or the day after discharge). */
  readonly day: CalendarDay;
  /** Days with no episode between the two stays (0 when one follows the next day). */
  readonly gapDays: number;
  readonly reason?: EpisodeEndReason;
  readonly entryRoute?: EntryRoute;
}

export type DataQualityKind =
  | 'missing-start'
  | 'end-before-start'
  | 'overlap'
  | 'active-but-ended'
  | 'finished-without-end'
  | 'cancelled';

export interface DataQualityIssue {
  readonly kind: DataQualityKind;
  readonly episodeId: string;
  readonly message: string;
}

export interface Journey {
  readonly patientId: string;
  readonly stays: readonly Stay[];
  readonly transitions: readonly Transition[];
  readonly issues: readonly DataQualityIssue[];
}

/**
 * A client's journey through the levels of care from their episodes: stays in order, the
 * transitions between them and the data-quality problems found on the way (reported, never
 * thrown, so one bad episode cannot hide a client).
 */
export function buildJourney(
  episodes: readonly Episode[],
  timeZone: string,
  asOf: CalendarDay,
): Journey {
  const issues: DataQualityIssue[] = [];
  const stays: Stay[] = [];
  const entryRoutes = new Map<string, EntryRoute | undefined>();
  for (const episode of episodes) {
    // A planned or waitlisted episode has not started: it is a plan (shown from the current
    // episode's planned-transition extension), not a stay.
    if (episode.status === 'planned' || episode.status === 'waitlist') continue;
    if (episode.status === 'cancelled') {
      issues.push({
        kind: 'cancelled',
        episodeId: episode.id,
        message: 'cancelled episode left out of the journey',
      });
      continue;
    }
    const start = toCalendarDay(episode.start, timeZone);
    if (!start) {
      issues.push({
        kind: 'missing-start',
        episodeId: episode.id,
        message: `no usable start date ("${episode.start ?? ''}")`,
      });
      continue;
    }
    let end = episode.end ? toCalendarDay(episode.end, timeZone) : undefined;
    if (end && end < start) {
      issues.push({
        kind: 'end-before-start',
        episodeId: episode.id,
        message: `ends ${end}, before it starts ${start}`,
      });
      end = undefined;
    }
    if (episode.status === 'active' && end && end < asOf) {
      issues.push({
        kind: 'active-but-ended',
        episodeId: episode.id,
        message: `marked active but ended ${end}`,
      });
    }
    if (episode.status === 'finished' && !episode.end) {
      issues.push({
        kind: 'finished-without-end',
        episodeId: episode.id,
        message: 'finished but has no end date',
      });
    }
    entryRoutes.set(episode.id, episode.entryRoute);
    stays.push({
      episodeId: episode.id,
      level: episode.level,
      start,
      ...(end ? { end } : {}),
      // An open stay that starts after `asOf` has had no days yet (not a negative number).
      days: Math.max(0, daysBetween(start, end ?? asOf) + 1),
      ...(episode.endReason ? { endReason: episode.endReason } : {}),
      ...(episode.programId ? { programId: episode.programId } : {}),
    });
  }
  stays.sort((a, b) =>
    a.start === b.start ? compareLevels(b.level, a.level) : a.start < b.start ? -1 : 1,
  );

  const transitions: Transition[] = [];
  stays.forEach((stay, i) => {
    const previous = stays[i - 1];
    if (!previous) {
      transitions.push({
        kind: 'admission',
        to: stay.level,
        day: stay.start,
        gapDays: 0,
        entryRoute: entryRoutes.get(stay.episodeId),
      });
      return;
    }
    const previousEnd = previous.end ?? asOf;
    if (stay.start <= previousEnd) {
      issues.push({
        kind: 'overlap',
        episodeId: stay.episodeId,
        message: `overlaps episode ${previous.episodeId} (${previous.level}) from ${stay.start} to ${previousEnd < (stay.end ?? asOf) ? previousEnd : (stay.end ?? asOf)}`,
      });
    }
    const gapDays = Math.max(0, daysBetween(previousEnd, stay.start) - 1);
    const order = compareLevels(stay.level, previous.level);
    // A client discharged at the end of a stay who comes back is readmitted; the move is still
    // read by level, so a return to a more intensive level counts as a step-up.
    transitions.push({
      kind: order > 0 ? 'step-up' : order < 0 ? 'step-down' : 'lateral',
      from: previous.level,
      to: stay.level,
      day: stay.start,
      gapDays,
      ...(previous.endReason ? { reason: previous.endReason } : {}),
    });
  });
  const last = stays[stays.length - 1];
  if (last?.end && last.end < asOf) {
    transitions.push({
      kind: 'discharge',
      from: last.level,
      day: addDays(last.end, 1),
      gapDays: 0,
      ...(last.endReason ? { reason: last.endReason } : {}),
    });
  }
  return { patientId: episodes[0]?.patientId ?? '', stays, transitions, issues };
}

export interface StepDownOutcome {
  readonly stepDown: Transition;
  /**
   * True when a step-up followed within the window, false when the window passed without one,
   * undefined when the window has not yet passed (censored: too early to tell).
   */
  readonly steppedBackUp: boolean | undefined;
}

/** For each step-down: did a step-up or readmission to a higher level follow within the window? */
export function stepDownOutcomes(
  journey: Journey,
  windowDays: number,
  asOf: CalendarDay,
): StepDownOutcome[] {
  const out: StepDownOutcome[] = [];
  journey.transitions.forEach((t, i) => {
    if (t.kind !== 'step-down') return;
    const deadline = addDays(t.day, windowDays);
    const stepUp = journey.transitions
      .slice(i + 1)
      .find(
        (later) =>
          later.kind === 'step-up' && later.day <= deadline && compareLevels(later.to!, t.to!) > 0,
      );
    if (stepUp) out.push({ stepDown: t, steppedBackUp: true });
    else out.push({ stepDown: t, steppedBackUp: deadline <= asOf ? false : undefined });
  });
  return out;
}

/** Total days spent at each level across the journey. */
export function daysByLevel(journey: Journey): Map<LevelOfCare, number> {
  const totals = new Map<LevelOfCare, number>();
  for (const stay of journey.stays)
    totals.set(stay.level, (totals.get(stay.level) ?? 0) + stay.days);
  return totals;
}
