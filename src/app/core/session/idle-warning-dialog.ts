import { ChangeDetectionStrategy, Component, DestroyRef, inject, signal } from '@angular/core';
import { MAT_DIALOG_DATA, MatDialogModule } from '@angular/material/dialog';
import { MatButtonModule } from '@angular/material/button';

export interface IdleWarningData {
  /** Epoch milliseconds of the automatic log-off. */
  readonly logOffAt: number;
}

/** How the warning was closed: by the user's choice, or by the idle watch itself. */
export type IdleWarningResult = 'stay' | 'sign-out' | 'activity' | 'timed-out';

/**
 * Shown a minute before the automatic log-off. Enter (the focused "Stay signed in"), Escape,
 * or any key or click outside the dialog keeps the session; "Sign out now" ends it at once.
 */
@Component({
  selector: 'app-idle-warning-dialog',
  imports: [MatDialogModule, MatButtonModule],
  template: `
    <h2 mat-dialog-title>Still there?</h2>
    <mat-dialog-content>
      <p>
        To protect patients’ privacy you will be signed out in
        <strong>{{ secondsLeft() }} seconds</strong>.
      </p>
      <p>Press any key or click to stay signed in.</p>
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button type="button" [mat-dialog-close]="'sign-out'">Sign out now</button>
      <button mat-flat-button type="button" [mat-dialog-close]="'stay'" cdkFocusInitial>
        Stay signed in
      </button>
    </mat-dialog-actions>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class IdleWarningDialog {
  private readonly data = inject<IdleWarningData>(MAT_DIALOG_DATA);
  protected readonly secondsLeft = signal(this.remaining());

  constructor() {
    const tick = setInterval(() => this.secondsLeft.set(this.remaining()), 1000);
    inject(DestroyRef).onDestroy(() => clearInterval(tick));
  }

  private remaining(): number {
    return Math.max(0, Math.ceil((this.data.logOffAt - Date.now()) / 1000));
  }
}
