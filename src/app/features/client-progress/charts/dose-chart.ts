import { ChangeDetectionStrategy, Component, computed, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { BaseChartDirective } from 'ng2-charts';
import { DoseView } from '../progress-view-model';
import { doseChartConfig, doseSummary, doseTableRows } from './dose-chart-config';

let nextId = 0;

/**
 * Attended hours per journey week, stacked by modality, against the level's minimum. The
 * modality colours are named by the legend; the table gives every number without colour.
 */
@Component({
  selector: 'app-dose-chart',
  imports: [BaseChartDirective, MatButtonModule],
  templateUrl: './dose-chart.html',
  styleUrls: ['./chart-frame.scss'],
  styles: `
    :host {
      --chart-height: 280px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DoseChart {
  readonly dose = input.required<DoseView>();
  readonly dark = input(false);

  protected readonly viewId = `dose-chart-${nextId++}`;
  protected readonly showTable = signal(false);

  protected readonly config = computed(() => doseChartConfig(this.dose(), this.dark()));
  protected readonly summary = computed(() => doseSummary(this.dose()));
  protected readonly rows = computed(() => doseTableRows(this.dose()));
  protected readonly modalityLabels = computed(() => this.dose().modalities.map((m) => m.label));

  protected toggleTable(): void {
    this.showTable.update((shown) => !shown);
  }
}
