import { randomUUID } from 'node:crypto';
import BetterSqlite3, { Database, Statement } from 'better-sqlite3';
import { SEARCH_PARAMS, patientOf } from '../fhir/search-params';
import { rangeOfElement } from './date-range';
import { FhirError } from './fhir-error';
import { createSchema } from './schema';

export type Resource = Record<string, unknown> & {
  resourceType: string;
  id?: string;
  meta?: Record<string, unknown>;
};

export interface StoredRow {
  readonly seq: number;
  readonly type: string;
  readonly id: string;
  readonly version: number;
  readonly patient_id: string | null;
  readonly json: string;
}

const ID_PATTERN = /^[A-Za-z0-9\-.]{1,64}$/;

/**
 * The server's storage: versioned resources and their search indexes in SQLite. Every write is
 * one SQLite transaction, so a resource and its index rows can never disagree.
 */
export class ResourceStore {
  readonly db: Database;
  private readonly insertResource: Statement;
  private readonly updateResource: Statement;
  private readonly insertHistory: Statement;
  private readonly selectCurrent: Statement;
  private readonly selectVersion: Statement;
  private readonly deleteIndexes: Statement[];
  private readonly insertToken: Statement;
  private readonly insertReference: Statement;
  private readonly insertDate: Statement;
  private readonly insertString: Statement;
  private readonly setCreatedSeq: Statement;

