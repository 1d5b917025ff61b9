/**
 * What the step-down view's "Flows and outcomes" section shows for one admission cohort, built
 * by `flows-selectors.ts` from the domain (journeys/cohort-flows, time-in-level,
 * step-down-success, step-down-scores) and drawn by presentational components. Every number a
 * chart draws is here, so the table behind it shows the same values.
 */
import { FlowExit, FlowLinkKind } from '../../../domain/journeys/cohort-flows';
import { LevelOfCare } from '../../../domain/models';
import { Proportion } from '../../../domain/stats/wilson';

export interface CohortChoice {
  /** Admission period, inclusive calendar days. */
  readonly from: string;
  readonly to: string;
  readonly programId?: string;
}

export interface FlowNodeView {
  readonly key: string;
  /** "IOP", "Completed". */
  readonly label: string;
  /** "Stay 2: IOP" for a level node, the exit's label for an exit. */
  readonly longLabel: string;
  readonly step?: number;
  readonly level?: LevelOfCare;
  readonly exit?: FlowExit;
  readonly clients: number;
}

export interface FlowLinkView {
  readonly from: string;
  readonly to: string;
  /** "Stay 1: PHP" → "Stay 2: IOP". */
  readonly fromLabel: string;
  readonly toLabel: string;
  readonly kind: FlowLinkKind;
  /** "Step-down", "Step-up", "Readmission", "Moved within level", "Exit". */
  readonly kindLabel: string;
  readonly clients: number;
  /** Share of the cohort, 0–1. */
  readonly share: number;
}

export interface FlowView {
  readonly clients: number;
  readonly nodes: readonly FlowNodeView[];
  readonly links: readonly FlowLinkView[];
  readonly truncated: number;
  /** "42 clients admitted 1 Mar – 31 May 2026: 31 stepped down at least once, 6 stepped up…" */
  readonly summary: string;
}

export interface LevelDurationView {
  readonly level: LevelOfCare;
  readonly label: string;
  readonly n: number;
  readonly ongoing: number;
  readonly medianDays?: number;
  readonly q1Days?: number;
  readonly q3Days?: number;
  readonly minDays?: number;
  readonly maxDays?: number;
  /** Expected length in days (weeks × 7). */
  readonly expectedDays?: { readonly min: number; readonly max: number };
  readonly shorter: number;
  readonly within: number;
  readonly longer: number;
}

export interface StepDownSuccessView {
  readonly from: LevelOfCare;
  readonly to: LevelOfCare;
  /** "PHP → IOP". */
  readonly pairLabel: string;
  readonly at30: Proportion & { readonly tooEarly: number };
  readonly at90: Proportion & { readonly tooEarly: number };
  /** Fewer than 10 judged step-downs: shown, marked, not ranked. */
  readonly smallGroup: boolean;
}

export interface ScoreAtStepDownView {
  readonly fate: 'held' | 'stepped-back-up';
  /** "Held 90 days", "Stepped back up within 90 days". */
  readonly label: string;
  readonly stepDowns: number;
  readonly withScore: number;
  readonly median?: number;
  readonly q1?: number;
  readonly q3?: number;
  readonly bySeverity: readonly { readonly label: string; readonly count: number }[];
}

export interface FlowsSectionView {
  readonly cohort: CohortChoice;
  /** "1 Mar 2026 – 31 May 2026 · Adult IOP". */
  readonly cohortLabel: string;
  readonly flow: FlowView;
  readonly durations: readonly LevelDurationView[];
  readonly success: readonly StepDownSuccessView[];
  /** Primary measure (PHQ-9 unless the program says otherwise) at step-down, 90-day window. */
  readonly scores: {
    readonly instrument: string;
    readonly held: ScoreAtStepDownView;
    readonly steppedBackUp: ScoreAtStepDownView;
  };
  /** Episodes whose level code did not map (so an administrator can fix the code map). */
  readonly unmappedLevels: readonly { readonly episodeId: string; readonly codes: string }[];
  /** Data-quality notes from the journeys (overlaps, missing starts). */
  readonly issues: number;
}
