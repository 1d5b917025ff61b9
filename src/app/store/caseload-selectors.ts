import { createSelector } from '@ngrx/store';
import { patientsSlice, scoresSlice, sessionsSlice } from './clinical-slices';
import { queriesFeature } from './queries-feature';

/**
 * Counts for the data status line: clients on the caseload (not every patient loaded, which for
 * a director includes discharged clients once the outcomes or cohort data are in), and every
 * score and session held.
 */
export const selectCaseloadSummary = createSelector(
  queriesFeature.selectQuery('caseload'),
  patientsSlice.selectTotal,
  scoresSlice.selectTotal,
  sessionsSlice.selectTotal,
  (caseload, patients, scores, sessions) => ({
    clients: caseload.patientIds?.length ?? patients,
    scores,
    sessions,
  }),
);
