import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WaypointServer, buildServer } from '../app';
import { Resource } from '../db/resource-store';
import { SmartTestServer, startSmartServer } from '../auth/smart-test-client';

const PATIENTS: Resource[] = Array.from({ length: 5 }, (_, i) => ({
  resourceType: 'Patient',
  id: `p${i + 1}`,
  managingOrganization: { reference: 'Organization/org-riverside' },
}));

const DATA: Resource[] = [
  { resourceType: 'Organization', id: 'org-riverside', name: 'Provider' },
  ...PATIENTS,
  {
    resourceType: 'Observation',
    id: 'o1',
    status: 'final',
    code: { text: 'check-in' },
    subject: { reference: 'Patient/p1' },
  },
];

interface Running {
  readonly server: WaypointServer;
  readonly origin: string;
  stop(): Promise<void>;
}

async function startOpen(faults: boolean): Promise<Running> {
  const dir = mkdtempSync(join(tmpdir(), 'waypoint-faults-'));
  const server = await buildServer({ dbFile: join(dir, 'f.sqlite'), auth: 'open', faults });
  server.store.loadMany(DATA);
  await server.app.listen({ port: 0, host: '127.0.0.1' });
  const address = server.app.server.address();
  const origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  return {
    server,
    origin,
    async stop() {
      await server.app.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

describe('fault injection', () => {
  describe('without --faults', () => {
    it('has no control endpoint and changes nothing', async () => {
      const running = await startOpen(false);
      try {
        for (const method of ['GET', 'PUT', 'DELETE']) {
          const response = await fetch(`${running.origin}/__faults`, {
            method,
            ...(method === 'PUT'
              ? {
                  headers: { 'Content-Type': 'application/json' },
                  body: JSON.stringify({ kind: '500' }),
                }
              : {}),
          });
          expect(response.status).withContext(method).toBe(404);
        }
        expect((await fetch(`${running.origin}/fhir/Patient`)).status).toBe(200);
      } finally {
        await running.stop();
      }
    });
  });

  describe('with --faults', () => {
    let running: Running;
    let origin: string;

    const setFaults = async (body: unknown) =>
      fetch(`${origin}/__faults`, {
        method: 'PUT',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      });
    const get = (path: string) => fetch(`${origin}/fhir/${path}`);
    const issueOf = async (response: Response) =>
      ((await response.json()) as { issue: { code: string }[] }).issue[0].code;

    beforeAll(async () => {
      running = await startOpen(true);
      origin = running.origin;
    });
    afterAll(async () => running.stop());
    afterEach(async () => {
      expect((await fetch(`${origin}/__faults`, { method: 'DELETE' })).status).toBe(204);
    });

    it('answers normally while no fault is set', async () => {
      expect((await get('Patient')).status).toBe(200);
      const listing = await (await fetch(`${origin}/__faults`)).json();
      expect(listing).toEqual({ faults: [], expiredTokens: 0 });
    });

    it('refuses a malformed fault, naming each problem', async () => {
      const response = await setFaults({ kind: 'boom', times: 0, match: { type: 'x' } });
      expect(response.status).toBe(400);
      const { problems } = (await response.json()) as { problems: string[] };
      expect(problems).toEqual(
        jasmine.arrayContaining([
          jasmine.stringMatching(/^kind must be one of latency, 429/),
          'times must be a whole number from 1 to 1000000',
          'unknown match field "type"',
        ]),
      );
      expect((await get('Patient')).status).toBe(200);
    });

    it('adds latency and lets the request through', async () => {
      await setFaults({ kind: 'latency', ms: 300, times: 1 });
      const started = Date.now();
      expect((await get('Patient')).status).toBe(200);
      expect(Date.now() - started).toBeGreaterThanOrEqual(290);
      // Spent after one request: the listing says so, rather than a wall-clock bound that a
      // loaded machine can break.
      expect((await get('Patient')).status).toBe(200);
      const listing = (await (await fetch(`${origin}/__faults`)).json()) as { faults: unknown[] };
      expect(listing.faults[0]).toEqual(
        jasmine.objectContaining({ kind: 'latency', hits: 1, remaining: 0 }),
      );
    });

    it('answers 429 with Retry-After and an OperationOutcome, `times` times', async () => {
      const set = await setFaults({ kind: '429', retryAfter: 2, times: 2 });
      expect(set.status).toBe(200);
      for (let i = 0; i < 2; i++) {
        const response = await get('Patient');
        expect(response.status).toBe(429);
        expect(response.headers.get('retry-after')).toBe('2');
        expect(await issueOf(response)).toBe('throttled');
      }
      expect((await get('Patient')).status).toBe(200);
      const listing = (await (await fetch(`${origin}/__faults`)).json()) as { faults: unknown[] };
      expect(listing.faults[0]).toEqual(
        jasmine.objectContaining({ kind: '429', hits: 2, remaining: 0 }),
      );
    });

    it('answers 500 and 503 with OperationOutcomes, only for the matched type', async () => {
      await setFaults([
        { kind: '500', match: { resourceType: 'Observation' }, times: 1 },
        { kind: '503', match: { resourceType: 'Patient' }, retryAfter: 1, times: 1 },
      ]);
      const observations = await get('Observation?subject=Patient/p1');
      expect(observations.status).toBe(500);
      expect(await issueOf(observations)).toBe('exception');
      const patients = await get('Patient');
      expect(patients.status).toBe(503);
      expect(patients.headers.get('retry-after')).toBe('1');
      expect(await issueOf(patients)).toBe('transient');
      expect((await get('Observation?subject=Patient/p1')).status).toBe(200);
      expect((await get('Patient')).status).toBe(200);
    });

    it('leaves the CapabilityStatement and the control endpoint alone', async () => {
      await setFaults({ kind: '500' });
      expect((await get('metadata')).status).toBe(200);
      expect((await fetch(`${origin}/__faults`)).status).toBe(200);
      expect((await get('Patient')).status).toBe(500);
    });

    it('fails one page in the middle of paging, matched by the search’s type', async () => {
      await setFaults({ kind: 'page-fail', page: 2, match: { resourceType: 'Patient' } });
      // The first page is never a `_getpages` request, whatever the fault.
      const first = await get('Patient?_count=2&_sort=_id');
      expect(first.status).toBe(200);
      const bundle = (await first.json()) as { link: { relation: string; url: string }[] };
      const next = bundle.link.find((l) => l.relation === 'next')!.url;
      const page2 = await fetch(next);
      expect(page2.status).toBe(500);
      expect(await issueOf(page2)).toBe('exception');
      const page3Url = next.replace(/_getpagesoffset=2/, '_getpagesoffset=4');
      expect((await fetch(page3Url)).status).toBe(200);
      // Another type's pages are not hit.
      await setFaults({ kind: 'page-fail', match: { resourceType: 'Observation' } });
      expect((await fetch(next)).status).toBe(200);
    });

    it('matches the pages of a search whose answers are gzipped, as a browser gets them', async () => {
      running.server.store.loadMany(
        Array.from({ length: 60 }, (_, i) => ({
          resourceType: 'Observation',
          id: `bulk-${i}`,
          status: 'final',
          code: { text: `bulk check-in ${'x'.repeat(200)}` },
          subject: { reference: 'Patient/p2' },
        })),
      );
      await setFaults({ kind: 'page-fail', page: 2, match: { resourceType: 'Observation' } });
      const first = await fetch(`${origin}/fhir/Observation?subject=Patient/p2&_count=30`, {
        headers: { 'Accept-Encoding': 'gzip, deflate, br, zstd' },
      });
      expect(first.headers.get('content-encoding')).toBe('gzip');
      const bundle = (await first.json()) as { link: { relation: string; url: string }[] };
      const next = bundle.link.find((l) => l.relation === 'next')!.url;
      expect((await fetch(next)).status).toBe(500);
    });

    it('drops the connection without an answer', async () => {
      await setFaults({ kind: 'drop', times: 1 });
      await expectAsync(get('Patient')).toBeRejectedWithError(TypeError);
      expect((await get('Patient')).status).toBe(200);
    });
  });

  describe('expire-token', () => {
    let smart: SmartTestServer;

    const setFaults = async (body: unknown) =>
      fetch(`${smart.origin}/__faults`, {
        method: 'PUT',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      });

    beforeAll(async () => {
      smart = await startSmartServer(DATA, { faults: true });
    });
    afterAll(async () => smart.stop());
    afterEach(async () => {
      await fetch(`${smart.origin}/__faults`, { method: 'DELETE' });
    });

    it('expires the token in use; a refreshed token carries on', async () => {
      const tokens = await smart.tokensFor('pr-director-1');
      const access = String(tokens['access_token']);
      expect((await smart.fhirGet('Patient', access)).status).toBe(200);
      await setFaults({ kind: 'expire-token' });
      const refused = await smart.fhirGet('Patient', access);
      expect(refused.status).toBe(401);
      expect(refused.headers.get('www-authenticate')).toContain('error="invalid_token"');
      // Expired stays expired, as a real expiry would.
      expect((await smart.fhirGet('Observation', access)).status).toBe(401);
      const renewed = await smart.token({
        grant_type: 'refresh_token',
        refresh_token: String(tokens['refresh_token']),
      });
      expect(renewed.status).toBe(200);
      expect((await smart.fhirGet('Patient', String(renewed.body['access_token']))).status).toBe(
        200,
      );
    });

    it('with refresh "fail", refuses the refresh too, so the session ends', async () => {
      const tokens = await smart.tokensFor('pr-director-1');
      await setFaults({ kind: 'expire-token', refresh: 'fail' });
      expect((await smart.fhirGet('Patient', String(tokens['access_token']))).status).toBe(401);
      const renewed = await smart.token({
        grant_type: 'refresh_token',
        refresh_token: String(tokens['refresh_token']),
      });
      expect([renewed.status, renewed.body['error']]).toEqual([400, 'invalid_grant']);
      // Signing in again (authorization_code) gives a token that works.
      const again = await smart.tokensFor('pr-director-1');
      expect((await smart.fhirGet('Patient', String(again['access_token']))).status).toBe(200);
    });
  });
});
