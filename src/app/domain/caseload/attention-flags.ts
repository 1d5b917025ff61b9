/**
 * Why a client may need attention this week, in Waypoint's triage order (issue 6): safety first,
 * then red (well below expected recovery, or reliably worse), amber, attendance, missing
 * measures, plan reviews, step-up risk, and last the good news that a step-down looks ready.
 * The order is Waypoint's choice, documented in docs/caseload-triage.md.
 */
export type AttentionKind =
  | 'safety'
  | 'not-on-track-red'
  | 'deterioration'
  | 'not-on-track-amber'
  | 'missed-sessions'
  | 'low-hours'
  | 'missing-measure'
  | 'plan-review'
  | 'step-up-risk'
  | 'ready-to-step-down';

export interface AttentionFlag {
  readonly kind: AttentionKind;
  /** Short label for a chip ("Safety"). */
  readonly label: string;
  /** Plain-language reason with the evidence ("PHQ-9 item 9 scored 2 on 2026-11-20"). */
  readonly reason: string;
}

/** Triage tiers: a client's tier is that of their most urgent flag. Lower is more urgent. */
export const TRIAGE_TIER: Readonly<Record<AttentionKind, number>> = {
  safety: 0,
  'not-on-track-red': 1,
  deterioration: 1,
  'not-on-track-amber': 2,
  'missed-sessions': 3,
  'low-hours': 3,
  'missing-measure': 4,
  'plan-review': 5,
  'step-up-risk': 6,
  'ready-to-step-down': 7,
};

/** A client with no flag. */
export const NO_FLAG_TIER = 8;

export const ATTENTION_LABELS: Readonly<Record<AttentionKind, string>> = {
  safety: 'Safety',
  'not-on-track-red': 'Off track',
  deterioration: 'Deteriorating',
  'not-on-track-amber': 'Behind',
  'missed-sessions': 'Missed sessions',
  'low-hours': 'Low hours',
  'missing-measure': 'Measure missing',
  'plan-review': 'Plan review',
  'step-up-risk': 'Step-up risk',
  'ready-to-step-down': 'Ready to step down',
};

export const ATTENTION_KINDS = Object.keys(TRIAGE_TIER) as AttentionKind[];
