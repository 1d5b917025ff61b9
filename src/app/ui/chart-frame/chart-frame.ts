import { NgTemplateOutlet } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  Directive,
  ElementRef,
  OnInit,
  TemplateRef,
  booleanAttribute,
  computed,
  contentChild,
  inject,
  input,
  signal,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { ChartVisibility } from './chart-visibility';

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
 *
 * With `drawWhenSeen`, the chart itself waits until the frame comes near the visible area (or
 * the page prints): a page with many charts then draws only those on screen. Everything else is
 * there from the start, so the text alternative, the legend and the table toggle read the same
 * before the chart is drawn, and the box keeps its height.
 */
@Component({
  selector: 'app-chart-frame',
  imports: [MatButtonModule, NgTemplateOutlet],
  templateUrl: './chart-frame.html',
  styleUrl: './chart-frame.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ChartFrame implements OnInit {
  /** The chart's text alternative: what a sighted reader takes from it, in one sentence. */
  readonly summary = input.required<string>();
  /** The table's caption, which also names its scroll region. */
  readonly caption = input.required<string>();

  protected readonly chart = contentChild.required(ChartView, { read: TemplateRef });
  protected readonly table = contentChild.required(TableView, { read: TemplateRef });
  protected readonly belowChart = contentChild(BelowChart, { read: TemplateRef });

  /** Draw the chart only once the frame comes near the visible area, or the page prints. */
  readonly drawWhenSeen = input(false, { transform: booleanAttribute });

  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly destroyRef = inject(DestroyRef);
  private readonly visibility = inject(ChartVisibility);
  private readonly seen = signal(false);

  protected readonly viewId = `chart-frame-${nextId++}`;
  protected readonly showTable = signal(false);
  protected readonly drawChart = computed(
    () => !this.drawWhenSeen() || this.seen() || this.visibility.printing(),
  );

  ngOnInit(): void {
    if (!this.drawWhenSeen()) return;
    const stop = this.visibility.observe(this.host.nativeElement, () => this.seen.set(true));
    this.destroyRef.onDestroy(stop);
  }

  protected toggleTable(): void {
    this.showTable.update((shown) => !shown);
  }
}

/** Everything a chart needs to import to use the frame. */
export const CHART_FRAME = [ChartFrame, ChartView, TableView, BelowChart] as const;
