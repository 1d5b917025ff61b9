import { LinearScale, LinearScaleOptions } from 'chart.js';

declare module 'chart.js' {
  interface CartesianScaleTypeRegistry {
    barValue: { options: LinearScaleOptions };
  }
}

/**
 * The value axis of the stacked bar charts: Chart.js's linear scale, except that it keeps the
 * grid line's width at a value for as long as its ticks stand. Chart.js asks for it once for
 * every bar that starts at zero (to tuck the bar under the axis line) and resolves the grid's
 * options through its option proxies each time: thousands of times for a two-year journey's
 * weekly bars, a fifth of what those charts cost. The ticks are rebuilt on every update, so the
 * widths are never older than the options they came from.
 */
export class BarValueScale extends LinearScale {
  static override readonly id = 'barValue';
  static override readonly defaults = LinearScale.defaults;

  private widthsOf: unknown;
  private readonly widths = new Map<number, number>();

  override getLineWidthForValue(value: number): number {
    if (this.widthsOf !== this.ticks) {
      this.widthsOf = this.ticks;
      this.widths.clear();
    }
    let width = this.widths.get(value);
    if (width === undefined) {
      width = super.getLineWidthForValue(value);
      this.widths.set(value, width);
    }
    return width;
  }
}
