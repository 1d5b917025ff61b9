import { FlowExit, FlowLinkKind } from '../../../domain/journeys/cohort-flows';
import { LevelOfCare } from '../../../domain/models';
import { wilsonInterval } from '../../../domain/stats/wilson';
import {
  FlowLinkView,
  FlowNodeView,
  FlowView,
  FlowsSectionView,
  LevelDurationView,
  ScoreAtStepDownView,
  StepDownSuccessView,
} from './flows-view-model';

/*
 * Hand-built view models for the flows specs: 42 clients admitted 1 Mar – 31 May 2026, 22 to PHP
 * and 20 straight to IOP. 20 step down PHP → IOP; IOP → Outpatient happens 22 times over the
 * journeys; 4 step up IOP → PHP and then back down; 3 are readmitted to IOP after outpatient care;
 * one moves to another IOP program. 28 complete, 5 leave early, 8 are still in care, 1 is
 * transferred. Every node's clients equal its inflow (or, at stay 1, its outflow), so the
 * fixture is a flow a real cohort could produce.
 */

const SHORT: Readonly<Record<LevelOfCare, string>> = {
  inpatient: 'Inpatient',
  residential: 'Residential',
  php: 'PHP',
  iop: 'IOP',
  outpatient: 'Outpatient',
  aftercare: 'Aftercare',
};

const EXITS: Readonly<Record<FlowExit, string>> = {
  completed: 'Completed',
  'left-early': 'Left early',
  transferred: 'Transferred',
  other: 'Ended, other reason',
  'in-care': 'Still in care',
  more: 'Further moves',
};

const KIND_LABELS: Readonly<Record<FlowLinkKind, string>> = {
  'step-down': 'Step-down',
  'step-up': 'Step-up',
  readmission: 'Readmission',
  lateral: 'Moved within level',
  exit: 'Exit',
};

export const COHORT_SIZE = 42;

function levelNode(step: number, level: LevelOfCare, clients: number): FlowNodeView {
  return {
    key: `${step}:${level}`,
    label: SHORT[level],
    longLabel: `Stay ${step}: ${SHORT[level]}`,
    step,
    level,
    clients,
  };
}

function exitNode(exit: FlowExit, clients: number): FlowNodeView {
  return { key: `exit:${exit}`, label: EXITS[exit], longLabel: EXITS[exit], exit, clients };
}

const NODES: readonly FlowNodeView[] = [
  levelNode(1, 'php', 22),
  levelNode(1, 'iop', 20),
  levelNode(2, 'php', 4),
  levelNode(2, 'iop', 20),
  levelNode(2, 'outpatient', 10),
  levelNode(3, 'iop', 7),
  levelNode(3, 'outpatient', 8),
  levelNode(4, 'iop', 1),
  levelNode(4, 'outpatient', 4),
  exitNode('completed', 28),
  exitNode('left-early', 5),
  exitNode('transferred', 1),
  exitNode('in-care', 8),
];

const BY_KEY = new Map(NODES.map((n) => [n.key, n]));

function link(from: string, to: string, kind: FlowLinkKind, clients: number): FlowLinkView {
  return {
    from,
    to,
    fromLabel: BY_KEY.get(from)!.longLabel,
    toLabel: BY_KEY.get(to)!.longLabel,
    kind,
    kindLabel: KIND_LABELS[kind],
    clients,
    share: clients / COHORT_SIZE,
  };
}

const LINKS: readonly FlowLinkView[] = [
  link('1:php', '2:iop', 'step-down', 20),
  link('1:php', 'exit:left-early', 'exit', 2),
  link('1:iop', '2:outpatient', 'step-down', 10),
  link('1:iop', '2:php', 'step-up', 4),
  link('1:iop', 'exit:completed', 'exit', 3),
  link('1:iop', 'exit:in-care', 'exit', 3),
  link('2:iop', '3:outpatient', 'step-down', 8),
  link('2:iop', 'exit:completed', 'exit', 6),
  link('2:iop', 'exit:left-early', 'exit', 3),
  link('2:iop', 'exit:in-care', 'exit', 3),
  link('2:outpatient', '3:iop', 'readmission', 3),
  link('2:outpatient', 'exit:completed', 'exit', 7),
  link('2:php', '3:iop', 'step-down', 4),
  link('3:outpatient', 'exit:completed', 'exit', 8),
  link('3:iop', '4:outpatient', 'step-down', 4),
  link('3:iop', '4:iop', 'lateral', 1),
  link('3:iop', 'exit:in-care', 'exit', 2),
  link('4:outpatient', 'exit:completed', 'exit', 4),
  link('4:iop', 'exit:transferred', 'exit', 1),
];

