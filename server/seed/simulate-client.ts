import {
  CalendarDay,
  CarePlanRecord,
  EntryRoute,
  Episode,
  LevelOfCare,
  Modality,
  SafetyFlagRecord,
  ScoreRecord,
  SessionRecord,
} from '../../src/app/domain/models';
import {
  ENTRY_ROUTE_WEIGHTS,
  PlannedStay,
  StayLengths,
  TRAJECTORY_WEIGHTS,
  Trajectory,
  episodesAsOf,
  planJourney,
} from './journey-plan';
import { Random } from './random';
import {
  FAMILY_NAMES,
  GIVEN_NAMES,
  PROGRAMS,
  PROGRAM_WEIGHTS,
  ProblemGroup,
  STAFF,
} from './roster';
import { addDays, daysFrom, instantAt, weekday } from './seed-calendar';
import { SCALES } from './seed-instruments';
import { ScaleModel, drawBaseline, scoreAt, splitIntoItems } from './score-model';

export interface SimulationSettings {
  readonly seed: number;
  readonly today: CalendarDay;
  readonly timeZone: string;
  /** Admissions are spread over this many days before today. */
  readonly historyDays: number;
  /** Lengths of the stays after IOP; the demo program's (`DEFAULT_STAY_LENGTHS`) when absent. */
  readonly stayLengths?: StayLengths;
}

export interface SimulatedPatient {
  readonly id: string;
  readonly given: string;
  readonly family: string;
  readonly birthDate: CalendarDay;
  readonly gender: 'female' | 'male' | 'other' | 'unknown';
}

export interface SimulatedClient {
  readonly patient: SimulatedPatient;
  readonly programId: string;
  readonly therapistId: string;
  readonly careTeam: readonly string[];
  readonly problems: readonly ProblemGroup[];
  readonly entryRoute: EntryRoute;
  readonly trajectory: Trajectory;
  readonly admission: CalendarDay;
  readonly episodes: readonly Episode[];
  readonly sessions: readonly SessionRecord[];
  readonly scores: readonly ScoreRecord[];
  readonly flags: readonly SafetyFlagRecord[];
  readonly carePlans: readonly CarePlanRecord[];
}

const PSYCHIATRISTS = STAFF.filter((s) => s.role === 'psychiatrist').map((s) => s.id);

/** Session length in minutes by kind. */
const GROUP_MINUTES = 60;
const INDIVIDUAL_MINUTES = 50;
const MED_CHECK_MINUTES = 30;

/**
 * A journey given rather than drawn, for a client the benchmarks need and the draw does not
 * make (two years in care through several levels); everything else about the client (problems,
 * modalities, attendance, sessions, scores, flags, plans) is simulated as for anyone.
 */
export interface GivenJourney {
  readonly therapistId: string;
  readonly entryRoute: EntryRoute;
  readonly trajectory: Trajectory;
  readonly admission: CalendarDay;
  readonly stays: readonly PlannedStay[];
  /** Days a week in IOP (before any taper): 3, 4 or 5. */
  readonly iopDaysPerWeek: 3 | 4 | 5;
}

