import { CalendarDay, LevelOfCare } from '../../domain/models';
import { Proportion } from '../../domain/stats/wilson';
import { TrendRate } from '../../domain/outcomes/trends';

/** The rates drawn by admission month (see domain `ratesByAdmissionMonth`). */
export type { TrendRate };

export const TREND_RATE_LABELS: Readonly<Record<TrendRate, string>> = {
  completion: 'Completion',
  response: 'Response',
  remission: 'Remission',
  reliableImprovement: 'Reliable improvement',
};

/** One admission month: each rate with its Wilson interval and n (finished episodes only). */
export interface TrendMonthView {
  /** `YYYY-MM`. */
  readonly month: string;
  /** e.g. "Mar 2026". */
  readonly label: string;
  readonly rates: Readonly<Record<TrendRate, Proportion>>;
}

export interface RateTrendsView {
  /** Months in order, none missing between the first and the last. */
  readonly months: readonly TrendMonthView[];
  /** The outcome measure's short name, for response / remission wording (e.g. "PHQ-9"). */
  readonly instrument: string;
}

/** Clients at each level on one day. */
export interface CensusPointView {
  readonly day: CalendarDay;
  /** e.g. "2 Mar 2026". */
  readonly label: string;
  readonly byLevel: Readonly<Partial<Record<LevelOfCare, number>>>;
  readonly total: number;
}

export interface CensusTrendView {
  /** Levels that had anyone in the series, highest intensity first, with their short labels. */
  readonly levels: readonly { readonly level: LevelOfCare; readonly label: string }[];
  readonly points: readonly CensusPointView[];
}

/** How a KPI moved against the previous period, and whether that is good news. */
export interface KpiComparisonView {
  /** e.g. "+6 points vs. previous 90 days (42 %, n = 38)". */
  readonly text: string;
  readonly direction: 'up' | 'down' | 'same';
  /** Undefined when the move is neither good nor bad (a census, admissions). */
  readonly better?: boolean;
}

/** One tile: a number with its n and interval, compared with the previous period. */
export interface KpiTileView {
  readonly id: string;
  readonly label: string;
  /** e.g. "48 %" or "36 days"; "—" when there is nothing to show. */
  readonly value: string;
  /** e.g. "95 % CI 35–61 % · n = 52", or what the number counts. */
  readonly detail: string;
  readonly comparison?: KpiComparisonView;
  /** Episodes behind the number, for the drill-down; absent for numbers not made of episodes. */
  readonly episodes?: number;
  /** Fewer than 10 in the denominator: shown, but marked as too few to read much into. */
  readonly small?: boolean;
  /** Lines under the number, e.g. the census per level. */
  readonly parts?: readonly string[];
}

/** One episode behind a number. */
export interface DrillRowView {
  readonly episodeId: string;
  /** Stable pseudonymous id shown by default (see domain `pseudonym`). */
  readonly pseudonym: string;
  /** Shown only after the deliberate "Show names" action. */
  readonly name: string;
  readonly program: string;
  readonly therapist: string;
  readonly level: string;
  readonly start: string;
  readonly end: string;
  /** e.g. "15 → 6" on the outcome measure, or "—". */
  readonly scores: string;
  /** Whether the episode counts in the numerator, in words (e.g. "Response", "No response"). */
  readonly outcome: string;
  readonly inNumerator: boolean;
}

/** The list behind a number: what it is, and its episodes. */
export interface DrillDownView {
  readonly title: string;
  /** What the list holds, in words: "52 episodes in the denominator; 25 responded." */
  readonly description: string;
  readonly rows: readonly DrillRowView[];
  /** Any of them carries substance-use (42 CFR Part 2) records. */
  readonly partTwo: boolean;
}

/** What the breakdown table groups episodes by. */
export type BreakdownDimension =
  'program' | 'therapist' | 'problem' | 'entry-route' | 'modality-mix';

