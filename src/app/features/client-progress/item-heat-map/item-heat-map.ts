import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  ElementRef,
  afterNextRender,
  computed,
  inject,
  input,
  signal,
  viewChild,
} from '@angular/core';
import { format, parseISO } from 'date-fns';
import { ItemGridView } from '../progress-view-model';

/**
 * Beyond this many administrations the table rarely fits a laptop screen, so it is made a
 * keyboard-scrollable region from the first render instead of waiting for a layout measurement.
 */
const SCROLL_AFTER_COLUMNS = 12;

/** PHQ-9 and GAD-7 share this 0–3 response scale ("over the last 2 weeks, how often…"). */
export const FREQUENCY_SCALE: readonly string[] = [
  'Not at all',
  'Several days',
  'More than half the days',
  'Nearly every day',
];

/** 0 = no shading, 3 = the strongest; graded by score / itemMax so other item ranges still work. */
export type Shade = 0 | 1 | 2 | 3;

export function shadeFor(score: number, itemMax: number): Shade {
  if (score <= 0 || itemMax <= 0) return 0;
  return Math.min(3, Math.ceil((score / itemMax) * 3)) as Shade;
}

/**
 * Item scores per administration as a real table, so every number is reachable by a screen
 * reader and prints as it looks. Colour only repeats the printed number; the safety item is
 * marked in words and by an outline as well.
 */
@Component({
  selector: 'app-item-heat-map',
  templateUrl: './item-heat-map.html',
  styleUrl: './item-heat-map.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ItemHeatMap {
  readonly grid = input.required<ItemGridView>();
  /** Words for each score from 0 upwards, for the legend. */
  readonly scaleLabels = input<readonly string[]>(FREQUENCY_SCALE);

  protected readonly caption = computed(() => `${this.grid().shortName} items over time`);

  protected readonly headers = computed(() =>
    this.grid().columns.map((column) => {
      const date = parseISO(column.day);
      return {
        id: column.id,
        day: column.day,
        short: format(date, 'd MMM'),
        full: format(date, 'd MMMM yyyy'),
      };
    }),
  );

  protected readonly rows = computed(() => {
    const grid = this.grid();
    return grid.items.map((item, r) => ({
      ...item,
      cells: grid.columns.map((column, c) => {
        // Tolerate ragged rows: a short row means the later items were not answered.
        const score = grid.cells[r]?.[c];
        return {
          id: column.id,
          score,
          shade: score === undefined ? 0 : shadeFor(score, grid.itemMax),
          positive: item.safety && score !== undefined && score > 0,
        };
      }),
    }));
  });

  protected readonly legend = computed(() => {
    const max = this.grid().itemMax;
    const labels = this.scaleLabels();
    return Array.from({ length: max + 1 }, (_, score) => ({
      score,
      shade: shadeFor(score, max),
      label: labels[score],
    }));
  });

  private readonly scroller = viewChild.required<ElementRef<HTMLElement>>('scroller');
  private readonly overflowing = signal(false);
  /**
   * A scroll box must be focusable for keyboard users (WCAG 2.1.1), but an extra tab stop on a
   * table that fits is noise; so it is focusable when it actually overflows (narrow window,
   * zoom) or has many columns.
   */
  protected readonly scrollable = computed(
    () => this.overflowing() || this.grid().columns.length > SCROLL_AFTER_COLUMNS,
  );

  constructor() {
    const destroyRef = inject(DestroyRef);
    afterNextRender(() => {
      const box = this.scroller().nativeElement;
      const measure = () => this.overflowing.set(box.scrollWidth > box.clientWidth + 1);
      // Watching the table too catches new columns, which do not resize the box itself.
      const observer = new ResizeObserver(measure);
      observer.observe(box);
      if (box.firstElementChild) observer.observe(box.firstElementChild);
      destroyRef.onDestroy(() => observer.disconnect());
    });
  }
}
