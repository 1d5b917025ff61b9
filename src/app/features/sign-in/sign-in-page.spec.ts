import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MockStore, provideMockStore } from '@ngrx/store/testing';
import { SignInPageActions } from '../../core/auth/auth-actions';
import { authFeature } from '../../core/auth/auth-feature';
import { staffRoleCodings } from '../../domain/fhir-codes';
import { APP_CONFIG, AppConfig } from '../../core/config/app-config';
import { configFeature } from '../../core/config/config-feature';
import { BASE, capabilityStatement, resource, searchset } from '../../core/fhir/fhir-spec-helpers';
import { SignInPage } from './sign-in-page';

async function render(auth: AppConfig['auth'], returnTo = '/step-down') {
  TestBed.configureTestingModule({
    imports: [SignInPage],
    providers: [
      provideHttpClient(),
      provideHttpClientTesting(),
      { provide: APP_CONFIG, useValue: { fhirBaseUrl: 'https://fhir.example.org/r4', auth } },
      provideMockStore({
        selectors: [
          { selector: configFeature.selectProgramName, value: 'Harbour IOP' },
          { selector: authFeature.selectStatus, value: 'signed-out' },
          { selector: authFeature.selectError, value: null },
          { selector: authFeature.selectEndReason, value: 'idle' },
        ],
      }),
    ],
  });
  const fixture = TestBed.createComponent(SignInPage);
  fixture.componentRef.setInput('returnTo', returnTo);
  const store = TestBed.inject(MockStore);
  const dispatch = spyOn(store, 'dispatch');
  await fixture.whenStable();
  const loader = TestbedHarnessEnvironment.loader(fixture);
  return { fixture, loader, dispatch, element: fixture.nativeElement as HTMLElement };
}

describe('SignInPage', () => {
  // Overridden selectors are module-level memoised functions: reset them for the next spec.
  afterEach(() => TestBed.inject(MockStore).resetSelectors());

  it('offers SMART sign-in, says why the last session ended, and keeps the return path', async () => {
    const { loader, dispatch, element } = await render('smart');
    expect(element.querySelector('.program')?.textContent).toContain('Harbour IOP');
    expect(element.querySelector('[role="status"]')?.textContent).toContain('idle');
    await (await loader.getHarness(MatButtonHarness.with({ text: 'Sign in' }))).click();
    expect(dispatch).toHaveBeenCalledOnceWith(
      SignInPageActions.signInClicked({ returnTo: '/step-down' }),
    );
  });

  it('in open mode lists the staff to pick from, marked development only', async () => {
    const { fixture, loader, dispatch, element } = await render('open');
    expect(element.querySelector('[role="note"]')?.textContent).toContain('Development only');
    const http = TestBed.inject(HttpTestingController);
    http.expectOne(`${BASE}/metadata`).flush(
      capabilityStatement({
        PractitionerRole: { params: ['practitioner'], include: ['PractitionerRole:practitioner'] },
      }),
    );
    http
      .expectOne(`${BASE}/PractitionerRole?_include=PractitionerRole:practitioner&_count=1000`)
      .flush(
        searchset({
          matches: [
            resource('PractitionerRole', 'r1', {
              practitioner: { reference: 'Practitioner/b' },
              code: [{ coding: staffRoleCodings('director') }],
            }),
            resource('PractitionerRole', 'r2', {
              practitioner: { reference: 'https://fhir.example.org/r4/Practitioner/a' },
              code: [{ coding: staffRoleCodings('therapist') }],
            }),
            // No staff role: not offered.
            resource('PractitionerRole', 'r3', {
              practitioner: { reference: 'Practitioner/c' },
              code: [{ text: 'Receptionist' }],
            }),
          ],
          includes: [
            resource('Practitioner', 'a', { name: [{ given: ['Avery'], family: 'Lanternfield' }] }),
            resource('Practitioner', 'b', { name: [{ text: 'Dana Riverstone' }] }),
          ],
        }),
      );
    await fixture.whenStable();
    const buttons = await loader.getAllHarnesses(MatButtonHarness);
    expect(await Promise.all(buttons.map((b) => b.getText()))).toEqual([
      'Avery Lanternfield · Therapist',
      'Dana Riverstone · Program director',
    ]);
    await buttons[1].click();
    expect(dispatch).toHaveBeenCalledOnceWith(
      SignInPageActions.practitionerPicked({
        practitionerRef: 'Practitioner/b',
        returnTo: '/step-down',
      }),
    );
    http.verify();
  });

  it('says so when the practitioners cannot be loaded', async () => {
    const { fixture, element } = await render('open');
    const http = TestBed.inject(HttpTestingController);
    http.expectOne(`${BASE}/metadata`).flush(capabilityStatement({ PractitionerRole: {} }));
    http
      .expectOne(`${BASE}/PractitionerRole?_count=1000`)
      .flush(null, { status: 500, statusText: 'Server Error' });
    await fixture.whenStable();
    expect(element.querySelector('[role="alert"]')?.textContent).toContain('could not be loaded');
  });
});
