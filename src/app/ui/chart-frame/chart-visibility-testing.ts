import { Provider, signal } from '@angular/core';
import { ChartVisibility } from './chart-visibility';

/**
 * A `ChartVisibility` for specs, whose test window decides nothing: frames that wait to be
 * seen are seen at once, or when the spec calls `seeAll()`; `printing` is the spec's to set.
 */
export class FakeChartVisibility implements Pick<ChartVisibility, 'observe' | 'printing'> {
  readonly printing = signal(false);
  private readonly waiting = new Map<Element, () => void>();

  constructor(private readonly atOnce = true) {}

  /** How many frames are still waiting to be seen. */
  get waitingFrames(): number {
    return this.waiting.size;
  }

  observe(element: Element, seen: () => void): () => void {
    if (this.atOnce) {
      seen();
      return () => undefined;
    }
    this.waiting.set(element, seen);
    return () => this.waiting.delete(element);
  }

  /** Every waiting frame comes into view. */
  seeAll(): void {
    const waiting = [...this.waiting.values()];
    this.waiting.clear();
    for (const seen of waiting) seen();
  }
}

/** Provides `fake` (by default one that sees every frame at once) as the charts' visibility. */
export function provideChartVisibility(fake = new FakeChartVisibility()): Provider {
  return { provide: ChartVisibility, useValue: fake };
}
