import { ChangeDetectionStrategy, Component, computed, input, output, signal } from '@angular/core';
import { DecimalPipe } from '@angular/common';
import { MatButtonModule } from '@angular/material/button';
import { MatSortModule, Sort } from '@angular/material/sort';
import {
  BREAKDOWN_LABELS,
  BREAKDOWN_RATE_LABELS,
  BreakdownRate,
  BreakdownView,
} from '../outcomes-view-model';
import { BreakdownSortKey, sortBreakdown } from './breakdown-sort';

/** A drill-down request from a cell: the rate, and the group it is for. */
export interface BreakdownDrill {
  readonly rate: BreakdownRate;
  readonly groupKey: string;
}

const RATES = Object.keys(BREAKDOWN_RATE_LABELS) as BreakdownRate[];

/**
 * Outcomes per group, sortable by any column, every rate with its interval and n. Groups under
 * 10 episodes are listed after the ranked ones and marked, so a small group never heads the list.
 */
@Component({
  selector: 'app-breakdown-table',
  imports: [DecimalPipe, MatButtonModule, MatSortModule],
  templateUrl: './breakdown-table.html',
  styleUrls: ['../../../ui/chart-frame/data-table.scss', './breakdown-table.scss'],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class BreakdownTable {
  readonly view = input.required<BreakdownView>();
  readonly drill = output<BreakdownDrill>();

  protected readonly rates = RATES;
  protected readonly rateLabels = BREAKDOWN_RATE_LABELS;
  protected readonly dimensionLabel = computed(() => BREAKDOWN_LABELS[this.view().dimension]);
  private readonly sort = signal<Sort>({ active: 'n', direction: 'desc' });
  protected readonly sortState = this.sort.asReadonly();
  protected readonly rows = computed(() =>
    sortBreakdown(this.view().rows, this.sort().active as BreakdownSortKey, this.sort().direction),
  );

  protected sorted(sort: Sort): void {
    this.sort.set(sort);
  }
}
