import { ChangeDetectionStrategy, Component, DOCUMENT, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { RouterLink } from '@angular/router';
import { Store } from '@ngrx/store';
import { SignInPageActions } from '../../core/auth/auth-actions';
import { authFeature } from '../../core/auth/auth-feature';

/** Where the authorisation server sends staff back with a code (the SMART redirect URI). */
@Component({
  selector: 'app-callback-page',
  imports: [MatButtonModule, MatProgressSpinnerModule, RouterLink],
  template: `
    <main class="callback" id="main-content" tabindex="-1">
      @if (error(); as message) {
        <h1>Sign-in did not finish</h1>
        <p class="error" role="alert">{{ message }}</p>
        <a mat-flat-button routerLink="/sign-in">Back to sign-in</a>
      } @else {
        <h1>Signing you in…</h1>
        <p role="status"><mat-spinner diameter="24" aria-hidden="true" /> Checking the sign-in</p>
      }
    </main>
  `,
  styles: `
    .callback {
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
    p[role='status'] {
      display: flex;
      gap: 8px;
      align-items: center;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CallbackPage {
  private readonly store = inject(Store);
  protected readonly error = this.store.selectSignal(authFeature.selectError);

  constructor() {
    // The full URL, with code, state and iss, is what the OAuth checks need.
    const url = inject(DOCUMENT).location.href;
    this.store.dispatch(SignInPageActions.callbackOpened({ url }));
  }
}
