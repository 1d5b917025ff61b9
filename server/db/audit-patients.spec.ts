import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SYSTEMS } from '../../src/app/domain/fhir-codes';
import { recordAccess } from '../fhir/audit';
import { FIXTURE_TIME, THERAPIST_T1, fixtures } from '../fhir/spec-fixtures';
import { Resource, ResourceStore } from './resource-store';

const ref = (reference: string) => ({ reference });

function auditEvent(id: string, recorded: string, entities: string[], agent = 'Practitioner/t1') {
  return {
    resourceType: 'AuditEvent',
    id,
    type: { system: SYSTEMS.auditEventType, code: 'rest' },
    recorded,
    agent: [{ requestor: true, who: ref(agent) }],
    source: { observer: { display: 'spec' } },
    ...(entities.length > 0 ? { entity: entities.map((e) => ({ what: ref(e) })) } : {}),
  } as Resource;
}

/** AuditEvents naming patients every way an entity can: sets shared, repeats, URLs, other types. */
const EVENTS: Resource[] = [
  auditEvent('a1', '2024-03-01T10:00:00Z', ['Patient/pa', 'Patient/pb']),
  auditEvent('a2', '2024-03-02T10:00:00Z', ['Patient/pb', 'Patient/pb', 'EpisodeOfCare/ea']),
  auditEvent('a3', '2024-03-03T10:00:00Z', ['http://other.example/fhir/Patient/pc', 'Patient/pa']),
  auditEvent('a4', '2024-03-04T10:00:00Z', []),
  auditEvent('a5', '2024-03-05T10:00:00Z', ['Patient/pb', 'Patient/pa']),
  auditEvent('a6', '2024-03-06T10:00:00Z', [], 'Patient/pc'),
  auditEvent('a7', '2024-03-07T10:00:00Z', ['Organization/org-provider']),
];

/** AuditEvent searches touching entity rows, with the matches and includes a reader sees. */
const QUERIES: [string, string][] = [
  ['AuditEvent', 'entity=Patient/pa'],
  ['AuditEvent', 'entity=pb'],
  ['AuditEvent', 'entity:Patient=pb,pc'],
  ['AuditEvent', 'entity=http://other.example/fhir/Patient/pc'],
  ['AuditEvent', 'entity=Patient/pa,EpisodeOfCare/ea'],
  ['AuditEvent', 'entity=Organization/org-provider'],
  ['AuditEvent', 'patient=pc'],
  ['AuditEvent', 'patient=Patient/pa&patient=Patient/pb'],
  ['AuditEvent', 'patient=pb&agent=Practitioner/t1&date=2024-03'],
  ['AuditEvent', 'entity:missing=true'],
  ['AuditEvent', 'entity:missing=false'],
  ['AuditEvent', 'patient:missing=true'],
  ['AuditEvent', '_sort=entity'],
  ['AuditEvent', '_sort=-entity,_id'],
  ['AuditEvent', '_sort=patient&_count=3'],
  ['AuditEvent', 'date=ge2024-03-05&_include=AuditEvent:entity'],
  ['AuditEvent', '_include=AuditEvent:patient'],
  ['AuditEvent', '_id=a2&_include=AuditEvent:entity:Patient'],
  ['Patient', '_revinclude=AuditEvent:entity'],
  ['Patient', '_id=pb&_revinclude=AuditEvent:patient'],
  ['EpisodeOfCare', '_id=ea&_revinclude=AuditEvent:entity'],
  ['AuditEvent', 'type=rest&_count=2'],
];

