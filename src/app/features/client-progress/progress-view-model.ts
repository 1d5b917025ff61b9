/**
 * What the client progress page shows, derived once per store change by
 * `client-progress-view.ts` (pure) and handed to presentational components. Every number the
 * charts draw is here, so the data tables behind the charts show exactly the same values.
 * Days are calendar days (`YYYY-MM-DD`) in the program's time zone.
 */
import { AttentionFlag } from '../../domain/caseload/attention-flags';
import { ReliableChange } from '../../domain/instruments/reliable-change';
import { OutcomeCategory } from '../../domain/instruments/outcome-category';
import { SeverityLevel } from '../../domain/instruments/instrument';
import { CalendarDay, LevelOfCare, Modality } from '../../domain/models';
import { ReadinessVerdict } from '../../domain/readiness/readiness';
import { TransitionKind } from '../../domain/journeys/journey';

export interface DayRange {
  readonly from: CalendarDay;
  readonly to: CalendarDay;
}

/** The measure charts' time range choices (issue 7). */
export type ProgressRange = 'journey' | 'current-level' | 'last-8-weeks';

export interface ProgressHeader {
  readonly name: string;
  readonly age?: number;
  /** Presenting problems as labels ("Depression", "Substance use"). */
  readonly problems: readonly string[];
  /** Whether the client has an active episode. */
  readonly inCare: boolean;
  /** "IOP", with the level's full label for screen readers. */
  readonly levelLabel?: string;
  readonly levelName?: string;
  /** "week 6 of ~10". */
  readonly weekLabel?: string;
  readonly therapist?: string;
  readonly program?: string;
  /** The current (or last) episode's dates. */
  readonly episodeStart?: CalendarDay;
  readonly episodeEnd?: CalendarDay;
  /** Active flags in triage order (safety first), each with its evidence. */
  readonly flags: readonly AttentionFlag[];
  /** Next booked session: ISO instant and modality label. */
  readonly nextSession?: { readonly start: string; readonly modality: string };
  readonly readiness?: {
    readonly verdict: ReadinessVerdict;
    readonly summary: string;
    readonly criteria: readonly {
      readonly label: string;
      readonly status: 'met' | 'not-met' | 'unknown';
      readonly evidence: string;
    }[];
  };
}

export interface SeverityBandView {
  readonly min: number;
  readonly max: number;
  readonly label: string;
  readonly level: SeverityLevel;
}

export interface MeasurePoint {
  readonly id: string;
  readonly day: CalendarDay;
  readonly total: number;
  readonly severity?: string;
  readonly severityLevel?: SeverityLevel;
  /** Score minus the baseline (signed, in score units); undefined before or without a baseline. */
  readonly changeFromBaseline?: number;
  readonly reliableChange?: ReliableChange;
}

/** The expected recovery of comparable clients, in this client's score units, by week. */
export interface ExpectedPoint {
  readonly week: number;
  readonly day: CalendarDay;
  readonly expected: number;
  readonly amberEdge: number;
  readonly redEdge: number;
}

export interface MeasureView {
  readonly instrumentId: string;
  readonly name: string;
  readonly shortName: string;
  readonly primary: boolean;
  readonly direction: 'higher-is-worse' | 'higher-is-better';
  readonly range: { readonly min: number; readonly max: number };
  readonly bands: readonly SeverityBandView[];
  readonly caseness?: number;
  /** The current episode's baseline administration. */
  readonly baseline?: { readonly day: CalendarDay; readonly total: number };
  /** The scores a reliable change from baseline would cross, clamped to the range. */
  readonly reliableChangeLines?: { readonly improved: number; readonly deteriorated: number };
  /** The reliable-change threshold in score units. */
  readonly reliableChangeThreshold?: number;
  /** Every valid administration over the whole journey, oldest first. */
  readonly points: readonly MeasurePoint[];
  /** Expected recovery from the current episode's baseline (absent without a baseline band). */
  readonly expected?: readonly ExpectedPoint[];
  readonly expectedSource?: 'program' | 'default';
  /** Latest score's change from baseline, classified. */
  readonly change?: ReliableChange;
  /** The chart's text alternative: "PHQ-9 fell from 18 to 9 over 7 weeks; reliable improvement". */
  readonly summary: string;
  /** Modalities this measure is the target measure of (DERS-16 for DBT skills…). */
  readonly modalities: readonly Modality[];
  /** Administrations that could not be used (out of range, unreadable date). */
  readonly setAside: number;
}

/** One stay at one level, along the time axis. */
export interface PhaseView {
  readonly episodeId: string;
  readonly level: LevelOfCare;
  /** "IOP". */
  readonly label: string;
  readonly from: CalendarDay;
  /** The end day, or today for the current stay. */
  readonly to: CalendarDay;
  readonly days: number;
  readonly ongoing: boolean;
}

export interface TransitionMarker {
  readonly day: CalendarDay;
  readonly kind: TransitionKind | 'readmission' | 'planned';
  /** "Step-down to IOP", "Step-up to PHP", "Readmission to PHP", "Planned step-down to OP". */
  readonly label: string;
}

