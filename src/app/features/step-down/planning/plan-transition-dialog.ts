import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  computed,
  effect,
  inject,
  viewChild,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import {
  AbstractControl,
  FormControl,
  FormGroup,
  ReactiveFormsModule,
  ValidationErrors,
  Validators,
} from '@angular/forms';
import { MatAutocompleteModule } from '@angular/material/autocomplete';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelect, MatSelectModule } from '@angular/material/select';
import { Store } from '@ngrx/store';
import { levelDefinition } from '../../../domain/levels/level-of-care';
import { CalendarDay, LevelOfCare } from '../../../domain/models';
import { formatDay } from '../../../domain/progress/measure-summary';
import { MappedPlannedTransition } from '../../../fhir-mapping/mapped-models';
import {
  COMMON_REASONS,
  NOTE_MAX_LENGTH,
  REASON_MAX_LENGTH,
  directionOf,
  targetGroups,
  transitionName,
} from './plan-options';
import { PlanTransitionDialogActions } from './planning-actions';
import { planningFeature } from './planning-feature';

export interface PlanDialogData {
  readonly patientId: string;
  readonly episodeId: string;
  readonly patientName: string;
  readonly currentLevel: LevelOfCare;
  /** Today in the program's time zone: the earliest date a plan may name. */
  readonly today: CalendarDay;
  /** The plan the episode already has, which this one replaces: the form starts from it. */
  readonly existing?: MappedPlannedTransition;
}

/** Dates from a date input are `yyyy-mm-dd`, so comparing the strings compares the days. */
function notBefore(min: CalendarDay) {
  return (control: AbstractControl<string>): ValidationErrors | null => {
    const value = control.value;
    if (!value) return null;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return { date: true };
    return value < min ? { notBefore: true } : null;
  };
}

function notBlank(control: AbstractControl<string>): ValidationErrors | null {
  return control.value && control.value.trim() === '' ? { required: true } : null;
}

/**
 * The plan form: the level to move to (only real transitions from the current level, grouped
 * as step-downs and step-ups), the date (today or later), a reason (suggestions or free text)
 * and an optional note. Submitting dispatches Submitted and the dialog stays open, showing
 * the save in progress and, if the save fails, why; Escape and Cancel close it unless a save is
 * in flight.
 */
@Component({
  selector: 'app-plan-transition-dialog',
  imports: [
    ReactiveFormsModule,
    MatAutocompleteModule,
    MatButtonModule,
    MatDialogModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
  ],
  templateUrl: './plan-transition-dialog.html',
  styleUrl: './plan-transition-dialog.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PlanTransitionDialog {
  protected readonly data = inject<PlanDialogData>(MAT_DIALOG_DATA);
  private readonly store = inject(Store);
  private readonly dialogRef = inject(MatDialogRef);

  protected readonly reasonMax = REASON_MAX_LENGTH;
  protected readonly noteMax = NOTE_MAX_LENGTH;
  protected readonly groups = targetGroups(this.data.currentLevel);
  protected readonly currentLabel = levelDefinition(this.data.currentLevel).label;
  protected readonly todayLabel = formatDay(this.data.today);
  protected readonly existingSummary = this.data.existing
    ? `${transitionName(this.data.currentLevel, this.data.existing.targetLevel)} on ${formatDay(this.data.existing.plannedDate)}`
    : undefined;

  private readonly offered = new Set(this.groups.flatMap((g) => g.options.map((o) => o.level)));

  protected readonly form = new FormGroup({
    targetLevel: new FormControl<LevelOfCare | null>(
      this.data.existing && this.offered.has(this.data.existing.targetLevel)
        ? this.data.existing.targetLevel
        : null,
      Validators.required,
    ),
    plannedDate: new FormControl(
      this.data.existing && this.data.existing.plannedDate >= this.data.today
        ? this.data.existing.plannedDate
        : '',
      { nonNullable: true, validators: [Validators.required, notBefore(this.data.today)] },
    ),
    reason: new FormControl(this.data.existing?.reason ?? '', {
      nonNullable: true,
      validators: [Validators.required, notBlank, Validators.maxLength(REASON_MAX_LENGTH)],
    }),
    note: new FormControl(this.data.existing?.note ?? '', {
      nonNullable: true,
      validators: [Validators.maxLength(NOTE_MAX_LENGTH)],
    }),
  });

  private readonly target = toSignal(this.form.controls.targetLevel.valueChanges, {
    initialValue: this.form.controls.targetLevel.value,
  });
  private readonly reasonText = toSignal(this.form.controls.reason.valueChanges, {
    initialValue: this.form.controls.reason.value,
  });
  protected readonly noteText = toSignal(this.form.controls.note.valueChanges, {
    initialValue: this.form.controls.note.value,
  });

  /** Suggestions for the chosen direction (both before one is chosen) that match what is typed. */
  protected readonly reasonSuggestions = computed(() => {
    const target = this.target();
    const reasons = target
      ? COMMON_REASONS[directionOf(this.data.currentLevel, target)]
      : [...COMMON_REASONS['step-down'], ...COMMON_REASONS['step-up']];
    const typed = this.reasonText().trim().toLowerCase();
    return typed ? reasons.filter((r) => r.toLowerCase().includes(typed)) : reasons;
  });

  private readonly status = this.store.selectSignal(planningFeature.selectStatus);
  protected readonly saving = computed(() => this.status() === 'saving');
  protected readonly error = this.store.selectSignal(planningFeature.selectError);

  private readonly targetSelect = viewChild.required(MatSelect);
  private readonly dateInput = viewChild.required('dateInput', { read: ElementRef });
  private readonly reasonInput = viewChild.required('reasonInput', { read: ElementRef });
  private readonly noteInput = viewChild.required('noteInput', { read: ElementRef });
  private readonly submitButton = viewChild.required('submitButton', { read: ElementRef });

  constructor() {
    // A save in flight is not abandoned by Escape or a click outside; the form is read-only meanwhile.
    effect(() => {
      const saving = this.saving();
      this.dialogRef.disableClose = saving;
      if (saving) this.form.disable({ emitEvent: false });
      else this.form.enable({ emitEvent: false });
    });
    // Back from a failed save: focus returns to the button that will try again.
    effect(() => {
      if (this.error() && !this.saving())
        (this.submitButton().nativeElement as HTMLElement).focus();
    });
  }

  protected submit(): void {
    if (this.saving()) return;
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      this.focusFirstInvalid();
      return;
    }
    const { targetLevel, plannedDate, reason, note } = this.form.getRawValue();
    const trimmedNote = note.trim();
    this.store.dispatch(
      PlanTransitionDialogActions.submitted({
        patientId: this.data.patientId,
        episodeId: this.data.episodeId,
        plan: {
          targetLevel: targetLevel!,
          plannedDate,
          reason: reason.trim(),
          ...(trimmedNote ? { note: trimmedNote } : {}),
        },
      }),
    );
  }

  private focusFirstInvalid(): void {
    const { controls } = this.form;
    if (controls.targetLevel.invalid) this.targetSelect().focus();
    else if (controls.plannedDate.invalid) (this.dateInput().nativeElement as HTMLElement).focus();
    else if (controls.reason.invalid) (this.reasonInput().nativeElement as HTMLElement).focus();
    else if (controls.note.invalid) (this.noteInput().nativeElement as HTMLElement).focus();
  }
}
