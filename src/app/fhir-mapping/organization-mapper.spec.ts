import { corpusResource, corpusResources } from '../../testing/fhir/corpus';
import { Organization } from './fhir-types';
import { mapOrganization, mapOrganizations } from './organization-mapper';

const map = (name: string) => mapOrganization(corpusResource<Organization>(name));

describe('Organization → OrganizationRecord', () => {
  it('reads a provider and a program that is partOf it', () => {
    expect(map('organization-provider').value).toEqual({
      id: 'prov-riverbend',
      name: 'Riverbend Behavioral Health',
      kind: 'provider',
      active: true,
    });
    expect(map('organization-program').value).toEqual({
      id: 'prog-evening-iop',
      name: 'Evening IOP',
      kind: 'program',
      partOfId: 'prov-riverbend',
      active: true,
    });
  });

  it('reads an unresolvable parent as a provider, with a warning', () => {
    const result = map('organization-conditional-parent');
    expect(result.value?.kind).toBe('provider');
    expect(result.problems.map((p) => p.reason)).toEqual([
      'partOf is a conditional reference (Organization?identifier=…), which is not resolved: read as a provider',
    ]);
  });

  it('rejects an organization without an id', () => {
    expect(
      mapOrganization({ resourceType: 'Organization', active: false }).problems[0].reason,
    ).toBe('no id');
    expect(mapOrganization(null as unknown as Organization).problems[0].reason).toBe(
      'not a resource',
    );
    expect(mapOrganization({ resourceType: 'Organization', id: 'o', active: false }).value).toEqual(
      {
        id: 'o',
        kind: 'provider',
        active: false,
      },
    );
    expect(
      mapOrganizations(corpusResources<Organization>('organization-provider')).items.length,
    ).toBe(1);
  });
});
