import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { Router } from '@angular/router';
import { Store } from '@ngrx/store';
import { configFeature } from '../../../core/config/config-feature';
import { todayIn } from '../../../domain/time/calendar-day';
import { themeFeature } from '../../../shell/theme/theme-feature';
import { DataStatusActions, RouteDataActions } from '../../../store/clinical-actions';
import { selectProgramOptions } from '../../../store/directory-selectors';
import { queriesFeature } from '../../../store/queries-feature';
import { selectQueryParams } from '../../../store/router-selectors';
import { CohortFlowChart } from './cohort-flow-chart';
import { cohortFromParams, cohortParams } from './cohort-choice';
import { selectFlowsSection } from './flows-selectors';
import { CohortChoice } from './flows-view-model';
import { ScoreAtStepDownTable } from './score-at-step-down-table';
import { StepDownSuccessTable } from './step-down-success-table';
import { TimeInLevelChart } from './time-in-level-chart';

/**
 * How an admission cohort moved between levels and how step-downs held up: the director's
 * evidence for step-down criteria. Reads every episode the user may see (the `cohort` query),
 * which it asks for when it is shown; the cohort (admission period, program) is in the URL.
 */
@Component({
  selector: 'app-flows-section',
  imports: [
    CohortFlowChart,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    ScoreAtStepDownTable,
    StepDownSuccessTable,
    TimeInLevelChart,
  ],
  templateUrl: './flows-section.html',
  styleUrl: './flows-section.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FlowsSection {
  private readonly store = inject(Store);
  private readonly router = inject(Router);

  private readonly today = todayIn(
    this.store.selectSignal(configFeature.selectProgramTimeZone)(),
    new Date(),
  );
  private readonly params = this.store.selectSignal(selectQueryParams);
  protected readonly choice = computed(() => cohortFromParams(this.params() ?? {}, this.today));
  private readonly viewSignal = computed(() =>
    this.store.selectSignal(selectFlowsSection(this.choice(), this.today)),
  );
  protected readonly view = computed(() => this.viewSignal()());
  protected readonly query = this.store.selectSignal(queriesFeature.selectQuery('cohort'));
  protected readonly programs = this.store.selectSignal(selectProgramOptions);
  protected readonly dark = computed(
    () => this.store.selectSignal(themeFeature.selectMode)() === 'dark',
  );
  protected readonly ready = computed(() => {
    const q = this.query();
    return q.status === 'loaded' || q.loadedAt !== undefined;
  });

  constructor() {
    this.store.dispatch(RouteDataActions.dataNeeded({ query: 'cohort' }));
  }

  protected changed(change: Partial<CohortChoice>): void {
    const next = { ...this.choice(), ...change };
    if (change.programId === '') delete (next as { programId?: string }).programId;
    void this.router.navigate([], {
      queryParams: cohortParams(next, this.today),
      queryParamsHandling: 'merge',
      replaceUrl: true,
    });
  }

  protected dateChanged(which: 'from' | 'to', value: string): void {
    if (/^\d{4}-\d{2}-\d{2}$/.test(value)) this.changed({ [which]: value });
  }

  protected retry(): void {
    this.store.dispatch(DataStatusActions.refreshClicked());
  }
}
