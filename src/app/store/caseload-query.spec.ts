import { Observable, firstValueFrom, of } from 'rxjs';
import { SignedInUser } from '../core/auth/signed-in-user';
import { FhirClient, SearchOptions, SearchOutcome, SearchParams } from '../core/fhir/fhir-client';
import { FhirResource } from '../core/fhir/fhir-resource';
import { SECURITY_LABELS } from '../domain/fhir-codes';
import { Appointment, Encounter, mapSessions } from '../fhir-mapping';
import { CORPUS } from '../../testing/fhir/corpus';
import { CASELOAD_PAGE_CAP, caseloadHistoryFrom, combine, loadCaseload } from './caseload-query';
import { SESSION_ENCOUNTER_ELEMENTS } from './session-elements';
import { searchOutcome } from './store-fixtures';

/** A fake client that answers each search by type and records what was asked. */
function fakeClient(patients: number, starts: (string | undefined)[] = []) {
  const calls: { type: string; params: SearchParams }[] = [];
  const options: (SearchOptions | undefined)[] = [];
  const episodes: FhirResource[] = Array.from({ length: patients }, (_, i) => ({
    resourceType: 'EpisodeOfCare',
    id: `e${i}`,
    patient: { reference: `Patient/p${i}` },
    ...(starts[i] ? { period: { start: starts[i] } } : {}),
  }));
  const client = {
    search(type: string, params: SearchParams, opts?: SearchOptions): Observable<SearchOutcome> {
      calls.push({ type, params });
      options.push(opts);
      const first = calls.length === 1;
      return of({
        matches: first ? episodes : [{ resourceType: type, id: `${type}-1` }],
        includes: [],
        partial: type === 'Observation',
        partialReasons: type === 'Observation' ? ['capped'] : [],
        requests: type === 'Observation' ? 3 : 1,
        warnings: [],
      });
    },
  } as unknown as FhirClient;
  return { client, calls, options };
}

const user = (role: SignedInUser['role']): SignedInUser => ({
  practitionerRef: 'Practitioner/t1',
  name: 'Avery Lanternfield',
  role,
  organizationRefs: [],
});

