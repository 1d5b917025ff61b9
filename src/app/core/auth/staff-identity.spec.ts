import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { SYSTEMS } from '../../domain/fhir-codes';
import { SignInError } from './smart-session';
import { StaffIdentity, displayName, roleOf } from './staff-identity';

const role = (code: string, system: string = SYSTEMS.staffRole, active = true) => ({
  resourceType: 'PractitionerRole' as const,
  active,
  code: [{ coding: [{ system, code }] }],
  organization: { reference: `Organization/${code}-org` },
});

describe('staff identity', () => {
  it('takes the widest role a practitioner holds', () => {
    expect(roleOf([role('therapist')])).toBe('therapist');
    expect(roleOf([role('therapist'), role('director')])).toBe('director');
    expect(roleOf([role('80584001', SYSTEMS.snomed)])).toBe('psychiatrist');
  });

  it('refuses a practitioner with no staff role, saying what to fix', () => {
    expect(() => roleOf([role('nurse', 'http://example.org/roles')])).toThrowMatching(
      (e) => e instanceof SignInError && /PractitionerRole/.test(e.message),
    );
  });

  it('names people by their official name, its text, or given and family names', () => {
    expect(displayName([{ given: ['Avery'], family: 'Lanternfield' }])).toBe('Avery Lanternfield');
    expect(
      displayName([
        { use: 'old', text: 'A. Former' },
        { use: 'official', text: 'Dr Avery Lanternfield' },
      ]),
    ).toBe('Dr Avery Lanternfield');
    expect(displayName([])).toBeUndefined();
  });

  it('loads the name and active roles from the FHIR server', async () => {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        {
          provide: APP_CONFIG,
          useValue: { fhirBaseUrl: 'https://fhir.example.org/r4/' } as AppConfig,
        },
      ],
    });
    const http = TestBed.inject(HttpTestingController);
    const loading = TestBed.inject(StaffIdentity).load('Practitioner/pr-9');
    http.expectOne('https://fhir.example.org/r4/Practitioner/pr-9').flush({
      resourceType: 'Practitioner',
      id: 'pr-9',
      name: [{ given: ['Dana'], family: 'Riverstone' }],
    });
    http
      .expectOne(
        (r) =>
          r.url === 'https://fhir.example.org/r4/PractitionerRole' &&
          r.params.get('practitioner') === 'Practitioner/pr-9',
      )
      .flush({
        resourceType: 'Bundle',
        entry: [
          { resource: role('therapist', SYSTEMS.staffRole, false) },
          { resource: role('director') },
        ],
      });
    expect(await loading).toEqual({
      practitionerRef: 'Practitioner/pr-9',
      name: 'Dana Riverstone',
      role: 'director',
      organizationRefs: ['Organization/director-org'],
    });
    http.verify();
  });
});
