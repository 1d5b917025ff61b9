import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { Store } from '@ngrx/store';
import { format } from 'date-fns';
import { FhirRetryStatus, retryWaitSentence } from '../../core/fhir/retry-status';
import { DataStatusActions } from '../../store/clinical-actions';
import { selectCaseloadSummary } from '../../store/caseload-selectors';
import { queriesFeature } from '../../store/queries-feature';

/**
 * Where the caseload data stands: loading, loaded (how much, when, refresh; "Incomplete" when
 * partial), failed (why, retry), partial (what may be missing), how many records could not be
 * read, and any request waiting to be retried after a 429 or 503.
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
  private readonly retries = inject(FhirRetryStatus);
  protected readonly query = this.store.selectSignal(queriesFeature.selectQuery('caseload'));
  protected readonly summary = this.store.selectSignal(selectCaseloadSummary);
  protected readonly updatedAt = computed(() => {
    const loadedAt = this.query().loadedAt;
    return loadedAt === undefined ? '' : format(loadedAt, 'HH:mm');
  });
  /** While a request waits to be retried (429/503): why, and when it goes again. */
  protected readonly retryWait = computed(() => {
    const wait = this.retries.waiting();
    return wait ? retryWaitSentence(wait) : null;
  });
  protected readonly unreadable = computed(() => {
    const mapping = this.query().mapping;
    return mapping ? mapping.rejected + mapping.warnings : 0;
  });

  protected refresh(): void {
    this.store.dispatch(DataStatusActions.refreshClicked());
  }
}
