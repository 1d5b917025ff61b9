import {
  attendanceSummary,
  hoursAgainstMinimum,
  unexcusedWeeksBelowMinimumRunning,
  weeklyHours,
} from '../attendance/attendance';
import { isCase } from '../instruments/scoring';
import { levelDefinition } from '../levels/level-of-care';
import { CarePlanKind, LevelOfCare } from '../models';
import { notOnTrack } from '../recovery/not-on-track';
import { addDays, daysBetween, toCalendarDay } from '../time/calendar-day';
import { completedWeeks, weekInTreatment } from '../time/program-week';
import { ClientSnapshot, Criterion } from './client-snapshot';
import { recentSafetySignals } from './safety-window';

/** Step-down readiness criteria. Every default is a Waypoint choice, configurable per program. */
export interface ReadinessCriteria {
  /** The last N primary-measure scores must all be below caseness (default 2). */
  readonly belowCasenessAdministrations: number;
  /** No safety signal in this many days (default 14). */
  readonly safetyFreeDays: number;
  /** Attendance rate at least this over the window (default 0.8 over 14 days). */
  readonly minAttendance: number;
  readonly attendanceWindowDays: number;
  /** Minimum weeks at the level before a step-down (default IOP 6, PHP 2). */
  readonly minWeeksAtLevel: Partial<Record<LevelOfCare, number>>;
  /** Plans that must be in place (default relapse prevention and aftercare). */
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

/** Step-up risk criteria (Waypoint defaults, configurable). */
export interface StepUpCriteria {
  readonly safetyWindowDays: number;
  /** Attendance below this over the window (default 0.6 over 14 days). */
  readonly attendanceBelow: number;
  readonly attendanceWindowDays: number;
  /** Unexcused weeks below the level's minimum hours, running (default 2). */
  readonly weeksBelowMinimum: number;
}

export const DEFAULT_STEP_UP: StepUpCriteria = {
  safetyWindowDays: 14,
  attendanceBelow: 0.6,
  attendanceWindowDays: 14,
  weeksBelowMinimum: 2,
};

export type ReadinessVerdict = 'ready' | 'not-ready' | 'unknown';

export interface ReadinessAssessment {
  readonly verdict: ReadinessVerdict;
  readonly criteria: readonly Criterion[];
}

export interface StepUpRiskAssessment {
  readonly atRisk: boolean;
  /** Each risk factor: 'met' means the factor is present. */
  readonly criteria: readonly Criterion[];
}

const pct = (rate: number) => `${Math.round(rate * 100)}%`;

function primaryScores(snapshot: ClientSnapshot) {
  return snapshot.scores
    .filter((s) => s.instrumentId === snapshot.primary.id)
    .map((s) => ({ score: s, day: toCalendarDay(s.date, snapshot.timeZone) }))
    .filter((s): s is { score: (typeof s)['score']; day: string } => !!s.day)
    .sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
}

function attendanceOver(snapshot: ClientSnapshot, days: number) {
  return attendanceSummary(
    snapshot.sessions,
    { from: addDays(snapshot.today, -days + 1), to: snapshot.today },
    snapshot.timeZone,
  );
}

/** Is the client ready to step down? Explained criterion by criterion, never just a boolean. */
export function assessReadiness(
  snapshot: ClientSnapshot,
  criteria: ReadinessCriteria = DEFAULT_READINESS,
): ReadinessAssessment {
  const list: Criterion[] = [];
  const { primary } = snapshot;

  const scores = primaryScores(snapshot);
  const lastN = scores.slice(-criteria.belowCasenessAdministrations);
  const casenessLabel = `${primary.shortName} below caseness at the last ${criteria.belowCasenessAdministrations} administrations`;
  if (primary.caseness === undefined || lastN.length < criteria.belowCasenessAdministrations) {
    list.push({
      id: 'below-caseness',
      label: casenessLabel,
      status: 'unknown',
      evidence:
        primary.caseness === undefined
          ? `${primary.shortName} has no caseness cut-off`
          : `only ${scores.length} ${primary.shortName} score(s)`,
    });
  } else {
    const all = lastN.every((s) => isCase(primary, s.score.total) === false);
    list.push({
      id: 'below-caseness',
      label: casenessLabel,
      status: all ? 'met' : 'not-met',
      evidence: `${lastN.map((s) => `${s.score.total} on ${s.day}`).join(', ')} (caseness ${primary.caseness})`,
    });
  }

  const signals = recentSafetySignals(snapshot, criteria.safetyFreeDays);
  list.push({
    id: 'no-safety-signal',
    label: `No safety signal in the last ${criteria.safetyFreeDays} days`,
    status: signals.length === 0 ? 'met' : 'not-met',
    evidence: signals.length === 0 ? 'none found' : signals.join('; '),
  });

  const attendance = attendanceOver(snapshot, criteria.attendanceWindowDays);
  list.push({
    id: 'attendance',
    label: `Attendance at least ${pct(criteria.minAttendance)} over ${criteria.attendanceWindowDays} days`,
    status:
      attendance.rate === undefined
        ? 'unknown'
        : attendance.rate >= criteria.minAttendance
          ? 'met'
          : 'not-met',
    evidence:
      attendance.rate === undefined
        ? 'no sessions were due'
        : `${attendance.attended} of ${attendance.attended + attendance.missed} sessions (${pct(attendance.rate)})`,
  });

  const minWeeks = criteria.minWeeksAtLevel[snapshot.episode.level];
  const start = toCalendarDay(snapshot.episode.start, snapshot.timeZone);
  if (minWeeks !== undefined) {
    const weeks = start ? completedWeeks(start, snapshot.today) : undefined;
    list.push({
      id: 'time-at-level',
      label: `At least ${minWeeks} weeks in ${levelDefinition(snapshot.episode.level).shortLabel}`,
      status: weeks === undefined ? 'unknown' : weeks >= minWeeks ? 'met' : 'not-met',
      evidence:
        weeks === undefined ? 'episode start unknown' : `${weeks} complete week(s) since ${start}`,
    });
  }

  for (const kind of criteria.requiredPlans) {
    const plan = snapshot.carePlans.find(
      (p) => p.kind === kind && (p.status === 'active' || p.status === 'completed'),
    );
    const label =
      kind === 'aftercare' ? 'Aftercare plan in place' : 'Relapse-prevention plan in place';
    list.push({
      id: `plan-${kind}`,
      label,
      status: plan ? 'met' : 'not-met',
      evidence: plan
        ? `plan ${plan.id}${plan.created ? ` from ${plan.created}` : ''}`
        : 'no such plan',
    });
  }

  const verdict = list.some((c) => c.status === 'not-met')
    ? 'not-ready'
    : list.some((c) => c.status === 'unknown')
      ? 'unknown'
      : 'ready';
  return { verdict, criteria: list };
}

/** Is the client at risk of stepping up? Each factor with its evidence. */
export function assessStepUpRisk(
  snapshot: ClientSnapshot,
  criteria: StepUpCriteria = DEFAULT_STEP_UP,
): StepUpRiskAssessment {
  const list: Criterion[] = [];
  const scores = primaryScores(snapshot);
  const start = toCalendarDay(snapshot.episode.start, snapshot.timeZone);

  if (scores.length < 2 || !start) {
    list.push({
      id: 'deterioration',
      label: 'Reliable deterioration',
      status: 'unknown',
      evidence: 'fewer than two scores',
    });
    list.push({
      id: 'not-on-track',
      label: 'Well below expected recovery (red)',
      status: 'unknown',
      evidence: 'fewer than two scores',
    });
  } else {
    const baseline = scores[0];
    const track = notOnTrack(
      snapshot.primary,
      snapshot.curves,
      baseline.score.total,
      scores
        .slice(1)
        .map((s) => ({ week: weekInTreatment(baseline.day, s.day), score: s.score.total })),
    );
    const latest = scores[scores.length - 1];
    list.push({
      id: 'deterioration',
      label: 'Reliable deterioration',
      status: track.reliableDeterioration ? 'met' : 'not-met',
      evidence: `${snapshot.primary.shortName} ${baseline.score.total} at baseline, ${latest.score.total} on ${latest.day}`,
    });
    list.push({
      id: 'not-on-track',
      label: 'Well below expected recovery (red)',
      status: track.status === 'red' ? 'met' : 'not-met',
      evidence: track.reasons[0] ?? `${track.status} against the expected curve`,
    });
  }

  const signals = recentSafetySignals(snapshot, criteria.safetyWindowDays);
  list.push({
    id: 'safety-signal',
    label: `Safety signal in the last ${criteria.safetyWindowDays} days`,
    status: signals.length > 0 ? 'met' : 'not-met',
    evidence: signals.length > 0 ? signals.join('; ') : 'none found',
  });

  const attendance = attendanceOver(snapshot, criteria.attendanceWindowDays);
  list.push({
    id: 'low-attendance',
    label: `Attendance below ${pct(criteria.attendanceBelow)} over ${criteria.attendanceWindowDays} days`,
    status:
      attendance.rate === undefined
        ? 'unknown'
        : attendance.rate < criteria.attendanceBelow
          ? 'met'
          : 'not-met',
    evidence:
      attendance.rate === undefined ? 'no sessions were due' : `${pct(attendance.rate)} attended`,
  });

  if (start) {
    const weeks = hoursAgainstMinimum(
      weeklyHours(snapshot.sessions, start, snapshot.today, snapshot.timeZone),
      snapshot.episode.level,
      {
        taperFrom: snapshot.taperFrom,
        plannedTransition: snapshot.episode.plannedTransition,
      },
    );
    const running = unexcusedWeeksBelowMinimumRunning(weeks);
    const minimum = weeks[0]?.minimum;
    list.push({
      id: 'hours-below-minimum',
      label: `Hours below the level's minimum ${criteria.weeksBelowMinimum} weeks running (outside a taper)`,
      status:
        minimum === undefined
          ? 'not-met'
          : running >= criteria.weeksBelowMinimum
            ? 'met'
            : 'not-met',
      evidence:
        minimum === undefined
          ? 'no weekly minimum at this level'
          : `${running} week(s) running below ${minimum} h; last weeks: ${weeks
              .slice(-3)
              .map((w) => `${Math.round(w.hours * 10) / 10} h${w.excused ? ` (${w.excused})` : ''}`)
              .join(', ')}`,
    });
  }

  return { atRisk: list.some((c) => c.status === 'met'), criteria: list };
}

/** Days until a planned transition, for boards and reminders (negative once overdue). */
export function daysUntilPlannedTransition(snapshot: ClientSnapshot): number | undefined {
  const planned = snapshot.episode.plannedTransition;
  return planned ? daysBetween(snapshot.today, planned.plannedDate) : undefined;
}
