import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { TestBed } from '@angular/core/testing';
import { MatMenuHarness } from '@angular/material/menu/testing';
import { MockStore, provideMockStore } from '@ngrx/store/testing';
import { UserMenuActions } from '../core/auth/auth-actions';
import { SignedInUser } from '../core/auth/signed-in-user';
import { UserMenu } from './user-menu';

describe('UserMenu', () => {
  async function render(user: SignedInUser | null) {
    TestBed.configureTestingModule({ imports: [UserMenu], providers: [provideMockStore()] });
    const fixture = TestBed.createComponent(UserMenu);
    fixture.componentRef.setInput('user', user);
    const loader = TestbedHarnessEnvironment.documentRootLoader(fixture);
    await fixture.whenStable();
    return { loader, menu: await loader.getHarness(MatMenuHarness) };
  }

  it('shows the signed-in name and role and signs out on request', async () => {
    const { menu } = await render({
      practitionerRef: 'Practitioner/t1',
      organizationRefs: ['Organization/p1'],
      name: 'Dana Reyes',
      role: 'director',
    });
    expect(await (await menu.host()).getAttribute('aria-label')).toBe(
      'Account: Dana Reyes, Program director',
    );
    await menu.open();
    const panel = document.querySelector('.identity');
    expect(panel?.textContent).toContain('Dana Reyes');
    expect(panel?.textContent).toContain('Program director');
    const dispatch = spyOn(TestBed.inject(MockStore), 'dispatch');
    const [signOut] = await menu.getItems({ text: /Sign out/ });
    expect(await signOut.isDisabled()).toBeFalse();
    await signOut.click();
    expect(dispatch).toHaveBeenCalledOnceWith(UserMenuActions.signOutClicked());
  });

  it('says nobody is signed in and disables sign-out', async () => {
    const { menu } = await render(null);
    expect(await (await menu.host()).getAttribute('aria-label')).toBe('Account: not signed in');
    await menu.open();
    expect(document.querySelector('.identity')?.textContent).toContain('Not signed in');
    const [signOut] = await menu.getItems({ text: /Sign out/ });
    expect(await signOut.isDisabled()).toBeTrue();
  });
});
