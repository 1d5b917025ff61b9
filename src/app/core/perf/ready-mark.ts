import { Injector, Signal, afterNextRender, effect, inject } from '@angular/core';

/**
 * Marks `waypoint:<name>-ready` (User Timing) once, on the first frame after `ready()` turns
 * true: the moment a page's data is on screen. Benchmarks (`bench/`) read it; it costs one
 * timeline entry and sends nothing anywhere. Call in an injection context (a constructor).
 */
export function markWhenReady(name: string, ready: Signal<boolean>): void {
  const injector = inject(Injector);
  let marked = false;
  const watcher = effect(() => {
    if (marked || !ready()) return;
    marked = true;
    afterNextRender(() => performance.mark(`waypoint:${name}-ready`), { injector });
    watcher.destroy();
  });
}