  constructor(file: string) {
    this.db = new BetterSqlite3(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    createSchema(this.db);
    this.insertResource = this.db.prepare(
      `INSERT INTO resources (type, id, version, last_updated, last_updated_ms, patient_id, json)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    );
    this.updateResource = this.db.prepare(
      `UPDATE resources SET version = ?, last_updated = ?, last_updated_ms = ?, patient_id = ?, json = ?, deleted = ?
       WHERE type = ? AND id = ?`,
    );
    this.insertHistory = this.db.prepare(
      'INSERT INTO history (type, id, version, last_updated, deleted, json) VALUES (?, ?, ?, ?, ?, ?)',
    );
    this.selectCurrent = this.db.prepare('SELECT * FROM resources WHERE type = ? AND id = ?');
    this.selectVersion = this.db.prepare(
      'SELECT * FROM history WHERE type = ? AND id = ? AND version = ?',
    );
    this.deleteIndexes = ['idx_token', 'idx_reference', 'idx_date', 'idx_string'].map((t) =>
      this.db.prepare(`DELETE FROM ${t} WHERE type = ? AND id = ?`),
    );
    this.insertToken = this.db.prepare(
      'INSERT INTO idx_token (type, id, param, system, code) VALUES (?, ?, ?, ?, ?)',
    );
    this.insertReference = this.db.prepare(
      'INSERT INTO idx_reference (type, id, param, target_type, target_id) VALUES (?, ?, ?, ?, ?)',
    );
    this.insertDate = this.db.prepare(
      'INSERT INTO idx_date (type, id, param, low, high) VALUES (?, ?, ?, ?, ?)',
    );
    this.insertString = this.db.prepare(
      'INSERT INTO idx_string (type, id, param, value) VALUES (?, ?, ?, ?)',
    );
    this.setCreatedSeq = this.db.prepare('UPDATE resources SET created_seq = seq WHERE seq = ?');
  }

  close(): void {
    this.db.close();
  }

  isSupported(type: string): boolean {
    return type in SEARCH_PARAMS;
  }

  read(type: string, id: string): { resource: Resource; patientId: string | null } | undefined {
    const row = this.selectCurrent.get(type, id) as (StoredRow & { deleted: number }) | undefined;
    if (!row) return undefined;
    if (row.deleted) throw new FhirError(410, `${type}/${id} was deleted`, 'deleted');
    return { resource: JSON.parse(row.json) as Resource, patientId: row.patient_id };
  }

  vread(type: string, id: string, version: number): Resource | undefined {
    const row = this.selectVersion.get(type, id, version) as
      { json: string; deleted: number } | undefined;
    if (!row) return undefined;
    if (row.deleted)
      throw new FhirError(410, `${type}/${id} version ${version} is a deletion`, 'deleted');
    return JSON.parse(row.json) as Resource;
  }

  /** Creates with a server-assigned id (or the given one when `keepId`). */
  create(input: Resource, options: { keepId?: boolean; now?: Date } = {}): Resource {
    validateResource(input);
    const id = options.keepId && input.id ? input.id : randomUUID();
    return this.db.transaction(() => this.write({ ...input, id }, 1, options.now))();
  }

  /**
   * Updates (or creates, for a client-chosen id). With `ifMatch` the current version must match,
   * else 412: a stale edit is refused, never merged over someone else's change.
   */
  update(
    type: string,
    id: string,
    input: Resource,
    ifMatch?: number,
    now?: Date,
  ): { resource: Resource; created: boolean } {
    validateResource(input);
    if (input.resourceType !== type)
      throw new FhirError(
        400,
        `resourceType ${input.resourceType} does not match the URL (${type})`,
        'invalid',
      );
    if (input.id !== id)
      throw new FhirError(
        400,
        `the resource id "${String(input.id)}" does not match the URL id "${id}"`,
        'invalid',
      );
    return this.db.transaction(() => {
      const current = this.selectCurrent.get(type, id) as
        (StoredRow & { deleted: number }) | undefined;
      if (ifMatch !== undefined && (!current || current.version !== ifMatch)) {
        throw new FhirError(
          412,
          current
            ? `${type}/${id} is at version ${current.version}, not ${ifMatch}: someone else changed it; reload and try again`
            : `${type}/${id} does not exist, so version ${ifMatch} cannot match`,
          'conflict',
        );
      }
      return { resource: this.write(input, (current?.version ?? 0) + 1, now), created: !current };
    })();
  }

  delete(type: string, id: string): boolean {
    return this.db.transaction(() => {
      const current = this.selectCurrent.get(type, id) as
        (StoredRow & { deleted: number; last_updated: string }) | undefined;
      if (!current || current.deleted) return false;
      const now = new Date().toISOString();
      this.updateResource.run(
        current.version + 1,
        now,
        Date.parse(now),
        current.patient_id,
        current.json,
        1,
        type,
        id,
      );
      this.insertHistory.run(type, id, current.version + 1, now, 1, current.json);
      for (const statement of this.deleteIndexes) statement.run(type, id);
      return true;
    })();
  }

  /** Runs `work` in one SQLite transaction: all of it is written or none. */
  transaction<T>(work: () => T): T {
    return this.db.transaction(work)();
  }

  /** Bulk load for seeding: resources keep their ids, in one transaction per call. */
  loadMany(resources: readonly Resource[], now = new Date()): number {
    this.db.transaction(() => {
      for (const resource of resources) {
        validateResource(resource);
        const current = this.selectCurrent.get(resource.resourceType, resource.id) as
          StoredRow | undefined;
        this.write(resource, (current?.version ?? 0) + 1, now);
      }
    })();
    return resources.length;
  }

  private write(input: Resource, version: number, now = new Date()): Resource {
    const lastUpdated = now.toISOString();
    const resource: Resource = {
      ...input,
      meta: { ...(input.meta ?? {}), versionId: String(version), lastUpdated },
    };
    const type = resource.resourceType;
    const id = resource.id!;
    const json = JSON.stringify(resource);
    const patient = patientOf(resource) ?? null;
    const exists = version > 1 && this.selectCurrent.get(type, id) !== undefined;
    if (exists) {
      this.updateResource.run(version, lastUpdated, now.getTime(), patient, json, 0, type, id);
      for (const statement of this.deleteIndexes) statement.run(type, id);
    } else {
      const info = this.insertResource.run(
        type,
        id,
        version,
        lastUpdated,
        now.getTime(),
        patient,
        json,
      );
      this.setCreatedSeq.run(info.lastInsertRowid);
    }
    this.insertHistory.run(type, id, version, lastUpdated, 0, json);
    this.index(resource);
    return resource;
  }

  private index(resource: Resource): void {
    const type = resource.resourceType;
    const id = resource.id!;
    for (const def of SEARCH_PARAMS[type] ?? []) {
      for (const value of def.extract(resource)) {
        switch (def.type) {
          case 'token': {
            const v = value as { system?: unknown; code?: unknown };
            if (v && typeof v.code === 'string')
              this.insertToken.run(
                type,
                id,
                def.name,
                typeof v.system === 'string' ? v.system : null,
                v.code,
              );
            break;
          }
          case 'reference': {
            const [targetType, targetId] = splitReference(value as string);
            if (targetId)
              this.insertReference.run(type, id, def.name, targetType ?? null, targetId);
            break;
          }
          case 'date': {
            const range = rangeOfElement(value);
            if (range) this.insertDate.run(type, id, def.name, range.low, range.high);
            break;
          }
          case 'string':
            if (typeof value === 'string')
              this.insertString.run(type, id, def.name, normaliseString(value));
            break;
        }
      }
    }
    this.insertToken.run(type, id, '_id', null, id);
  }
}

/** Lower-case, accents removed, for R4 string matching (case- and accent-insensitive). */
export function normaliseString(value: string): string {
  return value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

/** "Patient/123", an absolute ".../Patient/123" or "Patient/123/_history/2" → [type, id]. */
export function splitReference(reference: string): [string | undefined, string | undefined] {
  const match = /(?:^|\/)([A-Z][A-Za-z]+)\/([A-Za-z0-9\-.]{1,64})(?:\/_history\/[^/]+)?$/.exec(
    reference,
  );
  if (match) return [match[1], match[2]];
  return [undefined, undefined];
}

export function validateResource(input: unknown): asserts input is Resource {
  if (!input || typeof input !== 'object' || Array.isArray(input))
    throw new FhirError(400, 'the body is not a FHIR resource (a JSON object)', 'structure');
  const resource = input as Resource;
  if (typeof resource.resourceType !== 'string')
    throw new FhirError(400, 'the resource has no resourceType', 'structure');
  if (!(resource.resourceType in SEARCH_PARAMS)) {
    throw new FhirError(
      400,
      `resourceType ${resource.resourceType} is not supported by this server`,
      'not-supported',
    );
  }
  if (
    resource.id !== undefined &&
    (typeof resource.id !== 'string' || !ID_PATTERN.test(resource.id))
  ) {
    throw new FhirError(
      400,
      `"${String(resource.id).slice(0, 80)}" is not a valid FHIR id`,
      'invalid',
    );
  }
  checkReferences(resource, 0);
}

/** Every `reference` must be relative (Type/id), absolute, a contained `#id`, a urn:uuid or a conditional query. */
function checkReferences(value: unknown, depth: number): void {
  if (depth > 40 || !value || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    for (const item of value) checkReferences(item, depth + 1);
    return;
  }
  for (const [key, child] of Object.entries(value)) {
    if (key === 'reference' && typeof child === 'string') {
      const ok =
        /^[A-Z][A-Za-z]+\/[A-Za-z0-9\-.]{1,64}(\/_history\/[A-Za-z0-9\-.]{1,64})?$/.test(child) ||
        /^https?:\/\/\S+\/[A-Z][A-Za-z]+\/[A-Za-z0-9\-.]{1,64}$/.test(child) ||
        /^#\S*$/.test(child) ||
        /^urn:(uuid|oid):\S+$/.test(child) ||
        /^[A-Z][A-Za-z]+\?\S+$/.test(child);
      if (!ok) throw new FhirError(400, `invalid reference "${child.slice(0, 80)}"`, 'invalid');
    } else if (key !== 'contained') {
      checkReferences(child, depth + 1);
    }
  }
}
