import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { MatTableModule } from '@angular/material/table';
import { StepDownSuccessView } from './flows-view-model';
import { ProportionCell, proportionCell } from './flows-format';

export interface StepDownSuccessRow {
  readonly pair: string;
  readonly smallGroup: boolean;
  readonly at30: ProportionCell;
  readonly at90: ProportionCell;
  /** "2 / 5": step-downs too recent to judge at 30 and at 90 days. */
  readonly tooEarly: string;
}

export const SMALL_GROUP_MARKER = 'small group (n < 10): not ranked';
export const SUCCESS_CAPTION =
  'Held = no step-up or readmission within the window. 95 % Wilson intervals.';

export function stepDownSuccessRows(rows: readonly StepDownSuccessView[]): StepDownSuccessRow[] {
  return rows.map((r) => ({
    pair: r.pairLabel,
    smallGroup: r.smallGroup,
    at30: proportionCell(r.at30),
    at90: proportionCell(r.at90),
    tooEarly: `${r.at30.tooEarly} / ${r.at90.tooEarly}`,
  }));
}

/**
 * How often a step-down held, by level pair, at 30 and 90 days. The counts come before the rate
 * and the interval after it, so a 100 % of 2 reads as the thin evidence it is; small groups are
 * marked in words and left unranked.
 */
@Component({
  selector: 'app-step-down-success-table',
  imports: [MatTableModule],
  templateUrl: './step-down-success-table.html',
  styleUrl: './flows-panel.scss',
  styles: `
    .success-table {
      background: transparent;
    }
    .marker {
      display: inline-block;
      margin-block: 2px;
      padding: 0 6px;
      border: 1px solid var(--mat-sys-outline);
      border-radius: 4px;
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
    .rate {
      white-space: nowrap;
      font-variant-numeric: tabular-nums;
    }
    .why {
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
      margin-inline-start: 4px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class StepDownSuccessTable {
  readonly rows = input.required<readonly StepDownSuccessView[]>();

  protected readonly tableRows = computed(() => stepDownSuccessRows(this.rows()));
  protected readonly columns = ['pair', 'at30', 'at90', 'tooEarly'];
  protected readonly marker = SMALL_GROUP_MARKER;
  protected readonly caption = SUCCESS_CAPTION;
}
