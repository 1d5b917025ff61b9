import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule } from '@angular/material/dialog';
import { APP_CONFIG } from '../../../core/config/app-config';
import { PlanConflict, describeConflict } from './plan-conflict';

export interface PlanConflictDialogData {
  readonly conflict: PlanConflict;
}

export type ConflictChoice = 'keep-theirs' | 'plan-again';

/**
 * Someone else's change won: says who and when, what differs from what the user saw, and
 * offers to keep it or plan again against it. Closing by Escape keeps theirs: nothing is
 * written from this dialog.
 */
@Component({
  selector: 'app-plan-conflict-dialog',
  imports: [MatDialogModule, MatButtonModule],
  template: `
    <h2 mat-dialog-title>{{ text.title }}</h2>
    <mat-dialog-content>
      <p>{{ text.byline }}</p>
      <p>{{ text.outcome }}</p>
      @if (conflict.changes.length > 0) {
        <table>
          <caption>
            What changed
          </caption>
          <thead>
            <tr>
              <th scope="col">Item</th>
              <th scope="col">When you looked</th>
              <th scope="col">Now</th>
            </tr>
          </thead>
          <tbody>
            @for (change of conflict.changes; track change.what) {
              <tr>
                <th scope="row">{{ change.what }}</th>
                <td>{{ change.before }}</td>
                <td>{{ change.after }}</td>
              </tr>
            }
          </tbody>
        </table>
      } @else if (conflict.current) {
        <p>Nothing this page shows about the episode changed, but its record did.</p>
      } @else {
        <p>The episode as it is now could not be loaded.</p>
      }
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button type="button" [mat-dialog-close]="keepTheirs">Keep theirs</button>
      @if (conflict.current) {
        <button mat-flat-button type="button" [mat-dialog-close]="planAgain" cdkFocusInitial>
          Review and plan again
        </button>
      }
    </mat-dialog-actions>
  `,
  styles: `
    table {
      border-collapse: collapse;
      inline-size: 100%;
    }
    caption {
      text-align: start;
      font: var(--mat-sys-title-small);
      padding-block-end: 0.25rem;
    }
    th,
    td {
      text-align: start;
      padding: 0.25rem 0.5rem 0.25rem 0;
      border-block-end: 1px solid var(--mat-sys-outline-variant);
      vertical-align: top;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PlanConflictDialog {
  protected readonly conflict = inject<PlanConflictDialogData>(MAT_DIALOG_DATA).conflict;
  protected readonly text = describeConflict(this.conflict, inject(APP_CONFIG).programTimeZone);
  protected readonly keepTheirs: ConflictChoice = 'keep-theirs';
  protected readonly planAgain: ConflictChoice = 'plan-again';
}
