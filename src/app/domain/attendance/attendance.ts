import { minimumWeeklyHours } from '../levels/level-of-care';
import { CalendarDay, Episode, LevelOfCare, Modality, SessionRecord } from '../models';
import { toCalendarDay } from '../time/calendar-day';
import { completedWeeks, treatmentWeekBounds, weekInTreatment } from '../time/program-week';

export interface AttendanceSummary {
  readonly attended: number;
  readonly missed: number;
  /** Cancelled by the clinic: excluded from the rate, since the client could not attend. */
  readonly cancelled: number;
  /** attended / (attended + missed); undefined when nothing was due. */
  readonly rate: number | undefined;
  readonly attendedHours: number;
}

interface DatedSession {
  readonly session: SessionRecord;
  readonly day: CalendarDay;
}

function dated(sessions: readonly SessionRecord[], timeZone: string): DatedSession[] {
  const out: DatedSession[] = [];
  for (const session of sessions) {
    const day = toCalendarDay(session.start, timeZone);
    if (day) out.push({ session, day });
  }
  return out;
}

/** Attendance over a window of days (inclusive), counted in the program's time zone. */
export function attendanceSummary(
  sessions: readonly SessionRecord[],
  window: { readonly from: CalendarDay; readonly to: CalendarDay },
  timeZone: string,
): AttendanceSummary {
  let attended = 0;
  let missed = 0;
  let cancelled = 0;
  let minutes = 0;
  for (const { session, day } of dated(sessions, timeZone)) {
    if (day < window.from || day > window.to) continue;
    if (session.status === 'attended') {
      attended++;
      minutes += session.minutes;
    } else if (session.status === 'missed') missed++;
    else if (session.status === 'cancelled') cancelled++;
  }
  return {
    attended,
    missed,
    cancelled,
    rate: attended + missed === 0 ? undefined : attended / (attended + missed),
    attendedHours: minutes / 60,
  };
}

export interface WeekHours {
  /** Treatment week, 1-based from the episode start. */
  readonly week: number;
  readonly from: CalendarDay;
  readonly to: CalendarDay;
  readonly hours: number;
}

/** Attended hours in each complete treatment week of an episode up to `until`. */
export function weeklyHours(
  sessions: readonly SessionRecord[],
  episodeStart: CalendarDay,
  until: CalendarDay,
  timeZone: string,
): WeekHours[] {
  const weeks = completedWeeks(episodeStart, until);
  const minutes = new Array<number>(weeks).fill(0);
  for (const { session, day } of dated(sessions, timeZone)) {
    if (session.status !== 'attended') continue;
    const week = weekInTreatment(episodeStart, day);
    if (week >= 1 && week <= weeks) minutes[week - 1] += session.minutes;
  }
  // Written out, not spread (see item-scoring.ts `scored`): once per week of every client.
  return minutes.map((m, i) => {
    const { from, to } = treatmentWeekBounds(episodeStart, i + 1);
    return { week: i + 1, from, to, hours: m / 60 };
  });
}

export type HoursExcuse = 'taper' | 'step-down-planned';

export interface WeekAgainstMinimum extends WeekHours {
  readonly minimum: number | undefined;
  readonly below: boolean;
  /** Why hours below the minimum are expected rather than a warning. */
  readonly excused?: HoursExcuse;
}

/**
 * Each week's hours against the level's minimum (IOP 9, PHP 20 by default; CLINICAL.md).
 * Weeks in a planned taper, or after a step-down was planned, are below by design and excused.
 */
export function hoursAgainstMinimum(
  weeks: readonly WeekHours[],
  level: LevelOfCare,
  context: {
    readonly taperFrom?: CalendarDay;
    readonly plannedTransition?: Episode['plannedTransition'];
    readonly minimumOverrides?: Partial<Record<LevelOfCare, number>>;
  } = {},
): WeekAgainstMinimum[] {
  const minimum = minimumWeeklyHours(level, context.minimumOverrides);
  const stepDownPlanned = context.plannedTransition !== undefined;
  return weeks.map((w) => {
    const below = minimum !== undefined && w.hours < minimum;
    let excused: HoursExcuse | undefined;
    if (below && context.taperFrom && w.to >= context.taperFrom) excused = 'taper';
    else if (below && stepDownPlanned) excused = 'step-down-planned';
    return { ...w, minimum, below, ...(excused ? { excused } : {}) };
  });
}

/** Weeks running at the end of the list that are below the minimum and not excused. */
export function unexcusedWeeksBelowMinimumRunning(weeks: readonly WeekAgainstMinimum[]): number {
  let run = 0;
  for (let i = weeks.length - 1; i >= 0 && weeks[i].below && !weeks[i].excused; i--) run++;
  return run;
}

/** Missed sessions in a row, most recent first; cancelled and future sessions are skipped. */
export function consecutiveMissed(sessions: readonly SessionRecord[]): number {
  const past = sessions
    .filter((s) => s.status === 'attended' || s.status === 'missed')
    .map((s) => ({ s, at: Date.parse(s.start) }))
    .sort((a, b) => b.at - a.at);
  let run = 0;
  for (const { s } of past) {
    if (s.status !== 'missed') break;
    run++;
  }
  return run;
}

export interface ModalityWeek {
  readonly week: number;
  readonly attended: number;
  readonly scheduled: number;
  readonly hours: number;
}

/** Sessions attended vs. due and hours, per modality per treatment week. */
export function modalityDose(
  sessions: readonly SessionRecord[],
  episodeStart: CalendarDay,
  timeZone: string,
): Map<Modality, ModalityWeek[]> {
  const table = new Map<
    Modality,
    Map<number, { attended: number; scheduled: number; minutes: number }>
  >();
  for (const { session, day } of dated(sessions, timeZone)) {
    if (session.status !== 'attended' && session.status !== 'missed') continue;
    const week = weekInTreatment(episodeStart, day);
    if (week < 1) continue;
    const byWeek = table.get(session.modality) ?? new Map();
    table.set(session.modality, byWeek);
    const cell = byWeek.get(week) ?? { attended: 0, scheduled: 0, minutes: 0 };
    byWeek.set(week, cell);
    cell.scheduled++;
    if (session.status === 'attended') {
      cell.attended++;
      cell.minutes += session.minutes;
    }
  }
  const out = new Map<Modality, ModalityWeek[]>();
  for (const [modality, byWeek] of table) {
    out.set(
      modality,
      [...byWeek.entries()]
        .sort(([a], [b]) => a - b)
        .map(([week, c]) => ({
          week,
          attended: c.attended,
          scheduled: c.scheduled,
          hours: c.minutes / 60,
        })),
    );
  }
  return out;
}

export interface MeasureCompletion {
  readonly weeksWithMeasure: number;
  readonly weeksInTreatment: number;
  readonly rate: number | undefined;
}

/** Weeks with at least one primary-measure score / complete weeks in treatment. */
export function measureCompletion(
  scoreDates: readonly string[],
  episodeStart: CalendarDay,
  until: CalendarDay,
  timeZone: string,
): MeasureCompletion {
  const weeks = completedWeeks(episodeStart, until);
  const covered = new Set<number>();
  for (const date of scoreDates) {
    const day = toCalendarDay(date, timeZone);
    if (!day) continue;
    const week = weekInTreatment(episodeStart, day);
    if (week >= 1 && week <= weeks) covered.add(week);
  }
  return {
    weeksWithMeasure: covered.size,
    weeksInTreatment: weeks,
    rate: weeks === 0 ? undefined : covered.size / weeks,
  };
}
