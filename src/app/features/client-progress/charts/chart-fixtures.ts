import { addDays, format, parseISO } from 'date-fns';
import {
  DayRange,
  DoseView,
  MeasurePoint,
  MeasureView,
  ModalityView,
  PhaseView,
  ProgressEvent,
  TransitionMarker,
} from '../progress-view-model';

/*
 * Hand-built view models for the chart specs: a client who spent two weeks in PHP, stepped
 * down to IOP and fell on the PHQ-9 from 18 to 9 (fixed reliable-change threshold 6).
 */

const PHQ9_BANDS: MeasureView['bands'] = [
  { min: 0, max: 4, label: 'Minimal', level: 0 },
  { min: 5, max: 9, label: 'Mild', level: 1 },
  { min: 10, max: 14, label: 'Moderate', level: 2 },
  { min: 15, max: 19, label: 'Moderately severe', level: 3 },
  { min: 20, max: 27, label: 'Severe', level: 4 },
];

function point(
  id: string,
  day: string,
  total: number,
  extra: Partial<MeasurePoint> = {},
): MeasurePoint {
  const band = PHQ9_BANDS.find((b) => total >= b.min && total <= b.max)!;
  return { id, day, total, severity: band.label, severityLevel: band.level, ...extra };
}

/** Mondays from the IOP baseline onwards. */
const WEEKLY = [
  '2026-09-07',
  '2026-09-14',
  '2026-09-21',
  '2026-09-28',
  '2026-10-05',
  '2026-10-12',
  '2026-10-19',
  '2026-10-26',
];

export function phq9(overrides: Partial<MeasureView> = {}): MeasureView {
  return {
    instrumentId: 'phq9',
    name: 'Patient Health Questionnaire-9',
    shortName: 'PHQ-9',
    primary: true,
    direction: 'higher-is-worse',
    range: { min: 0, max: 27 },
    bands: PHQ9_BANDS,
    caseness: 10,
    baseline: { day: '2026-09-07', total: 18 },
    reliableChangeLines: { improved: 12, deteriorated: 24 },
    reliableChangeThreshold: 6,
    points: [
      // In PHP, before the current (IOP) episode's baseline: no change from baseline.
      point('obs-0', '2026-08-25', 21),
      point('obs-1', '2026-09-07', 18, { changeFromBaseline: 0 }),
      point('obs-2', '2026-09-14', 16, {
        changeFromBaseline: -2,
        reliableChange: 'no-reliable-change',
      }),
      point('obs-3', '2026-09-21', 15, {
        changeFromBaseline: -3,
        reliableChange: 'no-reliable-change',
      }),
      point('obs-4', '2026-09-28', 13, {
        changeFromBaseline: -5,
        reliableChange: 'no-reliable-change',
      }),
      point('obs-5', '2026-10-05', 12, {
        changeFromBaseline: -6,
        reliableChange: 'reliable-improvement',
      }),
      point('obs-6', '2026-10-12', 11, {
        changeFromBaseline: -7,
        reliableChange: 'reliable-improvement',
      }),
      point('obs-7', '2026-10-19', 10, {
        changeFromBaseline: -8,
        reliableChange: 'reliable-improvement',
      }),
      point('obs-8', '2026-10-26', 9, {
        changeFromBaseline: -9,
        reliableChange: 'reliable-improvement',
      }),
    ],
    expected: WEEKLY.map((day, week) => {
      const expected = [18, 16.5, 15, 14, 13, 12, 11.5, 11][week];
      return { week, day, expected, amberEdge: expected + 3, redEdge: expected + 6 };
    }),
    expectedSource: 'program',
    change: 'reliable-improvement',
    summary: 'PHQ-9 fell from 18 to 9 over 7 weeks; reliable improvement; now mild',
    modalities: [],
    setAside: 0,
    ...overrides,
  };
}

export const PHASES: readonly PhaseView[] = [
  {
    episodeId: 'ep-php',
    level: 'php',
    label: 'PHP',
    from: '2026-08-24',
    to: '2026-09-06',
    days: 14,
    ongoing: false,
  },
  {
    episodeId: 'ep-iop',
    level: 'iop',
    label: 'IOP',
    from: '2026-09-07',
    to: '2026-11-02',
    days: 57,
    ongoing: true,
  },
];

export const TRANSITIONS: readonly TransitionMarker[] = [
  { day: '2026-09-07', kind: 'step-down', label: 'Step-down to IOP' },
  { day: '2026-10-30', kind: 'planned', label: 'Planned step-down to OP' },
];

export const EVENTS: readonly ProgressEvent[] = [
  { day: '2026-08-25', kind: 'safety', label: 'PHQ-9 item 9 scored 2' },
  { day: '2026-09-08', kind: 'care-plan', label: 'Treatment plan created' },
  { day: '2026-09-16', kind: 'missed-session', label: 'Missed DBT skills group' },
  { day: '2026-10-07', kind: 'missed-session', label: 'Missed individual therapy' },
];

export const JOURNEY: DayRange = { from: '2026-08-24', to: '2026-11-02' };
export const CURRENT_LEVEL: DayRange = { from: '2026-09-07', to: '2026-11-02' };

function modality(
  m: ModalityView['modality'],
  label: string,
  weeks: readonly [attended: number, missed: number, hours: number][],
): ModalityView {
  const attended = weeks.reduce((s, [a]) => s + a, 0);
  const scheduled = weeks.reduce((s, [a, missed]) => s + a + missed, 0);
  return {
    modality: m,
    label,
    attended,
    scheduled,
    rate: scheduled ? attended / scheduled : undefined,
    hours: weeks.reduce((s, [, , h]) => s + h, 0),
    weeks: weeks.map(([a, missed, hours], i) => ({
      week: i + 1,
      from: DOSE_WEEK_STARTS[i],
      attended: a,
      missed,
      hours,
    })),
  };
}

const DOSE_WEEK_STARTS = [
  '2026-09-07',
  '2026-09-14',
  '2026-09-21',
  '2026-09-28',
  '2026-10-05',
  '2026-10-12',
];

/** Six IOP weeks: 7.5 hours a week on average against the IOP minimum of 9. */
export function dose(): DoseView {
  const modalities = [
    modality('individual-therapy', 'Individual psychotherapy', [
      [1, 0, 1],
      [1, 0, 1],
      [1, 0, 1],
      [0, 1, 0],
      [1, 0, 1],
      [1, 0, 1],
    ]),
    dbtSkills(),
    modality('psychoeducation', 'Psychoeducation group', [
      [2, 0, 3],
      [1, 1, 1.5],
      [2, 0, 3],
      [2, 0, 3],
      [1, 1, 1.5],
      [2, 0, 3],
    ]),
  ];
  // The sum of the modalities' hours each week.
  const hours = [9, 7.5, 9, 5.5, 7.5, 6.5];
  return {
    weeks: DOSE_WEEK_STARTS.map((from, i) => ({
      week: i + 1,
      from,
      to: format(addDays(parseISO(from), 6), 'yyyy-MM-dd'),
      hours: hours[i],
      minimum: 9,
      level: 'iop' as const,
    })),
    modalities,
  };
}

/** DBT skills group over six weeks: 10 of 12 sessions attended. */
export function dbtSkills(): ModalityView {
  return modality('dbt-skills', 'DBT skills group', [
    [2, 0, 5],
    [2, 0, 5],
    [2, 0, 5],
    [1, 1, 2.5],
    [2, 0, 5],
    [1, 1, 2.5],
  ]);
}
