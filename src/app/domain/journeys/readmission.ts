import { Transition } from './journey';

/** Days without an episode after which a return counts as a readmission whatever the reason. */
export const READMISSION_GAP_DAYS = 7;

/**
 * Whether a move between stays is a readmission (Waypoint's rule, documented in
 * docs/client-progress.md): the client came back after a discharge (the stay before ended as
 * completed, left early, transferred or other, not as a step) or after more than
 * READMISSION_GAP_DAYS days out of care. The move is still a step-up or step-down by level.
 */
export function isReadmission(transition: Transition): boolean {
  if (transition.kind === 'admission' || transition.kind === 'discharge') return false;
  const stepped = transition.reason === 'stepped-down' || transition.reason === 'stepped-up';
  return (transition.reason !== undefined && !stepped) || transition.gapDays > READMISSION_GAP_DAYS;
}
