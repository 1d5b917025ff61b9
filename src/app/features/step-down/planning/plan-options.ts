import { LEVELS, levelDefinition } from '../../../domain/levels/level-of-care';
import { CalendarDay, LevelOfCare } from '../../../domain/models';
import { formatDay } from '../../../domain/progress/measure-summary';

export type TransitionDirection = 'step-down' | 'step-up';

export interface TargetOption {
  readonly level: LevelOfCare;
  readonly direction: TransitionDirection;
  /** "Step-down to Outpatient (weekly)". */
  readonly label: string;
}

export interface TargetGroup {
  readonly direction: TransitionDirection;
  readonly label: string;
  readonly options: readonly TargetOption[];
}

const VERB: Readonly<Record<TransitionDirection, string>> = {
  'step-down': 'Step-down',
  'step-up': 'Step-up',
};

export function directionOf(from: LevelOfCare, to: LevelOfCare): TransitionDirection {
  return levelDefinition(to).rank < levelDefinition(from).rank ? 'step-down' : 'step-up';
}

/**
 * The levels a client at `current` can be planned to move to: every less intensive level as a
 * step-down and every more intensive one as a step-up, nearest first, because the next rung is
 * the usual move and skipping rungs (IOP straight to aftercare, IOP to inpatient in a crisis)
 * is the exception. Staying at the same level is not a transition, so it is not offered.
 */
export function targetGroups(current: LevelOfCare): TargetGroup[] {
  const rank = levelDefinition(current).rank;
  const option = (level: LevelOfCare, direction: TransitionDirection): TargetOption => ({
    level,
    direction,
    label: `${VERB[direction]} to ${levelDefinition(level).label}`,
  });
  const down = LEVELS.filter((d) => d.rank < rank)
    .sort((a, b) => b.rank - a.rank)
    .map((d) => option(d.level, 'step-down'));
  const up = LEVELS.filter((d) => d.rank > rank)
    .sort((a, b) => a.rank - b.rank)
    .map((d) => option(d.level, 'step-up'));
  return [
    ...(down.length
      ? [{ direction: 'step-down' as const, label: 'Step down', options: down }]
      : []),
    ...(up.length ? [{ direction: 'step-up' as const, label: 'Step up', options: up }] : []),
  ];
}

/**
 * Reasons staff commonly give, offered as suggestions; the field still takes free text. Step-down
 * reasons follow the readiness criteria Waypoint shows, step-up reasons its step-up risks.
 */
export const COMMON_REASONS: Readonly<Record<TransitionDirection, readonly string[]>> = {
  'step-down': [
    'Treatment goals met',
    'Symptoms improved and stable',
    'Taper completed as planned',
    'Client prefers less intensive care',
    'Authorization for this level ended',
  ],
  'step-up': [
    'Symptoms worsening',
    'Safety concern',
    'Not responding at this level',
    'Return to substance use',
    'Cannot keep up attendance at this level',
  ],
};

export const REASON_MAX_LENGTH = 200;
export const NOTE_MAX_LENGTH = 1000;

/** "Step-down to Outpatient": the short label, as the journey strip and board name levels. */
export function transitionName(from: LevelOfCare, to: LevelOfCare): string {
  return `${VERB[directionOf(from, to)]} to ${levelDefinition(to).shortLabel}`;
}

/** The snackbar after a save: "Step-down to Outpatient planned for 12 Dec 2026". */
export function plannedAnnouncement(
  stepDown: boolean,
  target: LevelOfCare,
  plannedDate: CalendarDay,
): string {
  const verb = stepDown ? VERB['step-down'] : VERB['step-up'];
  return `${verb} to ${levelDefinition(target).shortLabel} planned for ${formatDay(plannedDate)}`;
}
