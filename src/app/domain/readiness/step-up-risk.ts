import {
  hoursAgainstMinimum,
  unexcusedWeeksBelowMinimumRunning,
  weeklyHours,
} from '../attendance/attendance';
import { BASELINE_LOOKBACK_DAYS } from '../recovery/episode-baseline';
import { toCalendarDay } from '../time/calendar-day';
import { attendanceEvidence, attendanceOver, percent } from './attendance-window';
import { ClientSnapshot, Criterion } from './client-snapshot';
import { PrimaryProgress, primaryProgress } from './primary-progress';
import { safetyWindow } from './safety-window';

/** Step-up risk criteria. Every default is Waypoint's own choice, configurable per program. */
export interface StepUpCriteria {
  /** A safety signal within this many days (default 14). */
  readonly safetyWindowDays: number;
  /** Attendance below this over the window (default 0.6 over 14 days). */
  readonly attendanceBelow: number;
  readonly attendanceWindowDays: number;
  /** Unexcused complete weeks below the level's minimum hours, running (default 2). */
  readonly weeksBelowMinimum: number;
  /** How far before the episode start a score can be its baseline (`BASELINE_LOOKBACK_DAYS`, 7). */
  readonly baselineLookbackDays: number;
}

export const DEFAULT_STEP_UP: StepUpCriteria = {
  safetyWindowDays: 14,
  attendanceBelow: 0.6,
  attendanceWindowDays: 14,
  weeksBelowMinimum: 2,
  baselineLookbackDays: BASELINE_LOOKBACK_DAYS,
};

export interface StepUpRiskAssessment {
  /** True when any risk factor is present ('met'). */
  readonly atRisk: boolean;
  /** 'unknown' when no factor is present but some could not be checked. */
  readonly verdict: 'at-risk' | 'not-at-risk' | 'unknown';
  readonly summary: string;
  /** Each risk factor: 'met' means the factor is present. */
  readonly criteria: readonly Criterion[];
}

function measureFactors(snapshot: ClientSnapshot, progress: PrimaryProgress): Criterion[] {
  const { primary } = snapshot;
  const { episodeScores, baseline, latest, change, track, note } = progress;
  const deterioration = { id: 'deterioration', label: 'Reliable deterioration' };
  const red = { id: 'not-on-track', label: 'Well below expected recovery (red)' };
  if (!baseline || !latest || !track) {
    const evidence = `${episodeScores.length} ${primary.shortName} score(s) in this episode${note}`;
    return [
      { ...deterioration, status: 'unknown', evidence },
      { ...red, status: 'unknown', evidence },
    ];
  }
  const trend = `${primary.shortName} ${baseline.total} on ${baseline.day} (baseline), ${latest.total} on ${latest.day}${note}`;
  return [
    {
      ...deterioration,
      status:
        change === undefined ? 'unknown' : change === 'reliable-deterioration' ? 'met' : 'not-met',
      evidence:
        change === undefined ? `${primary.shortName} has no reliable-change threshold` : trend,
    },
    {
      ...red,
      status: track.status === 'grey' ? 'unknown' : track.status === 'red' ? 'met' : 'not-met',
      evidence:
        track.status === 'green' ? `on track (${track.curveSource} curve)` : track.reasons[0],
    },
  ];
}

function hoursFactor(
  snapshot: ClientSnapshot,
  start: string | undefined,
  weeksRunning: number,
): Criterion {
  const base = {
    id: 'hours-below-minimum',
    label: `Hours below the level's minimum ${weeksRunning} weeks running (outside a taper)`,
  };
  if (!start)
    return {
      ...base,
      status: 'unknown',
      evidence: `episode start "${snapshot.episode.start}" is not a usable day`,
    };
  const weeks = hoursAgainstMinimum(
    weeklyHours(snapshot.sessions, start, snapshot.today, snapshot.timeZone),
    snapshot.episode.level,
    { taperFrom: snapshot.taperFrom, plannedTransition: snapshot.episode.plannedTransition },
  );
  const minimum = weeks[0]?.minimum;
  if (weeks.length === 0)
    return { ...base, status: 'unknown', evidence: 'no complete week at this level yet' };
  if (minimum === undefined)
    return { ...base, status: 'not-met', evidence: 'no weekly minimum at this level' };
  const running = unexcusedWeeksBelowMinimumRunning(weeks);
  const recent = weeks
    .slice(-3)
    .map((w) => `${Math.round(w.hours * 10) / 10} h${w.excused ? ` (${w.excused})` : ''}`)
    .join(', ');
  return {
    ...base,
    status: running >= weeksRunning ? 'met' : 'not-met',
    evidence: `${running} week(s) running below ${minimum} h; last weeks: ${recent}`,
  };
}

/** Is the client at risk of stepping up? Each factor with its evidence. */
export function assessStepUpRisk(
  snapshot: ClientSnapshot,
  overrides: Partial<StepUpCriteria> = {},
): StepUpRiskAssessment {
  const criteria = { ...DEFAULT_STEP_UP, ...overrides };
  const start = toCalendarDay(snapshot.episode.start, snapshot.timeZone);
  const list = measureFactors(snapshot, primaryProgress(snapshot, criteria.baselineLookbackDays));

  const { signals, screens } = safetyWindow(snapshot, criteria.safetyWindowDays);
  list.push({
    id: 'safety-signal',
    label: `Safety signal in the last ${criteria.safetyWindowDays} days`,
    status: signals.length > 0 ? 'met' : screens > 0 ? 'not-met' : 'unknown',
    evidence:
      signals.length > 0
        ? signals.join('; ')
        : screens > 0
          ? `none in ${screens} safety screen(s); no safety flag`
          : `no safety screen (PHQ-9 item 9 or C-SSRS) in the last ${criteria.safetyWindowDays} days`,
  });

  const attendance = attendanceOver(snapshot, criteria.attendanceWindowDays);
  list.push({
    id: 'low-attendance',
    label: `Attendance below ${percent(criteria.attendanceBelow)} over ${criteria.attendanceWindowDays} days`,
    status:
      attendance.rate === undefined
        ? 'unknown'
        : attendance.rate < criteria.attendanceBelow
          ? 'met'
          : 'not-met',
    evidence: attendanceEvidence(attendance),
  });
  list.push(hoursFactor(snapshot, start, criteria.weeksBelowMinimum));

  const present = list.filter((c) => c.status === 'met');
  const unknown = list.filter((c) => c.status === 'unknown');
  const verdict = present.length > 0 ? 'at-risk' : unknown.length > 0 ? 'unknown' : 'not-at-risk';
  const describe = (cs: Criterion[]) => cs.map((c) => `${c.label} (${c.evidence})`).join('; ');
  const summary =
    verdict === 'at-risk'
      ? `At risk of stepping up: ${describe(present)}`
      : verdict === 'unknown'
        ? `No risk factor found, but could not check: ${describe(unknown)}`
        : `No risk factor found in ${list.length} checks`;
  return { atRisk: present.length > 0, verdict, summary, criteria: list };
}
