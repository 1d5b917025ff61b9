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

function loaded(data: Partial<ClinicalData>, patientIds: string[], historyFrom?: string): Action {
  return ClinicalApiActions.queryLoaded({
    query: 'caseload',
    data: { ...EMPTY_DATA, ...data },
    patientIds,
    loadedAt: 1,
    partial: false,
    partialReasons: [],
    requests: 1,
    mapping: NO_PROBLEMS,
    ...(historyFrom ? { historyFrom } : {}),
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

  it('hold the records a load brought, replacing (not merging into) those with their id', () => {
    const reducer = episodesSlice.feature.reducer;
    const planned: MappedEpisode = { ...episode('e1', 'p1'), endReason: 'completed' };
    let state = reducer(undefined, loaded({ episodes: [planned] }, []));
    const again = episode('e1', 'p1');
    state = reducer(state, loaded({ episodes: [again] }, []));
    // The action's own object, so the store and the action stream share one copy of a load.
    expect(state.entities['e1']).toBe(again);
    expect(state.entities['e1']?.endReason).toBeUndefined();
    expect(state.ids).toEqual(['e1']);
  });

  it('keep an Appointment and an Encounter with the same id apart', () => {
    const session = (sourceType: MappedSession['sourceType'], id = 's1'): MappedSession => ({
      id,
      patientId: 'p1',
      modality: 'cbt',
      status: sourceType === 'Encounter' ? 'attended' : 'scheduled',
      start: '2026-11-02T15:00:00Z',
      minutes: 60,
      sourceType,
    });
    const sessions = [
      session('Appointment'),
      session('Encounter'),
      // Not FHIR ids, but a server could send them: still four sessions.
      session('Encounter', 'Appointment/s1'),
      session('Appointment', 'Encounter/s1'),
    ];
    const state = sessionsSlice.feature.reducer(undefined, loaded({ sessions }, ['p1']));
    expect(state.ids.length).toBe(4);
    expect(Object.values(state.entities)).toEqual(sessions);
  });

  it('upsert records that belong to no patient', () => {
    const reducer = staffSlice.feature.reducer;
    let state = reducer(undefined, loaded({ staff: [{ id: 'a', name: 'A', active: true }] }, []));
    state = reducer(state, loaded({ staff: [{ id: 'b', name: 'B', active: true }] }, ['p1']));
    expect(state.ids).toEqual(['a', 'b']);
  });

  it('replace sessions only from the day a recent-history load read from', () => {
    const session = (id: string, start: string): MappedSession => ({
      id,
      patientId: 'p1',
      modality: 'cbt',
      status: 'attended',
      start,
      minutes: 60,
      sourceType: 'Encounter',
    });
    const reducer = sessionsSlice.feature.reducer;
    // The client's whole record, from their page.
    let state = reducer(
      undefined,
      loaded(
        {
          sessions: [
            session('old', '2026-03-02T09:00:00-06:00'),
            session('edge', '2026-09-27T20:00:00-10:00'),
            session('gone', '2026-10-06T09:00:00-05:00'),
            session('kept', '2026-10-07T09:00:00-05:00'),
          ],
        },
        ['p1'],
      ),
    );
    // Then a caseload reading from 2026-09-27: 'gone' was deleted on the server.
    state = reducer(
      state,
      loaded({ sessions: [session('kept', '2026-10-07T09:00:00-05:00')] }, ['p1'], '2026-09-27'),
    );
    // Older history stays, and so does the bound's own day (the server's bound may differ by a
    // time zone); what the load covered is replaced.
    expect(state.ids).toEqual(['old', 'edge', 'kept']);
  });
});
