import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXTENSIONS } from '../../src/app/domain/fhir-codes';
import { EpisodeOfCare } from '../../src/app/fhir-mapping/fhir-types';
import {
  TransitionBundleInput,
  buildTransitionBundle,
} from '../../src/app/fhir-mapping/transition-bundle';
import { WaypointServer, buildServer } from '../app';
import { DEMO_USERS } from '../auth/demo-users';
import { simulateCohort } from '../seed/cohort';
import { SimulatedClient } from '../seed/simulate-client';
import { clientResources, directoryResources } from '../seed/to-fhir';

/** The scopes the app asks for (public/config.json), so the spec proves what the app can do. */
const APP_SCOPES = (
  JSON.parse(readFileSync(join(process.cwd(), 'public/config.json'), 'utf8')) as {
    scopes: string;
  }
).scopes;

interface Json {
  readonly resourceType?: string;
  readonly type?: string;
  readonly entry?: {
    readonly resource?: EpisodeOfCare;
    readonly response?: { readonly status: string; readonly location?: string };
  }[];
  readonly issue?: { readonly diagnostics?: string }[];
}

/**
 * Planning a transition, as the app writes it (fhir-mapping/transition-bundle.ts), against the
 * real server with real tokens: a care-team therapist may, anyone else may not, and a stale
 * version writes nothing at all.
 */
