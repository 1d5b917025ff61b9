import { Action } from '@ngrx/store';
import { configFeature } from '../../core/config/config-feature';
import { ClinicalApiActions } from '../../store/clinical-actions';
import { ClinicalData } from '../../store/clinical-data';
import { CLINICAL_SLICES } from '../../store/clinical-slices';
import { IDLE_QUERY, QueryStatus } from '../../store/queries-feature';
import { serverFeature } from '../../store/server-feature';
import { EMPTY_DATA, NO_PROBLEMS } from '../../store/store-fixtures';
import { selectClientLoad, selectClientProgress } from './client-progress-selectors';
import {
  PROGRESS_PATIENT,
  PROGRESS_TODAY,
  PROGRESS_TZ,
  progressRecords,
} from './client-progress-fixture';

const loaded = (patientIds: string[]): QueryStatus => ({
  ...IDLE_QUERY,
  status: 'loaded',
  loadedAt: 1,
  patientIds,
});

describe('selectClientLoad', () => {
  const project = (own: QueryStatus, caseload: QueryStatus) =>
    selectClientLoad('p1').projector(own, caseload);

  it('is served by the caseload when the caseload covers the client', () => {
    const caseload = loaded(['p1', 'p2']);
    expect(project(IDLE_QUERY, caseload)).toEqual({ source: 'caseload', status: caseload });
  });

  it('waits on the caseload while it is loading or not yet started', () => {
    const loading: QueryStatus = { ...IDLE_QUERY, status: 'loading' };
    expect(project(IDLE_QUERY, loading).source).toBe('caseload');
    expect(project(IDLE_QUERY, IDLE_QUERY).source).toBe('caseload');
  });

  it('reports the client’s own load once one has started', () => {
    const own: QueryStatus = { ...IDLE_QUERY, status: 'failed', forbidden: true, error: 'no' };
    expect(project(own, loaded(['p1']))).toEqual({ source: 'client', status: own });
  });

  it('counts as loading when the caseload loaded without the client and their load is due', () => {
    expect(project(IDLE_QUERY, loaded(['p2']))).toEqual({
      source: 'client',
      status: { ...IDLE_QUERY, status: 'loading' },
    });
  });

  it('is never served by a caseload that read recent sessions only: no flash of a part record', () => {
    const recent: QueryStatus = { ...loaded(['p1', 'p2']), historyFrom: '2026-06-13' };
    expect(project(IDLE_QUERY, recent)).toEqual({
      source: 'client',
      status: { ...IDLE_QUERY, status: 'loading' },
    });
  });
});

