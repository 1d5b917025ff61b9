import { HttpErrorResponse } from '@angular/common/http';
import { FhirError } from '../fhir/fhir-error';
import { safeReturnPath, signInFailureMessage } from './sign-in-messages';
import { SignInError } from './smart-session';

describe('safeReturnPath', () => {
  it('keeps paths inside the app', () => {
    expect(safeReturnPath('/caseload')).toBe('/caseload');
    expect(safeReturnPath('/clients/p1?tab=scores')).toBe('/clients/p1?tab=scores');
  });

  it('refuses other sites and sign-in pages, falling back to the start page', () => {
    for (const bad of [
      'https://evil.example.com/',
      '//evil.example.com/x',
      '/\\evil.example.com',
      'javascript:alert(1)',
      '/sign-in',
      '/callback?code=x',
      '/launch',
    ]) {
      expect(safeReturnPath(bad)).withContext(bad).toBe('/');
    }
  });
});

describe('signInFailureMessage', () => {
  it('passes sign-in errors through and explains HTTP failures without their bodies', () => {
    expect(signInFailureMessage(new SignInError('Sign-in was cancelled.'))).toBe(
      'Sign-in was cancelled.',
    );
    expect(signInFailureMessage(new HttpErrorResponse({ status: 0 }))).toContain(
      'could not be reached',
    );
    expect(
      signInFailureMessage(new HttpErrorResponse({ status: 403, error: { secret: 'PHI' } })),
    ).toContain('did not let this account read its own staff record');
    expect(signInFailureMessage(new HttpErrorResponse({ status: 502 }))).toContain('502');
    expect(
      signInFailureMessage(new FhirError({ kind: 'forbidden', status: 403, message: 'x' })),
    ).toContain('did not let this account read its own staff record');
    expect(signInFailureMessage(new Error('stack details'))).not.toContain('stack');
  });
});
