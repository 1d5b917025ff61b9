import { LEVELS, compareLevels, levelDefinition } from '../../../domain/levels/level-of-care';
import { CalendarDay, LevelOfCare } from '../../../domain/models';
import { formatDay } from '../../../domain/progress/measure-summary';
import { addDays } from '../../../domain/time/calendar-day';
import {
  ClientProgressView,
  DayRange,
  SeverityBandView,
} from '../../client-progress/progress-view-model';

/**
 * One client's journey as the step-down page draws it: a lane per level of care, their stays
 * as bars in those lanes, the planned transition, and the primary measure laid over them. Read
 * from the progress page's view model (same journey, same readmission rule, same scores), so the
 * timeline and the progress page it links to can never disagree.
 */

/** How a stay began: the move into it, a readmission outranking the direction of the move. */
export type StayStart = 'admission' | 'step-down' | 'step-up' | 'lateral' | 'readmission';

export interface TimelineLane {
  readonly level: LevelOfCare;
  readonly label: string;
  /** The lane's place on the chart's level axis: the level's intensity rank. */
  readonly rank: number;
}

export interface TimelineStay {
  readonly episodeId: string;
  readonly level: LevelOfCare;
  /** "IOP". */
  readonly label: string;
  /** "Intensive outpatient". */
  readonly levelName: string;
  readonly from: CalendarDay;
  /** The stay's last day; undefined while it goes on. */
  readonly to?: CalendarDay;
  /** The last day drawn: the end, or today for a stay that goes on. */
  readonly lastDay: CalendarDay;
  readonly days: number;
  /** "5 wk 2 d". */
  readonly duration: string;
  readonly began: StayStart;
  /** "Admitted to PHP", "Step-up to PHP", "Readmission to IOP". */
  readonly beganLabel: string;
  /** The end reason in words, or "Still in care". */
  readonly ended: string;
  readonly current: boolean;
}

/** A move between two stays: the connector drawn between their lanes. */
export interface TimelineMove {
  readonly day: CalendarDay;
  readonly from: LevelOfCare;
  readonly to: LevelOfCare;
}

export interface TimelinePlan {
  readonly from: LevelOfCare;
  readonly to: LevelOfCare;
  /** "Planned step-down to Outpatient". */
  readonly label: string;
  readonly day: CalendarDay;
  readonly reason?: string;
  /** The planned date is before today: the plan was neither carried out nor updated. */
  readonly passed: boolean;
  /**
   * The planned stay's length is not known, so its first PLANNED_DRAWN_DAYS are drawn (dashed)
   * and the axis runs that far; this is the last day drawn.
   */
  readonly drawnUntil: CalendarDay;
}

export interface TimelineScore {
  readonly id: string;
  readonly day: CalendarDay;
  readonly total: number;
  readonly severity?: string;
}

export interface TimelineMeasure {
  readonly shortName: string;
  readonly range: { readonly min: number; readonly max: number };
  readonly bands: readonly SeverityBandView[];
  readonly points: readonly TimelineScore[];
}

export interface JourneyTimelineView {
  readonly patientId: string;
  readonly name: string;
  readonly today: CalendarDay;
  /** Every level of care, most intensive first, whether the client was there or not. */
  readonly lanes: readonly TimelineLane[];
  readonly stays: readonly TimelineStay[];
  readonly moves: readonly TimelineMove[];
  readonly planned?: TimelinePlan;
  /** The primary measure; absent when the client has no score on it. */
  readonly measure?: TimelineMeasure;
  readonly range: DayRange;
  /** The chart's text alternative, one sentence. */
  readonly summary: string;
  /** Data-quality notes about the episodes, as the progress page lists them. */
  readonly issues: readonly string[];
}

export const PLANNED_DRAWN_DAYS = 14;

/** Whether today falls inside the drawn range (a journey that ended earlier has no today line). */
export function showsToday(view: Pick<JourneyTimelineView, 'range' | 'today'>): boolean {
  return view.range.from <= view.today && view.today <= view.range.to;
}

export const TIMELINE_LANES: readonly TimelineLane[] = LEVELS.map((d) => ({
  level: d.level,
  label: d.shortLabel,
  rank: d.rank,
}));

const plural = (n: number, word: string) => `${n === 0 ? 'no' : n} ${word}${n === 1 ? '' : 's'}`;

function stayStart(
  view: ClientProgressView,
  index: number,
): { began: StayStart; beganLabel: string } {
  const stay = view.journey.stays[index];
  const into = view.journey.transitions.find(
    (t) => t.day === stay.from && t.kind !== 'discharge' && t.kind !== 'planned',
  );
  const previous = view.journey.stays[index - 1];
  if (!previous)
    return { began: 'admission', beganLabel: into?.label ?? `Admitted to ${stay.label}` };
  if (stay.readmission)
    return { began: 'readmission', beganLabel: into?.label ?? `Readmission to ${stay.label}` };
  const order = compareLevels(stay.level, previous.level);
  const began: StayStart = order > 0 ? 'step-up' : order < 0 ? 'step-down' : 'lateral';
  return { began, beganLabel: into?.label ?? `Moved to ${stay.label}` };
}

