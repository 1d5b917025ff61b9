import { NgTemplateOutlet } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  Directive,
  TemplateRef,
  contentChild,
  input,
  signal,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';

/** Marks the chart (e.g. `<app-chart-canvas *appChartView …>`) inside an `app-chart-frame`. */
@Directive({ selector: '[appChartView]' })
export class ChartView {}

/** Marks the data table (`<table *appTableView …>`) inside an `app-chart-frame`. */
@Directive({ selector: '[appTableView]' })
export class TableView {}

/**
 * Marks what goes under the chart and only makes sense beside it, such as a text legend; it
 * stays outside the `role="img"` box so screen readers can still read it.
 */
@Directive({ selector: '[appBelowChart]' })
export class BelowChart {}

let nextId = 0;

/**
 * The frame every chart with a data table behind it shares: a toggle between the chart and the
 * table, the chart's text alternative, and a keyboard-scrollable region for wide tables. The
 * chart and the table arrive as templates rather than projected content because projected
 * content is created whether shown or not: a hidden canvas would still build a Chart.js
 * instance on a detached element, and a hidden table would still be bound and checked.
 */
@Component({
  selector: 'app-chart-frame',
  imports: [MatButtonModule, NgTemplateOutlet],
  templateUrl: './chart-frame.html',
  styleUrl: './chart-frame.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ChartFrame {
  /** The chart's text alternative: what a sighted reader takes from it, in one sentence. */
  readonly summary = input.required<string>();
  /** The table's caption, which also names its scroll region. */
  readonly caption = input.required<string>();

  protected readonly chart = contentChild.required(ChartView, { read: TemplateRef });
  protected readonly table = contentChild.required(TableView, { read: TemplateRef });
  protected readonly belowChart = contentChild(BelowChart, { read: TemplateRef });

  protected readonly viewId = `chart-frame-${nextId++}`;
  protected readonly showTable = signal(false);

  protected toggleTable(): void {
    this.showTable.update((shown) => !shown);
  }
}

/** Everything a chart needs to import to use the frame. */
export const CHART_FRAME = [ChartFrame, ChartView, TableView, BelowChart] as const;
