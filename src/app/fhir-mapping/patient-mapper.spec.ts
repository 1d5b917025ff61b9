import { corpusResource, corpusResources } from '../../testing/fhir/corpus';
import { Patient } from './fhir-types';
import { displayName } from './human-name';
import { MapResult } from './map-result';
import { mapPatient, mapPatients } from './patient-mapper';

const map = (name: string) => mapPatient(corpusResource<Patient>(name));
const reasons = (result: MapResult<unknown>) => result.problems.map((p) => p.reason);

describe('Patient → PatientSummary', () => {
  it('reads the current name (not the old one), a birth date and no gender when there is none', () => {
    const result = map('patient-no-gender-name-history-uscore');
    expect(result.value).toEqual({
      id: 'pt-ashgrove',
      name: 'Corin M. Ashgrove',
      birthDate: '1990-08-14',
      active: true,
    });
    expect(result.problems).toEqual([]);
  });

  it('prefers the official name, and carries gender, provider and all three labels', () => {
    expect(map('patient-waypoint-labelled').value).toEqual({
      id: 'pt-wren-halloway',
      name: 'Wren Halloway',
      birthDate: '1996-11-02',
      gender: 'female',
      providerId: 'prov-riverbend',
      active: true,
      securityLabels: ['PSY', 'ETH', 'R'],
    });
  });

  it('keeps a partial birth date exactly', () => {
    expect(map('patient-partial-birthdate').value?.birthDate).toBe('1987-02');
    expect(map('patient-partial-birthdate').value?.name).toBe('Ilse Marrow');
  });

  it('reports data-absent-reason and garbage as warnings, never with the values', () => {
    expect(reasons(map('patient-data-absent-birthdate'))).toEqual([
      'birth date absent (data-absent-reason: asked-declined)',
      'gender absent (data-absent-reason: unknown)',
    ]);
    const garbage = map('patient-garbage');
    expect(garbage.value).toEqual({ id: 'pt-garbage', active: true });
    expect(reasons(garbage)).toEqual([
      'no current name',
      'birth date: "02/11/1996" is not a FHIR date',
      'gender is not an R4 administrative gender: ignored',
    ]);
    expect(JSON.stringify(garbage.problems)).not.toContain('Former');
  });

  it('rejects only what has no id, and reads an inactive patient and an unreadable provider', () => {
    expect(reasons(mapPatient({ resourceType: 'Patient' }))).toEqual(['no id']);
    expect(reasons(mapPatient(null as unknown as Patient))).toEqual(['not a resource']);
    const inactive = mapPatient({
      resourceType: 'Patient',
      id: 'p',
      active: false,
      managingOrganization: { reference: 'Practitioner/x' },
    });
    expect(inactive.value).toEqual({ id: 'p', active: false });
    expect(reasons(inactive)).toEqual([
      'no current name',
      'managingOrganization is a Practitioner reference, not Organization: no provider',
    ]);
    expect(mapPatients(corpusResources<Patient>('patient-partial-birthdate')).items.length).toBe(1);
  });

  it('builds a display name from text, or given and family names', () => {
    expect(
      displayName([
        { use: 'usual', text: 'Wren H.' },
        { use: 'official', given: ['Wren'], family: 'Halloway' },
      ]),
    ).toBe('Wren Halloway');
    expect(displayName([{ family: 'Old', period: { end: '2020-01-01' } }])).toBeUndefined();
    expect(displayName(undefined)).toBeUndefined();
  });

  it('shows a name as stored, without direction overrides that would turn it around', () => {
    // U+202E (right-to-left override) would show "Ash Example‮fdp.exe" as "…exe.pdf".
    expect(displayName([{ given: ['Ash'], family: 'Example\u202Efdp.exe' }])).toBe(
      'Ash Examplefdp.exe',
    );
    expect(displayName([{ text: '\u2066Wren\u2069 \u202BHalloway\u202C' }])).toBe('Wren Halloway');
    expect(displayName([{ text: '\u202E' }])).toBeUndefined();
  });
});
