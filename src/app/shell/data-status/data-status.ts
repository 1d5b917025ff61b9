import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { Store } from '@ngrx/store';
import { format } from 'date-fns';
import { DataStatusActions } from '../../store/clinical-actions';
import { selectCaseloadSummary } from '../../store/caseload-selectors';
import { queriesFeature } from '../../store/queries-feature';

/**
 * Where the caseload data stands: loading, loaded (how much, when, refresh), failed (why,
 * retry), partial (what may be missing), and how many records could not be read.
 */
@Component({
  selector: 'app-data-status',
  imports: [MatButtonModule, MatProgressBarModule],
  templateUrl: './data-status.html',
  styleUrl: './data-status.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DataStatus {
  private readonly store = inject(Store);
  protected readonly query = this.store.selectSignal(queriesFeature.selectQuery('caseload'));
  protected readonly summary = this.store.selectSignal(selectCaseloadSummary);
  protected readonly updatedAt = computed(() => {
    const loadedAt = this.query().loadedAt;
    return loadedAt === undefined ? '' : format(loadedAt, 'HH:mm');
  });
  protected readonly unreadable = computed(() => {
    const mapping = this.query().mapping;
    return mapping ? mapping.rejected + mapping.warnings : 0;
  });

  protected refresh(): void {
    this.store.dispatch(DataStatusActions.refreshClicked());
  }
}