export const BREAKDOWN_LABELS: Readonly<Record<BreakdownDimension, string>> = {
  program: 'Program',
  therapist: 'Therapist',
  problem: 'Presenting problem',
  'entry-route': 'Entry route',
  'modality-mix': 'Modality mix',
};

/** The rates a breakdown row shows, each drillable. */
export type BreakdownRate =
  'completion' | 'response' | 'remission' | 'reliableImprovement' | 'reliableDeterioration';

export const BREAKDOWN_RATE_LABELS: Readonly<Record<BreakdownRate, string>> = {
  completion: 'Completion',
  response: 'Response',
  remission: 'Remission',
  reliableImprovement: 'Reliable improvement',
  reliableDeterioration: 'Reliable deterioration',
};

export interface RateCellView {
  /** For sorting; undefined when no episode is in the denominator. */
  readonly rate: number | undefined;
  /** e.g. "48 % (35–61), n = 52", or "—". */
  readonly text: string;
  readonly n: number;
}

export interface BreakdownRowView {
  readonly key: string;
  readonly label: string;
  /** Episodes in the group's discharge cohort. */
  readonly n: number;
  /** n < 10: shown and marked, never ranked among the others. */
  readonly small: boolean;
  readonly rates: Readonly<Record<BreakdownRate, RateCellView>>;
  /** Mean improvement in points (positive = better), with the episodes it is over. */
  readonly meanImprovement: number | undefined;
  /** Observed − expected improvement given baseline severity (positive = better than case mix). */
  readonly adjusted: number | undefined;
  /** e.g. "observed 5.1, expected 4.2 from baseline severity (n = 40)". */
  readonly adjustedText: string;
}

export interface BreakdownView {
  readonly dimension: BreakdownDimension;
  readonly rows: readonly BreakdownRowView[];
  readonly instrument: string;
  /** Groups can overlap (an episode with two presenting problems is in both). */
  readonly overlapping: boolean;
}

/** One band of attended hours per week (as a share of the level's minimum). */
export interface DoseBandRowView {
  readonly id: string;
  readonly label: string;
  readonly n: number;
  readonly small: boolean;
  readonly response: RateCellView;
  readonly reliableImprovement: RateCellView;
  readonly meanImprovement: number | undefined;
}

/** A modality against its target measure, by attended sessions of it. */
export interface ModalityDoseView {
  readonly modality: string;
  readonly label: string;
  readonly instrument: string;
  readonly bands: readonly {
    readonly index: number;
    readonly label: string;
    readonly n: number;
    readonly small: boolean;
    readonly meanChange: number | undefined;
    readonly reliableImprovement: RateCellView;
  }[];
}

export interface DoseView {
  readonly byHours: readonly DoseBandRowView[];
  /** Episodes left out of the hours bands, in words ("4 stays shorter than a week"). */
  readonly leftOut: string | undefined;
  readonly modalities: readonly ModalityDoseView[];
  /** Association, not cause, in words. */
  readonly reading: string;
}

/** Everything the outcomes page shows for one set of filters. */
export interface OutcomesPageView {
  readonly periodLabel: string;
  readonly previousLabel: string;
  readonly levelLabel: string;
  readonly instrument: string;
  readonly tiles: readonly KpiTileView[];
  readonly trends: RateTrendsView;
  readonly census: CensusTrendView;
  readonly breakdown: BreakdownView;
  readonly dose: DoseView;
  readonly drill: DrillDownView | undefined;
  /** Episodes in the discharge cohort the rates are over. */
  readonly cohortSize: number;
  /** Scores set aside as out of range, in the cohort. */
  readonly unusableScores: number;
  /** The cohort includes substance-use (42 CFR Part 2) records: exports carry the notice. */
  readonly partTwo: boolean;
  /** The first day whose sessions were loaded (see `outcomeSessionsFrom`), formatted. */
  readonly sessionsFrom: string;
  /**
   * Episodes of the cohort or of the comparison cohort that started before `sessionsFrom`: their
   * attendance, hours and dose count only the sessions loaded.
   */
  readonly startedBeforeSessions: number;
}
