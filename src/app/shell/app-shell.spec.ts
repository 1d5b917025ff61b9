import { BreakpointObserver, BreakpointState } from '@angular/cdk/layout';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { ChangeDetectionStrategy, Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatSidenavHarness } from '@angular/material/sidenav/testing';
import { provideRouter } from '@angular/router';
import { MockStore, provideMockStore } from '@ngrx/store/testing';
import { BehaviorSubject } from 'rxjs';
import { AppShell } from './app-shell';
import { ToolbarActions } from './theme/theme-actions';

@Component({ template: '<h1>Stub page</h1>', changeDetection: ChangeDetectionStrategy.OnPush })
class StubPage {}

const state = {
  config: {
    config: { programName: 'Riverside IOP', programTimeZone: 'America/Chicago', auth: 'open' },
  },
  theme: { mode: 'light' },
  auth: { user: null },
  queries: { byKey: {} },
  patients: { ids: [], entities: {} },
  scores: { ids: [], entities: {} },
  sessions: { ids: [], entities: {} },
};

describe('AppShell', () => {
  let layout: BehaviorSubject<BreakpointState>;

  async function render(compact: boolean, role?: 'therapist' | 'director') {
    layout = new BehaviorSubject<BreakpointState>({ matches: compact, breakpoints: {} });
    const user = role && {
      practitionerRef: 'Practitioner/x',
      name: 'Dana Reyes',
      role,
      organizationRefs: [],
    };
    TestBed.configureTestingModule({
      imports: [AppShell],
      providers: [
        provideRouter([{ path: '**', component: StubPage }]),
        provideMockStore({ initialState: { ...state, auth: { user: user ?? null } } }),
        { provide: BreakpointObserver, useValue: { observe: () => layout } },
      ],
    });
    const fixture = TestBed.createComponent(AppShell);
    const loader = TestbedHarnessEnvironment.loader(fixture);
    await fixture.whenStable();
    return { fixture, loader, element: fixture.nativeElement as HTMLElement };
  }

  it('offers a director the three feature areas in a labelled navigation landmark', async () => {
    const { element } = await render(false, 'director');
    const nav = element.querySelector('nav[aria-label="Main"]');
    const links = Array.from(nav?.querySelectorAll('a') ?? []);
    expect(links.map((a) => a.textContent?.trim())).toEqual(['Caseload', 'Step-down', 'Outcomes']);
    expect(links.map((a) => a.getAttribute('href'))).toEqual([
      '/caseload',
      '/step-down',
      '/outcomes',
    ]);
  });

  it('leaves the program outcomes out of a therapist’s navigation', async () => {
    const { element } = await render(false, 'therapist');
    const links = Array.from(element.querySelectorAll('nav[aria-label="Main"] a'));
    expect(links.map((a) => a.textContent?.trim())).toEqual(['Caseload', 'Step-down']);
  });

  it('shows the product and the program from the loaded configuration', async () => {
    const { element } = await render(false);
    expect(element.querySelector('.brand')?.textContent).toBe('Waypoint');
    expect(element.querySelector('.program-name')?.textContent).toBe('Riverside IOP');
  });

  it('dispatches a toolbar event when the theme toggle is clicked', async () => {
    const { loader } = await render(false);
    const store = TestBed.inject(MockStore);
    const dispatch = spyOn(store, 'dispatch');
    const toggle = await loader.getHarness(MatButtonHarness.with({ selector: '.theme-toggle' }));
    expect(await (await toggle.host()).getAttribute('aria-label')).toBe('Switch to dark theme');
    await toggle.click();
    expect(dispatch).toHaveBeenCalledWith(ToolbarActions.themeToggleClicked());
  });

  it('keeps the navigation open beside the content on wide screens', async () => {
    const { loader } = await render(false);
    const sidenav = await loader.getHarness(MatSidenavHarness);
    expect(await sidenav.getMode()).toBe('side');
    expect(await sidenav.isOpen()).toBeTrue();
    expect(
      await loader.getAllHarnesses(
        MatButtonHarness.with({ selector: '[aria-controls="app-nav"]' }),
      ),
    ).toEqual([]);
  });

  it('collapses the navigation to a menu button under 960 px', async () => {
    const { loader, fixture } = await render(true);
    const sidenav = await loader.getHarness(MatSidenavHarness);
    expect(await sidenav.getMode()).toBe('over');
    expect(await sidenav.isOpen()).toBeFalse();
    const menu = await loader.getHarness(
      MatButtonHarness.with({ selector: '[aria-controls="app-nav"]' }),
    );
    expect(await (await menu.host()).getAttribute('aria-expanded')).toBe('false');
    await menu.click();
    await fixture.whenStable();
    expect(await sidenav.isOpen()).toBeTrue();
    expect(await (await menu.host()).getAttribute('aria-expanded')).toBe('true');
  });

  it('offers a skip link to the main content', async () => {
    const { element } = await render(false);
    const skip = element.querySelector<HTMLAnchorElement>('.skip-link');
    expect(skip?.getAttribute('href')).toBe('#main-content');
    skip?.click();
    expect(document.activeElement).toBe(element.querySelector('main#main-content'));
  });
});
