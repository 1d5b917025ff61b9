import { TestScheduler } from 'rxjs/testing';
import { idlePhases } from './idle-phases';

describe('idlePhases', () => {
  let scheduler: TestScheduler;
  beforeEach(() => {
    scheduler = new TestScheduler((actual, expected) => expect(actual).toEqual(expected));
  });

  it('warns a minute before the timeout and then times out, completing', () => {
    scheduler.run(({ cold, expectObservable }) => {
      const activity = cold<unknown>('-');
      // 15 minutes with the warning at 14: 'a' at 0, 'w' at 840 s, 't' at 900 s.
      expectObservable(idlePhases(activity, 900_000, 60_000, scheduler)).toBe(
        'a 839999ms w 59999ms (t|)',
        { a: 'active', w: 'warning', t: 'timed-out' },
      );
    });
  });

  it('starts again after activity, including activity during the warning', () => {
    scheduler.run(({ cold, expectObservable }) => {
      // Activity at 850 s (during the warning) restarts the full 15 minutes.
      const activity = cold<unknown>('850s x');
      expectObservable(idlePhases(activity, 900_000, 60_000, scheduler)).toBe(
        'a 839999ms w 9999ms a 839999ms w 59999ms (t|)',
        { a: 'active', w: 'warning', t: 'timed-out' },
      );
    });
  });

  it('warns at once when the timeout is shorter than the warning', () => {
    scheduler.run(({ cold, expectObservable }) => {
      expectObservable(idlePhases(cold('-'), 30_000, 60_000, scheduler)).toBe('(aw) 29996ms (t|)', {
        a: 'active',
        w: 'warning',
        t: 'timed-out',
      });
    });
  });
});