function stays(view: ClientProgressView): TimelineStay[] {
  return view.journey.stays.map((stay, i) => ({
    episodeId: stay.episodeId,
    level: stay.level,
    label: stay.label,
    levelName: stay.levelName,
    from: stay.from,
    ...(stay.to ? { to: stay.to } : {}),
    lastDay: stay.to ?? view.today,
    days: stay.days,
    duration: stay.duration,
    ...stayStart(view, i),
    ended: stay.endReason ?? (stay.to ? 'Ended, no reason recorded' : 'Still in care'),
    current: stay.current,
  }));
}

function plan(view: ClientProgressView, list: readonly TimelineStay[]): TimelinePlan | undefined {
  const planned = view.journey.planned;
  // A plan on an episode that has ended was never carried out: the progress page drops it too.
  if (!planned || !view.header.inCare) return undefined;
  const from = (list.find((s) => s.current) ?? list.at(-1))?.level;
  if (!from) return undefined;
  return {
    from,
    to: planned.targetLevel,
    label: planned.label,
    day: planned.day,
    ...(planned.reason ? { reason: planned.reason } : {}),
    passed: planned.day < view.today,
    drawnUntil: addDays(planned.day, PLANNED_DRAWN_DAYS - 1),
  };
}

function measure(view: ClientProgressView): TimelineMeasure | undefined {
  const primary = view.measures.find((m) => m.primary);
  if (!primary) return undefined;
  return {
    shortName: primary.shortName,
    range: primary.range,
    bands: primary.bands,
    points: primary.points.map((p) => ({
      id: p.id,
      day: p.day,
      total: p.total,
      ...(p.severity ? { severity: p.severity } : {}),
    })),
  };
}

function scoresPhrase(m: TimelineMeasure | undefined): string {
  if (!m || m.points.length === 0) return 'no primary-measure scores yet';
  const first = m.points[0];
  const last = m.points.at(-1)!;
  const severity = last.severity ? ` (${last.severity})` : '';
  if (m.points.length === 1)
    return `one ${m.shortName} score, ${last.total}${severity} on ${formatDay(last.day)}`;
  return `${m.shortName} from ${first.total} to ${last.total}${severity} over ${m.points.length} scores`;
}

/** "Robin Testfield: 4 stays since 1 Sep 2026 (PHP, IOP, PHP, IOP), now in IOP for 33 days; …". */
export function timelineSummary(
  timeline: Omit<JourneyTimelineView, 'summary' | 'issues' | 'lanes' | 'range'>,
): string {
  const { name, stays: list, planned } = timeline;
  if (list.length === 0)
    return `${name}: no stays at any level of care recorded yet; ${scoresPhrase(timeline.measure)}.`;
  const last = list.at(-1)!;
  const now = last.to
    ? `last stay ended ${formatDay(last.to)}`
    : `now in ${last.label} for ${plural(last.days, 'day')}`;
  const count = (kind: StayStart) => list.filter((s) => s.began === kind).length;
  const parts = [
    `${plural(list.length, 'stay')} since ${formatDay(list[0].from)} (${list.map((s) => s.label).join(', ')}), ${now}`,
    `${plural(count('step-up'), 'step-up')} and ${plural(count('readmission'), 'readmission')}`,
    scoresPhrase(timeline.measure),
  ];
  if (planned)
    parts.push(
      `${planned.label.charAt(0).toLowerCase()}${planned.label.slice(1)} on ${formatDay(planned.day)}`,
    );
  return `${name}: ${parts.join('; ')}.`;
}

/** The timeline of the client the progress view describes. */
export function journeyTimeline(view: ClientProgressView): JourneyTimelineView {
  const list = stays(view);
  const planned = plan(view, list);
  const moves = list.slice(1).map((s, i) => ({ day: s.from, from: list[i].level, to: s.level }));
  const m = measure(view);
  const to = planned && planned.drawnUntil > view.today ? planned.drawnUntil : view.today;
  const base = {
    patientId: view.patientId,
    name: view.header.name,
    today: view.today,
    stays: list,
    moves,
    ...(planned ? { planned } : {}),
    ...(m ? { measure: m } : {}),
  };
  return {
    ...base,
    lanes: TIMELINE_LANES,
    range: { from: view.ranges.journey.from, to },
    summary: timelineSummary(base),
    issues: view.journey.issues,
  };
}

/** Whether a planned move goes down or up the ladder, for its marker. */
export function planDirection(p: Pick<TimelinePlan, 'from' | 'to'>): 'down' | 'up' | 'level' {
  const order = compareLevels(p.to, p.from);
  return order < 0 ? 'down' : order > 0 ? 'up' : 'level';
}

export function laneOf(level: LevelOfCare): number {
  return levelDefinition(level).rank;
}