export const FLOW_SUMMARY =
  '42 clients admitted 1 Mar – 31 May 2026: 34 stepped down at least once, 4 stepped up, ' +
  '3 were readmitted; 28 completed, 5 left early, 8 are still in care, 1 was transferred';

export function cohortFlow(overrides: Partial<FlowView> = {}): FlowView {
  return {
    clients: COHORT_SIZE,
    nodes: NODES,
    links: LINKS,
    truncated: 0,
    summary: FLOW_SUMMARY,
    ...overrides,
  };
}

export function emptyFlow(): FlowView {
  return {
    clients: 0,
    nodes: [],
    links: [],
    truncated: 0,
    summary: 'No clients were admitted 1 Mar – 31 May 2026',
  };
}

/**
 * IOP matches the worked example: finished stays of 12, 30, 56, 63 and 70 days against the
 * expected 8–12 weeks (56–84 days). Outpatient has no finished stay yet and no expected length.
 */
export function durations(): LevelDurationView[] {
  return [
    {
      level: 'php',
      label: 'PHP',
      n: 24,
      ongoing: 2,
      medianDays: 21,
      q1Days: 16,
      q3Days: 27.5,
      minDays: 6,
      maxDays: 41,
      expectedDays: { min: 14, max: 28 },
      shorter: 5,
      within: 15,
      longer: 4,
    },
    {
      level: 'iop',
      label: 'IOP',
      n: 5,
      ongoing: 13,
      medianDays: 56,
      q1Days: 30,
      q3Days: 63,
      minDays: 12,
      maxDays: 70,
      expectedDays: { min: 56, max: 84 },
      shorter: 2,
      within: 3,
      longer: 0,
    },
    {
      level: 'outpatient',
      label: 'Outpatient',
      n: 0,
      ongoing: 12,
      shorter: 0,
      within: 0,
      longer: 0,
    },
  ];
}

function success(
  from: LevelOfCare,
  to: LevelOfCare,
  at30: [held: number, judged: number, tooEarly: number],
  at90: [held: number, judged: number, tooEarly: number],
): StepDownSuccessView {
  return {
    from,
    to,
    pairLabel: `${SHORT[from]} → ${SHORT[to]}`,
    at30: { ...wilsonInterval(at30[0], at30[1]), tooEarly: at30[2] },
    at90: { ...wilsonInterval(at90[0], at90[1]), tooEarly: at90[2] },
    smallGroup: Math.min(at30[1], at90[1]) < 10,
  };
}

/**
 * PHP → IOP is judged often enough to rank; IOP → Outpatient has 9 judged at 90 days (a small
 * group); IOP → Aftercare has none judged yet, only step-downs too recent to judge.
 */
export function successRows(): StepDownSuccessView[] {
  return [
    success('php', 'iop', [18, 20, 0], [14, 17, 3]),
    success('iop', 'outpatient', [8, 10, 4], [6, 9, 5]),
    success('iop', 'aftercare', [0, 0, 2], [0, 0, 2]),
  ];
}

const BANDS = ['Minimal', 'Mild', 'Moderate', 'Moderately severe', 'Severe'];

function scoreView(
  fate: ScoreAtStepDownView['fate'],
  label: string,
  counts: { stepDowns: number; median?: number; q1?: number; q3?: number },
  bands: readonly number[],
): ScoreAtStepDownView {
  return {
    fate,
    label,
    stepDowns: counts.stepDowns,
    withScore: bands.reduce((sum, n) => sum + n, 0),
    ...(counts.median === undefined ? {} : { median: counts.median, q1: counts.q1, q3: counts.q3 }),
    bySeverity: BANDS.map((band, i) => ({ label: band, count: bands[i] })),
  };
}

export function scores(): FlowsSectionView['scores'] {
  return {
    instrument: 'PHQ-9',
    held: scoreView(
      'held',
      'Held 90 days',
      { stepDowns: 26, median: 8, q1: 5, q3: 11 },
      [5, 10, 6, 1, 0],
    ),
    steppedBackUp: scoreView(
      'stepped-back-up',
      'Stepped back up within 90 days',
      { stepDowns: 7, median: 14, q1: 11, q3: 17.5 },
      [0, 1, 2, 3, 0],
    ),
  };
}

/** The whole section, for a container spec. */
export function flowsSectionView(): FlowsSectionView {
  return {
    cohort: { from: '2026-03-01', to: '2026-05-31' },
    cohortLabel: '1 Mar 2026 – 31 May 2026',
    flow: cohortFlow(),
    durations: durations(),
    success: successRows(),
    scores: scores(),
    unmappedLevels: [],
    issues: 0,
  };
}
