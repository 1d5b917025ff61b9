import { wilsonInterval } from '../../../domain/stats/wilson';
import { CensusTrendView, RateTrendsView, TrendMonthView, TrendRate } from '../outcomes-view-model';

/*
 * Small hand-made views for the trend specs. Rates are [successes, n] per month, turned into
 * Wilson intervals the same way the outcomes selectors do.
 */

type Counts = Readonly<Record<TrendRate, readonly [number, number]>>;

function month(id: string, label: string, counts: Counts): TrendMonthView {
  const rate = (key: TrendRate) => wilsonInterval(counts[key][0], counts[key][1]);
  return {
    month: id,
    label,
    rates: {
      completion: rate('completion'),
      response: rate('response'),
      remission: rate('remission'),
      reliableImprovement: rate('reliableImprovement'),
    },
  };
}

const NONE: Counts = {
  completion: [0, 0],
  response: [0, 0],
  remission: [0, 0],
  reliableImprovement: [0, 0],
};

/**
 * Four admission months: January with 12 finished episodes (10 with scores), February with none
 * (a gap), March small (6, 5 with scores: hollow points), April with 20.
 */
export function rateTrends(): RateTrendsView {
  return {
    instrument: 'PHQ-9',
    months: [
      month('2026-01', 'Jan 2026', {
        completion: [8, 12],
        response: [4, 10],
        remission: [2, 10],
        reliableImprovement: [5, 10],
      }),
      month('2026-02', 'Feb 2026', NONE),
      month('2026-03', 'Mar 2026', {
        completion: [5, 6],
        response: [3, 5],
        remission: [1, 5],
        reliableImprovement: [3, 5],
      }),
      month('2026-04', 'Apr 2026', {
        completion: [16, 20],
        response: [11, 20],
        remission: [6, 20],
        reliableImprovement: [12, 20],
      }),
    ],
  };
}

export { NONE as NO_EPISODES, month as trendMonth };

/** Three census days twelve weeks apart end to end; aftercare only appears on the last. */
export function census(): CensusTrendView {
  return {
    levels: [
      { level: 'php', label: 'PHP' },
      { level: 'iop', label: 'IOP' },
      { level: 'outpatient', label: 'Outpatient' },
      { level: 'aftercare', label: 'Aftercare' },
    ],
    points: [
      {
        day: '2025-12-08',
        label: '8 Dec 2025',
        byLevel: { php: 5, iop: 20, outpatient: 10 },
        total: 35,
      },
      {
        day: '2026-02-02',
        label: '2 Feb 2026',
        byLevel: { php: 4, iop: 22, outpatient: 12 },
        total: 38,
      },
      {
        day: '2026-03-02',
        label: '2 Mar 2026',
        byLevel: { php: 6, iop: 22, outpatient: 11, aftercare: 2 },
        total: 41,
      },
    ],
  };
}
