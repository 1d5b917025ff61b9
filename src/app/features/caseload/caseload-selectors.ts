import { createSelector } from '@ngrx/store';
import { authFeature } from '../../core/auth/auth-feature';
import { configFeature } from '../../core/config/config-feature';
import { CalendarDay } from '../../domain/models';
import {
  carePlansSlice,
  conditionsSlice,
  episodesSlice,
  flagsSlice,
  organizationsSlice,
  patientsSlice,
  safetyItemsSlice,
  scoresSlice,
  sessionsSlice,
  staffSlice,
} from '../../store/clinical-slices';
import { queriesFeature } from '../../store/queries-feature';
import { selectQueryParams } from '../../store/router-selectors';
import { serverFeature } from '../../store/server-feature';
import { CaseloadFilters, filtersFromParams } from './caseload-filters';
import { CaseloadRow, ClientRecords, caseloadRow, emptyClientRecords } from './caseload-row';
import { caseloadSearchFeature } from './caseload-search-feature';

/** Every record grouped by client, once per store change (not once per row). */
export const selectRecordsByPatient = createSelector(
  episodesSlice.selectAll,
  scoresSlice.selectAll,
  safetyItemsSlice.selectAll,
  sessionsSlice.selectAll,
  flagsSlice.selectAll,
  carePlansSlice.selectAll,
  conditionsSlice.selectAll,
  (episodes, scores, safetyItems, sessions, flags, carePlans, conditions) => {
    const byPatient = new Map<string, ClientRecords>();
    const of = (id: string) => {
      let records = byPatient.get(id);
      if (!records) byPatient.set(id, (records = emptyClientRecords()));
      return records;
    };
    for (const r of episodes) of(r.patientId).episodes.push(r);
    for (const r of scores) of(r.patientId).scores.push(r);
    for (const r of safetyItems) of(r.patientId).safetyItems.push(r);
    for (const r of sessions) of(r.patientId).sessions.push(r);
    for (const r of flags) of(r.patientId).flags.push(r);
    for (const r of carePlans) of(r.patientId).carePlans.push(r);
    for (const r of conditions) of(r.patientId).conditions.push(r);
    return byPatient;
  },
);

/**
 * The clients in care that the signed-in user's caseload covers: a therapist's active episodes
 * they manage, a psychiatrist's care-team clients, everything a director may see — and only
 * clients the caseload load itself covered. Other loads (a director's cohort or outcomes) bring
 * episodes without the rest of a client's record; rows built from them before the caseload
 * arrived would show flags worked out from missing sessions and scores, so until the caseload
 * has loaded there are none.
 */
export const selectCaseloadEpisodes = createSelector(
  episodesSlice.selectAll,
  authFeature.selectUser,
  queriesFeature.selectQuery('caseload'),
  (episodes, user, caseload) => {
    const covered = new Set(caseload.patientIds ?? []);
    const active = episodes.filter((e) => e.status === 'active' && covered.has(e.patientId));
    if (!user || user.role !== 'therapist') return active;
    const me = user.practitionerRef.replace(/^Practitioner\//, '');
    return active.filter((e) => e.careManagerId === me);
  },
);

const byDay = new Map<CalendarDay, ReturnType<typeof rowsSelector>>();

function rowsSelector(today: CalendarDay) {
  return createSelector(
    selectCaseloadEpisodes,
    selectRecordsByPatient,
    patientsSlice.selectEntities,
    configFeature.selectProgramTimeZone,
    serverFeature.selectRecoveryCurves,
    configFeature.selectExpectedWeeks,
    (episodes, records, patients, timeZone, curves, expectedWeeks): CaseloadRow[] => {
      // One row per client: with two active episodes (a data error), the later start wins.
      const current = new Map<string, (typeof episodes)[number]>();
      for (const e of episodes) {
        const seen = current.get(e.patientId);
        if (!seen || e.start > seen.start) current.set(e.patientId, e);
      }
      return [...current.values()].map((episode) =>
        caseloadRow(
          episode,
          patients[episode.patientId],
          records.get(episode.patientId) ?? emptyClientRecords(),
          {
            today,
            timeZone,
            expectedWeeks,
            ...(curves ? { curves: curves.set } : {}),
          },
        ),
      );
    },
  );
}

/** The caseload rows as of `today` (one memoised selector per day). */
export function selectCaseloadRows(today: CalendarDay) {
  let selector = byDay.get(today);
  if (!selector) byDay.set(today, (selector = rowsSelector(today)));
  return selector;
}

/** Names for the director's therapist and program pickers. */
export const selectCareManagers = createSelector(
  selectCaseloadEpisodes,
  staffSlice.selectEntities,
  (episodes, staff) =>
    [...new Set(episodes.map((e) => e.careManagerId).filter((id): id is string => !!id))]
      .map((id) => ({ id, name: staff[id]?.name ?? id }))
      .sort((a, b) => a.name.localeCompare(b.name)),
);

export const selectPrograms = createSelector(
  selectCaseloadEpisodes,
  organizationsSlice.selectEntities,
  (episodes, organizations) =>
    [...new Set(episodes.map((e) => e.programId).filter((id): id is string => !!id))]
      .map((id) => ({ id, name: organizations[id]?.name ?? id }))
      .sort((a, b) => a.name.localeCompare(b.name)),
);

/**
 * The view: the URL's, with the search as typed while the URL has not caught up with it, so a
 * keystroke filters without waiting for a navigation.
 */
export const selectCaseloadFilters = createSelector(
  selectQueryParams,
  caseloadSearchFeature.selectTyped,
  (params, typed): CaseloadFilters => {
    const filters = filtersFromParams(params ?? {});
    return typed === null || typed === filters.q ? filters : { ...filters, q: typed };
  },
);
