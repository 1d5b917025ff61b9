import type { Database } from 'better-sqlite3';

/**
 * Resources are stored as JSON with their current version, every version in `history`, and one
 * index table per search-parameter type filled in the same transaction as the write, so every
 * search is an indexed lookup rather than a scan of JSON.
 */
export function createSchema(db: Database): void {
  db.exec(`
    CREATE TABLE IF NOT EXISTS resources (
      seq INTEGER PRIMARY KEY AUTOINCREMENT,
      type TEXT NOT NULL,
      id TEXT NOT NULL,
      version INTEGER NOT NULL,
      last_updated TEXT NOT NULL,
      last_updated_ms INTEGER NOT NULL,
      created_seq INTEGER NOT NULL DEFAULT 0,
      patient_id TEXT,
      deleted INTEGER NOT NULL DEFAULT 0,
      json TEXT NOT NULL,
      UNIQUE (type, id)
    );
    CREATE INDEX IF NOT EXISTS resources_patient ON resources (type, patient_id);
    CREATE INDEX IF NOT EXISTS resources_updated ON resources (type, last_updated_ms);
    CREATE TABLE IF NOT EXISTS history (
      type TEXT NOT NULL, id TEXT NOT NULL, version INTEGER NOT NULL, last_updated TEXT NOT NULL,
      deleted INTEGER NOT NULL DEFAULT 0, json TEXT NOT NULL,
      PRIMARY KEY (type, id, version)
    ) WITHOUT ROWID;
    CREATE TABLE IF NOT EXISTS idx_token (type TEXT, id TEXT, param TEXT, system TEXT, code TEXT);
    CREATE INDEX IF NOT EXISTS idx_token_lookup ON idx_token (type, param, code, system, id);
    CREATE INDEX IF NOT EXISTS idx_token_owner ON idx_token (type, id);
    CREATE TABLE IF NOT EXISTS idx_reference (type TEXT, id TEXT, param TEXT, target_type TEXT, target_id TEXT);
    CREATE INDEX IF NOT EXISTS idx_reference_lookup ON idx_reference (type, param, target_id, target_type, id);
    CREATE INDEX IF NOT EXISTS idx_reference_owner ON idx_reference (type, id, param);
    CREATE TABLE IF NOT EXISTS idx_date (type TEXT, id TEXT, param TEXT, low INTEGER, high INTEGER);
    CREATE INDEX IF NOT EXISTS idx_date_lookup ON idx_date (type, param, low, high, id);
    CREATE INDEX IF NOT EXISTS idx_date_owner ON idx_date (type, id);
    CREATE TABLE IF NOT EXISTS idx_string (type TEXT, id TEXT, param TEXT, value TEXT);
    CREATE INDEX IF NOT EXISTS idx_string_lookup ON idx_string (type, param, value, id);
    CREATE INDEX IF NOT EXISTS idx_string_owner ON idx_string (type, id);
  `);
}
