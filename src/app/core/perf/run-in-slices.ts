import { Observable, Subscriber } from 'rxjs';

/**
 * Work per slice before giving the browser its main thread back. Under the 50 ms at which a
 * task counts as long (and delays input and paint); the rest leaves room for the task's own
 * overhead and for a slow machine.
 */
export const SLICE_BUDGET_MS = 20;

export interface SliceOptions {
  /** Most work per slice, in ms. */
  readonly budgetMs?: number;
  /**
   * Among computations running at once, a higher one gets every slice until it is done (in
   * order of start among equals, turn about): what the page on screen waits for goes first.
   */
  readonly priority?: number;
  /**
   * Work that only gets ahead of what is to come (mapping pages while later ones load): its
   * slices run as background tasks, which the browser runs after anything else waiting (the
   * network's answers, input, rendering), and are short, so an answer that arrives meanwhile
   * waits at most a few milliseconds to be read and its next page asked for.
   */
  readonly background?: boolean;
}

/** Work per slice of a background computation (see `SliceOptions.background`). */
export const BACKGROUND_SLICE_MS = 4;

interface BackgroundScheduler {
  postTask(callback: () => void, options: { priority: 'background' }): Promise<unknown>;
}

/**
 * A background-priority task where the browser has the Prioritized Task Scheduling API
 * (Chromium, Firefox); elsewhere an ordinary next task.
 */
function nextBackgroundTask(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: BackgroundScheduler }).scheduler;
  if (typeof scheduler?.postTask !== 'function') return nextTask();
  return scheduler.postTask(() => undefined, { priority: 'background' }).then(() => undefined);
}

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

interface Job {
  readonly steps: Iterator<void, unknown, void>;
  readonly budgetMs: number;
  readonly priority: number;
  readonly background: boolean;
  readonly subscriber: Subscriber<unknown>;
}

/** Computations under way, in order of start; one loop gives each slice to one of them. */
const jobs: Job[] = [];
let driving = false;

function nextJob(): Job | undefined {
  let best: Job | undefined;
  for (const job of jobs) if (!best || job.priority > best.priority) best = job;
  return best;
}

/**
 * Steps run between two reads of the clock in a slice with a budget. A step maps one resource
 * (a few microseconds); reading `performance.now()` after each of a director's caseload's
 * ~300,000 steps was about 20 ms of the time after the last response. Sixteen steps overrun a
 * budget by well under a millisecond.
 */
export const STEPS_PER_CLOCK_READ = 16;

/** One slice of `job`; true when it is finished (done or failed). */
function runSlice(job: Job): boolean {
  const until = performance.now() + job.budgetMs;
  // With no budget, every step is a slice of its own (the clock is read after each).
  const stride = job.budgetMs > 0 ? STEPS_PER_CLOCK_READ : 1;
  try {
    let step = job.steps.next();
    for (let n = 1; !step.done; n++) {
      if (n % stride === 0 && performance.now() >= until) break;
      step = job.steps.next();
    }
    if (!step.done) return false;
    job.subscriber.next(step.value);
    job.subscriber.complete();
  } catch (error: unknown) {
    job.subscriber.error(error);
  }
  return true;
}

async function drive(): Promise<void> {
  driving = true;
  while (jobs.length) {
    // Every slice in a task of its own, the first too: not in the task that delivered the
    // data, which has parsed a page already.
    await (nextJob()?.background ? nextBackgroundTask() : nextTask());
    const job = nextJob();
    if (!job) break;
    // Turn about among equals: a job that still has work goes behind the others.
    jobs.splice(jobs.indexOf(job), 1);
    if (!runSlice(job)) jobs.push(job);
  }
  driving = false;
}

/**
 * Runs a stepwise computation (a generator that pauses with `yield`, e.g.
 * `mapResourcesInSteps`) a slice at a time, each slice at most about `budgetMs` of work in its
 * own task, and emits its result once. Unsubscribing stops it between slices.
 */
export function runInSlices<T>(
  steps: Iterator<void, T, void>,
  options: SliceOptions = {},
): Observable<T> {
  return new Observable<T>((subscriber) => {
    const job: Job = {
      steps,
      budgetMs: options.budgetMs ?? (options.background ? BACKGROUND_SLICE_MS : SLICE_BUDGET_MS),
      priority: options.priority ?? 0,
      background: options.background ?? false,
      subscriber: subscriber as Subscriber<unknown>,
    };
    jobs.push(job);
    if (!driving) void drive();
    return () => {
      const at = jobs.indexOf(job);
      if (at >= 0) jobs.splice(at, 1);
    };
  });
}
