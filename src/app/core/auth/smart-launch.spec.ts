import { practitionerFromFhirUser } from './smart-launch';
import { SignInError } from './smart-session';

describe('practitionerFromFhirUser', () => {
  it('reads absolute and relative Practitioner references', () => {
    expect(practitionerFromFhirUser('http://localhost:4200/fhir/Practitioner/pr-1')).toBe(
      'Practitioner/pr-1',
    );
    expect(practitionerFromFhirUser('Practitioner/abc')).toBe('Practitioner/abc');
  });

  it('refuses a missing claim and accounts that are not staff, with a reason', () => {
    expect(() => practitionerFromFhirUser(undefined)).toThrowMatching(
      (e) => e instanceof SignInError && /fhirUser/.test(e.message),
    );
    expect(() => practitionerFromFhirUser('https://ehr/fhir/Patient/p1')).toThrowMatching(
      (e) => e instanceof SignInError && /Patient, not a Practitioner/.test(e.message),
    );
    expect(() => practitionerFromFhirUser('https://ehr/fhir/Device/d1')).toThrowError(SignInError);
  });
});
