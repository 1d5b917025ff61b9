import { DecimalPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { DoseView } from '../outcomes-view-model';

/**
 * Outcome by dose, as tables: by attended hours per week against the level's minimum, and for
 * each modality with a target measure by sessions attended. Worded as associations.
 */
@Component({
  selector: 'app-dose-tables',
  imports: [DecimalPipe, MatButtonModule],
  templateUrl: './dose-tables.html',
  styleUrls: ['../../../ui/chart-frame/data-table.scss', './dose-tables.scss'],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DoseTables {
  readonly dose = input.required<DoseView>();
  readonly instrument = input.required<string>();
  /** A drill-down key (see drill-keys.ts). */
  readonly drill = output<string>();
}
