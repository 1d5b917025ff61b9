/**
 * The benchmarks' heavy client (issue #10, figure 6: "two years of weekly measures and 1,000
 * sessions"), which the seed's draw never makes: its admissions span one year and its journeys
 * weeks to months. The journey is given; everything else is the seed's own simulation
 * (`simulateClient`), so the FHIR has the same shape as every other client's.
 *
 * A client who relapses twice in two years: an inpatient stay elsewhere, PHP, IOP, weekly
 * therapy, a step-up to PHP, IOP, weekly therapy, a step-up to IOP, and weekly therapy to today.
 * Weekly measures run throughout (every treatment week's first attended session); sessions
 * come to about 1,000 Appointments (about 900 attended, with their Encounters), IOP five
 * days a week.
 */
import type { CalendarDay, LevelOfCare, EpisodeEndReason } from '../../src/app/domain/models';
import type { PlannedStay } from '../../server/seed/journey-plan';
import { addDays } from '../../server/seed/seed-calendar';
import type { GivenJourney } from '../../server/seed/simulate-client';

/** Level, days, how it ended; the last stay spans today and is still open. */
const STAYS: readonly (readonly [LevelOfCare, number, EpisodeEndReason])[] = [
  ['php', 28, 'stepped-down'],
  ['iop', 140, 'stepped-down'],
  ['outpatient', 84, 'stepped-up'],
  ['php', 21, 'stepped-down'],
  ['iop', 140, 'stepped-down'],
  ['outpatient', 84, 'stepped-up'],
  ['iop', 112, 'stepped-down'],
  ['outpatient', 365, 'completed'],
];

/** Two years (104 weeks) before today. */
export const HEAVY_CLIENT_DAYS = 104 * 7;

export function heavyClientJourney(today: CalendarDay, therapistId: string): GivenJourney {
  const admission = addDays(today, -HEAVY_CLIENT_DAYS);
  const stays: PlannedStay[] = [
    {
      level: 'inpatient',
      start: addDays(admission, -10),
      end: addDays(admission, -1),
      endReason: 'stepped-down',
      inProgram: false,
    },
  ];
  let day = admission;
  for (const [level, days, endReason] of STAYS) {
    const end = addDays(day, days - 1);
    // IOP stays that step down taper over their last two weeks, as the seed's do.
    const taper = level === 'iop' && endReason === 'stepped-down';
    stays.push({
      level,
      start: day,
      end,
      endReason,
      inProgram: true,
      ...(taper ? { taperFrom: addDays(day, days - 14) } : {}),
    });
    day = addDays(end, 1);
  }
  return {
    therapistId,
    entryRoute: 'inpatient',
    trajectory: 'slow-responder',
    admission,
    stays,
    iopDaysPerWeek: 5,
  };
}