describe('selectClientProgress', () => {
  type State = Record<string, unknown>;

  function loaded(data: ClinicalData, patientIds: string[]): Action {
    return ClinicalApiActions.queryLoaded({
      query: 'caseload',
      data,
      patientIds,
      loadedAt: 1,
      partial: false,
      partialReasons: [],
      requests: 1,
      mapping: NO_PROBLEMS,
    });
  }

  function reduce(state: State, action: Action): State {
    const next: State = { ...state };
    for (const slice of CLINICAL_SLICES)
      next[slice.feature.name] = slice.feature.reducer(state[slice.feature.name] as never, action);
    return next;
  }

  /** The client's record (and another client's) as a load brings it: new objects each time. */
  function clientData(): ClinicalData {
    const records = progressRecords();
    return {
      ...EMPTY_DATA,
      patients: [{ ...PROGRESS_PATIENT }, { id: 'p2', name: 'Other Client', active: true }],
      episodes: records.episodes.map((e) => ({ ...e })),
      scores: records.scores.map((s) => ({ ...s, items: { ...s.items } })),
      sessions: records.sessions.map((s) => ({ ...s })),
      flags: records.flags.map((f) => ({ ...f })),
      carePlans: records.carePlans.map((c) => ({ ...c })),
      staff: [{ id: 't1', name: 'Avery Lanternfield', active: true }],
    };
  }

  beforeEach(() => {
    configFeature.selectProgramTimeZone.setResult(PROGRESS_TZ);
    serverFeature.selectRecoveryCurves.setResult(undefined);
  });

  // `release()` only forgets the memo; `clearResult()` removes the override, which would
  // otherwise leak into every later spec that reads these selectors.
  afterEach(() => {
    configFeature.selectProgramTimeZone.clearResult();
    serverFeature.selectRecoveryCurves.clearResult();
    configFeature.selectProgramTimeZone.release();
    serverFeature.selectRecoveryCurves.release();
  });

  it('keeps the same view when a later load brings the same records back as new objects', () => {
    const select = selectClientProgress('p1', PROGRESS_TODAY);
    let state = reduce({}, loaded(clientData(), ['p1']));
    const first = select(state);
    expect(first?.header.therapist).toBe('Avery Lanternfield');
    state = reduce(state, loaded(clientData(), ['p1', 'p2']));
    expect(select(state)).toBe(first);
  });

  it('keeps the same view when a later load brings the same records back in another order', () => {
    // A caseload reload puts the client's recent sessions and episodes back at the end of their
    // lists: the same record, reordered.
    const select = selectClientProgress('p1', PROGRESS_TODAY);
    const first = select(reduce({}, loaded(clientData(), ['p1'])));
    const data = clientData();
    const reordered: ClinicalData = {
      ...data,
      episodes: [...data.episodes].reverse(),
      scores: [...data.scores].reverse(),
      sessions: [...data.sessions.slice(3), ...data.sessions.slice(0, 3)],
    };
    const state = reduce({}, loaded(reordered, ['p1']));
    expect(select(state)).toBe(first);
  });

  it('keeps the same view when the directory brings staff and programs the page does not name', () => {
    const select = selectClientProgress('p1', PROGRESS_TODAY);
    let state = reduce({}, loaded(clientData(), ['p1']));
    const first = select(state);
    const data = clientData();
    const more: ClinicalData = {
      ...data,
      staff: [...data.staff, { id: 't9', name: 'Robin Eastwater', active: true }],
      organizations: [{ id: 'other-php', name: 'Another program', kind: 'program', active: true }],
    };
    state = reduce(state, loaded(more, ['p1']));
    expect(select(state)).toBe(first);
  });

  it('names the therapist once the directory that holds them arrives', () => {
    const select = selectClientProgress('p1', PROGRESS_TODAY);
    const data = clientData();
    let state = reduce({}, loaded({ ...data, staff: [] }, ['p1']));
    expect(select(state)?.header.therapist).toBeUndefined();
    const before = select(state);
    state = reduce(state, loaded(data, ['p1']));
    const after = select(state);
    expect(after?.header.therapist).toBe('Avery Lanternfield');
    // Only the header changed: the charts are handed the same measures and redraw nothing.
    expect(after?.measures).toBe(before!.measures);
    expect(after?.dose).toBe(before!.dose);
  });

  it('derives the view again when one of the client’s records changed', () => {
    const select = selectClientProgress('p1', PROGRESS_TODAY);
    let state = reduce({}, loaded(clientData(), ['p1']));
    const first = select(state);
    const data = clientData();
    const [firstScore, ...rest] = data.scores;
    const changed = { ...data, scores: [{ ...firstScore, total: firstScore.total + 1 }, ...rest] };
    state = reduce(state, loaded(changed, ['p1']));
    const next = select(state);
    expect(next).not.toBe(first);
    const points = (view: typeof next) =>
      view?.measures.find((m) => m.instrumentId === firstScore.instrumentId)?.points ?? [];
    expect(points(next).find((p) => p.id === firstScore.id)?.total).toBe(firstScore.total + 1);
    expect(points(first).find((p) => p.id === firstScore.id)?.total).toBe(firstScore.total);
  });
});
