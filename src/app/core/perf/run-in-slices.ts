import { Observable } from 'rxjs';

/**
 * Work per slice before giving the browser its main thread back. Under the 50 ms at which a
 * task counts as long (and delays input and paint); the rest leaves room for the task's own
 * overhead and for a slow machine.
 */
export const SLICE_BUDGET_MS = 20;

/**
 * The next macrotask, without `setTimeout`'s 4 ms clamp on nested timers: a message to
 * oneself. Rendering and input handling run between the two tasks.
 */
function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/**
 * Runs a stepwise computation (a generator that pauses with `yield`, e.g.
 * `mapResourcesInSteps`) a slice at a time, each slice at most about `budgetMs` of work in its
 * own task, and emits its result once. Unsubscribing stops it between slices.
 */
export function runInSlices<T>(
  steps: Iterator<void, T, void>,
  budgetMs: number = SLICE_BUDGET_MS,
): Observable<T> {
  return new Observable<T>((subscriber) => {
    let stopped = false;
    const run = async () => {
      for (;;) {
        // Every slice in a task of its own, the first too: not in the task that delivered the
        // data, which has parsed a page already.
        await nextTask();
        if (stopped) return;
        const until = performance.now() + budgetMs;
        let step = steps.next();
        while (!step.done && performance.now() < until) step = steps.next();
        if (step.done) {
          subscriber.next(step.value);
          subscriber.complete();
          return;
        }
      }
    };
    run().catch((error: unknown) => subscriber.error(error));
    return () => {
      stopped = true;
    };
  });
}
