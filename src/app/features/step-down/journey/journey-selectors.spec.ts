import { IDLE_QUERY, QueryStatus } from '../../../store/queries-feature';
import { JOURNEY_TODAY, progressOf } from './journey-fixture';
import { journeyLinkId, journeyPatientFromParams } from './journey-param';
import { selectJourneyPatientId, selectJourneySection } from './journey-selectors';

describe('journey selection', () => {
  it('reads the client from the journey parameter, and only a FHIR id', () => {
    expect(journeyPatientFromParams({ journey: 'p00012' })).toBe('p00012');
    expect(journeyPatientFromParams({ journey: ['p1', 'p2'] })).toBe('p1');
    expect(journeyPatientFromParams({})).toBeNull();
    expect(journeyPatientFromParams({ journey: '' })).toBeNull();
    expect(journeyPatientFromParams({ journey: '../admin' })).toBeNull();
    expect(journeyPatientFromParams({ journey: 'x'.repeat(65) })).toBeNull();
    expect(selectJourneyPatientId.projector({ journey: 'p7', program: 'a' })).toBe('p7');
    expect(selectJourneyPatientId.projector(undefined as never)).toBeNull();
  });

  it('names the link focus returns to', () => {
    expect(journeyLinkId('p7')).toBe('board-journey-p7');
  });
});

describe('selectJourneySection', () => {
  const progress = progressOf();
  const query = (status: QueryStatus['status'], extra: Partial<QueryStatus> = {}): QueryStatus => ({
    ...IDLE_QUERY,
    status,
    ...extra,
  });
  const section = (
    caseload: QueryStatus,
    own: QueryStatus = IDLE_QUERY,
    view: typeof progress | undefined = progress,
  ) => selectJourneySection('p1', JOURNEY_TODAY).projector(view, caseload, own);

  it('is one selector per client and day', () => {
    expect(selectJourneySection('p1', JOURNEY_TODAY)).toBe(
      selectJourneySection('p1', JOURNEY_TODAY),
    );
    expect(selectJourneySection('p2', JOURNEY_TODAY)).not.toBe(
      selectJourneySection('p1', JOURNEY_TODAY),
    );
  });

  it('draws the journey once the caseload that covers the client has loaded', () => {
    const ready = section(query('loaded', { loadedAt: 1, patientIds: ['p0', 'p1'] }));
    expect(ready.status).toBe('ready');
    expect(ready.status === 'ready' && ready.view.name).toBe('Robin Testfield');
    // A refresh keeps the loaded journey on screen.
    expect(section(query('loading', { loadedAt: 1, patientIds: ['p1'] })).status).toBe('ready');
  });

  it('draws a client the caseload does not cover once their own load has succeeded', () => {
    const caseload = query('loaded', { loadedAt: 1, patientIds: ['p0'] });
    expect(section(caseload, query('loaded', { loadedAt: 2 })).status).toBe('ready');
  });

  it('waits while the caseload loads, and draws nothing of a half-known client', () => {
    expect(section(IDLE_QUERY).status).toBe('loading');
    expect(section(query('loading')).status).toBe('loading');
  });

  it('says when the client is not loaded here, or when the caseload failed', () => {
    const without = query('loaded', { loadedAt: 1, patientIds: ['p0'] });
    expect(section(without).status).toBe('not-loaded');
    expect(section(without, IDLE_QUERY, undefined).status).toBe('not-loaded');
    expect(section(query('failed', { error: 'HTTP 503.' })).status).toBe('failed');
  });
});
