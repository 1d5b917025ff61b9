import { TestBed } from '@angular/core/testing';
import { of } from 'rxjs';
import { SYSTEMS } from '../../domain/fhir-codes';
import { StaffRole } from '../../fhir-mapping';
import { FhirClient, SearchParams } from '../fhir/fhir-client';
import { SignInError } from './smart-session';
import { StaffIdentity, roleOf } from './staff-identity';

const staffRole = (role: StaffRole['role'], active = true): StaffRole => ({
  id: role,
  practitionerId: 'pr-9',
  role,
  active,
});

const roleResource = (code: string, system: string = SYSTEMS.staffRole, active = true) => ({
  resourceType: 'PractitionerRole',
  id: `role-${code}`,
  active,
  practitioner: { reference: 'Practitioner/pr-9' },
  code: [{ coding: [{ system, code }] }],
  organization: { reference: `Organization/${code}-org` },
});

describe('staff identity', () => {
  it('takes the widest role a practitioner holds', () => {
    expect(roleOf([staffRole('therapist')])).toBe('therapist');
    expect(roleOf([staffRole('therapist'), staffRole('director')])).toBe('director');
    expect(roleOf([staffRole('psychiatrist')])).toBe('psychiatrist');
  });

  it('refuses a practitioner with no staff role, saying what to fix', () => {
    expect(() => roleOf([])).toThrowMatching(
      (e) => e instanceof SignInError && /PractitionerRole/.test(e.message),
    );
  });

  it('loads the name and active roles from the FHIR server', async () => {
    const searches: [string, SearchParams][] = [];
    const fhir = {
      read: (type: string, id: string) =>
        of({
          resourceType: type,
          id,
          name: [{ given: ['Dana'], family: 'Riverstone' }],
        }),
      search: (type: string, params: SearchParams) => {
        searches.push([type, params]);
        return of({
          matches: [
            roleResource('therapist', SYSTEMS.staffRole, false),
            roleResource('director'),
            roleResource('nurse', 'http://example.org/roles'),
          ],
          includes: [],
          partial: false,
          partialReasons: [],
          requests: 1,
          warnings: [],
        });
      },
    };
    TestBed.configureTestingModule({ providers: [{ provide: FhirClient, useValue: fhir }] });
    expect(await TestBed.inject(StaffIdentity).load('Practitioner/pr-9')).toEqual({
      practitionerRef: 'Practitioner/pr-9',
      name: 'Dana Riverstone',
      role: 'director',
      organizationRefs: ['Organization/director-org'],
    });
    expect(searches).toEqual([['PractitionerRole', { practitioner: 'Practitioner/pr-9' }]]);
  });
});
