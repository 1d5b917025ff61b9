import { isCase } from '../instruments/scoring';
import { levelDefinition } from '../levels/level-of-care';
import { CarePlanKind, LevelOfCare } from '../models';
import { daysBetween, toCalendarDay } from '../time/calendar-day';
import { completedWeeks } from '../time/program-week';
import { attendanceEvidence, attendanceOver, percent } from './attendance-window';
import { ClientSnapshot, Criterion } from './client-snapshot';
import { primaryScores, setAsideNote } from './primary-scores';
import { safetyWindow } from './safety-window';

/** Step-down readiness criteria. Every default is Waypoint's own choice, configurable per program. */
export interface ReadinessCriteria {
  /** The last N primary-measure scores must all be below caseness (default 2). */
  readonly belowCasenessAdministrations: number;
  /** No safety signal in this many days, with at least one safety screen in them (default 14). */
  readonly safetyFreeDays: number;
  /** Attendance rate at least this over the window (default 0.8 over 14 days). */
  readonly minAttendance: number;
  readonly attendanceWindowDays: number;
  /** Minimum complete weeks at the level before a step-down (default IOP 6, PHP 2). */
  readonly minWeeksAtLevel: Partial<Record<LevelOfCare, number>>;
  /** Plans that must be in place, active or completed (default relapse prevention and aftercare). */
  readonly requiredPlans: readonly CarePlanKind[];
}

export const DEFAULT_READINESS: ReadinessCriteria = {
  belowCasenessAdministrations: 2,
  safetyFreeDays: 14,
  minAttendance: 0.8,
  attendanceWindowDays: 14,
  minWeeksAtLevel: { iop: 6, php: 2 },
  requiredPlans: ['relapse-prevention', 'aftercare'],
};

export type ReadinessVerdict = 'ready' | 'not-ready' | 'unknown';

export interface ReadinessAssessment {
  /** 'ready' only when every criterion is met; any 'unknown' prevents it. */
  readonly verdict: ReadinessVerdict;
  /** One sentence naming the criteria behind the verdict. */
  readonly summary: string;
  readonly criteria: readonly Criterion[];
}

const PLAN_LABELS: Record<CarePlanKind, string> = {
  'treatment-plan': 'Treatment plan in place',
  'relapse-prevention': 'Relapse-prevention plan in place',
  aftercare: 'Aftercare plan in place',
};

function belowCaseness(snapshot: ClientSnapshot, count: number): Criterion {
  const { primary } = snapshot;
  const { scores, rejected } = primaryScores(snapshot);
  const label = `${primary.shortName} below caseness at the last ${count} administrations`;
  const note = setAsideNote(rejected);
  if (primary.caseness === undefined)
    return {
      id: 'below-caseness',
      label,
      status: 'unknown',
      evidence: `${primary.shortName} has no caseness cut-off`,
    };
  if (scores.length < count)
    return {
      id: 'below-caseness',
      label,
      status: 'unknown',
      evidence: `only ${scores.length} ${primary.shortName} score(s)${note}`,
    };
  const last = scores.slice(-count);
  const all = last.every((s) => isCase(primary, s.total) === false);
  return {
    id: 'below-caseness',
    label,
    status: all ? 'met' : 'not-met',
    evidence: `${last.map((s) => `${s.total} on ${s.day}`).join(', ')} (caseness ${primary.caseness})${note}`,
  };
}

function noSafetySignal(snapshot: ClientSnapshot, days: number): Criterion {
  const { signals, screens } = safetyWindow(snapshot, days);
  const label = `No safety signal in the last ${days} days`;
  if (signals.length > 0)
    return { id: 'no-safety-signal', label, status: 'not-met', evidence: signals.join('; ') };
  return screens === 0
    ? {
        id: 'no-safety-signal',
        label,
        status: 'unknown',
        evidence: `no safety screen (PHQ-9 item 9 or C-SSRS) in the last ${days} days`,
      }
    : {
        id: 'no-safety-signal',
        label,
        status: 'met',
        evidence: `none in ${screens} safety screen(s); no safety flag`,
      };
}

