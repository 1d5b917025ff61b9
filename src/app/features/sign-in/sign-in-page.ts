import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { Store } from '@ngrx/store';
import { catchError, map, of, startWith } from 'rxjs';
import { SignInPageActions } from '../../core/auth/auth-actions';
import { authFeature } from '../../core/auth/auth-feature';
import { configFeature } from '../../core/config/config-feature';
import { SmartAuth } from '../../core/auth/smart-auth';
import { PickablePractitioner, PractitionerDirectory } from './practitioner-directory';

type PickerState =
  | { readonly status: 'loading' }
  | { readonly status: 'loaded'; readonly practitioners: readonly PickablePractitioner[] }
  | { readonly status: 'failed' };

const END_MESSAGES = {
  'signed-out': 'You have signed out.',
  idle: 'You were signed out because the session was idle. Nothing unsaved was kept.',
  expired: 'Your session expired. Sign in again to continue.',
} as const;

@Component({
  selector: 'app-sign-in-page',
  imports: [MatButtonModule, MatProgressSpinnerModule],
  templateUrl: './sign-in-page.html',
  styleUrl: './sign-in-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SignInPage {
  private readonly store = inject(Store);

  /** Where to go after signing in (query parameter set by the guard). */
  readonly returnTo = input<string>('/');

  protected readonly openMode = inject(SmartAuth).isOpenMode;
  protected readonly programName = this.store.selectSignal(configFeature.selectProgramName);
  protected readonly status = this.store.selectSignal(authFeature.selectStatus);
  protected readonly error = this.store.selectSignal(authFeature.selectError);
  private readonly endReason = this.store.selectSignal(authFeature.selectEndReason);
  protected readonly endMessage = computed(() => {
    const reason = this.endReason();
    return reason && !this.error() ? END_MESSAGES[reason] : null;
  });

  protected readonly picker = this.openMode
    ? toSignal(
        inject(PractitionerDirectory)
          .list()
          .pipe(
            map((practitioners): PickerState => ({ status: 'loaded', practitioners })),
            catchError(() => of<PickerState>({ status: 'failed' })),
            startWith<PickerState>({ status: 'loading' }),
          ),
        { requireSync: true },
      )
    : null;
  protected readonly pickerStatus = computed(() => this.picker?.().status ?? 'loading');
  protected readonly practitioners = computed(() => {
    const state = this.picker?.();
    return state?.status === 'loaded' ? state.practitioners : [];
  });

  protected signIn(): void {
    this.store.dispatch(SignInPageActions.signInClicked({ returnTo: this.returnTo() ?? '/' }));
  }

  protected pick(practitionerRef: string): void {
    this.store.dispatch(
      SignInPageActions.practitionerPicked({ practitionerRef, returnTo: this.returnTo() ?? '/' }),
    );
  }
}
