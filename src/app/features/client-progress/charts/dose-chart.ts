import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { ChartCanvas } from '../../../ui/chart-frame/chart-canvas';
import { CHART_FRAME } from '../../../ui/chart-frame/chart-frame';
import { DoseView } from '../progress-view-model';
import { doseChartConfig, doseSummary, doseTableRows } from './dose-chart-config';

/**
 * Attended hours per journey week, stacked by modality, against the level's minimum. The
 * modality colours are named by the legend; the table gives every number without colour.
 */
@Component({
  selector: 'app-dose-chart',
  imports: [CHART_FRAME, ChartCanvas],
  templateUrl: './dose-chart.html',
  styleUrl: '../../../ui/chart-frame/data-table.scss',
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

  protected readonly config = computed(() => doseChartConfig(this.dose(), this.dark()));
  protected readonly summary = computed(() => doseSummary(this.dose()));
  protected readonly rows = computed(() => doseTableRows(this.dose()));
  protected readonly caption = 'Hours attended by week and modality';
  protected readonly modalityLabels = computed(() => this.dose().modalities.map((m) => m.label));
}
