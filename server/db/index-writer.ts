import type { Database, Statement } from 'better-sqlite3';
import { SEARCH_PARAMS, SearchParamDef } from '../fhir/search-params';
import { AuditPatientWriter } from './audit-patients';
import { rangesOfElement } from './date-range';
import { FhirError } from './fhir-error';
import { INDEX_TABLES } from './schema';

type Json = Record<string, unknown>;

/** Lower-case with accents removed: R4 string search ignores case and combining marks. */
export function normaliseString(value: string): string {
  return value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

/**
 * Integer ids for (type, parameter), kept in `search_params` so index rows and their lookup
 * index stay small. Ids are assigned once per database and never reused.
 */
export class ParamIds {
  private readonly ids = new Map<string, number>();

  constructor(db: Database) {
    const insert = db.prepare('INSERT OR IGNORE INTO search_params (type, param) VALUES (?, ?)');
    for (const [type, defs] of Object.entries(SEARCH_PARAMS))
      for (const def of defs) if (!def.via) insert.run(type, def.name);
    for (const row of db.prepare('SELECT pid, type, param FROM search_params').all() as {
      pid: number;
      type: string;
      param: string;
    }[])
      this.ids.set(`${row.type}.${row.param}`, row.pid);
  }

  /** The ids whose rows hold a parameter's values: its own, or those of the ones it aliases. */
  of(type: string, def: SearchParamDef): number[] {
    return (def.via ?? [def.name]).map((name) => {
      const id = this.ids.get(`${type}.${name}`);
      if (id === undefined) throw new Error(`no index id for ${type}.${name}`);
      return id;
    });
  }
}

const COLUMNS: Record<(typeof INDEX_TABLES)[number], readonly string[]> = {
  index_token: ['system', 'code'],
  index_reference: ['target_type', 'target_id', 'url'],
  index_date: ['low', 'high'],
  index_string: ['value', 'exact'],
  index_quantity: ['value', 'system', 'code', 'unit'],
};

/** Rows per INSERT statement: one statement per table and resource, in chunks of this size. */
const CHUNK = 32;

/**
 * Writes a resource's search-index rows. Runs inside the caller's transaction, so a resource
 * and its index rows are always written together. A value an index cannot hold (a malformed
 * date) is refused here, before anything is committed.
 */
export class IndexWriter {
  private readonly statements = new Map<string, Statement>();
  private readonly clearStatements: Statement[];
  /** AuditEvent.entity's Patient references, kept by patient set (audit-patients.ts). */
  readonly auditPatients: AuditPatientWriter;

  constructor(
    private readonly db: Database,
    private readonly pids: ParamIds,
  ) {
    this.clearStatements = INDEX_TABLES.map((t) => db.prepare(`DELETE FROM ${t} WHERE rid = ?`));
    this.auditPatients = new AuditPatientWriter(db);
  }

  clear(rid: number): void {
    for (const statement of this.clearStatements) statement.run(rid);
    this.auditPatients.clear(rid);
  }

  /** Every index row of every resource (before re-indexing them all). */
  clearAll(): void {
    for (const table of INDEX_TABLES) this.db.exec(`DELETE FROM ${table}`);
    this.auditPatients.clearAll();
  }

  index(rid: number, resource: Json): void {
    const type = resource['resourceType'] as string;
    const rows: Record<(typeof INDEX_TABLES)[number], unknown[][]> = {
      index_token: [],
      index_reference: [],
      index_date: [],
      index_string: [],
      index_quantity: [],
    };
    let auditPatients: string[] | undefined;
    for (const def of SEARCH_PARAMS[type] ?? []) {
      if (def.via) continue;
      const pid = this.pids.of(type, def)[0];
      switch (def.type) {
        case 'token': {
          const seen = new Set<string>();
          for (const { system, code } of def.extract(resource)) {
            const key = `${system ?? ''}|${code}`;
            if (seen.has(key)) continue;
            seen.add(key);
            rows.index_token.push([pid, system ?? '', code]);
          }
          break;
        }
        case 'uri':
          for (const uri of new Set(def.extract(resource))) rows.index_token.push([pid, '', uri]);
          break;
        case 'reference':
          for (const ref of def.extract(resource)) {
            if (type === 'AuditEvent' && def.name === 'entity' && isPatientRef(ref))
              (auditPatients ??= []).push(ref.id);
            else
              rows.index_reference.push([pid, ref.type ?? null, ref.id ?? null, ref.url ?? null]);
          }
          break;
        case 'date':
          for (const element of def.extract(resource)) {
            const ranges = rangesOfElement(element);
            if (ranges === 'invalid')
              throw new FhirError(
                400,
                `${type}: ${def.documentation} holds a value that is not a valid FHIR date/dateTime`,
                'invalid',
              );
            for (const range of ranges) rows.index_date.push([pid, range.low, range.high]);
          }
          break;
        case 'string':
          for (const value of new Set(def.extract(resource)))
            rows.index_string.push([pid, normaliseString(value), value]);
          break;
        case 'quantity':
          for (const q of def.extract(resource))
            rows.index_quantity.push([
              pid,
              q.value,
              q.system ?? null,
              q.code ?? null,
              q.unit ?? null,
            ]);
          break;
      }
    }
    for (const table of INDEX_TABLES) this.insert(table, rid, rows[table]);
    if (auditPatients) this.auditPatients.write(rid, auditPatients);
  }

  private insert(table: (typeof INDEX_TABLES)[number], rid: number, rows: unknown[][]): void {
    for (let start = 0; start < rows.length; start += CHUNK) {
      const chunk = rows.slice(start, start + CHUNK);
      const args: unknown[] = [];
      chunk.forEach((row, i) => args.push(rid, row[0], start + i, ...row.slice(1)));
      this.statementFor(table, chunk.length).run(...args);
    }
  }

  private statementFor(table: (typeof INDEX_TABLES)[number], count: number): Statement {
    const key = `${table}:${count}`;
    let statement = this.statements.get(key);
    if (!statement) {
      const columns = ['rid', 'pid', 'n', ...COLUMNS[table]];
      const tuple = `(${columns.map(() => '?').join(', ')})`;
      statement = this.db.prepare(
        `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${Array.from({ length: count }, () => tuple).join(', ')}`,
      );
      this.statements.set(key, statement);
    }
    return statement;
  }
}

/** A plain `Patient/<id>` reference: what an AuditEvent's patient set holds. */
function isPatientRef(ref: {
  type?: string;
  id?: string;
  url?: string;
}): ref is { type: 'Patient'; id: string } {
  return ref.type === 'Patient' && !!ref.id && !ref.url;
}

/**
 * A fingerprint of the parameter definitions (names, types, expressions, aliases): when it
 * differs from the one a database was indexed with, the store re-indexes every resource on open.
 */
export function indexSignature(): string {
  return JSON.stringify([
    INDEX_REVISION,
    Object.entries(SEARCH_PARAMS).map(([type, defs]) => [
      type,
      defs.map((d) => `${d.name}:${d.type}:${d.documentation}:${(d.via ?? []).join('|')}`),
    ]),
  ]);
}

/** Bump when the way values are extracted or normalised changes without a definition changing. */
const INDEX_REVISION = 1;
