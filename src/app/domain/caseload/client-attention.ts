import {
  attendanceSummary,
  consecutiveMissed,
  hoursAgainstMinimum,
  unexcusedWeeksBelowMinimumRunning,
  weeklyHours,
} from '../attendance/attendance';
import { measureDue } from '../instruments/measure-due';
import { ReliableChange } from '../instruments/reliable-change';
import { improvementFromBaseline, severityOf } from '../instruments/scoring';
import { SeverityBand } from '../instruments/instrument';
import { levelDefinition, minimumWeeklyHours } from '../levels/level-of-care';
import { CalendarDay, LevelOfCare } from '../models';
import { ClientSnapshot } from '../readiness/client-snapshot';
import { primaryProgress } from '../readiness/primary-progress';
import { ReadinessAssessment, assessReadiness } from '../readiness/readiness';
import { safetyWindow } from '../readiness/safety-window';
import { StepUpRiskAssessment, assessStepUpRisk } from '../readiness/step-up-risk';
import { TrackStatus } from '../recovery/not-on-track';
import { addDays, daysBetween, toCalendarDay } from '../time/calendar-day';
import { weekInTreatment } from '../time/program-week';
import {
  ATTENTION_LABELS,
  AttentionFlag,
  AttentionKind,
  NO_FLAG_TIER,
  TRIAGE_TIER,
} from './attention-flags';

/** Window choices (Waypoint's defaults, configurable per program). */
export interface AttentionOptions {
  /** Safety signals count for this many days (default 14). */
  readonly safetyDays: number;
  /** Attendance is shown over this many days (default 14). */
  readonly attendanceDays: number;
  /** Missed sessions in a row that raise a flag (default 2). */
  readonly missedInRow: number;
  /** A plan review due within this many days is flagged (default 7). */
  readonly reviewWithinDays: number;
  /** Scores in the sparkline (default 8). */
  readonly sparklineLength: number;
  /**
   * Levels at which measures follow the instruments' expected frequency (default PHP and IOP,
   * where the program gives them weekly); elsewhere a gap is not flagged as missing.
   */
  readonly measuredLevels: readonly LevelOfCare[];
  /** A program's own expected lengths of stay; levels it leaves out keep the ladder's. */
  readonly expectedWeeks: Partial<
    Record<LevelOfCare, { readonly min: number; readonly max: number }>
  >;
}

export const DEFAULT_ATTENTION: AttentionOptions = {
  safetyDays: 14,
  attendanceDays: 14,
  missedInRow: 2,
  reviewWithinDays: 7,
  sparklineLength: 8,
  measuredLevels: ['php', 'iop'],
  expectedWeeks: {},
};

export interface ClientAttention {
  /** Flags in triage order, most urgent first. */
  readonly flags: readonly AttentionFlag[];
  /** The tier of the most urgent flag (see TRIAGE_TIER); NO_FLAG_TIER without flags. */
  readonly tier: number;
  /** Treatment week at the current level, and the level's usual length where one is set. */
  readonly week: number;
  readonly expectedWeeks?: { readonly min: number; readonly max: number };
  readonly latest?: {
    readonly score: number;
    readonly day: CalendarDay;
    readonly band?: SeverityBand;
  };
  readonly baseline?: { readonly score: number; readonly day: CalendarDay };
  /** Improvement from baseline (positive is better, whichever way the scale runs). */
  readonly improvement?: number;
  readonly change?: ReliableChange;
  readonly track: TrackStatus;
  /** The last primary scores, oldest first, for a sparkline. */
  readonly sparkline: readonly number[];
  readonly attendance: {
    readonly rate?: number;
    readonly attendedHours: number;
    /** The level's minimum hours over the same window, where the level has one. */
    readonly minimumHours?: number;
    readonly missedInRow: number;
  };
  /** Instruments the client is measured on whose next administration falls due within a week. */
  readonly measuresDue: number;
  /** The next booked session's start, if any. */
  readonly nextSession?: string;
  /** The next treatment-plan review, with days until it (negative when overdue). */
  readonly review?: { readonly day: CalendarDay; readonly daysUntil: number };
  /** The full assessments the flags were read from, for pages that show every criterion. */
  readonly readiness: ReadinessAssessment;
  readonly stepUpRisk: StepUpRiskAssessment;
}

/**
 * Who needs attention and why, for one client in their current episode: every flag of the
 * caseload (issue 6) with its evidence, and the figures the caseload row shows. Pure: the
 * caller assembles the snapshot from the store.
 */
