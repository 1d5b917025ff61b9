import { Action } from '@ngrx/store';
import { MappedEpisode, MappedSession } from '../fhir-mapping';
import { ClinicalApiActions } from './clinical-actions';
import { ClinicalData } from './clinical-data';
import { episodesSlice, sessionsSlice, staffSlice } from './clinical-slices';
import { EMPTY_DATA, NO_PROBLEMS } from './store-fixtures';

const episode = (id: string, patientId: string): MappedEpisode => ({
  id,
  patientId,
  level: 'iop',
  status: 'active',
  start: '2026-10-01',
});

function loaded(data: Partial<ClinicalData>, patientIds: string[]): Action {
  return ClinicalApiActions.queryLoaded({
    query: 'caseload',
    data: { ...EMPTY_DATA, ...data },
    patientIds,
    loadedAt: 1,
    partial: false,
    partialReasons: [],
    requests: 1,
    mapping: NO_PROBLEMS,
  });
}

describe('clinical entity slices', () => {
  it('replace the records of the patients a query covered, keeping the others', () => {
    const reducer = episodesSlice.feature.reducer;
    let state = reducer(
      undefined,
      loaded({ episodes: [episode('e1', 'p1'), episode('e2', 'p1'), episode('e3', 'p2')] }, [
        'p1',
        'p2',
      ]),
    );
    // A refresh for p1 no longer has e2 (deleted on the server): it goes.
    state = reducer(state, loaded({ episodes: [episode('e1', 'p1')] }, ['p1']));
    expect(state.ids).toEqual(['e3', 'e1']);
  });

  it('keep an Appointment and an Encounter with the same id apart', () => {
    const session = (sourceType: MappedSession['sourceType']): MappedSession => ({
      id: 's1',
      patientId: 'p1',
      modality: 'cbt',
      status: sourceType === 'Encounter' ? 'attended' : 'scheduled',
      start: '2026-11-02T15:00:00Z',
      minutes: 60,
      sourceType,
    });
    const state = sessionsSlice.feature.reducer(
      undefined,
      loaded({ sessions: [session('Appointment'), session('Encounter')] }, ['p1']),
    );
    expect(state.ids).toEqual(['Appointment/s1', 'Encounter/s1']);
  });

  it('upsert records that belong to no patient', () => {
    const reducer = staffSlice.feature.reducer;
    let state = reducer(undefined, loaded({ staff: [{ id: 'a', name: 'A', active: true }] }, []));
    state = reducer(state, loaded({ staff: [{ id: 'b', name: 'B', active: true }] }, ['p1']));
    expect(state.ids).toEqual(['a', 'b']);
  });
});
