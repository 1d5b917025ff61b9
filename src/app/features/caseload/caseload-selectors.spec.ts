import { SignedInUser } from '../../core/auth/signed-in-user';
import { MappedEpisode } from '../../fhir-mapping';
import { IDLE_QUERY } from '../../store/queries-feature';
import { client, TODAY } from './caseload-fixture';
import {
  selectCaseloadEpisodes,
  selectCaseloadRows,
  selectRecordsByPatient,
} from './caseload-selectors';

const episode = (
  id: string,
  patientId: string,
  careManagerId: string,
  status: MappedEpisode['status'] = 'active',
): MappedEpisode => ({
  id,
  patientId,
  level: 'iop',
  status,
  start: '2026-10-05',
  careManagerId,
});
const user = (role: SignedInUser['role']): SignedInUser => ({
  practitionerRef: 'Practitioner/t1',
  name: 'Avery Lanternfield',
  role,
  organizationRefs: [],
});

describe('caseload selectors', () => {
  const episodes = [
    episode('e1', 'p1', 't1'),
    episode('e2', 'p2', 't2'),
    episode('e3', 'p3', 't1', 'finished'),
  ];

  const loaded = { ...IDLE_QUERY, status: 'loaded' as const, patientIds: ['p1', 'p2', 'p3'] };

  it('give a therapist only the active episodes they manage', () => {
    expect(
      selectCaseloadEpisodes.projector(episodes, user('therapist'), loaded).map((e) => e.id),
    ).toEqual(['e1']);
  });

  it('give a director every active episode', () => {
    expect(
      selectCaseloadEpisodes.projector(episodes, user('director'), loaded).map((e) => e.id),
    ).toEqual(['e1', 'e2']);
  });

  it('hold no client the caseload load did not cover, so other loads cannot fill it early', () => {
    const loading = { ...IDLE_QUERY, status: 'loading' as const };
    expect(selectCaseloadEpisodes.projector(episodes, user('director'), loading)).toEqual([]);
    const partly = { ...loaded, patientIds: ['p2'] };
    expect(
      selectCaseloadEpisodes.projector(episodes, user('director'), partly).map((e) => e.id),
    ).toEqual(['e2']);
  });

  it('group every record by client once', () => {
    const a = client({ id: 'p1', name: 'Ash', phq: [14, 12] });
    const grouped = selectRecordsByPatient.projector(
      a.records.episodes,
      a.records.scores,
      [],
      a.records.sessions,
      [],
      [],
      [],
    );
    expect([...grouped.keys()]).toEqual(['p1']);
    expect(grouped.get('p1')!.scores.length).toBe(2);
  });

  it('build one row per client, the later active episode winning', () => {
    const a = client({ id: 'p1', name: 'Ash Fernhollow', phq: [14, 12] });
    const later = {
      ...a.episode,
      id: 'e-later',
      start: '2026-11-02',
      level: 'outpatient' as const,
    };
    const rows = selectCaseloadRows(TODAY).projector(
      [a.episode, later],
      new Map([['p1', a.records]]),
      { p1: a.patient },
      'America/Chicago',
      null,
      {},
    );
    expect(rows.length).toBe(1);
    expect(rows[0].level).toBe('outpatient');
    expect(rows[0].name).toBe('Ash Fernhollow');
    expect(rows[0].age).toBe(36);
  });
  it('say the week against the program’s own expected length of stay (config.json)', () => {
    const a = client({ id: 'p1', name: 'Ash Fernhollow', phq: [14, 12] });
    const rowFor = (expected: Record<string, { min: number; max: number }>) =>
      selectCaseloadRows(TODAY).projector(
        [a.episode],
        new Map([['p1', a.records]]),
        { p1: a.patient },
        'America/Chicago',
        null,
        expected,
      )[0];
    expect(a.episode.level).toBe('iop');
    expect(rowFor({}).weekLabel).toMatch(/^week \d+ of ~10$/);
    expect(rowFor({ iop: { min: 4, max: 6 } }).weekLabel).toMatch(/^week \d+ of ~5$/);
    expect(rowFor({ php: { min: 1, max: 2 } }).weekLabel).toMatch(/^week \d+ of ~10$/);
  });
});
