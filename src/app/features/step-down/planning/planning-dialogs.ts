import { Injectable, Injector, inject } from '@angular/core';
import type { MatDialogRef } from '@angular/material/dialog';
import { Observable } from 'rxjs';
import type { ConflictChoice, PlanConflictDialogData } from './plan-conflict-dialog';
import type { PlanDialogData } from './plan-transition-dialog';

/** A dialog as the effects see it: when and how it closed, and a way to close it. */
export interface OpenedDialog<R> {
  readonly closed: Observable<R | undefined>;
  close(result?: R): void;
}

/** How the plan dialog was closed by the effects rather than by the user. */
export type PlanDialogClose = 'done';

function opened<R>(ref: MatDialogRef<unknown, R>): OpenedDialog<R> {
  return { closed: ref.afterClosed(), close: (result) => ref.close(result) };
}

/**
 * Opens the planning dialogs and the confirmation snackbar. Material's dialog, snackbar and
 * form modules, and the dialogs themselves, are downloaded only when a plan is started, as the
 * idle warning does (core/session), so the board's chunk carries none of them. Kept apart from
 * the effects so their specs need no overlay.
 */
@Injectable()
export class PlanningDialogs {
  private readonly injector = inject(Injector);

  async openPlan(data: PlanDialogData): Promise<OpenedDialog<PlanDialogClose>> {
    const [{ MatDialog }, { PlanTransitionDialog }] = await Promise.all([
      import('@angular/material/dialog'),
      import('./plan-transition-dialog'),
    ]);
    return opened(
      this.injector
        .get(MatDialog)
        .open<unknown, PlanDialogData, PlanDialogClose>(PlanTransitionDialog, {
          data,
          width: '560px',
          maxWidth: '95vw',
          autoFocus: 'first-tabbable',
        }),
    );
  }

  async openConflict(data: PlanConflictDialogData): Promise<OpenedDialog<ConflictChoice>> {
    const [{ MatDialog }, { PlanConflictDialog }] = await Promise.all([
      import('@angular/material/dialog'),
      import('./plan-conflict-dialog'),
    ]);
    return opened(
      this.injector
        .get(MatDialog)
        .open<unknown, PlanConflictDialogData, ConflictChoice>(PlanConflictDialog, {
          data,
          role: 'alertdialog',
          width: '560px',
          maxWidth: '95vw',
        }),
    );
  }

  async announce(message: string): Promise<void> {
    const { MatSnackBar } = await import('@angular/material/snack-bar');
    this.injector.get(MatSnackBar).open(message, 'Dismiss', { duration: 8000 });
  }
}
