import { createHash } from 'node:crypto';
import type { Database, Statement } from 'better-sqlite3';
import { SearchParamDef, paramOf } from '../fhir/search-params';
import type { ParamIds } from './index-writer';

/**
 * Which patients each AuditEvent names (`entity.what` = `Patient/<id>`), kept by patient set
 * rather than one `index_reference` row per patient. The server writes an AuditEvent for every
 * read and search, and a caseload search names every patient on the caseload (184 on the
 * 5,000-episode data): as index rows that was 184 inserts at 184 places of the reference index,
 * 2.5 ms of CPU per event and ~200 pages for each commit to write, the largest cost of a cached
 * search under load. The same sets recur (a user's caseload, one client), so a set is written
 * once (its members indexed both ways) and an event adds one row naming its set.
 *
 * Searches read these rows through `auditEntityRows()`, a table of the same shape as
 * `index_reference` (the set rows expanded as `Patient/<id>` references of `AuditEvent.entity`),
 * so `entity`, `patient`, `:missing`, `_sort`, `_include` and `_revinclude` answer exactly as
 * they did from index rows. Only plain `Patient/<id>` references are kept here; any other entity
 * reference (another type, an absolute URL) stays in `index_reference`.
 */
export const AUDIT_PATIENT_SCHEMA = `
  CREATE TABLE IF NOT EXISTS audit_patient_set (
    set_id INTEGER PRIMARY KEY, digest TEXT NOT NULL, members TEXT NOT NULL);
  CREATE INDEX IF NOT EXISTS audit_patient_set_digest ON audit_patient_set (digest);
  CREATE TABLE IF NOT EXISTS audit_patient_member (
    set_id INTEGER NOT NULL, patient_id TEXT NOT NULL,
    PRIMARY KEY (set_id, patient_id)) WITHOUT ROWID;
  CREATE INDEX IF NOT EXISTS audit_patient_member_lookup
    ON audit_patient_member (patient_id, set_id);
  CREATE TABLE IF NOT EXISTS audit_event_patients (
    rid INTEGER PRIMARY KEY, set_id INTEGER NOT NULL);
  CREATE INDEX IF NOT EXISTS audit_event_patients_set ON audit_event_patients (set_id);
`;

/** Whether a parameter's index rows include AuditEvent.entity's (`entity`, and `patient` by alias). */
export function readsAuditEntities(type: string, def: SearchParamDef): boolean {
  return (
    type === 'AuditEvent' &&
    def.type === 'reference' &&
    (def.name === 'entity' || (def.via ?? []).includes('entity'))
  );
}

/** The `pid` of AuditEvent.entity's index rows. */
export function auditEntityPid(pids: ParamIds): number {
  return pids.of('AuditEvent', paramOf('AuditEvent', 'entity')!)[0];
}

/**
 * `index_reference` with the AuditEvents' patient sets added as its rows of AuditEvent.entity:
 * a table expression to use in its place (`FROM … x`) for a parameter that reads them.
 */
export function auditEntityRows(pids: ParamIds): string {
  return `(SELECT rid, pid, target_type, target_id, url FROM index_reference
    UNION ALL SELECT e.rid, ${auditEntityPid(pids)}, 'Patient', m.patient_id, NULL
    FROM audit_event_patients e JOIN audit_patient_member m ON m.set_id = e.set_id)`;
}

/** Writes and clears the AuditEvents' patient sets, inside the caller's transaction. */
export class AuditPatientWriter {
  private readonly findSet: Statement;
  private readonly insertSet: Statement;
  private readonly insertMember: Statement;
  private readonly insertEvent: Statement;
  private readonly deleteEvent: Statement;

  constructor(private readonly db: Database) {
    this.findSet = db
      .prepare('SELECT set_id FROM audit_patient_set WHERE digest = ? AND members = ?')
      .pluck();
    this.insertSet = db.prepare('INSERT INTO audit_patient_set (digest, members) VALUES (?, ?)');
    this.insertMember = db.prepare(
      'INSERT INTO audit_patient_member (set_id, patient_id) VALUES (?, ?)',
    );
    this.insertEvent = db.prepare('INSERT INTO audit_event_patients (rid, set_id) VALUES (?, ?)');
    this.deleteEvent = db.prepare('DELETE FROM audit_event_patients WHERE rid = ?');
  }

  /** Records that the AuditEvent `rid` names these patients (any order, repeats allowed). */
  write(rid: number, patientIds: Iterable<string>): void {
    const members = [...new Set(patientIds)].sort();
    if (members.length === 0) return;
    const text = members.join('\n');
    const digest = createHash('sha256').update(text).digest('base64');
    let setId = this.findSet.get(digest, text) as number | undefined;
    if (setId === undefined) {
      setId = Number(this.insertSet.run(digest, text).lastInsertRowid);
      for (const id of members) this.insertMember.run(setId, id);
    }
    this.insertEvent.run(rid, setId);
  }

  clear(rid: number): void {
    this.deleteEvent.run(rid);
  }

  clearAll(): void {
    this.db.exec('DELETE FROM audit_event_patients');
  }

  /**
   * Moves AuditEvent.entity's Patient rows that an earlier version of the server wrote into
   * `index_reference` into patient sets (once per database; nothing to do afterwards).
   */
  migrate(pids: ParamIds): number {
    const pid = auditEntityPid(pids);
    const where = `pid = ? AND target_type = 'Patient' AND target_id IS NOT NULL AND url IS NULL`;
    const rows = this.db
      .prepare(`SELECT rid, target_id AS id FROM index_reference WHERE ${where} ORDER BY rid`)
      .all(pid) as { rid: number; id: string }[];
    if (rows.length === 0) return 0;
    const byEvent = new Map<number, string[]>();
    for (const { rid, id } of rows) byEvent.set(rid, [...(byEvent.get(rid) ?? []), id]);
    for (const [rid, ids] of byEvent) this.write(rid, ids);
    this.db.prepare(`DELETE FROM index_reference WHERE ${where}`).run(pid);
    return byEvent.size;
  }
}