export function assessClientAttention(
  snapshot: ClientSnapshot,
  options: Partial<AttentionOptions> = {},
): ClientAttention {
  const o = { ...DEFAULT_ATTENTION, ...options };
  const { primary, today, timeZone, episode } = snapshot;
  const flags: AttentionFlag[] = [];
  // One flag per kind: a second reason of the same kind joins the first.
  const flag = (kind: AttentionKind, reason: string) => {
    const i = flags.findIndex((f) => f.kind === kind);
    if (i < 0) flags.push({ kind, label: ATTENTION_LABELS[kind], reason });
    else flags[i] = { ...flags[i], reason: `${flags[i].reason}; ${reason}` };
  };

  const safety = safetyWindow(snapshot, o.safetyDays);
  if (safety.signals.length) flag('safety', safety.signals.join('; '));

  const progress = primaryProgress(snapshot);
  const { baseline, latest, change, track } = progress;
  if (track?.status === 'red')
    flag('not-on-track-red', track.reasons[0] ?? 'well below expected recovery');
  if (change === 'reliable-deterioration' && baseline && latest) {
    flag(
      'deterioration',
      `${primary.shortName} ${baseline.total} at baseline (${baseline.day}), ${latest.total} on ${latest.day}: reliably worse`,
    );
  }
  if (track?.status === 'amber')
    flag('not-on-track-amber', track.reasons[0] ?? 'behind expected recovery');

  const start = toCalendarDay(episode.start, timeZone) ?? today;
  const windowFrom = addDays(today, -o.attendanceDays + 1);
  const past = snapshot.sessions.filter((s) => {
    const day = toCalendarDay(s.start, timeZone);
    return !!day && day <= today;
  });
  const missedInRow = consecutiveMissed(past);
  if (missedInRow >= o.missedInRow)
    flag('missed-sessions', `${missedInRow} sessions missed in a row`);
  const weeks = hoursAgainstMinimum(
    weeklyHours(snapshot.sessions, start, today, timeZone),
    episode.level,
    {
      taperFrom: snapshot.taperFrom,
      plannedTransition: episode.plannedTransition,
    },
  );
  const lastWeek = weeks[weeks.length - 1];
  if (lastWeek && unexcusedWeeksBelowMinimumRunning(weeks) >= 1) {
    flag(
      'low-hours',
      `${round1(lastWeek.hours)} h attended in week ${lastWeek.week}, below the ${lastWeek.minimum} h minimum`,
    );
  }

  const used = new Set([primary.id, ...snapshot.scores.map((s) => s.instrumentId)]);
  let measuresDue = 0;
  for (const instrument of snapshot.catalogue) {
    if (!used.has(instrument.id)) continue;
    const due = measureDue(instrument, snapshot.scores, start, today, timeZone);
    if (due?.missing && o.measuredLevels.includes(episode.level))
      flag('missing-measure', due.message);
    // Due within the coming week: the interval ends in the next 7 days, or already has.
    if (
      due &&
      instrument.expectedFrequencyDays !== undefined &&
      due.daysSince + 6 >= instrument.expectedFrequencyDays
    )
      measuresDue++;
  }

  const review = nextReview(snapshot);
  if (review && review.daysUntil <= o.reviewWithinDays) {
    flag(
      'plan-review',
      review.daysUntil < 0
        ? `treatment-plan review overdue since ${review.day}`
        : review.daysUntil === 0
          ? 'treatment-plan review due today'
          : `treatment-plan review due in ${review.daysUntil} days (${review.day})`,
    );
  }

  const stepUp = assessStepUpRisk(snapshot);
  // Safety, deterioration and red are already flags of their own; say only what they do not.
  const covered = new Set(['safety-signal', 'deterioration', 'not-on-track']);
  const extra = stepUp.criteria.filter((c) => c.status === 'met' && !covered.has(c.id));
  if (extra.length) flag('step-up-risk', extra.map((c) => `${c.label}: ${c.evidence}`).join('; '));

  const readiness = assessReadiness(snapshot);
  if (readiness.verdict === 'ready' && !flags.some((f) => TRIAGE_TIER[f.kind] <= 1)) {
    flag('ready-to-step-down', readiness.summary);
  }

  flags.sort((a, b) => TRIAGE_TIER[a.kind] - TRIAGE_TIER[b.kind]);
  const attendance = attendanceSummary(
    snapshot.sessions,
    { from: windowFrom, to: today },
    timeZone,
  );
  const weeklyMinimum = minimumWeeklyHours(episode.level);
  const next = snapshot.sessions
    .filter((s) => s.status === 'scheduled' && (toCalendarDay(s.start, timeZone) ?? '') >= today)
    .map((s) => s.start)
    .sort()[0];
  const expectedWeeks =
    o.expectedWeeks[episode.level] ?? levelDefinition(episode.level).expectedWeeks;
  return {
    flags,
    tier: flags.length ? TRIAGE_TIER[flags[0].kind] : NO_FLAG_TIER,
    week: Math.max(1, weekInTreatment(start, today)),
    ...(expectedWeeks ? { expectedWeeks: { min: expectedWeeks.min, max: expectedWeeks.max } } : {}),
    ...latestScore(progress, snapshot),
    ...(baseline ? { baseline: { score: baseline.total, day: baseline.day } } : {}),
    ...(baseline && latest
      ? { improvement: improvementFromBaseline(snapshot.primary, baseline.total, latest.total) }
      : {}),
    ...(change ? { change } : {}),
    track: track?.status ?? 'grey',
    sparkline: progress.episodeScores.slice(-o.sparklineLength).map((s) => s.total),
    attendance: {
      ...(attendance.rate !== undefined ? { rate: attendance.rate } : {}),
      attendedHours: attendance.attendedHours,
      ...(weeklyMinimum !== undefined
        ? { minimumHours: (weeklyMinimum * o.attendanceDays) / 7 }
        : {}),
      missedInRow,
    },
    measuresDue,
    ...(next ? { nextSession: next } : {}),
    ...(review ? { review } : {}),
    readiness,
    stepUpRisk: stepUp,
  };
}

function latestScore(progress: ReturnType<typeof primaryProgress>, snapshot: ClientSnapshot) {
  const last = progress.episodeScores[progress.episodeScores.length - 1];
  if (!last) return {};
  const band = severityOf(snapshot.primary, last.total);
  return { latest: { score: last.total, day: last.day, ...(band ? { band } : {}) } };
}

/** The next review date of the active treatment plan (the earliest if several). */
function nextReview(snapshot: ClientSnapshot): { day: CalendarDay; daysUntil: number } | undefined {
  const days = snapshot.carePlans
    .filter((p) => p.kind === 'treatment-plan' && p.status === 'active' && p.nextReview)
    .map((p) => p.nextReview!)
    .sort();
  const day = days[0];
  return day ? { day, daysUntil: daysBetween(snapshot.today, day) } : undefined;
}

const round1 = (v: number) => Math.round(v * 10) / 10;