/** Generates one client, deterministically from (seed, index), on `given`'s journey if any. */
export function simulateClient(
  settings: SimulationSettings,
  index: number,
  given?: GivenJourney,
): SimulatedClient {
  const random = new Random(settings.seed, index);
  const id = `p${String(index + 1).padStart(5, '0')}`;
  const programId = given
    ? PROGRAMS.find((p) => p.therapistIds.includes(given.therapistId))!.id
    : random.weighted(PROGRAM_WEIGHTS);
  const program = PROGRAMS.find((p) => p.id === programId)!;
  const problems = drawProblems(random, program.problemOdds);
  const trajectory = given?.trajectory ?? random.weighted(TRAJECTORY_WEIGHTS);
  const entryRoute = given?.entryRoute ?? random.weighted(ENTRY_ROUTE_WEIGHTS);
  const admission =
    given?.admission ?? addDays(settings.today, -random.int(0, settings.historyDays - 1));
  const therapistId = given?.therapistId ?? random.pick(program.therapistIds);
  const onMedication = problems.includes('bipolar') || random.chance(0.6);
  const psychiatristId = onMedication ? random.pick(PSYCHIATRISTS) : undefined;
  const cofacilitator = random.chance(0.5)
    ? random.pick(program.therapistIds.filter((t) => t !== therapistId))
    : undefined;
  const careTeam = [therapistId, psychiatristId, cofacilitator].filter((x): x is string => !!x);

  const age = random.int(program.ageRange[0], program.ageRange[1]);
  const patient: SimulatedPatient = {
    id,
    given: random.pick(GIVEN_NAMES),
    family: random.pick(FAMILY_NAMES),
    birthDate: addDays(settings.today, -(age * 365 + random.int(0, 364))),
    gender: random.weighted([
      ['female', 0.52],
      ['male', 0.44],
      ['other', 0.03],
      ['unknown', 0.01],
    ] as const),
  };

  const planned =
    given?.stays ?? planJourney(random, admission, entryRoute, trajectory, settings.stayLengths);
  const episodes = episodesAsOf(
    planned,
    settings.today,
    {
      patientId: id,
      careManagerId: therapistId,
      programId: program.id,
      entryRoute,
      presentingProblems: problems,
    },
    `eoc-${id}`,
  );
  const modalities = modalityMix(random, problems, onMedication);
  const noShowRate =
    random.uniform(0.05, 0.12) +
    (trajectory === 'non-responder' || trajectory === 'deteriorator' ? 0.05 : 0);
  const sessions = simulateSessions(
    random,
    settings,
    id,
    planned,
    episodes,
    modalities,
    noShowRate,
    given?.iopDaysPerWeek,
  );
  const scores = simulateScores(
    random,
    settings,
    id,
    planned,
    problems,
    modalities,
    trajectory,
    sessions,
  );
  const flags = safetyFlags(random, settings, id, scores);
  const carePlans = simulateCarePlans(random, settings, id, planned, admission);

  return {
    patient,
    programId: program.id,
    therapistId,
    careTeam,
    problems,
    entryRoute,
    trajectory,
    admission,
    episodes,
    sessions,
    scores,
    flags,
    carePlans,
  };
}

function drawProblems(
  random: Random,
  odds: Readonly<Record<ProblemGroup, number>>,
): ProblemGroup[] {
  const drawn = (Object.keys(odds) as ProblemGroup[]).filter((p) => random.chance(odds[p]));
  return drawn.length > 0 ? drawn : [random.pick(['depression', 'anxiety'] as const)];
}

/** Group modalities by presenting problem (issue 4: modality mix by presenting problem). */
function modalityMix(
  random: Random,
  problems: readonly ProblemGroup[],
  onMedication: boolean,
): Modality[] {
  const groups = new Set<Modality>(['psychoeducation']);
  if (problems.includes('depression') || problems.includes('anxiety')) groups.add('cbt');
  if (problems.includes('ptsd')) groups.add('trauma-focused');
  if (problems.includes('bipolar') || random.chance(0.3)) groups.add('dbt-skills');
  if (problems.includes('substance-use')) groups.add('mi-relapse-prevention');
  if (random.chance(0.15)) groups.add('family');
  const mix = [...groups];
  if (onMedication) mix.push('medication-management');
  return mix;
}

function groupModalities(mix: readonly Modality[]): Modality[] {
  return mix.filter(
    (m) => m !== 'medication-management' && m !== 'individual-therapy' && m !== 'family',
  );
}

interface DaySlot {
  readonly modality: Modality;
  readonly hour: number;
  readonly minute: number;
  readonly minutes: number;
}

