import { createSelector } from '@ngrx/store';
import { authFeature } from '../../core/auth/auth-feature';
import { careTeamsSlice } from '../../store/clinical-slices';
import { serverFeature } from '../../store/server-feature';

/**
 * Whether this server lets Waypoint record a transition at all: a planned step-down or step-up
 * is a new EpisodeOfCare and an update of the current one (many EHRs accept neither from apps).
 * `reason` says why not, for the board to show instead of the action.
 */
export const selectPlanningAvailability = createSelector(serverFeature.selectWrites, (writes) => {
  if (writes === null) return { available: false, reason: 'Checking what this server accepts…' };
  const episode = writes['EpisodeOfCare'];
  if (!episode?.create || !episode.update)
    return {
      available: false,
      reason:
        'This FHIR server does not accept EpisodeOfCare writes from Waypoint, so transitions are planned in the EHR. The board is read-only.',
    };
  return { available: true as const };
});

/**
 * The clients whose care team includes the signed-in user: only they may plan that client's
 * transition (the server enforces it; the UI hides the action for others).
 */
export const selectPlannablePatients = createSelector(
  careTeamsSlice.selectAll,
  authFeature.selectUser,
  (teams, user) => {
    if (!user) return new Set<string>();
    const me = user.practitionerRef.replace(/^Practitioner\//, '');
    return new Set(
      teams
        .filter((t) => t.status === 'active' && t.memberIds.includes(me))
        .map((t) => t.patientId),
    );
  },
);
