import { createSelector } from '@ngrx/store';
import { configFeature } from '../../core/config/config-feature';
import { CalendarDay } from '../../domain/models';
import { organizationsSlice, patientsSlice, staffSlice } from '../../store/clinical-slices';
import { queriesFeature } from '../../store/queries-feature';
import { clientQueryKey } from '../../store/query-key';
import { createSameDataSelector } from '../../store/same-data';
import { serverFeature } from '../../store/server-feature';
import { emptyClientRecords } from '../caseload/caseload-row';
import { selectRecordsByPatient } from '../caseload/caseload-selectors';
import { clientProgressView } from './client-progress-view';

/**
 * The names of staff and of programs by id. Each load of the directory brings the same people
 * back as new records; by value, nothing changed, so the views that name them stay as they are.
 */
const selectStaffNames = createSameDataSelector(staffSlice.selectEntities, (staff) =>
  namesById(staff),
);
const selectProgramNames = createSameDataSelector(organizationsSlice.selectEntities, (orgs) =>
  namesById(orgs),
);

function namesById(
  entities: Readonly<Record<string, { readonly name?: string } | undefined>>,
): Readonly<Record<string, string>> {
  const names: Record<string, string> = {};
  for (const [id, entity] of Object.entries(entities)) if (entity?.name) names[id] = entity.name;
  return names;
}

/**
 * The progress view of one client as of one day. The page makes one per client it shows and
 * lets it go when it leaves, so no memo outlives the page. Its inputs are this client's records
 * and the names it shows, each kept while equal by value: the caseload landing after the
 * client's own load (with the same records, and every other client's) leaves the view, and so
 * the charts, as they are.
 */
export function selectClientProgress(patientId: string, today: CalendarDay) {
  return createSelector(
    createSameDataSelector(selectRecordsByPatient, (byPatient) => byPatient.get(patientId)),
    createSameDataSelector(patientsSlice.selectEntities, (patients) => patients[patientId]),
    selectStaffNames,
    selectProgramNames,
    configFeature.selectProgramTimeZone,
    serverFeature.selectRecoveryCurves,
    (records, patient, staff, programs, timeZone, curves) => {
      if (!records && !patient) return undefined;
      return clientProgressView({
        patientId,
        ...(patient ? { patient } : {}),
        records: records ?? emptyClientRecords(),
        staffName: (id) => (id ? staff[id] : undefined),
        programName: (id) => (id ? programs[id] : undefined),
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
