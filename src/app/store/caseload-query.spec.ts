import { Observable, firstValueFrom, of } from 'rxjs';
import { SignedInUser } from '../core/auth/signed-in-user';
import { FhirClient, SearchOutcome, SearchParams } from '../core/fhir/fhir-client';
import { FhirResource } from '../core/fhir/fhir-resource';
import { loadCaseload } from './caseload-query';

/** A fake client that answers each search by type and records what was asked. */
function fakeClient(patients: number) {
  const calls: { type: string; params: SearchParams }[] = [];
  const episodes: FhirResource[] = Array.from({ length: patients }, (_, i) => ({
    resourceType: 'EpisodeOfCare',
    id: `e${i}`,
    patient: { reference: `Patient/p${i}` },
  }));
  const client = {
    search(type: string, params: SearchParams): Observable<SearchOutcome> {
      calls.push({ type, params });
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
  return { client, calls };
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
});
