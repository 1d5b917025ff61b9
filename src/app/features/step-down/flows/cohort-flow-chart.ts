import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { ChartCanvas } from '../../../ui/chart-frame/chart-canvas';
import { CHART_FRAME } from '../../../ui/chart-frame/chart-frame';
import { cohortFlowConfig, flowLegend, flowTableRows, truncationNote } from './cohort-flow-config';
import { FlowView } from './flows-view-model';

/**
 * The cohort's journeys through the levels of care, stay by stay, as a Sankey diagram. Link
 * colour says the kind of move; the legend and the table name it, so colour is never needed.
 */
@Component({
  selector: 'app-cohort-flow-chart',
  imports: [CHART_FRAME, ChartCanvas],
  templateUrl: './cohort-flow-chart.html',
  styleUrls: [
    '../../../ui/chart-frame/data-table.scss',
    '../../../ui/chart-frame/chart-legend.scss',
    './flows-panel.scss',
  ],
  styles: `
    :host {
      --chart-height: 320px;
    }
    .swatch {
      display: inline-block;
      inline-size: 16px;
      block-size: 8px;
      margin-inline-end: 6px;
      vertical-align: middle;
      border-radius: 2px;
      /* Kept in print, where browsers drop background colours by default. */
      print-color-adjust: exact;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CohortFlowChart {
  readonly flow = input.required<FlowView>();
  readonly dark = input(false);

  protected readonly empty = computed(() => this.flow().clients === 0 || !this.flow().links.length);
  protected readonly config = computed(() => cohortFlowConfig(this.flow(), this.dark()));
  protected readonly legend = computed(() => flowLegend(this.flow(), this.dark()));
  protected readonly rows = computed(() => flowTableRows(this.flow()));
  protected readonly caption = computed(
    () => `Moves between stays, ${this.flow().clients} clients`,
  );
  protected readonly note = computed(() => truncationNote(this.flow().truncated));
}
