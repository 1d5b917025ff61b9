import { ChangeDetectionStrategy, Component, computed, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { BaseChartDirective } from 'ng2-charts';
import { ModalityView } from '../progress-view-model';
import { modalitySummary, modalityTableRows, modalityWeeksConfig } from './dose-chart-config';

let nextId = 0;

/** One modality's attended and missed sessions per journey week, with its table. */
@Component({
  selector: 'app-modality-weeks-chart',
  imports: [BaseChartDirective, MatButtonModule],
  templateUrl: './modality-weeks-chart.html',
  styleUrls: ['./chart-frame.scss'],
  styles: `
    :host {
      --chart-height: 160px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ModalityWeeksChart {
  readonly modality = input.required<ModalityView>();
  readonly dark = input(false);

  protected readonly viewId = `modality-weeks-chart-${nextId++}`;
  protected readonly showTable = signal(false);

  protected readonly config = computed(() => modalityWeeksConfig(this.modality(), this.dark()));
  protected readonly summary = computed(() => modalitySummary(this.modality()));
  protected readonly rows = computed(() => modalityTableRows(this.modality()));
  protected readonly caption = computed(() => `${this.modality().label} sessions by week`);

  protected toggleTable(): void {
    this.showTable.update((shown) => !shown);
  }
}
