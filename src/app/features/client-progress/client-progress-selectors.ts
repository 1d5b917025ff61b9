import { createSelector, createSelectorFactory, resultMemoize } from '@ngrx/store';
import { configFeature } from '../../core/config/config-feature';
import { CalendarDay } from '../../domain/models';
import { organizationsSlice, patientsSlice, staffSlice } from '../../store/clinical-slices';
import { queriesFeature } from '../../store/queries-feature';
import { clientQueryKey } from '../../store/query-key';
import { createSameDataSelector } from '../../store/same-data';
import { serverFeature } from '../../store/server-feature';
import { ClientRecords, emptyClientRecords } from '../caseload/caseload-row';
import { selectRecordsByPatient } from '../caseload/caseload-selectors';
import { clientProgressView } from './client-progress-view';
import { keepUnchangedParts } from './keep-unchanged';
import { ClientProgressView } from './progress-view-model';
import { sameRecords } from './same-records';

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

/** Only the names a client's page shows: their episodes' therapists and programs. */
function namesOf(
  records: ClientRecords | undefined,
  staff: Readonly<Record<string, string>>,
  programs: Readonly<Record<string, string>>,
) {
  const staffNames: Record<string, string> = {};
  const programNames: Record<string, string> = {};
  for (const e of records?.episodes ?? []) {
    if (e.careManagerId && staff[e.careManagerId])
      staffNames[e.careManagerId] = staff[e.careManagerId];
    if (e.programId && programs[e.programId]) programNames[e.programId] = programs[e.programId];
  }
  return { staff: staffNames, programs: programNames };
}

/**
 * The progress view of one client as of one day. The page makes one per client it shows and
 * lets it go when it leaves, so no memo outlives the page. Its inputs are this client's records
 * (kept while they hold the same records, in any order: see `sameRecords`) and the names it
 * shows (only this client's therapists and programs, kept while equal by value): the caseload
 * landing after the client's own load (with the same records in another order, every other
 * client's, and the whole staff directory) leaves the view, and so the charts, as they are.
 * When the view does change (the therapist's name arrives), its unchanged parts are the
 * previous view's objects (`keepUnchangedParts`), so only what shows the change redraws.
 */
export function selectClientProgress(patientId: string, today: CalendarDay) {
  const selectRecords = createSelectorFactory<object, ClientRecords | undefined>((fn) =>
    resultMemoize(fn, sameRecords),
  )(selectRecordsByPatient, (byPatient: ReadonlyMap<string, ClientRecords>) =>
    byPatient.get(patientId),
  );
  const selectNames = createSameDataSelector(
    createSelector(selectRecords, selectStaffNames, selectProgramNames, namesOf),
    (names) => names,
  );
  let previous: ClientProgressView | undefined;
  return createSelector(
    selectRecords,
    createSameDataSelector(patientsSlice.selectEntities, (patients) => patients[patientId]),
    selectNames,
    configFeature.selectProgramTimeZone,
    serverFeature.selectRecoveryCurves,
    (records, patient, names, timeZone, curves) => {
      if (!records && !patient) return undefined;
      const view = clientProgressView({
        patientId,
        ...(patient ? { patient } : {}),
        records: records ?? emptyClientRecords(),
        staffName: (id) => (id ? names.staff[id] : undefined),
        programName: (id) => (id ? names.programs[id] : undefined),
        today,
        timeZone,
        ...(curves ? { curves: curves.set } : {}),
      });
      previous = keepUnchangedParts(previous, view);
      return previous;
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