export type ProgressEventKind = 'missed-session' | 'safety' | 'care-plan';

export interface ProgressEvent {
  readonly day: CalendarDay;
  readonly kind: ProgressEventKind;
  /** "Missed DBT skills group", "PHQ-9 item 9 scored 2", "Treatment plan created". */
  readonly label: string;
}

/** One treatment week of the journey (weeks counted from the journey's first day). */
export interface DoseWeek {
  readonly week: number;
  readonly from: CalendarDay;
  readonly to: CalendarDay;
  /** Attended hours across all modalities. */
  readonly hours: number;
  /** The minimum weekly hours of the level the client was at that week, where it has one. */
  readonly minimum?: number;
  readonly level?: LevelOfCare;
}

export interface ModalityWeekView {
  readonly week: number;
  readonly from: CalendarDay;
  readonly attended: number;
  /** Sessions that were due and not attended (no-shows). */
  readonly missed: number;
  readonly hours: number;
}

export interface ModalityView {
  readonly modality: Modality;
  readonly label: string;
  readonly attended: number;
  readonly scheduled: number;
  /** attended / scheduled, undefined when nothing was due. */
  readonly rate?: number;
  readonly hours: number;
  /** One entry per journey week (same weeks as `DoseView.weeks`), zeros where none. */
  readonly weeks: readonly ModalityWeekView[];
  /** The measure this modality aims to move, where the client has it. */
  readonly target?: {
    readonly instrumentId: string;
    readonly shortName: string;
    readonly baseline?: number;
    readonly latest?: number;
    readonly change?: ReliableChange;
  };
}

export interface DoseView {
  readonly weeks: readonly DoseWeek[];
  readonly modalities: readonly ModalityView[];
}

export interface ItemGridView {
  readonly instrumentId: string;
  readonly shortName: string;
  /** Rows: one per item, in questionnaire order. */
  readonly items: readonly {
    readonly id: string;
    readonly label: string;
    readonly safety: boolean;
  }[];
  /** Columns: one per administration that carried item scores, oldest first. */
  readonly columns: readonly { readonly id: string; readonly day: CalendarDay }[];
  /** cells[row][column]: the item score, or undefined where that item was not answered. */
  readonly cells: readonly (readonly (number | undefined)[])[];
  readonly itemMax: number;
}

export interface JourneyStayView {
  readonly episodeId: string;
  readonly level: LevelOfCare;
  readonly label: string;
  readonly levelName: string;
  readonly from: CalendarDay;
  readonly to?: CalendarDay;
  readonly days: number;
  /** "5 wk 2 d". */
  readonly duration: string;
  readonly endReason?: string;
  readonly program?: string;
  readonly current: boolean;
  /** The stay began a readmission (a new admission after a discharge). */
  readonly readmission: boolean;
}

export interface JourneyView {
  readonly stays: readonly JourneyStayView[];
  readonly transitions: readonly TransitionMarker[];
  readonly readmissions: number;
  readonly planned?: {
    readonly targetLevel: LevelOfCare;
    readonly label: string;
    readonly day: CalendarDay;
    readonly reason?: string;
  };
  /** Data-quality notes about the episodes (overlaps, unknown levels), for the data note. */
  readonly issues: readonly string[];
}

export interface MeasureOutcomeView {
  readonly instrumentId: string;
  readonly shortName: string;
  readonly baseline?: number;
  readonly latest?: number;
  readonly change?: number;
  readonly reliableChange?: ReliableChange;
  readonly response?: boolean;
  readonly remission?: boolean;
  readonly category?: OutcomeCategory;
}

export interface OutcomeSummaryView {
  /** "IOP, 3 Nov 2026 – today". */
  readonly episodeLabel: string;
  /** The episode's category on its primary measure (with GAD-7 paired where present). */
  readonly category?: OutcomeCategory;
  readonly measures: readonly MeasureOutcomeView[];
  readonly measureCompletion: {
    readonly weeksWithMeasure: number;
    readonly weeksInTreatment: number;
    readonly rate?: number;
  };
  readonly attendance: {
    readonly attended: number;
    readonly missed: number;
    readonly rate?: number;
  };
}

export interface ClientProgressView {
  readonly patientId: string;
  readonly today: CalendarDay;
  readonly header: ProgressHeader;
  /** One per instrument the client has, primary first. */
  readonly measures: readonly MeasureView[];
  readonly phases: readonly PhaseView[];
  readonly transitions: readonly TransitionMarker[];
  readonly events: readonly ProgressEvent[];
  readonly dose: DoseView;
  readonly itemGrids: readonly ItemGridView[];
  readonly journey: JourneyView;
  readonly outcome?: OutcomeSummaryView;
  readonly ranges: Readonly<Record<ProgressRange, DayRange>>;
  /** What is expected when no measure has been recorded yet ("PHQ-9 is due weekly…"). */
  readonly expectedMeasures: readonly string[];
}