describe('loadCaseload', () => {
  it('issues the same searches for 2 clients as for 200: no search per client', async () => {
    const small = fakeClient(2);
    const large = fakeClient(200);
    await firstValueFrom(loadCaseload(small.client, user('therapist')));
    const run = await firstValueFrom(loadCaseload(large.client, user('therapist')));
    expect(small.calls.map((c) => c.type)).toEqual(large.calls.map((c) => c.type));
    expect(large.calls.length).toBe(12);
    const observation = large.calls.find((c) => c.type === 'Observation')!;
    expect((observation.params['patient'] as string[]).length).toBe(200);
    expect(run.patientIds.length).toBe(200);
    expect(run.requests).toBe(14);
    expect(run.partial).toBeTrue();
    expect(run.partialReasons).toEqual(['capped']);
  });

  it('pages every search about the patients past the default cap, as the outcomes query does', async () => {
    // The client's default of 50 pages stopped a ~2,000-client director caseload's sessions.
    expect(CASELOAD_PAGE_CAP).toBeGreaterThan(50);
    for (const role of ['therapist', 'psychiatrist', 'director'] as const) {
      const { client, calls, options } = fakeClient(3);
      await firstValueFrom(loadCaseload(client, user(role)));
      const capped = calls.filter((_, i) => options[i]?.pageCap === CASELOAD_PAGE_CAP);
      // The caseload search and the nine patient searches; the staff directory is small.
      expect(capped.map((c) => c.type)).toEqual([
        role === 'psychiatrist' ? 'CareTeam' : 'EpisodeOfCare',
        'EpisodeOfCare',
        'Observation',
        'QuestionnaireResponse',
        'Appointment',
        'Encounter',
        'Flag',
        'CarePlan',
        'Condition',
        'CareTeam',
      ]);
    }
  });

  it('finds the caseload by role', async () => {
    const therapist = fakeClient(1);
    await firstValueFrom(loadCaseload(therapist.client, user('therapist')));
    expect(therapist.calls[0]).toEqual({
      type: 'EpisodeOfCare',
      params: {
        'care-manager': 'Practitioner/t1',
        status: 'active',
        _include: 'EpisodeOfCare:patient',
      },
    });
    const psychiatrist = fakeClient(1);
    await firstValueFrom(loadCaseload(psychiatrist.client, user('psychiatrist')));
    expect(psychiatrist.calls[0].type).toBe('CareTeam');
    expect(psychiatrist.calls[0].params['participant']).toBe('Practitioner/t1');
    const director = fakeClient(1);
    await firstValueFrom(loadCaseload(director.client, user('director')));
    expect(director.calls[0].params).toEqual({
      status: 'active',
      _include: 'EpisodeOfCare:patient',
    });
  });

  it('asks nothing per patient when the caseload is empty', async () => {
    const empty = fakeClient(0);
    const run = await firstValueFrom(loadCaseload(empty.client, user('therapist')));
    expect(empty.calls.map((c) => c.type)).toEqual([
      'EpisodeOfCare',
      'PractitionerRole',
      'Organization',
    ]);
    expect(run.patientIds).toEqual([]);
  });

  it('reads sessions from a week before the earliest active episode began', async () => {
    const fake = fakeClient(3, ['2026-10-05', '2026-08-20T09:00:00-05:00', '2026-11-01']);
    const run = await firstValueFrom(loadCaseload(fake.client, user('director')));
    // 2026-08-20 less the 7-day baseline look-back and a day for time zones.
    expect(run.historyFrom).toBe('2026-08-12');
    const paramsOf = (type: string) => fake.calls.find((c) => c.type === type)!.params;
    expect(paramsOf('Appointment')['date']).toBe('ge2026-08-12');
    expect(paramsOf('Encounter')['date']).toBe('ge2026-08-12');
    expect(paramsOf('Encounter')['_elements']).toBe(SESSION_ENCOUNTER_ELEMENTS);
    // Everything else stays whole: readiness reads the last scores however old they are.
    const whole = ['EpisodeOfCare', 'Observation', 'QuestionnaireResponse', 'Flag', 'CarePlan'];
    for (const type of [...whole, 'Condition', 'CareTeam']) {
      const params = fake.calls.filter((c) => c.type === type).at(-1)!.params;
      expect(Object.keys(params)).withContext(type).toEqual(['patient']);
    }
  });

  it('reads whole histories when an episode has no usable start, or there are no episodes', () => {
    const episode = (start?: string): FhirResource => ({
      resourceType: 'EpisodeOfCare',
      ...(start ? { period: { start } } : {}),
    });
    expect(caseloadHistoryFrom([episode('2026-10-05'), episode()])).toBeUndefined();
    expect(caseloadHistoryFrom([episode('2026-10-05'), episode('next spring')])).toBeUndefined();
    expect(caseloadHistoryFrom([{ resourceType: 'CareTeam' }])).toBeUndefined();
    expect(caseloadHistoryFrom([episode('2026-10-05')])).toBe('2026-09-27');
  });

  it("reads a psychiatrist's care-team clients whole: care teams give no dates", async () => {
    const fake = fakeClient(2);
    const run = await firstValueFrom(loadCaseload(fake.client, user('psychiatrist')));
    expect(run.historyFrom).toBeUndefined();
    expect(fake.calls.find((c) => c.type === 'Encounter')!.params).toEqual({
      patient: ['Patient/p0', 'Patient/p1'],
    });
  });

  it('trims Encounters to elements that map to the same sessions as whole resources', () => {
    const corpus = CORPUS.map((e) => e.resource as unknown as Encounter | Appointment).filter(
      (r) => r.resourceType === 'Encounter' || r.resourceType === 'Appointment',
    );
    const first = corpus.find(
      (r) => r.resourceType === 'Encounter' && mapSessions([r]).items.length === 1,
    )!;
    // A 42 CFR Part 2 label must survive the trim: the caseload flags substance-use records.
    const labelled = {
      ...first,
      id: 'labelled',
      meta: { security: [{ system: SECURITY_LABELS.substanceUse.system, code: 'ETH' }] },
    } as Encounter;
    const sessions = [...corpus, labelled];
    const keep = new Set(['resourceType', 'id', ...SESSION_ENCOUNTER_ELEMENTS.split(',')]);
    // What `_elements` leaves: the listed elements and the id (meta only because it is listed).
    const trimmed = sessions.map((r) =>
      r.resourceType === 'Encounter'
        ? (Object.fromEntries(Object.entries(r).filter(([key]) => keep.has(key))) as Encounter)
        : r,
    );
    expect(sessions.filter((r) => r.resourceType === 'Encounter').length).toBeGreaterThan(5);
    const whole = mapSessions(sessions);
    const subset = mapSessions(trimmed);
    expect(whole.items.some((s) => s.securityLabels?.length)).toBeTrue();
    expect(subset.items).toEqual(whole.items);
    expect(subset.rejected.map((r) => r.reason)).toEqual(whole.rejected.map((r) => r.reason));
    expect(subset.warnings).toEqual(whole.warnings);
  });

  it('keeps a resource two searches returned once, where first seen, as the later copy', () => {
    const episode = (id: string, status: string): FhirResource => ({
      resourceType: 'EpisodeOfCare',
      id,
      status,
    });
    const patient: FhirResource = { resourceType: 'Patient', id: 'p1' };
    const score: FhirResource = { resourceType: 'Observation', id: 'e1' };
    const later = episode('e1', 'finished');
    const run = combine(
      [
        searchOutcome([episode('e1', 'active'), episode('e2', 'active')], [patient]),
        searchOutcome([episode('e3', 'active'), later]),
        searchOutcome([score]),
      ],
      ['p1'],
    );
    expect(run.resources.map((r) => `${r.resourceType}/${r.id}`)).toEqual([
      'EpisodeOfCare/e1',
      'EpisodeOfCare/e2',
      'Patient/p1',
      'EpisodeOfCare/e3',
      'Observation/e1',
    ]);
    expect(run.resources[0]).toBe(later);
    expect(run.requests).toBe(3);
  });
});
