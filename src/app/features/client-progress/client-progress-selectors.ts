import { createSelector } from '@ngrx/store';
import { configFeature } from '../../core/config/config-feature';
import { CalendarDay } from '../../domain/models';
import { organizationsSlice, patientsSlice, staffSlice } from '../../store/clinical-slices';
import { queriesFeature } from '../../store/queries-feature';
import { clientQueryKey } from '../../store/query-key';
import { serverFeature } from '../../store/server-feature';
import { emptyClientRecords } from '../caseload/caseload-row';
import { selectRecordsByPatient } from '../caseload/caseload-selectors';
import { clientProgressView } from './client-progress-view';

/**
 * The progress view of one client as of one day. The page makes one per client it shows and
 * lets it go when it leaves, so no memo outlives the page.
 */
export function selectClientProgress(patientId: string, today: CalendarDay) {
  return createSelector(
    selectRecordsByPatient,
    patientsSlice.selectEntities,
    staffSlice.selectEntities,
    organizationsSlice.selectEntities,
    configFeature.selectProgramTimeZone,
    serverFeature.selectRecoveryCurves,
    (byPatient, patients, staff, organizations, timeZone, curves) => {
      const records = byPatient.get(patientId);
      const patient = patients[patientId];
      if (!records && !patient) return undefined;
      return clientProgressView({
        patientId,
        ...(patient ? { patient } : {}),
        records: records ?? emptyClientRecords(),
        staffName: (id) => (id ? staff[id]?.name : undefined),
        programName: (id) => (id ? organizations[id]?.name : undefined),
        today,
        timeZone,
        ...(curves ? { curves: curves.set } : {}),
      });
    },
  );
}

/**
 * Where the client's data stands: their own query when the page started one, else the
 * caseload's when it read their whole record (the page was served from it). A caseload that
 * read recent history only never stands for the client's record, so the page shows nothing of
 * it before their own load.
 */
export function selectClientLoad(patientId: string) {
  return createSelector(
    queriesFeature.selectQuery(clientQueryKey(patientId)),
    queriesFeature.selectQuery('caseload'),
    (own, caseload) => {
      if (own.status !== 'idle') return { source: 'client' as const, status: own };
      const covered = !caseload.historyFrom && !!caseload.patientIds?.includes(patientId);
      if (covered || caseload.status === 'loading' || caseload.status === 'idle')
        return { source: 'caseload' as const, status: caseload };
      // The caseload loaded without this client: the page's own load is about to start.
      return { source: 'client' as const, status: { ...own, status: 'loading' as const } };
    },
  );
}
