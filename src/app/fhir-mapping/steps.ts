/**
 * Mapping as a sequence of small steps: a generator that pauses (`yield`) after each unit of
 * work and returns the result when done. `runSteps` runs one to the end in one go (what the
 * synchronous mappers do); a caller that must not hold the browser's main thread for long runs
 * it a few milliseconds at a time instead (`core/perf/run-in-slices.ts`). Both run the same code,
 * so the result is the same whichever way it is driven.
 */
export type Steps<T> = Generator<void, T, void>;

export function runSteps<T>(steps: Steps<T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** `items.map(fn)`, pausing after each item. */
export function* mapEachStep<I, O>(items: readonly I[], fn: (item: I) => O): Steps<O[]> {
  const out: O[] = [];
  for (const item of items) {
    out.push(fn(item));
    yield;
  }
  return out;
}
