import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { ChartCanvas } from '../../../ui/chart-frame/chart-canvas';
import { CHART_FRAME } from '../../../ui/chart-frame/chart-frame';
import { ModalityView } from '../progress-view-model';
import { modalitySummary, modalityTableRows, modalityWeeksConfig } from './dose-chart-config';

/** One modality's attended and missed sessions per journey week, with its table. */
@Component({
  selector: 'app-modality-weeks-chart',
  imports: [CHART_FRAME, ChartCanvas],
  templateUrl: './modality-weeks-chart.html',
  styleUrl: '../../../ui/chart-frame/data-table.scss',
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

  protected readonly config = computed(() => modalityWeeksConfig(this.modality(), this.dark()));
  protected readonly summary = computed(() => modalitySummary(this.modality()));
  protected readonly rows = computed(() => modalityTableRows(this.modality()));
  protected readonly caption = computed(() => `${this.modality().label} sessions by week`);
}
