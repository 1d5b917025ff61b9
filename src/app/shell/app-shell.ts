import { BreakpointObserver } from '@angular/cdk/layout';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatSidenavModule } from '@angular/material/sidenav';
import { MatToolbarModule } from '@angular/material/toolbar';
import { NavigationEnd, Router, RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { Store } from '@ngrx/store';
import { filter, map } from 'rxjs';
import { authFeature } from '../core/auth/auth-feature';
import { configFeature } from '../core/config/config-feature';
import { Icon } from '../ui/icon/icon';
import { navItemsFor } from './nav-items';
import { ToolbarActions } from './theme/theme-actions';
import { themeFeature } from './theme/theme-feature';
import { UserMenu } from './user-menu';
import { DataStatus } from './data-status/data-status';

/** Below this width the side navigation becomes an overlay opened from the toolbar. */
export const COMPACT_LAYOUT_QUERY = '(max-width: 959.98px)';

@Component({
  selector: 'app-shell',
  imports: [
    MatToolbarModule,
    MatSidenavModule,
    MatButtonModule,
    RouterOutlet,
    RouterLink,
    RouterLinkActive,
    Icon,
    UserMenu,
    DataStatus,
  ],
  templateUrl: './app-shell.html',
  styleUrl: './app-shell.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AppShell {
  private readonly store = inject(Store);

  protected readonly programName = this.store.selectSignal(configFeature.selectProgramName);
  protected readonly theme = this.store.selectSignal(themeFeature.selectMode);
  protected readonly user = this.store.selectSignal(authFeature.selectUser);
  protected readonly navItems = computed(() => navItemsFor(this.user()?.role));

  protected readonly compact = toSignal(
    inject(BreakpointObserver)
      .observe(COMPACT_LAYOUT_QUERY)
      .pipe(map((state) => state.matches)),
    { initialValue: false },
  );
  private readonly navOpenedByUser = signal(false);
  protected readonly navOpened = computed(() => !this.compact() || this.navOpenedByUser());
  protected readonly themeToggleLabel = computed(() =>
    this.theme() === 'dark' ? 'Switch to light theme' : 'Switch to dark theme',
  );

  constructor() {
    // An overlay menu closes once the user has picked a destination.
    inject(Router)
      .events.pipe(filter((event) => event instanceof NavigationEnd))
      .subscribe(() => this.navOpenedByUser.set(false));
  }

  protected toggleNav(): void {
    this.navOpenedByUser.update((open) => !open);
  }

  protected navClosed(): void {
    this.navOpenedByUser.set(false);
  }

  /** With `<base href="/">` a plain fragment link would navigate to the root; focus instead. */
  protected skipToMain(event: Event, main: HTMLElement): void {
    event.preventDefault();
    main.focus();
  }

  protected toggleTheme(): void {
    this.store.dispatch(ToolbarActions.themeToggleClicked());
  }
}
