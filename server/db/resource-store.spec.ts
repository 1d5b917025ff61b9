import BetterSqlite3 from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FIXTURE_TIME, fixtures } from '../fhir/spec-fixtures';
import { FhirError } from './fhir-error';
import { Resource, ResourceStore } from './resource-store';
import { compileSearch, readPage } from './search';

describe('ResourceStore', () => {
  let dir: string;
  let store: ResourceStore;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'waypoint-store-'));
    store = new ResourceStore(join(dir, 'store.sqlite'));
  });

  afterEach(() => {
    if (store.db.open) store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const ids = (type: string, params: [string, string][], context = {}) =>
    store
      .search(type, params, { patientScope: 'all', ...context })
      .matches.map((r) => r.id)
      .sort();
  const statusOf = (work: () => unknown) => {
    try {
      work();
      return 0;
    } catch (error) {
      return error instanceof FhirError ? error.status : -1;
    }
  };

  it('keeps versions: meta set by the store, history for vread, 412 on a stale version, 409 on a duplicate create', () => {
    const created = store.create({
      resourceType: 'Patient',
      id: 'ignored',
      meta: { versionId: '7', source: 'x' },
      gender: 'female',
    });
    expect(created.meta).toEqual({ versionId: '1', lastUpdated: jasmine.any(String), source: 'x' });
    expect(Object.keys(created).slice(0, 3)).toEqual(['resourceType', 'id', 'meta']);
    const id = created.id!;
    const { resource } = store.update('Patient', id, { ...created, gender: 'male' }, 1);
    expect(resource.meta!['versionId']).toBe('2');
    expect(statusOf(() => store.update('Patient', id, { ...created, gender: 'other' }, 1))).toBe(
      412,
    );
    expect(store.vread('Patient', id, 1)!['gender']).toBe('female');
    expect(store.vread('Patient', id, 2)!['gender']).toBe('male');
    expect(store.vread('Patient', id, 3)).toBeUndefined();
    expect(store.delete('Patient', id)).toBeTrue();
    expect(store.delete('Patient', id)).toBeFalse();
    expect(statusOf(() => store.read('Patient', id))).toBe(410);
    expect(statusOf(() => store.vread('Patient', id, 3))).toBe(410);
    expect(ids('Patient', [['gender', 'male']])).toEqual([]);
    store.create({ resourceType: 'Patient', id: 'fixed' }, { keepId: true });
    expect(
      statusOf(() => store.create({ resourceType: 'Patient', id: 'fixed' }, { keepId: true })),
    ).toBe(409);
  });

  it('writes nothing when an index refuses a value (one transaction per write)', () => {
    const bad: Resource = {
      resourceType: 'Observation',
      status: 'final',
      code: { text: 'x' },
      subject: { reference: 'Patient/p' },
      effectiveDateTime: '2024-02-30',
    };
    expect(statusOf(() => store.create(bad))).toBe(400);
    expect(statusOf(() => store.loadMany([{ resourceType: 'Patient', id: 'ok' }, bad]))).toBe(400);
    expect(store.db.prepare('SELECT COUNT(*) AS n FROM resources').get()).toEqual({ n: 0 });
    expect(store.db.prepare('SELECT COUNT(*) AS n FROM index_token').get()).toEqual({ n: 0 });
  });

  it('loads a Bulk Data NDJSON folder atomically, naming a bad line', () => {
    const folder = join(dir, 'ndjson');
    mkdirSync(folder);
    const byType = new Map<string, Resource[]>();
    for (const r of fixtures())
      byType.set(r.resourceType, [...(byType.get(r.resourceType) ?? []), r]);
    for (const [type, list] of byType)
      writeFileSync(
        join(folder, `${type}.ndjson`),
        `${list.map((r) => JSON.stringify(r)).join('\n')}\n\n`,
      );
    const counts = store.loadNdjson(folder, FIXTURE_TIME);
    expect(counts['Observation']).toBe(6);
    expect(counts['Patient']).toBe(3);
    expect(ids('Observation', [['patient', 'pa']])).toEqual(['o1', 'o2', 'o3']);

    const broken = join(dir, 'broken');
    mkdirSync(broken);
    writeFileSync(
      join(broken, 'Patient.ndjson'),
      '{"resourceType":"Patient","id":"new-1"}\n{"resourceType":"Patient","id":"new-2"}\n',
    );
    writeFileSync(
      join(broken, 'Zz.ndjson'),
      '{"resourceType":"Patient","id":"new-3"}\n{"resourceType":"Patient", oops}\n',
    );
    expect(() => store.loadNdjson(broken)).toThrowMatching(
      (e: FhirError) => e.message === 'Zz.ndjson line 2 is not valid JSON',
    );
    writeFileSync(
      join(broken, 'Zz.ndjson'),
      '{"resourceType":"Patient","id":"new-3","birthDate":"1990-02-31"}\n',
    );
    expect(() => store.loadNdjson(broken)).toThrowMatching((e: FhirError) =>
      e.message.startsWith('Zz.ndjson line 1: Patient:'),
    );
    expect(ids('Patient', [['_id', 'new-1,new-2,new-3']])).toEqual([]);
  });

  it('applies the approximate prefix relative to now, and expires paging snapshots', () => {
    store.loadMany(fixtures(), FIXTURE_TIME);
    // Now = 15 May 2024: 10% of the month's distance is 3 days either side of 15 April.
    expect(
      ids('Observation', [['date', 'ap2024-04-15']], { now: Date.parse('2024-05-15T00:00:00Z') }),
    ).toEqual(['o6']);
    const first = store.search('Observation', [['_count', '2']], {
      patientScope: 'all',
      now: 1_000,
    });
    expect(first.pageSetId).toBeDefined();
    expect(
      readPage(store, first.pageSetId!, 2, 2, { patientScope: 'all', now: 2_000 }).matches.length,
    ).toBe(2);
    expect(
      statusOf(() =>
        readPage(store, first.pageSetId!, 2, 2, {
          patientScope: 'all',
          now: 1_000 + store.pageSetTtlMs + 1,
        }),
      ),
    ).toBe(410);
  });

  it('keeps at most maxPageSets snapshots, dropping the oldest', () => {
    store.close();
    store = new ResourceStore(join(dir, 'store.sqlite'), { maxPageSets: 2 });
    store.loadMany(fixtures(), FIXTURE_TIME);
    const sets = [3_000, 1_000, 2_000].map(
      (now) =>
        store.search('Observation', [['_count', '2']], { patientScope: 'all', now }).pageSetId!,
    );
    const page = (setId: string) =>
      statusOf(() => readPage(store, setId, 2, 2, { patientScope: 'all', now: 4_000 }));
    // Made at 1,000, the oldest: dropped when the third came.
    expect(sets.map(page)).toEqual([0, 410, 0]);
  });

  it('rebuilds a database written in the first layout (no rid, every version in history)', () => {
    store.close();
    const file = join(dir, 'legacy.sqlite');
    const legacy = new BetterSqlite3(file);
    legacy.exec(`
      CREATE TABLE resources (seq INTEGER PRIMARY KEY AUTOINCREMENT, type TEXT NOT NULL, id TEXT NOT NULL, version INTEGER NOT NULL,
        last_updated TEXT NOT NULL, last_updated_ms INTEGER NOT NULL, created_seq INTEGER NOT NULL DEFAULT 0, patient_id TEXT,
        deleted INTEGER NOT NULL DEFAULT 0, json TEXT NOT NULL, UNIQUE (type, id));
      CREATE INDEX resources_patient ON resources (type, patient_id);
      CREATE TABLE history (type TEXT NOT NULL, id TEXT NOT NULL, version INTEGER NOT NULL, last_updated TEXT NOT NULL,
        deleted INTEGER NOT NULL DEFAULT 0, json TEXT NOT NULL, PRIMARY KEY (type, id, version)) WITHOUT ROWID;
      CREATE TABLE idx_token (type TEXT, id TEXT, param TEXT, system TEXT, code TEXT);
      CREATE TABLE idx_reference (type TEXT, id TEXT, param TEXT, target_type TEXT, target_id TEXT);
      CREATE TABLE idx_date (type TEXT, id TEXT, param TEXT, low INTEGER, high INTEGER);
      CREATE TABLE idx_string (type TEXT, id TEXT, param TEXT, value TEXT);
    `);
    const put = legacy.prepare(
      'INSERT INTO resources (type, id, version, last_updated, last_updated_ms, patient_id, json) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    const hist = legacy.prepare(
      'INSERT INTO history (type, id, version, last_updated, json) VALUES (?, ?, ?, ?, ?)',
    );
    for (const r of fixtures()) {
      const v1 = { ...r, meta: { versionId: '1', lastUpdated: '2024-12-01T00:00:00.000Z' } };
      const v2 = { ...r, meta: { versionId: '2', lastUpdated: '2024-12-02T00:00:00.000Z' } };
      put.run(
        r.resourceType,
        r.id,
        2,
        '2024-12-02T00:00:00.000Z',
        Date.parse('2024-12-02'),
        null,
        JSON.stringify(v2),
      );
      hist.run(r.resourceType, r.id, 1, '2024-12-01T00:00:00.000Z', JSON.stringify(v1));
      hist.run(r.resourceType, r.id, 2, '2024-12-02T00:00:00.000Z', JSON.stringify(v2));
    }
    legacy.close();
    store = new ResourceStore(file);
    expect(
      ids('Observation', [
        ['patient', 'pa'],
        ['date', 'ge2024-02'],
      ]),
    ).toEqual(['o2', 'o3']);
    expect(store.vread('Patient', 'pa', 1)!.meta!['versionId']).toBe('1');
    expect(store.read('Patient', 'pc')!.patientId).toBe('pc');
    expect(
      store.update('Patient', 'pa', store.read('Patient', 'pa')!.resource, 2).resource.meta![
        'versionId'
      ],
    ).toBe('3');
    // The first layout's table names still answer (the auth layer queries them).
    const teams = store.db
      .prepare(
        "SELECT id FROM idx_reference WHERE type = 'CareTeam' AND param = 'participant' AND target_id = 't2' ORDER BY id",
      )
      .all();
    expect(teams).toEqual([{ id: 'ct-b' }, { id: 'ct-c' }]);
  });

  it('re-indexes everything when the parameter definitions change', () => {
    store.loadMany(fixtures(), FIXTURE_TIME);
    store.db.exec(
      "DELETE FROM index_reference; UPDATE meta SET value = 'older definitions' WHERE key = 'index_signature'",
    );
    expect(ids('Observation', [['patient', 'pb']])).toEqual([]);
    store.close();
    store = new ResourceStore(join(dir, 'store.sqlite'));
    expect(ids('Observation', [['patient', 'pb']])).toEqual(['o4', 'o6']);
  });

  it('writes deferred creations at the end of the turn, before any read of their type, and on close', async () => {
    const file = join(dir, 'store.sqlite');
    const audit = (n: number): Resource => ({
      resourceType: 'AuditEvent',
      type: { system: 'http://terminology.hl7.org/CodeSystem/audit-event-type', code: 'rest' },
      recorded: '2026-01-01T00:00:00Z',
      agent: [{ requestor: true, who: { display: `agent ${n}` } }],
      source: { observer: { display: 'spec' } },
    });
    const stored = () =>
      (
        store.db.prepare("SELECT COUNT(*) AS n FROM resources WHERE type = 'AuditEvent'").get() as {
          n: number;
        }
      ).n;
    const created = [1, 2, 3].map((n) => store.createLater(audit(n)));
    expect(stored()).toBe(0);
    // A search or read of the type writes what is waiting first.
    expect(ids('AuditEvent', [])).toEqual(created.map((r) => r.id!).sort());
    store.createLater(audit(4));
    expect(store.read('AuditEvent', created[0].id!)).toBeDefined();
    expect(stored()).toBe(4);
    // Otherwise at the end of the turn, in one transaction.
    store.createLater(audit(5));
    store.createLater(audit(6));
    // Searches of other types leave them waiting: batching is the point.
    store.search('Observation', [], { patientScope: 'all' });
    expect(stored()).toBe(4);
    await new Promise((resolve) => setImmediate(resolve));
    expect(stored()).toBe(6);
    // And by close(), whatever the turn.
    const last = store.createLater(audit(7));
    store.close();
    store = new ResourceStore(file);
    expect(stored()).toBe(7);
    expect(store.read('AuditEvent', last.id!)?.resource['meta']).toEqual(
      jasmine.objectContaining({ versionId: '1' }),
    );
    // A transaction that fails does not take waiting writes along, even one that read their type.
    store.createLater(audit(8));
    expect(() =>
      store.transaction(() => {
        store.search('AuditEvent', [], { patientScope: 'all' });
        throw new Error('rolled back');
      }),
    ).toThrowError('rolled back');
    expect(stored()).toBe(8);
    // Within a transaction it is part of it: written at once, rolled back with the rest.
    store.transaction(() => store.createLater(audit(9)));
    expect(stored()).toBe(9);
    expect(() =>
      store.transaction(() => {
        store.createLater(audit(10));
        throw new Error('rolled back');
      }),
    ).toThrowError('rolled back');
    await new Promise((resolve) => setImmediate(resolve));
    expect(stored()).toBe(9);
  });

  it('writes deferred creations when the process exits before the turn ends', () => {
    const file = join(dir, 'exit.sqlite');
    const script = `
      const { ResourceStore } = require(${JSON.stringify(join(process.cwd(), 'server/db/resource-store.ts'))});
      const store = new ResourceStore(${JSON.stringify(file)});
      for (let n = 0; n < 5; n++)
        store.createLater({ resourceType: 'Flag', status: 'active', code: { text: 'spec ' + n } });
      process.exit(0);`;
    const child = spawnSync(process.execPath, ['--import', 'tsx', '-e', script], {
      encoding: 'utf8',
    });
    expect(child.status).withContext(child.stderr).toBe(0);
    const reopened = new ResourceStore(file);
    try {
      expect(reopened.search('Flag', [], { patientScope: 'all' }).total).toBe(5);
    } finally {
      reopened.close();
    }
  });

  it('checks a date range per candidate once another filter narrows them, with the same matches', () => {
    store.loadMany(fixtures(), FIXTURE_TIME);
    const dates = [
      'eq2024-02-14',
      'ne2024-02-14',
      'lt2024-02-14',
      'le2024-02-14',
      'gt2024-03-05',
      'ge2024-03-05',
      'sa2024-03-31',
      'eb2024-04-15',
      'ap2024-03-01',
      '2024-01-10,2024-05',
    ];
    const narrowings: { params: [string, string][]; scope: 'all' | Set<string> }[] = [
      { params: [['patient', 'Patient/pa,Patient/pb']], scope: 'all' },
      { params: [['code', '44261-6']], scope: 'all' },
      { params: [], scope: new Set(['pa', 'pc']) },
    ];
    for (const date of dates) {
      const byDate = ids('Observation', [['date', date]]);
      for (const { params, scope } of narrowings) {
        const narrowed = ids('Observation', params, { patientScope: scope });
        expect(ids('Observation', [...params, ['date', date]], { patientScope: scope }))
          .withContext(`date=${date} with ${JSON.stringify(params)} ${[...scope].join(',')}`)
          .toEqual(byDate.filter((id) => narrowed.includes(id)));
      }
    }
    // Alone, the range is still one lookup in the date index; narrowed, a key lookup per candidate.
    const where = (params: [string, string][]) =>
      compileSearch(store, 'Observation', params, { patientScope: 'all' }).where;
    expect(where([['date', 'ge2024-03-05']])).not.toContain('EXISTS');
    expect(
      where([
        ['patient', 'Patient/pa'],
        ['date', 'ge2024-03-05'],
      ]),
    ).toContain('EXISTS (SELECT 1 FROM index_date x WHERE x.rid = r.rid');
  });

  it('loads 10,200 resources and searches them through indexes only (speed is for bench/)', () => {
    const resources: Resource[] = [];
    for (let p = 0; p < 200; p++) {
      resources.push({ resourceType: 'Patient', id: `p${p}`, name: [{ family: `Family${p}` }] });
      for (let o = 0; o < 50; o++)
        resources.push({
          resourceType: 'Observation',
          id: `o${p}-${o}`,
          status: 'final',
          category: [
            {
              coding: [
                {
                  system: 'http://terminology.hl7.org/CodeSystem/observation-category',
                  code: 'survey',
                },
              ],
            },
          ],
          code: { coding: [{ system: 'http://loinc.org', code: o % 2 ? '44261-6' : '70274-6' }] },
          subject: { reference: `Patient/p${p}` },
          effectiveDateTime: new Date(Date.UTC(2024, 0, 1) + o * 7 * 86_400_000).toISOString(),
          valueInteger: o % 27,
          component: [1, 2, 3, 4, 5, 6, 7, 8, 9].map((i) => ({
            code: { coding: [{ system: 'http://loinc.org', code: `item-${i}` }] },
            valueInteger: 1,
          })),
        });
    }
    store.loadMany(resources);

    const patients = Array.from({ length: 40 }, (_, i) => `p${i * 5}`);
    const queries: [string, [string, string][], 'all' | Set<string>][] = [
      [
        'Observation',
        [
          ['patient', patients.join(',')],
          ['code', 'http://loinc.org|44261-6'],
          ['_count', '1000'],
        ],
        'all',
      ],
      [
        'Observation',
        [
          ['code', '44261-6'],
          ['_sort', '-date'],
        ],
        new Set(patients),
      ],
      [
        'Observation',
        [
          ['date', 'ge2024-06'],
          ['date', 'lt2024-07'],
          ['_include', 'Observation:patient'],
        ],
        'all',
      ],
      [
        'Patient',
        [
          ['name', 'family1'],
          ['_revinclude', 'Observation:patient'],
        ],
        'all',
      ],
    ];
    const first = store.search(...withScope(queries[0]));
    expect(first.total).toBe(40 * 25);
    for (const query of queries) expect(store.search(...withScope(query)).total).toBeGreaterThan(0);

    // The plan of every such search is index lookups: no full scan of a table.
    for (const [type, params] of queries) {
      const plan = explain(store, type, params);
      expect(plan.filter((line) => /^SCAN (?!json_each)/.test(line)))
        .withContext(`${type} ${JSON.stringify(params)}`)
        .toEqual([]);
    }
    function withScope([type, params, scope]: (typeof queries)[number]): Parameters<
      ResourceStore['search']
    > {
      return [type, params, { patientScope: scope }];
    }
  });
});

/** SQLite's plan for a search's query (its WHERE and ORDER BY), one line per step. */
function explain(store: ResourceStore, type: string, params: [string, string][]): string[] {
  const { search, where, args } = compileSearch(store, type, params, { patientScope: 'all' });
  const sql = `SELECT r.rid FROM resources r WHERE ${where} ORDER BY ${search.order.sql}`;
  return (
    store.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...args, ...search.order.args) as {
      detail: string;
    }[]
  ).map((r) => r.detail);
}