describe('AuditEvent patient sets', () => {
  let dir: string;
  let store: ResourceStore;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'waypoint-audit-'));
    store = new ResourceStore(join(dir, 'store.sqlite'));
    store.loadMany([...fixtures(), ...EVENTS], FIXTURE_TIME);
  });

  afterEach(() => {
    if (store.db.open) store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const answer = (s: ResourceStore, type: string, query: string) => {
    const outcome = s.search(type, [...new URLSearchParams(query)], { patientScope: 'all' });
    return {
      total: outcome.total,
      matches: outcome.matches.map((r) => r.id),
      includes: outcome.includes.map((r) => `${r.resourceType}/${r.id}`).sort(),
    };
  };
  const answers = (s: ResourceStore) => QUERIES.map(([type, q]) => answer(s, type, q));
  const count = (sql: string) => (store.db.prepare(sql).get() as { n: number }).n;

  /**
   * The layout before patient sets: every entity reference one `index_reference` row. Searches
   * over it read exactly what the earlier server read (its patient-set table is empty).
   */
  function toIndexRows(s: ResourceStore): void {
    s.db.exec(`
      INSERT INTO index_reference (rid, pid, n, target_type, target_id, url)
        SELECT e.rid, (SELECT pid FROM search_params WHERE type = 'AuditEvent' AND param = 'entity'),
               1000 + ROW_NUMBER() OVER (PARTITION BY e.rid ORDER BY m.patient_id), 'Patient', m.patient_id, NULL
        FROM audit_event_patients e JOIN audit_patient_member m ON m.set_id = e.set_id;
      DELETE FROM audit_event_patients;`);
  }

  it('answers entity and patient searches, sorts and includes as from one index row per reference', () => {
    const fromSets = answers(store);
    // The fixtures' ae1 names pa as well.
    expect(count('SELECT COUNT(*) AS n FROM audit_event_patients')).toBe(5);
    toIndexRows(store);
    expect(answers(store)).toEqual(fromSets);
    // Hand-checked, so the comparison is not between two wrong answers.
    expect(answer(store, 'AuditEvent', 'entity=Patient/pa').matches).toEqual([
      'ae1',
      'a1',
      'a3',
      'a5',
    ]);
    expect(answer(store, 'AuditEvent', 'patient=pc').matches).toEqual(['a3', 'a6']);
    expect(answer(store, 'AuditEvent', 'entity:missing=true').matches).toEqual(['a4', 'a6']);
    expect(answer(store, 'Patient', '_id=pb&_revinclude=AuditEvent:patient').includes).toEqual([
      'AuditEvent/a1',
      'AuditEvent/a2',
      'AuditEvent/a5',
    ]);
  });

  it('moves the index rows an earlier server wrote into sets when the database is opened', () => {
    const expected = answers(store);
    toIndexRows(store);
    store.close();
    store = new ResourceStore(join(dir, 'store.sqlite'));
    const legacyRows = `SELECT COUNT(*) AS n FROM index_reference x JOIN resources r ON r.rid = x.rid
      JOIN search_params p ON p.pid = x.pid
      WHERE p.type = 'AuditEvent' AND p.param = 'entity' AND x.target_type = 'Patient' AND x.url IS NULL`;
    expect(count(legacyRows)).toBe(0);
    expect(count('SELECT COUNT(*) AS n FROM audit_event_patients')).toBe(5);
    expect(answers(store)).toEqual(expected);
  });

  it('writes a recurring set of patients once, and forgets an event re-indexed or deleted', () => {
    const caseload = ['pa', 'pb', 'pc'];
    for (let i = 0; i < 5; i++)
      recordAccess(store, THERAPIST_T1, {
        requestId: `r${i}`,
        subtype: 'search-type',
        query: 'Observation?patient=pa,pb,pc',
        patientIds: i % 2 ? [...caseload].reverse() : caseload,
      });
    store.flushDeferred();
    // a1/a5 share {pa, pb}; a2 {pb}; ae1/a3 {pa}; the five records {pa, pb, pc}.
    expect(count('SELECT COUNT(*) AS n FROM audit_patient_set')).toBe(4);
    expect(count('SELECT COUNT(*) AS n FROM audit_patient_member')).toBe(7);
    expect(answer(store, 'AuditEvent', 'patient=pc&type=rest').total).toBe(7);
    expect(store.delete('AuditEvent', 'a1')).toBeTrue();
    const withPa = answer(store, 'AuditEvent', 'entity=Patient/pa').matches;
    expect(withPa.slice(0, 3)).toEqual(['ae1', 'a3', 'a5']);
    expect(withPa.length).toBe(8);
    store.db.exec(
      "DELETE FROM index_reference; UPDATE meta SET value = 'x' WHERE key = 'index_signature'",
    );
    store.close();
    store = new ResourceStore(join(dir, 'store.sqlite'));
    expect(answer(store, 'AuditEvent', 'entity=Patient/pa').matches).toEqual(withPa);
  });
});
