import { ApplicationRef, DOCUMENT, Injectable, OnDestroy, inject, signal } from '@angular/core';

/**
 * How far beyond the visible area a waiting chart starts to draw, so one scrolled to is
 * usually drawn already. `scrollMargin` extends the page's own scroll container (the shell's
 * content pane) where the browser supports it; `rootMargin` only ever reaches the viewport.
 */
const AHEAD = '200px 0px';

/**
 * When a chart that waits to be seen may draw: once it comes near the visible part of the page,
 * or as soon as the page prints (the print dialog, Ctrl+P, or print media), when every chart
 * must be on paper whether it was scrolled to or not. One observer for the whole page.
 */
@Injectable({ providedIn: 'root' })
export class ChartVisibility implements OnDestroy {
  private readonly appRef = inject(ApplicationRef);
  private readonly waiting = new Map<Element, () => void>();
  private readonly stops: (() => void)[] = [];
  private observer: IntersectionObserver | undefined;

  /** True from the first print on: every chart draws, seen or not. */
  readonly printing = signal(false);

  constructor() {
    const view = inject(DOCUMENT).defaultView;
    if (!view) return;
    const print = () => this.print();
    view.addEventListener('beforeprint', print);
    this.stops.push(() => view.removeEventListener('beforeprint', print));
    const media = view.matchMedia?.('print');
    if (media) {
      const change = (event: MediaQueryListEvent) => event.matches && print();
      media.addEventListener('change', change);
      this.stops.push(() => media.removeEventListener('change', change));
    }
  }

  /**
   * Calls `seen` once, when `element` first comes near the visible area (at once where the
   * browser cannot tell). Returns a function that stops waiting.
   */
  observe(element: Element, seen: () => void): () => void {
    const observer = this.intersections();
    if (!observer) {
      seen();
      return () => undefined;
    }
    this.waiting.set(element, seen);
    observer.observe(element);
    return () => {
      if (this.waiting.delete(element)) observer.unobserve(element);
    };
  }

  ngOnDestroy(): void {
    this.observer?.disconnect();
    this.waiting.clear();
    for (const stop of this.stops) stop();
  }

  private intersections(): IntersectionObserver | undefined {
    if (this.observer || typeof IntersectionObserver === 'undefined') return this.observer;
    const options = { rootMargin: AHEAD, scrollMargin: AHEAD } as IntersectionObserverInit;
    this.observer = new IntersectionObserver((entries) => {
      for (const entry of entries) {
        if (!entry.isIntersecting) continue;
        const seen = this.waiting.get(entry.target);
        this.waiting.delete(entry.target);
        this.observer?.unobserve(entry.target);
        seen?.();
      }
    }, options);
    return this.observer;
  }

  private print(): void {
    if (this.printing()) return;
    this.printing.set(true);
    // The browser lays out the printout as soon as this handler returns, before any scheduled
    // change detection: draw the waiting charts now.
    this.appRef.tick();
  }
}
