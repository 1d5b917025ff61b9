import { corpusResource, corpusResources } from '../../testing/fhir/corpus';
import { mapCareTeam, mapCareTeams } from './care-team-mapper';
import { CareTeam, PractitionerRole } from './fhir-types';
import { MapResult } from './map-result';
import { indexResources } from './references';

const team = (name: string) => corpusResource<CareTeam>(name);
const reasons = (result: MapResult<unknown>) => result.problems.map((p) => p.reason);

describe('CareTeam → CareTeamRecord', () => {
  it('lists each practitioner once, following a PractitionerRole member, and skips non-staff', () => {
    const index = indexResources([
      { resource: corpusResource<PractitionerRole>('role-waypoint-psychiatrist') },
    ]);
    const result = mapCareTeam(team('careteam-waypoint'), { index });
    expect(result.value).toEqual({
      id: 'ct-halloway',
      patientId: 'pt-wren-halloway',
      status: 'active',
      memberIds: ['pr-lanternfield', 'pr-sallow', 'pr-cobb'],
      treatmentTeam: true,
    });
    expect(result.problems).toEqual([]);
  });

  it('reports a PractitionerRole member it cannot follow', () => {
    const result = mapCareTeam(team('careteam-waypoint'));
    expect(result.value?.memberIds).toEqual(['pr-lanternfield', 'pr-cobb']);
    expect(reasons(result)).toEqual([
      'participant 1: member PractitionerRole not among the resources given',
    ]);
  });

  it('reports Synthea\u2019s conditional member references as unresolved, without the NPI', () => {
    const result = mapCareTeam(team('careteam-conditional-refs-synthea'));
    expect(result.value).toEqual({
      id: '1f3e5d7c-9b1a-4c3e-8d5f-7a9b1c3d5e7f',
      patientId: '4a6c8e0f-2b4d-4f6a-8c0e-1a3b5c7d9e0f',
      status: 'active',
      memberIds: [],
      treatmentTeam: false,
    });
    expect(reasons(result)).toEqual([
      'subject urn:uuid reference taken as the Patient id',
      'participant 1: member is a conditional reference (Practitioner?identifier=…), which is not resolved',
    ]);
    expect(JSON.stringify(result.problems)).not.toContain('9999900417');
  });

  it('reports an unresolved uuid member that is not the client, and rejects unusable teams', () => {
    const other = {
      ...team('careteam-waypoint'),
      participant: [
        { member: { reference: 'urn:uuid:11111111-2222-4333-8444-555555555555' } },
        { member: { reference: '#x' } },
      ],
    };
    expect(reasons(mapCareTeam(other))).toEqual([
      'participant 0: member is a urn:uuid reference not among the resources given',
      'participant 1: member is a contained resource',
    ]);
    expect(reasons(mapCareTeam({ ...other, status: 'entered-in-error' }))).toEqual([
      'status entered-in-error: excluded',
    ]);
    expect(reasons(mapCareTeam({ ...other, subject: undefined }))).toEqual(['no subject']);
    expect(reasons(mapCareTeam({ ...other, id: undefined }))).toEqual(['no id']);
    expect(reasons(mapCareTeam(null as unknown as CareTeam))).toEqual(['not a resource']);
    expect(mapCareTeam({ ...other, status: undefined, participant: [] }).value?.status).toBe(
      'unknown',
    );
    expect(mapCareTeams(corpusResources<CareTeam>('careteam-waypoint')).items.length).toBe(1);
  });
});
