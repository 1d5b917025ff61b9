/**
 * Test data for the client progress specs (not used by production code). A client in Chicago,
 * seen on 28 Nov 2026: PHP → step-down to IOP → step-up to PHP → step-down to IOP (current,
 * with a planned step-down to weekly outpatient), weekly PHQ-9 with item 9 positive once,
 * GAD-7 and DERS-16 at the current episode's start and end, DBT skills and CBT sessions.
 */
import { CalendarDay } from '../../domain/models';
import {
  MappedCarePlan,
  MappedEpisode,
  MappedFlag,
  MappedScore,
  MappedSession,
  PatientSummary,
} from '../../fhir-mapping';
import { ClientRecords } from '../caseload/caseload-row';

export const PROGRESS_TODAY: CalendarDay = '2026-11-28';
export const PROGRESS_TZ = 'America/Chicago';

function episode(
  id: string,
  level: MappedEpisode['level'],
  start: string,
  end?: string,
  endReason?: MappedEpisode['endReason'],
): MappedEpisode {
  return {
    id,
    patientId: 'p1',
    level,
    status: end ? 'finished' : 'active',
    start,
    ...(end ? { end } : {}),
    ...(endReason ? { endReason } : {}),
    careManagerId: 't1',
    programId: 'adult-iop',
    presentingProblems: ['depression', 'substance-use'],
  };
}

function score(
  instrumentId: string,
  day: string,
  total: number,
  items?: Record<string, number>,
): MappedScore {
  return {
    id: `${instrumentId}-${day}`,
    patientId: 'p1',
    instrumentId,
    date: `${day}T09:00:00-06:00`,
    total,
    ...(items ? { items } : {}),
    sourceType: 'Observation',
  };
}

/** PHQ-9 items that add up to the total, item 9 as given. */
function phqItems(total: number, item9 = 0): Record<string, number> {
  const items: Record<string, number> = { '9': item9 };
  let left = total - item9;
  for (let i = 1; i <= 8; i++) {
    const v = Math.min(3, left);
    items[String(i)] = v;
    left -= v;
  }
  return items;
}

const PHQ: readonly [string, number, number?][] = [
  ['2026-09-01', 22],
  ['2026-09-08', 20],
  ['2026-09-15', 18],
  ['2026-09-22', 17],
  ['2026-09-29', 19],
  ['2026-10-06', 21, 2],
  ['2026-10-13', 20],
  ['2026-10-20', 17],
  ['2026-10-27', 15],
  ['2026-11-03', 13],
  ['2026-11-10', 11],
  ['2026-11-17', 9],
  ['2026-11-24', 8],
];

function session(
  id: string,
  day: string,
  modality: MappedSession['modality'],
  status: MappedSession['status'],
  minutes: number,
): MappedSession {
  return {
    id,
    patientId: 'p1',
    modality,
    status,
    start: `${day}T10:00:00-06:00`,
    minutes,
    sourceType: 'Encounter',
  };
}

export const PROGRESS_PATIENT: PatientSummary = {
  id: 'p1',
  name: 'Robin Testfield',
  birthDate: '1990-03-15',
  active: true,
};

export function progressRecords(): ClientRecords {
  const current = {
    ...episode('e4', 'iop', '2026-10-27'),
    plannedTransition: {
      targetLevel: 'outpatient' as const,
      plannedDate: '2026-12-10',
      reason: 'met step-down criteria',
    },
  };
  const flags: MappedFlag[] = [
    { id: 'f1', patientId: 'p1', active: false, start: '2026-10-06', end: '2026-10-20' },
  ];
  const carePlans: MappedCarePlan[] = [
    {
      id: 'cp1',
      patientId: 'p1',
      kind: 'treatment-plan',
      status: 'active',
      created: '2026-09-01',
      nextReview: '2026-12-15',
    },
  ];
  return {
    episodes: [
      episode('e1', 'php', '2026-09-01', '2026-09-14', 'stepped-down'),
      episode('e2', 'iop', '2026-09-15', '2026-10-12', 'stepped-up'),
      episode('e3', 'php', '2026-10-13', '2026-10-26', 'stepped-down'),
      current,
    ],
    scores: [
      ...PHQ.map(([day, total, item9]) => score('phq-9', day, total, phqItems(total, item9))),
      score('gad-7', '2026-10-27', 12),
      score('gad-7', '2026-11-24', 7),
      score('ders-16', '2026-10-27', 60),
      score('ders-16', '2026-11-24', 48),
      score('phq-9', '2026-11-20', 35), // out of range: set aside, never charted
    ],
    safetyItems: [],
    sessions: [
      session('s1', '2026-10-28', 'cbt', 'attended', 120),
      session('s2', '2026-11-02', 'dbt-skills', 'attended', 90),
      session('s3', '2026-11-09', 'dbt-skills', 'missed', 90),
      session('s4', '2026-11-16', 'dbt-skills', 'attended', 90),
      session('s5', '2026-12-01', 'cbt', 'scheduled', 120),
    ],
    flags,
    carePlans,
    conditions: [],
  };
}
