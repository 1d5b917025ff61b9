import { ResourceBase } from './fhir-types';
import { indexResources, parseReference, referencedId } from './references';

const patient: ResourceBase = { resourceType: 'Patient', id: 'pt-1' };
const bundled: ResourceBase = { resourceType: 'Patient', id: 'server-id-7' };
const uuidPatient: ResourceBase = {
  resourceType: 'Patient',
  id: '5b1d7c9e-3a2f-4e6d-8b0a-9c8d7e6f5a4b',
};
const practitioner: ResourceBase = { resourceType: 'Practitioner', id: 'pr-1' };
const withContained: ResourceBase = {
  resourceType: 'Observation',
  id: 'panel',
  contained: [{ resourceType: 'Observation', id: 'inner' }],
};

describe('FHIR references', () => {
  it('parses relative, absolute, versioned, urn:uuid and contained references', () => {
    expect(parseReference({ reference: 'Patient/pt-1' })).toEqual({
      kind: 'literal',
      resourceType: 'Patient',
      id: 'pt-1',
      url: 'Patient/pt-1',
    });
    expect(
      parseReference({ reference: 'https://ehr.example.org/fhir/Observation/x-2/_history/4' }),
    ).toEqual(
      jasmine.objectContaining({ kind: 'literal', resourceType: 'Observation', id: 'x-2' }),
    );
    expect(parseReference({ reference: 'urn:uuid:5B1D7C9E-3A2F-4E6D-8B0A-9C8D7E6F5A4B' })).toEqual(
      jasmine.objectContaining({ kind: 'uuid', uuid: '5b1d7c9e-3a2f-4e6d-8b0a-9c8d7e6f5a4b' }),
    );
    expect(parseReference({ reference: '#inner' })).toEqual({ kind: 'contained', id: 'inner' });
  });

  it('reports what it cannot resolve without echoing identifier values', () => {
    const conditional = parseReference({
      reference: 'Patient?identifier=urn:oid:1.2.3|MRN-448213&active=true',
    });
    expect(conditional).toEqual({
      kind: 'unresolvable',
      reason: 'a conditional reference (Patient?identifier&active=…)',
    });
    expect(JSON.stringify(conditional)).not.toContain('MRN');
    expect(parseReference({ identifier: { system: 'urn:oid:1.2.3', value: 'MRN-1' } })).toEqual({
      kind: 'unresolvable',
      reason: 'a logical reference (identifier only)',
    });
    expect(parseReference({ display: 'Wren Halloway' })).toEqual({
      kind: 'unresolvable',
      reason: 'missing',
    });
    expect(parseReference(undefined)).toEqual({ kind: 'unresolvable', reason: 'missing' });
    expect(parseReference({ reference: 'not a reference' })).toEqual({
      kind: 'unresolvable',
      reason: 'not a FHIR reference',
    });
  });

  it('resolves every form among the resources of a batch', () => {
    const index = indexResources([
      { resource: patient },
      { resource: bundled, fullUrl: 'urn:uuid:0c2f7e1a-9d4b-4e8a-b6c3-2f1d0e9a8b7c' },
      { resource: uuidPatient },
      { resource: practitioner, fullUrl: 'https://ehr.example.org/fhir/Practitioner/pr-1' },
    ]);
    expect(index.resolve({ reference: 'Patient/pt-1' })).toBe(patient);
    expect(index.resolve({ reference: 'https://ehr.example.org/fhir/Patient/pt-1' })).toBe(patient);
    expect(index.resolve({ reference: 'https://ehr.example.org/fhir/Practitioner/pr-1' })).toBe(
      practitioner,
    );
    expect(index.resolve({ reference: 'urn:uuid:0c2f7e1a-9d4b-4e8a-b6c3-2f1d0e9a8b7c' })).toBe(
      bundled,
    );
    expect(index.resolve({ reference: `urn:uuid:${uuidPatient.id}` })).toBe(uuidPatient);
    expect(index.resolve({ reference: '#inner' }, withContained)).toBe(withContained.contained![0]);
    expect(index.resolve({ reference: '#inner' })).toBeUndefined();
    expect(index.resolve({ reference: 'Patient?identifier=x|y' })).toBeUndefined();
  });

  it('reads the id of the expected type, or says why not', () => {
    const index = indexResources([
      { resource: bundled, fullUrl: 'urn:uuid:0c2f7e1a-9d4b-4e8a-b6c3-2f1d0e9a8b7c' },
    ]);
    expect(referencedId({ reference: 'Patient/pt-1' }, 'Patient', 'subject')).toEqual({
      id: 'pt-1',
    });
    expect(referencedId({ reference: 'Group/g' }, 'Patient', 'subject')).toEqual({
      reason: 'subject is a Group reference, not Patient',
    });
    expect(
      referencedId(
        { reference: 'urn:uuid:0c2f7e1a-9d4b-4e8a-b6c3-2f1d0e9a8b7c' },
        'Patient',
        'subject',
        index,
      ),
    ).toEqual({
      id: 'server-id-7',
    });
    expect(
      referencedId(
        { reference: 'urn:uuid:0c2f7e1a-9d4b-4e8a-b6c3-2f1d0e9a8b7c' },
        'Practitioner',
        'member',
        index,
      ),
    ).toEqual({
      reason: 'member is a Patient reference, not Practitioner',
    });
    expect(
      referencedId(
        { reference: 'urn:uuid:11111111-2222-4333-8444-555555555555' },
        'Patient',
        'subject',
      ),
    ).toEqual({
      id: '11111111-2222-4333-8444-555555555555',
      warning: 'subject urn:uuid reference taken as the Patient id',
    });
    expect(referencedId({ reference: '#p' }, 'Patient', 'subject')).toEqual({
      reason: 'subject is a contained resource, which has no server id',
    });
    expect(referencedId(undefined, 'Patient', 'subject')).toEqual({ reason: 'no subject' });
    expect(referencedId({ reference: 'Patient?identifier=a|b' }, 'Patient', 'subject')).toEqual({
      reason: 'subject is a conditional reference (Patient?identifier=…), which is not resolved',
    });
  });
});
