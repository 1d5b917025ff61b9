import { IDLE_QUERY, QueryStatus } from '../../store/queries-feature';
import { outcomesCompleteness } from './outcomes-completeness';

const loaded = (loadedAt: number, reasons: string[] = []): QueryStatus => ({
  ...IDLE_QUERY,
  status: 'loaded',
  loadedAt,
  partial: reasons.length > 0,
  partialReasons: reasons,
});

describe('outcomesCompleteness', () => {
  it('is complete when the outcomes load was and nothing replaced records since', () => {
    const own = loaded(10);
    expect(outcomesCompleteness(own, { outcomes: own, caseload: loaded(12) })).toEqual({
      partial: false,
      reasons: [],
    });
  });

  it('carries the outcomes load’s own reasons', () => {
    const own = loaded(10, ['Appointment: Only the first 400 pages were loaded.']);
    expect(outcomesCompleteness(own, { outcomes: own })).toEqual({
      partial: true,
      reasons: ['Appointment: Only the first 400 pages were loaded.'],
    });
  });

  it('counts a partial caseload or client load only when it finished after the outcomes load', () => {
    const own = loaded(10);
    const earlier = loaded(9, ['page 2 failed']);
    expect(outcomesCompleteness(own, { outcomes: own, caseload: earlier }).partial).toBeFalse();
    const later = outcomesCompleteness(own, {
      outcomes: own,
      caseload: loaded(11, ['page 2 failed']),
      'client/p1': { ...loaded(12), partial: true },
      // The cohort only adds records: a partial one takes nothing away.
      cohort: loaded(13, ['cohort capped']),
    });
    expect(later).toEqual({
      partial: true,
      reasons: [
        "the caseload, reloaded since, replaced its clients' records: page 2 failed",
        "a client's record, reloaded since, replaced its clients' records: partial",
      ],
    });
  });

  it('never says partial without a reason', () => {
    const own = { ...loaded(10), partial: true };
    expect(outcomesCompleteness(own, { outcomes: own }).reasons).toEqual([
      'a search stopped before its last page',
    ]);
  });
});
