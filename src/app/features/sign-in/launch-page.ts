import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { ActivatedRoute, RouterLink } from '@angular/router';
import { Store } from '@ngrx/store';
import { SignInPageActions } from '../../core/auth/auth-actions';
import { authFeature } from '../../core/auth/auth-feature';

/** SMART EHR launch: the EHR opens `/launch?iss=…&launch=…`. */
@Component({
  selector: 'app-launch-page',
  imports: [MatButtonModule, RouterLink],
  template: `
    <main class="launch" id="main-content" tabindex="-1">
      @if (missing) {
        <h1>Launch incomplete</h1>
        <p class="error" role="alert">
          The EHR opened Waypoint without the <code>iss</code> and <code>launch</code> parameters.
          Launch it again from the EHR, or sign in directly.
        </p>
        <a mat-flat-button routerLink="/sign-in">Sign in</a>
      } @else if (error(); as message) {
        <h1>Launch failed</h1>
        <p class="error" role="alert">{{ message }}</p>
        <a mat-flat-button routerLink="/sign-in">Sign in</a>
      } @else {
        <h1>Opening Waypoint…</h1>
        <p role="status">Contacting the sign-in server</p>
      }
    </main>
  `,
  styles: `
    .launch {
      max-width: 480px;
      margin: 10vh auto;
      padding: 16px;
    }
    .error {
      padding: 12px;
      border-radius: 8px;
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LaunchPage {
  private readonly store = inject(Store);
  protected readonly error = this.store.selectSignal(authFeature.selectError);
  protected readonly missing: boolean;

  constructor() {
    const params = inject(ActivatedRoute).snapshot.queryParamMap;
    const iss = params.get('iss');
    const launch = params.get('launch');
    this.missing = !iss || !launch;
    if (iss && launch) this.store.dispatch(SignInPageActions.ehrLaunchOpened({ iss, launch }));
  }
}
