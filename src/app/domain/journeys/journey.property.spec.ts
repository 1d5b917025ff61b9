/**
 * Property-based tests of `buildJourney` over arbitrary episode sets, absurd and partial dates
 * included: nothing throws, stays come out ordered by start, transitions by day, and every
 * episode is either a stay or reported (or a plan, which is neither).
 */
import fc from 'fast-check';
import { domainEpisodes, validDay } from '../../../testing/fhir/arbitraries';
import { buildJourney, daysByLevel, stepDownOutcomes } from './journey';

/**
 * A real `YYYY-MM-DD` day. Not `parseFhirDate`: an instant at the end of its plausible years
 * (2200-12-31T23:59-12:00) falls on 2201-01-01 in the program's zone, a real day all the same.
 */
const isDay = (day: string) =>
  /^\d{4}-\d{2}-\d{2}$/.test(day) && new Date(`${day}T00:00:00Z`).toISOString().startsWith(day);

const ZONES = ['UTC', 'Pacific/Honolulu', 'Pacific/Kiritimati', 'Asia/Kolkata'];

describe('buildJourney (properties)', () => {
  it('orders stays by start and transitions by day, and accounts for every episode', () => {
    fc.assert(
      fc.property(
        domainEpisodes(12),
        fc.constantFrom(...ZONES),
        validDay,
        (episodes, zone, asOf) => {
          const journey = buildJourney(episodes, zone, asOf);
          const violations: string[] = [];
          journey.stays.forEach((stay, i) => {
            if (!isDay(stay.start)) violations.push(`start ${stay.start}`);
            if (stay.end !== undefined && stay.end < stay.start)
              violations.push('ends before start');
            if (!(stay.days >= 0)) violations.push(`${stay.episodeId}: ${stay.days} days`);
            if (i > 0 && journey.stays[i - 1].start > stay.start)
              violations.push('stays out of order');
          });
          journey.transitions.forEach((t, i) => {
            if (i > 0 && journey.transitions[i - 1].day > t.day)
              violations.push(
                `transition ${t.kind} on ${t.day} before ${journey.transitions[i - 1].day}`,
              );
            if (!(t.gapDays >= 0)) violations.push(`gap ${t.gapDays}`);
          });
          if (journey.stays.length && journey.transitions[0]?.kind !== 'admission')
            violations.push('the first transition is not the admission');
          const reported = new Set(
            journey.issues
              .filter((i) => i.kind === 'missing-start' || i.kind === 'cancelled')
              .map((i) => i.episodeId),
          );
          const plans = episodes.filter((e) => e.status === 'planned' || e.status === 'waitlist');
          if (journey.stays.length + reported.size + plans.length !== episodes.length)
            violations.push('an episode is neither a stay, a plan nor reported');
          for (const [, days] of daysByLevel(journey)) if (!(days >= 0)) violations.push('days');
          stepDownOutcomes(journey, 30, asOf);
          if (violations.length) throw new Error(violations.join('\n'));
        },
      ),
      { numRuns: 500 },
    );
  });
});
