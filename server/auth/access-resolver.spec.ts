import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ResourceStore } from '../db/resource-store';
import { AccessContext, AccessRefusal, isRefusal } from '../fhir/access';
import { PatientScopeSource, PatientScopes, createSmartAccessResolver } from './access-resolver';
import { DEMO_USERS, DemoUser } from './demo-users';
import { TokenRegistry } from './token-registry';

const user = (id: string): DemoUser => DEMO_USERS.find((u) => u.practitionerId === id)!;

describe('createSmartAccessResolver', () => {
  let clock: number;
  let tokens: TokenRegistry;
  let calls: string[];
  const source: PatientScopes = {
    careTeamPatients: (id) => {
      calls.push(`team:${id}`);
      return ['p1', 'p2'];
    },
    organisationPatients: (id) => {
      calls.push(`org:${id}`);
      return id === 'org-riverside' ? 'all' : ['p9'];
    },
  };

  beforeEach(() => {
    clock = 1_000_000;
    calls = [];
    tokens = new TokenRegistry(1, 60, () => clock);
  });

  const resolverWith = () => createSmartAccessResolver(tokens, source, { now: () => clock });
  const resolve = async (authorization?: string): Promise<AccessContext | AccessRefusal> =>
    resolverWith()({ requestId: 'r1', ...(authorization ? { authorization } : {}) });
  const context = (result: AccessContext | AccessRefusal): AccessContext => {
    if (isRefusal(result)) throw new Error(`refused: ${result.message}`);
    return result;
  };

  it('refuses a missing, malformed, unknown or expired token with 401', async () => {
    expect(await resolve()).toEqual(jasmine.objectContaining({ status: 401 }));
    expect(await resolve('Basic dXNlcjpwYXNz')).toEqual(jasmine.objectContaining({ status: 401 }));
    expect(await resolve('Bearer a b')).toEqual(jasmine.objectContaining({ status: 401 }));
    expect(await resolve('Bearer unknown')).toEqual(jasmine.objectContaining({ status: 401 }));
    const token = tokens.issueAccess({
      user: user('pr-therapist-1'),
      clientId: 'waypoint',
      scope: 'user/*.rs',
    });
    expect(isRefusal(await resolve(`Bearer ${token}`))).toBeFalse();
    clock += 999;
    expect(isRefusal(await resolve(`bearer ${token}`))).toBeFalse();
    clock += 1; // the one-second lifetime is over
    const expired = await resolve(`Bearer ${token}`);
    expect(expired).toEqual({ status: 401, message: 'the access token has expired' });
  });

  it('grants reads and writes from the scopes: no write scope, no write', async () => {
    const read = context(
      await resolve(
        `Bearer ${tokens.issueAccess({ user: user('pr-therapist-1'), clientId: 'waypoint', scope: 'user/Observation.rs user/Patient.read' })}`,
      ),
    );
    expect([read.canRead('Observation'), read.canRead('Patient'), read.canRead('Flag')]).toEqual([
      true,
      true,
      false,
    ]);
    expect(read.canWrite('Observation', 'create')).toBeFalse();
    expect(read.actor).toEqual({
      reference: 'Practitioner/pr-therapist-1',
      display: 'Avery Lanternfield',
      role: 'therapist',
    });
    expect(read.clientId).toBe('waypoint');
    const write = context(
      await resolve(
        `Bearer ${tokens.issueAccess({ user: user('pr-therapist-1'), clientId: 'waypoint', scope: 'user/EpisodeOfCare.cu user/Observation.write' })}`,
      ),
    );
    expect(write.canWrite('EpisodeOfCare', 'create')).toBeTrue();
    expect(write.canWrite('EpisodeOfCare', 'update')).toBeTrue();
    expect(write.canWrite('EpisodeOfCare', 'delete')).toBeFalse();
    expect(write.canRead('EpisodeOfCare')).toBeFalse();
    expect(write.canWrite('Observation', 'delete')).toBeTrue();
  });

  it('applies role rules on top of the scopes', async () => {
    const all = 'user/*.cruds';
    const as = async (id: string) =>
      context(
        await resolve(
          `Bearer ${tokens.issueAccess({ user: user(id), clientId: 'waypoint', scope: all })}`,
        ),
      );
    const therapist = await as('pr-therapist-2');
    const director = await as('pr-director-1');
    expect(therapist.canWrite('Observation', 'create')).toBeTrue();
    expect(therapist.canWrite('Library', 'update')).toBeFalse();
    expect(therapist.canWrite('Practitioner', 'update')).toBeFalse();
    expect(therapist.canRead('Library')).toBeTrue();
    expect(therapist.canRead('AuditEvent')).toBeFalse();
    expect(director.canRead('AuditEvent')).toBeTrue();
    expect(director.canWrite('Library', 'update')).toBeTrue();
    expect(director.canWrite('Observation', 'create')).toBeFalse();
    expect(director.canWrite('AuditEvent', 'create')).toBeFalse();
    const psychiatrist = await as('pr-psychiatrist-1');
    expect(psychiatrist.canWrite('Condition', 'update')).toBeTrue();
  });

  it('scopes a clinician to their care teams and a director to the organisation, cached per token', async () => {
    tokens = new TokenRegistry(3600, 60, () => clock);
    const longToken = tokens.issueAccess({
      user: user('pr-therapist-1'),
      clientId: 'waypoint',
      scope: 'user/*.rs',
    });
    const resolver = resolverWith();
    const first = context(await resolver({ requestId: 'a', authorization: `Bearer ${longToken}` }));
    expect([...(first.patientScope as ReadonlySet<string>)]).toEqual(['p1', 'p2']);
    for (let i = 0; i < 9; i++)
      await resolver({ requestId: `b${i}`, authorization: `Bearer ${longToken}` });
    expect(calls).toEqual(['team:pr-therapist-1']);
    clock += 30_000;
    await resolver({ requestId: 'c', authorization: `Bearer ${longToken}` });
    expect(calls).toEqual(['team:pr-therapist-1', 'team:pr-therapist-1']);
    const director = tokens.issueAccess({
      user: user('pr-director-1'),
      clientId: 'waypoint',
      scope: 'user/*.rs',
    });
    const scoped = context(await resolver({ requestId: 'd', authorization: `Bearer ${director}` }));
    expect(scoped.patientScope).toBe('all');
    expect(calls[2]).toBe('org:org-riverside');
  });
});