/** The timetable of one program day at a level, given the client's modality mix. */
function daySlots(
  level: LevelOfCare,
  mix: readonly Modality[],
  dayIndex: number,
  weekIndex: number,
): DaySlot[] {
  const groups = groupModalities(mix);
  const rotate = (offset: number) => groups[(dayIndex + offset) % groups.length];
  const firstDayOfWeek = dayIndex % 7 === 0;
  switch (level) {
    case 'php':
      return [0, 1, 2, 3, 4].map((i) => ({
        modality: i === 4 && firstDayOfWeek ? 'individual-therapy' : rotate(i),
        hour: 9 + i,
        minute: 0,
        minutes: GROUP_MINUTES,
      }));
    case 'iop': {
      const slots: DaySlot[] = [0, 1, 2].map((i) => ({
        modality: rotate(i),
        hour: 17 + i,
        minute: 0,
        minutes: GROUP_MINUTES,
      }));
      if (firstDayOfWeek)
        slots[2] = {
          modality: 'individual-therapy',
          hour: 19,
          minute: 0,
          minutes: INDIVIDUAL_MINUTES,
        };
      if (firstDayOfWeek && weekIndex % 2 === 0 && mix.includes('medication-management')) {
        slots.push({
          modality: 'medication-management',
          hour: 16,
          minute: 15,
          minutes: MED_CHECK_MINUTES,
        });
      }
      if (firstDayOfWeek && weekIndex % 2 === 1 && mix.includes('family')) {
        slots.push({ modality: 'family', hour: 16, minute: 0, minutes: GROUP_MINUTES });
      }
      return slots;
    }
    case 'outpatient':
      return [{ modality: 'individual-therapy', hour: 10, minute: 0, minutes: INDIVIDUAL_MINUTES }];
    case 'aftercare':
      return [
        {
          modality: groups.includes('mi-relapse-prevention')
            ? 'mi-relapse-prevention'
            : 'psychoeducation',
          hour: 18,
          minute: 0,
          minutes: 90,
        },
      ];
    default:
      return [];
  }
}

/** Program days in a week at a level: PHP Mon–Fri, IOP 3–5 days tapering, outpatient weekly, aftercare fortnightly. */
function attendsOn(
  level: LevelOfCare,
  day: CalendarDay,
  stayStart: CalendarDay,
  iopDays: readonly number[],
  tapering: boolean,
): boolean {
  const dow = weekday(day);
  switch (level) {
    case 'php':
      return dow <= 5;
    case 'iop':
      return tapering ? iopDays.slice(0, 2).includes(dow) : iopDays.includes(dow);
    case 'outpatient':
      return dow === 2;
    case 'aftercare':
      return dow === 4 && Math.floor(daysFrom(stayStart, day) / 7) % 2 === 0;
    default:
      return false;
  }
}

function simulateSessions(
  random: Random,
  settings: SimulationSettings,
  patientId: string,
  planned: readonly PlannedStay[],
  episodes: readonly Episode[],
  mix: readonly Modality[],
  noShowRate: number,
  givenDaysPerWeek?: number,
): SessionRecord[] {
  const sessions: SessionRecord[] = [];
  const daysPerWeek =
    givenDaysPerWeek ??
    random.weighted([
      [3, 0.35],
      [4, 0.4],
      [5, 0.25],
    ] as const);
  const iopDays = [1, 2, 3, 4, 5].slice(0, daysPerWeek);
  const horizon = addDays(settings.today, 14);
  planned.forEach((stay, stayIndex) => {
    const episode = episodes[stayIndex];
    if (!stay.inProgram || !episode) return;
    // Clients who leave early stop coming first: their last week or two are missed.
    const fadeFrom =
      stay.endReason === 'left-early' ? addDays(stay.end, -random.int(7, 14)) : undefined;
    const lastDay =
      episode.status === 'active' ? (stay.end < horizon ? stay.end : horizon) : stay.end;
    for (let day = stay.start, d = 0; day <= lastDay; day = addDays(day, 1), d++) {
      const tapering = !!stay.taperFrom && day >= stay.taperFrom;
      if (!attendsOn(stay.level, day, stay.start, iopDays, tapering)) continue;
      const future = day > settings.today;
      const dayMissed =
        !future &&
        (random.chance(noShowRate) || (!!fadeFrom && day >= fadeFrom && random.chance(0.85)));
      const clinicCancelled = !future && !dayMissed && random.chance(0.02);
      for (const slot of daySlots(stay.level, mix, d, Math.floor(d / 7))) {
        const status = future
          ? 'scheduled'
          : clinicCancelled
            ? 'cancelled'
            : dayMissed
              ? 'missed'
              : 'attended';
        const minutes =
          status === 'attended'
            ? slot.minutes - (random.chance(0.1) ? random.int(5, 15) : 0)
            : slot.minutes;
        sessions.push({
          id: `${patientId}-s${sessions.length + 1}`,
          patientId,
          episodeId: episode.id,
          modality: slot.modality,
          status,
          start: instantAt(day, slot.hour, slot.minute, settings.timeZone),
          minutes,
        });
      }
    }
  });
  return sessions;
}

