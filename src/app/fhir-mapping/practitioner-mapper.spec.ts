import { corpusResource, corpusResources } from '../../testing/fhir/corpus';
import { Practitioner, PractitionerRole } from './fhir-types';
import { MapResult } from './map-result';
import {
  mapPractitioner,
  mapPractitionerRole,
  mapPractitionerRoles,
  mapPractitioners,
} from './practitioner-mapper';

const role = (name: string, today?: string) =>
  mapPractitionerRole(corpusResource<PractitionerRole>(name), {
    today,
    timeZone: 'America/Chicago',
  });
const reasons = (result: MapResult<unknown>) => result.problems.map((p) => p.reason);

describe('Practitioner → StaffMember', () => {
  it('reads the name and the NPI from two identifiers with the same value', () => {
    expect(mapPractitioner(corpusResource<Practitioner>('practitioner-npi-bhp')).value).toEqual({
      id: 'pr-sallow',
      name: 'Imre Sallow',
      npi: '9990012345',
      active: true,
    });
    expect(mapPractitioner(corpusResource<Practitioner>('practitioner-waypoint')).value?.name).toBe(
      'Avery Lanternfield',
    );
  });

  it('warns about a missing name and rejects a missing id', () => {
    expect(
      reasons(mapPractitioner({ resourceType: 'Practitioner', id: 'x', active: false })),
    ).toEqual(['no current name']);
    expect(reasons(mapPractitioner({ resourceType: 'Practitioner' }))).toEqual(['no id']);
    expect(reasons(mapPractitioner(null as unknown as Practitioner))).toEqual(['not a resource']);
    expect(
      mapPractitioners(corpusResources<Practitioner>('practitioner-waypoint')).items.length,
    ).toBe(1);
  });
});

describe('PractitionerRole → StaffRole', () => {
  it('reads therapist, psychiatrist (local or SNOMED CT only) and director', () => {
    expect(role('role-waypoint-therapist').value).toEqual({
      id: 'role-lanternfield',
      practitionerId: 'pr-lanternfield',
      role: 'therapist',
      organizationId: 'prog-evening-iop',
      active: true,
    });
    expect(role('role-waypoint-psychiatrist').value?.role).toBe('psychiatrist');
    expect(role('role-snomed-psychiatrist-only').value?.role).toBe('psychiatrist');
    expect(role('role-waypoint-director').value).toEqual(
      jasmine.objectContaining({ role: 'director', organizationId: 'prov-riverbend' }),
    );
  });

  it('never reads the role from the narrative', () => {
    expect(reasons(role('practitionerrole-psychiatrist-narrative-only-hpi-nz'))).toEqual([
      'no staff-role code (the narrative is not read)',
    ]);
    expect(reasons(role('role-unknown-code'))).toEqual([
      'unknown staff role code https://ehr.example.org/roles|RN',
    ]);
  });

  it('is inactive once its period has ended', () => {
    expect(role('role-ended', '2024-05-31').value?.active).toBeFalse();
    expect(role('role-ended').value?.active).toBeTrue();
  });

  it('rejects a role without a practitioner, and warns about an unreadable organization', () => {
    const base = corpusResource<PractitionerRole>('role-waypoint-therapist');
    expect(reasons(mapPractitionerRole({ ...base, practitioner: undefined }))).toEqual([
      'no practitioner',
    ]);
    const result = mapPractitionerRole({ ...base, organization: { reference: '#org' } });
    expect(result.value?.organizationId).toBeUndefined();
    expect(reasons(result)).toEqual([
      'organization is a contained resource, which has no server id: no organization',
    ]);
    expect(reasons(mapPractitionerRole({ ...base, id: undefined }))).toEqual(['no id']);
    expect(reasons(mapPractitionerRole(null as unknown as PractitionerRole))).toEqual([
      'not a resource',
    ]);
    expect(mapPractitionerRoles([base]).items.length).toBe(1);
  });
});