function timeAtLevel(snapshot: ClientSnapshot, minWeeks: number): Criterion {
  const start = toCalendarDay(snapshot.episode.start, snapshot.timeZone);
  const weeks = start ? completedWeeks(start, snapshot.today) : undefined;
  return {
    id: 'time-at-level',
    label: `At least ${minWeeks} weeks in ${levelDefinition(snapshot.episode.level).shortLabel}`,
    status: weeks === undefined ? 'unknown' : weeks >= minWeeks ? 'met' : 'not-met',
    evidence:
      weeks === undefined
        ? `episode start "${snapshot.episode.start}" is not a usable day`
        : `${weeks} complete week(s) since ${start}`,
  };
}

function planInPlace(snapshot: ClientSnapshot, kind: CarePlanKind): Criterion {
  const plan = snapshot.carePlans.find(
    (p) => p.kind === kind && (p.status === 'active' || p.status === 'completed'),
  );
  const draft = snapshot.carePlans.find((p) => p.kind === kind);
  return {
    id: `plan-${kind}`,
    label: PLAN_LABELS[kind],
    status: plan ? 'met' : 'not-met',
    evidence: plan
      ? `plan ${plan.id} (${plan.status})${plan.created ? ` from ${plan.created}` : ''}`
      : draft
        ? `plan ${draft.id} is ${draft.status}, not active`
        : 'no such plan',
  };
}

export function verdictSummary(verdict: ReadinessVerdict, criteria: readonly Criterion[]): string {
  const named = (status: Criterion['status']) =>
    criteria
      .filter((c) => c.status === status)
      .map((c) => `${c.label} (${c.evidence})`)
      .join('; ');
  if (verdict === 'ready') return `Ready: all ${criteria.length} criteria met`;
  if (verdict === 'not-ready') return `Not ready: not met: ${named('not-met')}`;
  return `Cannot tell yet: unknown: ${named('unknown')}`;
}

/** Is the client ready to step down? Explained criterion by criterion, never just a boolean. */
export function assessReadiness(
  snapshot: ClientSnapshot,
  overrides: Partial<ReadinessCriteria> = {},
): ReadinessAssessment {
  const criteria = { ...DEFAULT_READINESS, ...overrides };
  const list: Criterion[] = [
    belowCaseness(snapshot, criteria.belowCasenessAdministrations),
    noSafetySignal(snapshot, criteria.safetyFreeDays),
  ];
  const attendance = attendanceOver(snapshot, criteria.attendanceWindowDays);
  list.push({
    id: 'attendance',
    label: `Attendance at least ${percent(criteria.minAttendance)} over ${criteria.attendanceWindowDays} days`,
    status:
      attendance.rate === undefined
        ? 'unknown'
        : attendance.rate >= criteria.minAttendance
          ? 'met'
          : 'not-met',
    evidence: attendanceEvidence(attendance),
  });
  const minWeeks = criteria.minWeeksAtLevel[snapshot.episode.level];
  if (minWeeks !== undefined) list.push(timeAtLevel(snapshot, minWeeks));
  for (const kind of criteria.requiredPlans) list.push(planInPlace(snapshot, kind));

  const verdict: ReadinessVerdict = list.some((c) => c.status === 'not-met')
    ? 'not-ready'
    : list.some((c) => c.status === 'unknown')
      ? 'unknown'
      : 'ready';
  return { verdict, summary: verdictSummary(verdict, list), criteria: list };
}

/** Days until a planned transition, for boards and reminders (negative once overdue). */
export function daysUntilPlannedTransition(snapshot: ClientSnapshot): number | undefined {
  const planned = snapshot.episode.plannedTransition;
  return planned ? daysBetween(snapshot.today, planned.plannedDate) : undefined;
}
