import { createSelector } from '@ngrx/store';
import { patientsSlice, scoresSlice, sessionsSlice } from './clinical-slices';

/** Counts for the data status line. */
export const selectCaseloadSummary = createSelector(
  patientsSlice.selectTotal,
  scoresSlice.selectTotal,
  sessionsSlice.selectTotal,
  (clients, scores, sessions) => ({ clients, scores, sessions }),
);
