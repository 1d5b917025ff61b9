import { IDLE_QUERY, QueryStatus } from '../../store/queries-feature';
import { selectClientLoad } from './client-progress-selectors';

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
