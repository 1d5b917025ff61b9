import { LevelOfCare } from '../models';

export interface LevelDefinition {
  readonly level: LevelOfCare;
  readonly label: string;
  readonly shortLabel: string;
  /** Intensity rank: higher is more intensive. */
  readonly rank: number;
  /** ASAM Criteria 3rd edition equivalent (CLINICAL.md). */
  readonly asam: string;
  /** Adult hours per week: 77 IAC 2060.410; CMS CY2024 OPPS (IOP >= 9, PHP >= 20). */
  readonly hoursPerWeek: {
    readonly min?: number;
    readonly max?: number;
    readonly roundTheClock?: boolean;
  };
  /** Waypoint default expected length in weeks (configurable): IOP 8–12 and PHP 2–4 per CLINICAL.md. */
  readonly expectedWeeks?: { readonly min: number; readonly max: number };
}

/** Waypoint's ladder, most intensive first. */
export const LEVELS: readonly LevelDefinition[] = [
  {
    level: 'inpatient',
    label: 'Inpatient',
    shortLabel: 'Inpatient',
    rank: 6,
    asam: '4',
    hoursPerWeek: { roundTheClock: true },
  },
  {
    level: 'residential',
    label: 'Residential',
    shortLabel: 'Residential',
    rank: 5,
    asam: '3.1–3.7',
    hoursPerWeek: { roundTheClock: true },
  },
  {
    level: 'php',
    label: 'Partial hospitalization',
    shortLabel: 'PHP',
    rank: 4,
    asam: '2.5',
    hoursPerWeek: { min: 20 },
    expectedWeeks: { min: 2, max: 4 },
  },
  {
    level: 'iop',
    label: 'Intensive outpatient',
    shortLabel: 'IOP',
    rank: 3,
    asam: '2.1',
    hoursPerWeek: { min: 9, max: 19 },
    expectedWeeks: { min: 8, max: 12 },
  },
  {
    level: 'outpatient',
    label: 'Outpatient (weekly)',
    shortLabel: 'Outpatient',
    rank: 2,
    asam: '1',
    hoursPerWeek: { max: 8.99 },
  },
  {
    level: 'aftercare',
    label: 'Aftercare',
    shortLabel: 'Aftercare',
    rank: 1,
    asam: '—',
    hoursPerWeek: {},
  },
];

const BY_LEVEL = new Map(LEVELS.map((d) => [d.level, d]));

export function levelDefinition(level: LevelOfCare): LevelDefinition {
  return BY_LEVEL.get(level)!;
}

export function isLevelOfCare(value: unknown): value is LevelOfCare {
  return typeof value === 'string' && BY_LEVEL.has(value as LevelOfCare);
}

/** Positive when `a` is more intensive than `b`. */
export function compareLevels(a: LevelOfCare, b: LevelOfCare): number {
  return levelDefinition(a).rank - levelDefinition(b).rank;
}

export function isStepDown(from: LevelOfCare, to: LevelOfCare): boolean {
  return compareLevels(from, to) > 0;
}

export function isStepUp(from: LevelOfCare, to: LevelOfCare): boolean {
  return compareLevels(from, to) < 0;
}

/** Minimum weekly hours the level requires (CLINICAL.md), if any; programs may override. */
export function minimumWeeklyHours(
  level: LevelOfCare,
  overrides: Partial<Record<LevelOfCare, number>> = {},
): number | undefined {
  return overrides[level] ?? levelDefinition(level).hoursPerWeek.min;
}
