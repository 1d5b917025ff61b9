import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WaypointServer, buildServer } from '../app';
import { Resource } from '../db/resource-store';
import { SHARED_TYPES, SEARCH_PARAMS, patientOf } from '../fhir/search-params';
import { simulateCohort } from '../seed/cohort';
import { SimulatedClient } from '../seed/simulate-client';
import { clientResources, directoryResources } from '../seed/to-fhir';
import { DEMO_USERS } from './demo-users';

const ALL_READ = Object.keys(SEARCH_PARAMS)
  .map((t) => `user/${t}.rs`)
  .join(' ');

describe('access control over a generated program', () => {
  let server: WaypointServer;
  let dir: string;
  let origin: string;
  let cohort: SimulatedClient[];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'waypoint-access-'));
    server = await buildServer({ dbFile: join(dir, 'access.sqlite') });
    cohort = simulateCohort(
      { seed: 5, today: '2026-11-28', timeZone: 'America/Chicago', historyDays: 365 },
      40,
    );
    server.store.loadMany([...directoryResources(), ...cohort.flatMap(clientResources)]);
    await server.app.listen({ port: 0, host: '127.0.0.1' });
    const address = server.app.server.address();
    origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  });

  afterAll(async () => {
    await server.app.close();
    rmSync(dir, { recursive: true, force: true });
  });

  function tokenFor(practitionerId: string): string {
    const user = DEMO_USERS.find((u) => u.practitionerId === practitionerId)!;
    return server.tokens!.issueAccess({ user, clientId: 'waypoint', scope: ALL_READ });
  }

  async function search(
    token: string,
    query: string,
  ): Promise<{ resource: Resource; search: { mode: string } }[]> {
    const response = await fetch(`${origin}/fhir/${query}`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    expect(response.status).withContext(query).toBe(200);
    return (
      ((await response.json()) as { entry?: { resource: Resource; search: { mode: string } }[] })
        .entry ?? []
    );
  }

  it('never shows a therapist a patient outside their active care teams, in any resource type or include', async () => {
    const therapist = 'pr-therapist-1';
    const allowed = new Set(
      cohort
        .filter(
          (c) => c.careTeam.includes(therapist) && c.episodes.some((e) => e.status === 'active'),
        )
        .map((c) => c.patient.id),
    );
    expect(allowed.size).toBeGreaterThan(0);
    expect(allowed.size).toBeLessThan(cohort.length);
    const token = tokenFor(therapist);
    let seen = 0;
    for (const type of Object.keys(SEARCH_PARAMS).filter(
      (t) => !SHARED_TYPES.has(t) && t !== 'AuditEvent',
    )) {
      const refs = SEARCH_PARAMS[type]
        .filter((d) => d.type === 'reference')
        .map((d) => `_include=${type}:${d.name}`);
      const entries = await search(token, `${type}?_count=1000&${refs.join('&')}`);
      for (const entry of entries) {
        const patient = patientOf(entry.resource);
        if (patient)
          expect(allowed.has(patient))
            .withContext(`${entry.resource.resourceType}/${entry.resource.id}`)
            .toBeTrue();
        seen++;
      }
    }
    expect(seen).toBeGreaterThan(100);
    const outsider = cohort.find((c) => !allowed.has(c.patient.id))!;
    const response = await fetch(`${origin}/fhir/Patient/${outsider.patient.id}`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    expect(response.status).toBe(404);
    const reverse = await search(
      token,
      `Practitioner?_id=${therapist}&_revinclude=EpisodeOfCare:care-manager`,
    );
    for (const entry of reverse.filter((e) => e.search.mode === 'include')) {
      expect(allowed.has(patientOf(entry.resource)!)).toBeTrue();
    }
  });

  it('shows the director every patient of the provider', async () => {
    const entries = await search(tokenFor('pr-director-1'), 'Patient?_count=1000');
    expect(entries.length).toBe(cohort.length);
  });
});
