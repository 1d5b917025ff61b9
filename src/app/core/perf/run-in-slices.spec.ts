import { STEPS_PER_CLOCK_READ, runInSlices } from './run-in-slices';

/** Steps that note when each ran, in which task (counted by a timer that ticks between tasks). */
function* counted(log: number[], task: () => number, n: number): Generator<void, string, void> {
  for (let i = 0; i < n; i++) {
    log.push(task());
    yield;
  }
  return 'done';
}

function nextTimer(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Counts tasks: a timer that ticks once per task until stopped. */
function taskCounter(): { current: () => number; stop: () => void } {
  let task = 0;
  let ticking = true;
  const tick = () => {
    task++;
    if (ticking) setTimeout(tick, 0);
  };
  tick();
  return { current: () => task, stop: () => (ticking = false) };
}

async function until(done: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !done(); i++) await nextTimer();
}

describe('runInSlices', () => {
  it('emits the result once and completes', async () => {
    const log: number[] = [];
    const seen: string[] = [];
    let completed = false;
    runInSlices(counted(log, () => 0, 5)).subscribe({
      next: (v) => seen.push(v),
      complete: () => (completed = true),
    });
    // Not in the subscriber's task: the first slice waits for a task of its own.
    expect(log).toEqual([]);
    await until(() => completed);
    expect(seen).toEqual(['done']);
    expect(log.length).toBe(5);
  });

  it('gives the thread back between slices once a slice has used its budget', async () => {
    const tasks = taskCounter();
    const log: number[] = [];
    let result: string | undefined;
    // No budget: every step is a slice of its own, each in a later task.
    runInSlices(counted(log, tasks.current, 4), { budgetMs: 0 }).subscribe((v) => (result = v));
    await until(() => result !== undefined);
    tasks.stop();
    expect(result).toBe('done');
    expect(new Set(log).size).toBeGreaterThan(1);
  });

  it('stops between slices when unsubscribed', async () => {
    const log: number[] = [];
    let result: string | undefined;
    const subscription = runInSlices(
      counted(log, () => 0, 1000),
      { budgetMs: 0 },
    ).subscribe((v) => (result = v));
    await until(() => log.length > 0);
    subscription.unsubscribe();
    const ran = log.length;
    for (let i = 0; i < 5; i++) await nextTimer();
    expect(log.length).toBe(ran);
    expect(result).toBeUndefined();
  });

  it('gives every slice to the higher priority while it runs, and equals turn about', async () => {
    const order: string[] = [];
    function* named(name: string, n: number): Generator<void, string, void> {
      for (let i = 0; i < n; i++) {
        order.push(name);
        yield;
      }
      return name;
    }
    const done: string[] = [];
    runInSlices(named('a', 3), { budgetMs: 0 }).subscribe((v) => done.push(v));
    runInSlices(named('b', 3), { budgetMs: 0 }).subscribe((v) => done.push(v));
    runInSlices(named('first', 3), { budgetMs: 0, priority: 1 }).subscribe((v) => done.push(v));
    await until(() => done.length === 3);
    expect(order.slice(0, 3)).toEqual(['first', 'first', 'first']);
    expect(order.slice(3)).toEqual(['a', 'b', 'a', 'b', 'a', 'b']);
    expect(done[0]).toBe('first');
  });

  it('runs background work only when nothing else waits, in short slices', async () => {
    const order: string[] = [];
    function* named(name: string, n: number): Generator<void, string, void> {
      for (let i = 0; i < n; i++) {
        order.push(name);
        yield;
      }
      return name;
    }
    const done: string[] = [];
    runInSlices(named('ahead', 2), { background: true, budgetMs: 0 }).subscribe((v) =>
      done.push(v),
    );
    runInSlices(named('now', 2), { budgetMs: 0, priority: 1 }).subscribe((v) => done.push(v));
    await until(() => done.length === 2);
    expect(order).toEqual(['now', 'now', 'ahead', 'ahead']);
    expect(done).toEqual(['now', 'ahead']);
  });

  it('reports a step that throws as an error', async () => {
    function* failing(): Generator<void, string, void> {
      yield;
      throw new Error('unreadable');
    }
    let error: unknown;
    runInSlices(failing()).subscribe({ error: (e: unknown) => (error = e) });
    await until(() => error !== undefined);
    expect((error as Error).message).toBe('unreadable');
  });

  it('reads the clock once per few steps, not after every step', async () => {
    let result: string | undefined;
    const steps = STEPS_PER_CLOCK_READ * 10;
    const now = spyOn(performance, 'now').and.callThrough();
    // Clock reads so far, noted at each step: one slice runs them all back to back.
    const reads: number[] = [];
    runInSlices(
      counted(reads, () => now.calls.count(), steps),
      { budgetMs: 60_000 },
    ).subscribe((v) => (result = v));
    await until(() => result !== undefined);
    expect(reads.length).toBe(steps);
    expect(reads[steps - 1] - reads[0]).toBe(Math.floor((steps - 1) / STEPS_PER_CLOCK_READ));
  });

  it('still gives the thread back when each step is slow', async () => {
    // Which slice a step ran in: a slice runs its steps in one go, and the microtask queued by
    // its first step runs only once the slice has ended (a timer could miss a boundary between
    // two slices that run back to back).
    let slice = 0;
    let inSlice = false;
    const log: number[] = [];
    let result: string | undefined;
    function* slow(n: number): Generator<void, string, void> {
      for (let i = 0; i < n; i++) {
        if (!inSlice) {
          inSlice = true;
          slice++;
          queueMicrotask(() => (inSlice = false));
        }
        const until = performance.now() + 0.5;
        while (performance.now() < until) {
          // busy: a step that maps a large resource
        }
        log.push(slice);
        yield;
      }
      return 'done';
    }
    runInSlices(slow(STEPS_PER_CLOCK_READ * 3), { budgetMs: 1 }).subscribe((v) => (result = v));
    await until(() => result !== undefined);
    expect(result).toBe('done');
    // A slice ends at the first clock read past its budget: one stride of steps each.
    const perSlice = new Map<number, number>();
    for (const n of log) perSlice.set(n, (perSlice.get(n) ?? 0) + 1);
    expect([...perSlice.values()]).toEqual([
      STEPS_PER_CLOCK_READ,
      STEPS_PER_CLOCK_READ,
      STEPS_PER_CLOCK_READ,
    ]);
  });
});