interface ScaleSchedule {
  readonly scale: { readonly id: string; readonly model: ScaleModel };
  readonly everyWeeks: number;
  readonly items?: { readonly count: number; readonly max: number };
}

function scalesFor(problems: readonly ProblemGroup[], mix: readonly Modality[]): ScaleSchedule[] {
  const schedule: ScaleSchedule[] = [
    { scale: SCALES.phq9, everyWeeks: 1, items: { count: 9, max: 3 } },
    { scale: SCALES.gad7, everyWeeks: 1, items: { count: 7, max: 3 } },
  ];
  if (problems.includes('ptsd')) schedule.push({ scale: SCALES.pcl5, everyWeeks: 2 });
  if (mix.includes('dbt-skills')) schedule.push({ scale: SCALES.ders16, everyWeeks: 2 });
  if (problems.includes('substance-use')) {
    schedule.push(
      { scale: SCALES.bamUse, everyWeeks: 1 },
      { scale: SCALES.bamRisk, everyWeeks: 1 },
      { scale: SCALES.bamProtective, everyWeeks: 1 },
    );
  }
  return schedule;
}

/**
 * Measures are taken at the first attended session of each treatment week (monthly in
 * aftercare); about 8 % of due administrations are simply not done, as in practice.
 */
function simulateScores(
  random: Random,
  settings: SimulationSettings,
  patientId: string,
  planned: readonly PlannedStay[],
  problems: readonly ProblemGroup[],
  mix: readonly Modality[],
  trajectory: Trajectory,
  sessions: readonly SessionRecord[],
): ScoreRecord[] {
  const schedule = scalesFor(problems, mix);
  const baselines = new Map(schedule.map((s) => [s.scale.id, drawBaseline(random, s.scale.model)]));
  const programStart = planned.find((p) => p.inProgram)?.start;
  if (!programStart) return [];
  const scores: ScoreRecord[] = [];
  const seenWeeks = new Set<number>();
  for (const session of sessions) {
    if (session.status !== 'attended') continue;
    const day = session.start.slice(0, 10);
    const week = Math.floor(daysFrom(programStart, day) / 7);
    if (seenWeeks.has(week)) continue;
    seenWeeks.add(week);
    const stay = planned.find((p) => p.inProgram && p.start <= day && day <= p.end);
    if (stay?.level === 'aftercare' && week % 4 !== 0) continue;
    const baselineWeek = week === 0;
    for (const { scale, everyWeeks, items } of schedule) {
      if (week % everyWeeks !== 0) continue;
      if (!baselineWeek && random.chance(0.08)) continue;
      const baseline = baselines.get(scale.id)!;
      const total = baselineWeek
        ? baseline
        : scoreAt(random, scale.model, baseline, trajectory, week);
      scores.push({
        id: `${patientId}-${scale.id}-w${week}`,
        patientId,
        instrumentId: scale.id,
        date: session.start,
        total,
        ...(items ? { items: itemScores(random, scale.id, total, items.count, items.max) } : {}),
      });
    }
  }
  return scores;
}

