import type { Database } from 'better-sqlite3';
import { AUDIT_PATIENT_SCHEMA } from './audit-patients';

/**
 * Storage layout. `resources` holds the current version of every resource (a deletion keeps its
 * row, marked deleted); `history` holds the versions it superseded, for vread. One index table
 * per search-parameter type is filled in the same transaction as the write. Index rows are
 * clustered by the resource's integer `rid` (`WITHOUT ROWID`, key `(rid, pid, n)`), so writing
 * a new resource appends, deleting its rows is one range, and sorting or following its
 * references is a key lookup; one secondary index per table, led by the parameter id `pid`
 * (from `search_params`), serves the searches. A search is a set of such lookups joined on
 * `rid`, never a scan of JSON.
 *
 * `idx_token` and `idx_reference` are views in the first layout's shape (type, id, param, …)
 * for code outside the FHIR layer that reads the indexes directly (the auth layer's care-team
 * queries, the seed checks); through the view such queries still use the indexes. Parameters
 * that R4 defines as a filtered alias of another (`patient` = `subject` of type Patient,
 * `combo-code` = `code` | `component-code`) have no rows of their own: searches read the rows
 * of the parameters they alias.
 */
export const SCHEMA_VERSION = 2;

export const INDEX_TABLES = [
  'index_token',
  'index_reference',
  'index_date',
  'index_string',
  'index_quantity',
] as const;

export function createSchema(db: Database): void {
  db.exec(`
    CREATE TABLE IF NOT EXISTS resources (
      rid INTEGER PRIMARY KEY,
      type TEXT NOT NULL,
      id TEXT NOT NULL,
      version INTEGER NOT NULL,
      last_updated TEXT NOT NULL,
      last_updated_ms INTEGER NOT NULL,
      patient_id TEXT,
      deleted INTEGER NOT NULL DEFAULT 0,
      json TEXT NOT NULL,
      UNIQUE (type, id)
    );
    CREATE INDEX IF NOT EXISTS resources_patient ON resources (type, patient_id);
    CREATE INDEX IF NOT EXISTS resources_updated ON resources (type, last_updated_ms);
    CREATE TABLE IF NOT EXISTS history (
      type TEXT NOT NULL,
      id TEXT NOT NULL,
      version INTEGER NOT NULL,
      last_updated TEXT NOT NULL,
      deleted INTEGER NOT NULL DEFAULT 0,
      json TEXT NOT NULL
    );
    CREATE UNIQUE INDEX IF NOT EXISTS history_version ON history (type, id, version);
    CREATE TABLE IF NOT EXISTS search_params (
      pid INTEGER PRIMARY KEY, type TEXT NOT NULL, param TEXT NOT NULL, UNIQUE (type, param));

    CREATE TABLE IF NOT EXISTS index_token (
      rid INTEGER NOT NULL, pid INTEGER NOT NULL, n INTEGER NOT NULL,
      system TEXT NOT NULL, code TEXT NOT NULL,
      PRIMARY KEY (rid, pid, n)) WITHOUT ROWID;
    CREATE INDEX IF NOT EXISTS index_token_lookup ON index_token (pid, code, system);

    CREATE TABLE IF NOT EXISTS index_reference (
      rid INTEGER NOT NULL, pid INTEGER NOT NULL, n INTEGER NOT NULL,
      target_type TEXT, target_id TEXT, url TEXT,
      PRIMARY KEY (rid, pid, n)) WITHOUT ROWID;
    CREATE INDEX IF NOT EXISTS index_reference_lookup
      ON index_reference (pid, target_id, target_type);
    CREATE INDEX IF NOT EXISTS index_reference_url ON index_reference (pid, url)
      WHERE url IS NOT NULL;

    CREATE TABLE IF NOT EXISTS index_date (
      rid INTEGER NOT NULL, pid INTEGER NOT NULL, n INTEGER NOT NULL,
      low INTEGER NOT NULL, high INTEGER NOT NULL,
      PRIMARY KEY (rid, pid, n)) WITHOUT ROWID;
    CREATE INDEX IF NOT EXISTS index_date_lookup ON index_date (pid, low, high);

    CREATE TABLE IF NOT EXISTS index_string (
      rid INTEGER NOT NULL, pid INTEGER NOT NULL, n INTEGER NOT NULL,
      value TEXT NOT NULL, exact TEXT NOT NULL,
      PRIMARY KEY (rid, pid, n)) WITHOUT ROWID;
    CREATE INDEX IF NOT EXISTS index_string_lookup ON index_string (pid, value);

    CREATE TABLE IF NOT EXISTS index_quantity (
      rid INTEGER NOT NULL, pid INTEGER NOT NULL, n INTEGER NOT NULL,
      value REAL NOT NULL, system TEXT, code TEXT, unit TEXT,
      PRIMARY KEY (rid, pid, n)) WITHOUT ROWID;
    CREATE INDEX IF NOT EXISTS index_quantity_lookup ON index_quantity (pid, value);

    CREATE VIEW IF NOT EXISTS idx_token AS
      SELECT x.rid AS rid, p.type AS type, r.id AS id, p.param AS param,
             NULLIF(x.system, '') AS system, x.code AS code
      FROM index_token x JOIN search_params p ON p.pid = x.pid JOIN resources r ON r.rid = x.rid;
    CREATE VIEW IF NOT EXISTS idx_reference AS
      SELECT x.rid AS rid, p.type AS type, r.id AS id, p.param AS param,
             x.target_type AS target_type, x.target_id AS target_id, x.url AS url
      FROM index_reference x JOIN search_params p ON p.pid = x.pid JOIN resources r ON r.rid = x.rid;

    CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
  `);
  db.exec(AUDIT_PATIENT_SCHEMA);
  db.pragma(`user_version = ${SCHEMA_VERSION}`);
}

/** A row of the first layout (before `rid`): rebuilt into the current one on open. */
export interface LegacyRow {
  readonly type: string;
  readonly id: string;
  readonly version: number;
  readonly last_updated: string;
  readonly deleted: number;
  readonly json: string;
}

/**
 * Databases written by the first version of this server had no `rid` and kept every version in
 * `history`. Their rows are read out and the tables dropped, so the caller can write them back
 * into the current layout (and index them) in the same transaction.
 */
export function takeLegacyRows(
  db: Database,
): { current: LegacyRow[]; superseded: LegacyRow[] } | undefined {
  const columns = db.prepare('PRAGMA table_info(resources)').all() as { name: string }[];
  if (columns.length === 0 || columns.some((c) => c.name === 'rid')) return undefined;
  const current = db
    .prepare('SELECT type, id, version, last_updated, deleted, json FROM resources ORDER BY seq')
    .all() as LegacyRow[];
  const superseded = db
    .prepare(
      `SELECT h.type, h.id, h.version, h.last_updated, h.deleted, h.json FROM history h
       JOIN resources r ON r.type = h.type AND r.id = h.id WHERE h.version < r.version`,
    )
    .all() as LegacyRow[];
  db.exec(`
    DROP TABLE IF EXISTS resources; DROP TABLE IF EXISTS history;
    DROP TABLE IF EXISTS idx_token; DROP TABLE IF EXISTS idx_reference;
    DROP TABLE IF EXISTS idx_date; DROP TABLE IF EXISTS idx_string;
  `);
  return { current, superseded };
}