describe('PatientScopeSource', () => {
  let dir: string;
  let store: ResourceStore;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'waypoint-scope-'));
    store = new ResourceStore(join(dir, 'scope.sqlite'));
    store.loadMany([
      { resourceType: 'Organization', id: 'org-top' },
      {
        resourceType: 'Organization',
        id: 'org-mid',
        partOf: { reference: 'Organization/org-top' },
      },
      {
        resourceType: 'Organization',
        id: 'org-leaf',
        partOf: { reference: 'Organization/org-mid' },
      },
      { resourceType: 'Organization', id: 'org-else' },
      {
        resourceType: 'Patient',
        id: 'p-top',
        managingOrganization: { reference: 'Organization/org-top' },
      },
      {
        resourceType: 'Patient',
        id: 'p-leaf',
        managingOrganization: { reference: 'Organization/org-leaf' },
      },
      {
        resourceType: 'Patient',
        id: 'p-else',
        managingOrganization: { reference: 'Organization/org-else' },
      },
      team('ct-1', 'p-top', 'active', ['pr-t1', 'pr-t2']),
      team('ct-2', 'p-leaf', 'active', ['pr-t2']),
      team('ct-3', 'p-else', 'inactive', ['pr-t1']),
      team('ct-4', 'p-else', 'active', ['pr-t3']),
    ]);
  });

  afterEach(() => {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  function team(id: string, patient: string, status: string, members: string[]) {
    return {
      resourceType: 'CareTeam',
      id,
      status,
      subject: { reference: `Patient/${patient}` },
      participant: members.map((m) => ({ member: { reference: `Practitioner/${m}` } })),
    };
  }

  it('finds the patients of the active care teams a practitioner is on', () => {
    const source = new PatientScopeSource(store);
    expect(source.careTeamPatients('pr-t1')).toEqual(['p-top']);
    expect([...source.careTeamPatients('pr-t2')].sort()).toEqual(['p-leaf', 'p-top']);
    expect(source.careTeamPatients('pr-nobody')).toEqual([]);
    store.delete('CareTeam', 'ct-1');
    expect(source.careTeamPatients('pr-t1')).toEqual([]);
  });

  it('finds an organisation’s patients down its partOf tree, and all when it covers everyone', () => {
    const source = new PatientScopeSource(store);
    expect([...(source.organisationPatients('org-top') as string[])].sort()).toEqual([
      'p-leaf',
      'p-top',
    ]);
    expect(source.organisationPatients('org-mid')).toEqual(['p-leaf']);
    expect(source.organisationPatients('org-else')).toEqual(['p-else']);
    store.loadMany([
      {
        resourceType: 'Organization',
        id: 'org-else',
        partOf: { reference: 'Organization/org-top' },
      },
    ]);
    expect(source.organisationPatients('org-top')).toBe('all');
    store.loadMany([{ resourceType: 'Patient', id: 'p-nowhere' }]);
    expect((source.organisationPatients('org-top') as string[]).length).toBe(3);
  });
});