/**
 * Item scores that add up to the total. PHQ-9 item 9 (thoughts of self-harm) is positive in a
 * few percent of administrations, far more often at high severity.
 */
function itemScores(
  random: Random,
  instrumentId: string,
  total: number,
  count: number,
  max: number,
): Record<string, number> {
  let item9 = 0;
  if (instrumentId === SCALES.phq9.id) {
    const odds = total >= 20 ? 0.22 : total >= 15 ? 0.07 : total >= 10 ? 0.02 : 0.004;
    if (random.chance(odds))
      item9 = Math.min(
        total,
        random.weighted([
          [1, 0.7],
          [2, 0.22],
          [3, 0.08],
        ] as const),
      );
  }
  if (instrumentId !== SCALES.phq9.id) {
    return Object.fromEntries(
      splitIntoItems(random, total, count, max).map((v, i) => [String(i + 1), v]),
    );
  }
  // Totals above 24 cannot be reached without item 9.
  item9 = Math.max(item9, total - (count - 1) * max);
  const values = [...splitIntoItems(random, total - item9, count - 1, max), item9];
  return Object.fromEntries(values.map((v, i) => [String(i + 1), v]));
}

/** A safety Flag follows every positive item 9, active for two to four weeks. */
function safetyFlags(
  random: Random,
  settings: SimulationSettings,
  patientId: string,
  scores: readonly ScoreRecord[],
): SafetyFlagRecord[] {
  const flags: SafetyFlagRecord[] = [];
  let activeUntil = '';
  for (const score of scores) {
    if (score.instrumentId !== SCALES.phq9.id || (score.items?.['9'] ?? 0) === 0) continue;
    const day = score.date.slice(0, 10);
    if (day <= activeUntil) continue;
    const end = addDays(day, random.int(14, 28));
    activeUntil = end;
    const active = end > settings.today;
    flags.push({
      id: `${patientId}-flag-${flags.length + 1}`,
      patientId,
      active,
      start: day,
      ...(active ? {} : { end }),
      text: `Self-harm thoughts reported on PHQ-9 item 9 (score ${score.items?.['9']}); safety plan reviewed.`,
    });
  }
  return flags;
}

function simulateCarePlans(
  random: Random,
  settings: SimulationSettings,
  patientId: string,
  planned: readonly PlannedStay[],
  admission: CalendarDay,
): CarePlanRecord[] {
  const plans: CarePlanRecord[] = [];
  const inCare = planned.some(
    (p) => p.inProgram && p.start <= settings.today && settings.today <= p.end,
  );
  // Treatment plans are reviewed every 30 days; about one in seven reviews runs late.
  let nextReview = addDays(admission, 30);
  while (nextReview < settings.today && !random.chance(0.15)) nextReview = addDays(nextReview, 30);
  plans.push({
    id: `${patientId}-cp-treatment`,
    patientId,
    kind: 'treatment-plan',
    status: inCare ? 'active' : 'completed',
    created: admission,
    nextReview,
  });
  const iop = planned.filter((p) => p.level === 'iop' && p.inProgram).at(-1);
  if (iop) {
    const created = addDays(iop.start, random.int(21, 42));
    if (created <= settings.today && created <= iop.end && random.chance(0.8)) {
      plans.push({
        id: `${patientId}-cp-relapse`,
        patientId,
        kind: 'relapse-prevention',
        status: inCare ? 'active' : 'completed',
        created,
      });
    }
    const aftercareDay = addDays(iop.end, -random.int(3, 14));
    if (iop.endReason === 'stepped-down' && aftercareDay <= settings.today && random.chance(0.9)) {
      plans.push({
        id: `${patientId}-cp-aftercare`,
        patientId,
        kind: 'aftercare',
        status: inCare ? 'active' : 'completed',
        created: aftercareDay,
      });
    }
  }
  return plans;
}
