import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';

const WIDTH = 80;
const HEIGHT = 24;
const PAD = 2;

/**
 * A small trend line of the last scores, scaled to the instrument's range so slopes compare
 * across clients. Decorative for screen readers: `label` says the same in words.
 */
@Component({
  selector: 'app-sparkline',
  template: `
    <svg
      [attr.viewBox]="'0 0 ' + width + ' ' + height"
      [attr.width]="width"
      [attr.height]="height"
      aria-hidden="true"
      focusable="false"
    >
      <polyline [attr.points]="points()" fill="none" stroke="currentColor" stroke-width="1.5" />
      @if (last(); as p) {
        <circle [attr.cx]="p.x" [attr.cy]="p.y" r="2.5" fill="currentColor" />
      }
    </svg>
    <span class="cdk-visually-hidden">{{ label() }}</span>
  `,
  styles: `
    :host {
      display: inline-flex;
      color: var(--mat-sys-primary);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class Sparkline {
  readonly values = input.required<readonly number[]>();
  readonly min = input(0);
  readonly max = input.required<number>();
  readonly label = input.required<string>();

  protected readonly width = WIDTH;
  protected readonly height = HEIGHT;

  private readonly coords = computed(() => {
    const values = this.values();
    const span = Math.max(1, this.max() - this.min());
    const step = values.length > 1 ? (WIDTH - 2 * PAD) / (values.length - 1) : 0;
    return values.map((v, i) => ({
      x: PAD + i * step,
      y: PAD + (1 - (v - this.min()) / span) * (HEIGHT - 2 * PAD),
    }));
  });
  protected readonly points = computed(() =>
    this.coords()
      .map((p) => `${p.x.toFixed(1)},${p.y.toFixed(1)}`)
      .join(' '),
  );
  protected readonly last = computed(() => this.coords().at(-1));
}
