import {
  Observable,
  SchedulerLike,
  asyncScheduler,
  concat,
  map,
  of,
  startWith,
  switchMap,
  takeWhile,
  timer,
} from 'rxjs';

export type IdlePhase = 'active' | 'warning' | 'timed-out';

/** The warning comes this long before log-off (HIPAA automatic log-off with a chance to stay). */
export const IDLE_WARNING_MS = 60_000;

/**
 * From a stream of user activity: 'active' at the start and after each activity, 'warning'
 * `warningMs` before the timeout, then 'timed-out' (and completes). Activity during the
 * warning goes back to 'active'.
 */
export function idlePhases(
  activity$: Observable<unknown>,
  timeoutMs: number,
  warningMs = IDLE_WARNING_MS,
  scheduler: SchedulerLike = asyncScheduler,
): Observable<IdlePhase> {
  const warnAfter = Math.max(0, timeoutMs - warningMs);
  const warnFor = timeoutMs - warnAfter;
  return activity$.pipe(
    startWith(null),
    switchMap(() =>
      concat(
        of<IdlePhase>('active'),
        timer(warnAfter, scheduler).pipe(map((): IdlePhase => 'warning')),
        timer(warnFor, scheduler).pipe(map((): IdlePhase => 'timed-out')),
      ),
    ),
    takeWhile((phase) => phase !== 'timed-out', true),
  );
}