describe('planning a transition (transaction Bundle)', () => {
  let server: WaypointServer;
  let dir: string;
  let fhir: string;
  let cohort: SimulatedClient[];
  const therapist = 'pr-therapist-1';

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'waypoint-planning-'));
    server = await buildServer({ dbFile: join(dir, 'planning.sqlite') });
    cohort = simulateCohort(
      { seed: 5, today: '2026-11-28', timeZone: 'America/Chicago', historyDays: 365 },
      40,
    );
    server.store.loadMany([...directoryResources(), ...cohort.flatMap(clientResources)]);
    await server.app.listen({ port: 0, host: '127.0.0.1' });
    const address = server.app.server.address();
    fhir = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/fhir`;
  });

  afterAll(async () => {
    await server.app.close();
    rmSync(dir, { recursive: true, force: true });
  });

  function tokenFor(practitionerId: string): string {
    const user = DEMO_USERS.find((u) => u.practitionerId === practitionerId)!;
    return server.tokens!.issueAccess({ user, clientId: 'waypoint', scope: APP_SCOPES });
  }

  async function call(
    token: string,
    path: string,
    init: RequestInit = {},
  ): Promise<{ status: number; body: Json }> {
    const response = await fetch(`${fhir}${path}`, {
      ...init,
      headers: {
        Authorization: `Bearer ${token}`,
        'Content-Type': 'application/fhir+json',
        Accept: 'application/fhir+json',
      },
    });
    const text = await response.text();
    return { status: response.status, body: text ? (JSON.parse(text) as Json) : {} };
  }

  /** The stored resource, read past access control (what the server has, not what a caller sees). */
  function stored(id: string): EpisodeOfCare {
    return JSON.parse(server.store.currentRow('EpisodeOfCare', id)!.json) as EpisodeOfCare;
  }

  function plannedEpisodesOf(patientId: string): EpisodeOfCare[] {
    return (
      server.store.db
        .prepare("SELECT json FROM resources WHERE type = 'EpisodeOfCare' AND deleted = 0")
        .all() as { json: string }[]
    )
      .map((r) => JSON.parse(r.json) as EpisodeOfCare)
      .filter((e) => e.status === 'planned' && e.patient?.reference === `Patient/${patientId}`);
  }

  /** Clients in care above aftercare (so aftercare is a step-down); `mine`: the therapist is on the team. */
  function activeEpisodes(mine: boolean): { client: SimulatedClient; episodeId: string }[] {
    return cohort
      .filter((c) => c.careTeam.includes(therapist) === mine)
      .flatMap((client) =>
        client.episodes
          .filter((e) => e.status === 'active' && e.level !== 'aftercare')
          .map((e) => ({ client, episodeId: e.id })),
      );
  }

  const plan = (current: EpisodeOfCare, extra: Partial<TransitionBundleInput> = {}) =>
    buildTransitionBundle({
      current,
      seenVersionId: current.meta!.versionId!,
      plan: { targetLevel: 'aftercare', plannedDate: '2026-12-12', reason: 'Treatment goals met' },
      author: { practitionerRef: `Practitioner/${therapist}`, name: 'Avery Lanternfield' },
      now: '2026-11-28T15:00:00.000Z',
      newEpisodeUuid: '7e0c1f4a-3b2d-4c5e-8f6a-9b0c1d2e3f4a',
      ...extra,
    });

  const post = (token: string, bundle: unknown) =>
    call(token, '', { method: 'POST', body: JSON.stringify(bundle) });

  it('keeps reads out of the browser cache, so a version check never sees a stale version', async () => {
    const [{ episodeId }] = activeEpisodes(true);
    const response = await fetch(`${fhir}/EpisodeOfCare/${episodeId}`, {
      headers: { Authorization: `Bearer ${tokenFor(therapist)}` },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('last-modified')).toBeTruthy();
    expect(response.headers.get('cache-control')).toBe('no-store');
    const refused = await fetch(`${fhir}/EpisodeOfCare/${episodeId}`);
    expect(refused.status).toBe(401);
    expect(refused.headers.get('cache-control')).toBe('no-store');
  });

  it('offers EpisodeOfCare create and update in the CapabilityStatement', async () => {
    const { body } = await call(tokenFor(therapist), '/metadata');
    const episode = (
      body as unknown as {
        rest: { resource: { type: string; interaction: { code: string }[] }[] }[];
      }
    ).rest[0].resource.find((r) => r.type === 'EpisodeOfCare')!;
    const codes = episode.interaction.map((i) => i.code);
    expect(codes).toContain('create');
    expect(codes).toContain('update');
  });

  it('accepts a care-team therapist\u2019s plan: the planned episode and the plan pointing at it, in one transaction', async () => {
    const [{ client, episodeId }] = activeEpisodes(true);
    const token = tokenFor(therapist);
    const read = await call(token, `/EpisodeOfCare/${episodeId}`);
    expect(read.status).toBe(200);
    const current = read.body as EpisodeOfCare;
    const response = await post(token, plan(current));
    expect(response.status).withContext(JSON.stringify(response.body.issue)).toBe(200);
    expect(response.body.type).toBe('transaction-response');
    expect(response.body.entry!.map((e) => e.response!.status)).toEqual(['200 OK', '201 Created']);

    const planned = plannedEpisodesOf(client.patient.id);
    expect(planned.length).toBe(1);
    expect(planned[0]).toEqual(
      jasmine.objectContaining({
        status: 'planned',
        patient: current.patient,
        careManager: current.careManager,
        managingOrganization: current.managingOrganization,
        period: { start: '2026-12-12' },
      }),
    );
    const updated = stored(episodeId);
    expect(Number(updated.meta!.versionId)).toBe(Number(current.meta!.versionId) + 1);
    const parts = updated.extension!.find(
      (e) => e.url === EXTENSIONS.plannedTransition,
    )!.extension!;
    // The server rewrote the urn:uuid placeholder to the id it gave the planned episode.
    expect(parts.find((p) => p.url === 'plannedEpisode')!.valueReference).toEqual({
      reference: `EpisodeOfCare/${planned[0].id}`,
    });
    expect(parts.find((p) => p.url === 'recordedBy')!.valueReference).toEqual({
      reference: `Practitioner/${therapist}`,
      display: 'Avery Lanternfield',
    });
    // Everything else on the episode is as it was.
    const without = (e: EpisodeOfCare) =>
      Object.fromEntries(
        Object.entries(e).filter(([key]) => key !== 'meta' && key !== 'extension'),
      );
    expect(without(updated)).toEqual(without(current));

    // Planning again changes that planned episode rather than adding a second one.
    const again = stored(episodeId);
    const replan = await post(
      token,
      plan(again, {
        plannedEpisode: stored(planned[0].id!),
        plan: { targetLevel: 'aftercare', plannedDate: '2026-12-19', reason: 'Goals met early' },
      }),
    );
    expect(replan.status).toBe(200);
    expect(replan.body.entry!.map((e) => e.response!.status)).toEqual(['200 OK', '200 OK']);
    const replanned = plannedEpisodesOf(client.patient.id);
    expect(replanned.map((e) => [e.id, e.period?.start])).toEqual([[planned[0].id, '2026-12-19']]);
  });

  it('refuses (403) a plan for a client outside the therapist\u2019s care team, writing nothing', async () => {
    const [{ client, episodeId }] = activeEpisodes(false);
    const token = tokenFor(therapist);
    // She cannot even read it; the Bundle is built from what the server holds.
    expect((await call(token, `/EpisodeOfCare/${episodeId}`)).status).toBe(404);
    const before = stored(episodeId);
    const response = await post(token, plan(before));
    expect(response.status).toBe(403);
    expect(response.body.resourceType).toBe('OperationOutcome');
    expect(stored(episodeId).meta!.versionId).toBe(before.meta!.versionId);
    expect(plannedEpisodesOf(client.patient.id)).toEqual([]);
    // Their own care team's therapist may.
    const response2 = await post(tokenFor(client.therapistId), plan(before));
    expect(response2.status).toBe(200);
  });

  it('refuses a stale version with 412 and rolls the whole transaction back', async () => {
    const [, { client, episodeId }] = activeEpisodes(true);
    const token = tokenFor(therapist);
    const seen = (await call(token, `/EpisodeOfCare/${episodeId}`)).body as EpisodeOfCare;
    // A colleague saves first.
    expect((await post(token, plan(seen))).status).toBe(200);
    const afterColleague = stored(episodeId);
    const plannedAfterColleague = plannedEpisodesOf(client.patient.id);
    // The same user's second tab still holds the version it saw.
    const stale = await post(
      token,
      plan(seen, {
        plan: { targetLevel: 'aftercare', plannedDate: '2026-12-30', reason: 'Another plan' },
        newEpisodeUuid: '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d',
      }),
    );
    expect(stale.status).toBe(412);
    expect(stale.body.issue![0].diagnostics).toContain(
      `EpisodeOfCare/${episodeId} is at version ${afterColleague.meta!.versionId}, not ${seen.meta!.versionId}`,
    );
    expect(stored(episodeId)).toEqual(afterColleague);
    // The planned episode in the same Bundle (processed before the update) was not kept either.
    expect(plannedEpisodesOf(client.patient.id)).toEqual(plannedAfterColleague);
  });
});
