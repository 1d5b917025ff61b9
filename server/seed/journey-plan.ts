import {
  CalendarDay,
  EntryRoute,
  Episode,
  EpisodeEndReason,
  LevelOfCare,
} from '../../src/app/domain/models';
import { Random } from './random';
import { addDays } from './seed-calendar';

export type Trajectory = 'responder' | 'slow-responder' | 'non-responder' | 'deteriorator';

/** One planned stay before it is cut at "today". */
export interface PlannedStay {
  readonly level: LevelOfCare;
  readonly start: CalendarDay;
  /** Last day in the level (inclusive). */
  readonly end: CalendarDay;
  readonly endReason: EpisodeEndReason;
  /** Delivered in this program (sessions and scores are generated) or elsewhere (history only). */
  readonly inProgram: boolean;
  /** First day of the planned taper at the end of an IOP stay that steps down. */
  readonly taperFrom?: CalendarDay;
}

/** Realism targets (issue 4): entry routes 30/15/20/35 %. */
export const ENTRY_ROUTE_WEIGHTS: readonly (readonly [EntryRoute, number])[] = [
  ['inpatient', 0.3],
  ['residential', 0.15],
  ['php', 0.2],
  ['direct', 0.35],
];

export const TRAJECTORY_WEIGHTS: readonly (readonly [Trajectory, number])[] = [
  ['responder', 0.47],
  ['slow-responder', 0.25],
  ['non-responder', 0.21],
  ['deteriorator', 0.07],
];

/**
 * How long the stays after IOP last, in the ranges each is drawn from. The defaults are the demo
 * program's (about three months of weekly therapy, then three to six of fortnightly aftercare);
 * the benchmarks' program-scale data sets lengthen them, as providers whose clients stay in
 * weekly therapy and aftercare for a year or more do, to reach ~2,000 clients in care.
 */
export interface StayLengths {
  readonly outpatientWeeks: readonly [number, number];
  readonly aftercareDays: readonly [number, number];
}

export const DEFAULT_STAY_LENGTHS: StayLengths = {
  outpatientWeeks: [8, 16],
  aftercareDays: [90, 180],
};

/**
 * Plans a client's whole journey from their program admission day: an optional stay elsewhere
 * before (inpatient or residential), PHP, IOP, then outpatient and aftercare, with early
 * leaving, step-ups and a return to IOP. Outcome odds depend on the trajectory so step-ups
 * cluster among clients who are not improving, as in practice.
 */
export function planJourney(
  random: Random,
  admission: CalendarDay,
  route: EntryRoute,
  trajectory: Trajectory,
  lengths: StayLengths = DEFAULT_STAY_LENGTHS,
): PlannedStay[] {
  const stays: PlannedStay[] = [];
  if (route === 'inpatient' || route === 'residential') {
    const length = route === 'inpatient' ? random.int(5, 14) : random.int(14, 40);
    stays.push({
      level: route,
      start: addDays(admission, -length),
      end: addDays(admission, -1),
      endReason: 'stepped-down',
      inProgram: false,
    });
  }
  let day = admission;
  const startsInPhp =
    route === 'php' || (route !== 'direct' ? random.chance(0.35) : random.chance(0.15));
  if (startsInPhp) {
    const length = random.int(14, 28);
    if (random.chance(0.05)) {
      stays.push(stay('php', day, random.int(4, length - 1), 'left-early'));
      return stays;
    }
    stays.push(stay('php', day, length, 'stepped-down'));
    day = addDays(day, length);
  }

  const stepUpOdds = {
    responder: 0.03,
    'slow-responder': 0.08,
    'non-responder': 0.2,
    deteriorator: 0.45,
  }[trajectory];
  const leaveOdds = {
    responder: 0.11,
    'slow-responder': 0.17,
    'non-responder': 0.27,
    deteriorator: 0.22,
  }[trajectory];
  const roll = random.next();
  const iopLength = random.int(56, 84);

  if (roll < leaveOdds) {
    stays.push(stay('iop', day, random.int(10, 49), 'left-early'));
    return stays;
  }
  if (roll < leaveOdds + 0.02) {
    stays.push(stay('iop', day, random.int(14, 42), 'transferred'));
    return stays;
  }
  if (roll < leaveOdds + 0.02 + stepUpOdds) {
    const beforeStepUp = random.int(18, 49);
    stays.push(stay('iop', day, beforeStepUp, 'stepped-up'));
    day = addDays(day, beforeStepUp);
    const higher: LevelOfCare = random.chance(0.3) ? 'inpatient' : 'php';
    const higherLength = higher === 'inpatient' ? random.int(5, 12) : random.int(14, 21);
    stays.push({ ...stay(higher, day, higherLength, 'stepped-down'), inProgram: higher === 'php' });
    day = addDays(day, higherLength);
    return [...stays, ...completeIop(random, day, random.int(28, 56), lengths)];
  }
  return [...stays, ...completeIop(random, day, iopLength, lengths)];
}

function completeIop(
  random: Random,
  start: CalendarDay,
  length: number,
  lengths: StayLengths,
): PlannedStay[] {
  const taperWeeks = random.int(2, 3);
  const iop: PlannedStay = {
    ...stay('iop', start, length, 'stepped-down'),
    taperFrom: addDays(start, length - taperWeeks * 7),
  };
  const outpatientStart = addDays(start, length);
  const outpatientLength = random.int(...lengths.outpatientWeeks) * 7;
  const aftercareStart = addDays(outpatientStart, outpatientLength);
  return [
    iop,
    stay('outpatient', outpatientStart, outpatientLength, 'stepped-down'),
    stay('aftercare', aftercareStart, random.int(...lengths.aftercareDays), 'completed'),
  ];
}

function stay(
  level: LevelOfCare,
  start: CalendarDay,
  days: number,
  endReason: EpisodeEndReason,
): PlannedStay {
  return { level, start, end: addDays(start, days - 1), endReason, inProgram: true };
}

/**
 * Cuts a planned journey at today: stays that have not started are dropped and the stay that
 * spans today becomes the active episode, with no end or end reason yet.
 */
export function episodesAsOf(
  planned: readonly PlannedStay[],
  today: CalendarDay,
  base: Pick<
    Episode,
    'patientId' | 'careManagerId' | 'programId' | 'entryRoute' | 'presentingProblems'
  >,
  idPrefix: string,
): Episode[] {
  const firstInProgram = planned.findIndex((p) => p.inProgram);
  return planned
    .filter((p) => p.start <= today)
    .map((p, index): Episode => {
      const active = p.end >= today;
      return {
        ...base,
        id: `${idPrefix}-${index + 1}`,
        level: p.level,
        status: active ? 'active' : 'finished',
        start: p.start,
        ...(active ? {} : { end: p.end, endReason: p.endReason }),
        entryRoute: index === firstInProgram ? base.entryRoute : undefined,
        programId: p.inProgram ? base.programId : undefined,
        careManagerId: p.inProgram ? base.careManagerId : undefined,
      };
    });
}
