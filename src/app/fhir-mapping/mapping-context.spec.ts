import { DEFAULT_INSTRUMENTS } from '../domain/instruments/instrument-catalogue';
import { mapSessions } from './session-mapper';
import { resolveContext } from './mapping-context';
import { Encounter } from './fhir-types';

describe('resolveContext', () => {
  it('resolves a context object once, so a batch shares one resolution', () => {
    const context = { timeZone: 'America/Chicago' };
    const first = resolveContext(context);
    expect(resolveContext(context)).toBe(first);
    expect(first.timeZone).toBe('America/Chicago');
    expect(first.catalogue).toBe(DEFAULT_INSTRUMENTS);
    // Another context is resolved on its own.
    expect(resolveContext({ timeZone: 'America/Chicago' })).not.toBe(first);
  });

  it('interns a string as the equal string it first saw', () => {
    const { intern } = resolveContext({});
    expect(intern('p1')).toBe('p1');
    expect(intern(['p', '1'].join(''))).toBe('p1');
  });

  it('maps a batch given no context as one given an empty context', () => {
    const encounter = (id: string): Encounter => ({
      resourceType: 'Encounter',
      id,
      status: 'finished',
      type: [{ coding: [{ system: 'http://snomed.info/sct', code: '75516001' }] }],
      subject: { reference: 'Patient/p1' },
      period: { start: '2026-11-02T15:00:00Z', end: '2026-11-02T16:00:00Z' },
    });
    const batch = [encounter('e1'), encounter('e2')];
    expect(mapSessions(batch).items).toEqual(mapSessions(batch, {}).items);
    expect(mapSessions(batch).items.map((s) => s.patientId)).toEqual(['p1', 'p1']);
  });
});
