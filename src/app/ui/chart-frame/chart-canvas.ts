import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { ChartConfiguration, ChartType, DefaultDataPoint, Plugin } from 'chart.js';
import { BaseChartDirective } from 'ng2-charts';

/**
 * A Chart.js plugin that marks `waypoint:chart-drawn` (User Timing) once, when Chart.js has
 * first drawn the canvas, with the chart type as detail. Benchmarks (`bench/`) read it; it
 * sends nothing anywhere.
 */
export function chartDrawnMark<TType extends ChartType>(): Plugin<TType> {
  let marked = false;
  return {
    id: 'waypointChartDrawnMark',
    afterRender: (chart) => {
      if (marked) return;
      marked = true;
      const { type } = chart.config as { type?: string };
      performance.mark('waypoint:chart-drawn', { detail: { type } });
    },
  };
}

/**
 * A Chart.js canvas drawn from one configuration, for use as an `app-chart-frame`'s chart:
 * `<app-chart-canvas *appChartView [config]="config()" />`. The configuration is the only
 * source, legend included (ng2-charts' own `legend` input is left unset, so it cannot disagree
 * with the options). Kept apart from the frame so the frame also serves charts that are not
 * Chart.js.
 */
@Component({
  selector: 'app-chart-canvas',
  imports: [BaseChartDirective],
  template: `
    <canvas
      baseChart
      [type]="config().type"
      [data]="config().data"
      [options]="config().options"
      [plugins]="plugins"
    ></canvas>
  `,
  // Chart.js sizes a responsive chart by the canvas's parent, which must be positioned and hold
  // nothing else; this host is that parent, filling the frame's chart box.
  styles: `
    :host {
      display: block;
      position: relative;
      block-size: 100%;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ChartCanvas<
  TType extends ChartType = ChartType,
  TData = DefaultDataPoint<TType>,
  TLabel = unknown,
> {
  readonly config = input.required<ChartConfiguration<TType, TData, TLabel>>();
  protected readonly plugins = [chartDrawnMark<TType>()];
}
