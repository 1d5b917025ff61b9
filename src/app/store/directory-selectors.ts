import { createSelector } from '@ngrx/store';
import { organizationsSlice } from './clinical-slices';

/** The programs loaded (organisations of kind program), by name, for filters. */
export const selectProgramOptions = createSelector(organizationsSlice.selectAll, (organizations) =>
  organizations
    .filter((o) => o.kind === 'program')
    .map((o) => ({ id: o.id, name: o.name ?? o.id }))
    .sort((a, b) => a.name.localeCompare(b.name)),
);
