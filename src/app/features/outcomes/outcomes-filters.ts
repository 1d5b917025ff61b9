import { instrumentById } from '../../domain/instruments/instrument-catalogue';
import { isLevelOfCare } from '../../domain/levels/level-of-care';
import { CalendarDay, LevelOfCare } from '../../domain/models';
import { PeriodPreset } from '../../domain/outcomes/period';
import { BREAKDOWN_LABELS, BreakdownDimension } from './outcomes-view-model';

export const PERIOD_CHOICES: readonly { readonly id: PeriodPreset; readonly label: string }[] = [
  { id: 'last-30', label: 'Last 30 days' },
  { id: 'last-90', label: 'Last 90 days' },
  { id: 'this-quarter', label: 'This quarter' },
  { id: 'last-quarter', label: 'Last quarter' },
  { id: 'last-365', label: 'Last 12 months' },
];

/** The levels whose episodes the outcome rates are about; IOP by default, as Waypoint's focus. */
export const OUTCOME_LEVELS: readonly LevelOfCare[] = ['php', 'iop', 'outpatient', 'aftercare'];

/** Instruments a director can choose as the outcome measure. */
export const OUTCOME_INSTRUMENTS = [
  'phq-9',
  'gad-7',
  'pcl-5',
  'ders-16',
  'oq-45',
  'bam-use',
] as const;

/** What the outcomes page shows, all of it in the URL so a view can be shared and reloaded. */
export interface OutcomesFilters {
  /** A preset, or a custom period when `from` and `to` are set. */
  readonly period: PeriodPreset | 'custom';
  readonly from?: CalendarDay;
  readonly to?: CalendarDay;
  readonly programId?: string;
  readonly therapistId?: string;
  readonly instrumentId: string;
  readonly level: LevelOfCare;
  readonly breakdown: BreakdownDimension;
  /** The number whose episodes are listed (see `drill-keys.ts`). */
  readonly drill?: string;
}

export const DEFAULT_FILTERS: OutcomesFilters = {
  period: 'last-90',
  instrumentId: 'phq-9',
  level: 'iop',
  breakdown: 'program',
};

/** The URL's query parameter for each filter. */
export const FILTER_PARAMS = {
  period: 'period',
  from: 'from',
  to: 'to',
  program: 'program',
  therapist: 'therapist',
  instrument: 'measure',
  level: 'level',
  breakdown: 'by',
  drill: 'list',
} as const;

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function validDay(value: unknown): value is CalendarDay {
  return typeof value === 'string' && DAY.test(value) && !Number.isNaN(Date.parse(value));
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}

/**
 * The filters a URL describes. Anything unknown falls back to its default rather than showing
 * an empty page; a custom period needs both days (a reversed one is turned round).
 */
export function filtersFromParams(params: Readonly<Record<string, unknown>>): OutcomesFilters {
  const preset = PERIOD_CHOICES.find((p) => p.id === params[FILTER_PARAMS.period])?.id;
  const from = params[FILTER_PARAMS.from];
  const to = params[FILTER_PARAMS.to];
  const custom = !preset && validDay(from) && validDay(to);
  const instrument = text(params[FILTER_PARAMS.instrument]);
  const level = params[FILTER_PARAMS.level];
  const programId = text(params[FILTER_PARAMS.program]);
  const therapistId = text(params[FILTER_PARAMS.therapist]);
  const breakdown = params[FILTER_PARAMS.breakdown];
  const drill = text(params[FILTER_PARAMS.drill]);
  return {
    period: custom ? 'custom' : (preset ?? DEFAULT_FILTERS.period),
    ...(custom ? (from <= to ? { from, to } : { from: to, to: from }) : {}),
    ...(programId ? { programId } : {}),
    ...(therapistId ? { therapistId } : {}),
    instrumentId:
      instrument &&
      OUTCOME_INSTRUMENTS.some((id) => id === instrument) &&
      instrumentById(instrument)
        ? instrument
        : DEFAULT_FILTERS.instrumentId,
    level: isLevelOfCare(level) && OUTCOME_LEVELS.includes(level) ? level : DEFAULT_FILTERS.level,
    breakdown:
      typeof breakdown === 'string' && Object.hasOwn(BREAKDOWN_LABELS, breakdown)
        ? (breakdown as BreakdownDimension)
        : DEFAULT_FILTERS.breakdown,
    ...(drill ? { drill } : {}),
  };
}

/** The query parameters for filters, defaults left out (null removes a parameter). */
export function filterParams(filters: OutcomesFilters): Record<string, string | null> {
  const custom = filters.period === 'custom' && filters.from && filters.to;
  return {
    [FILTER_PARAMS.period]:
      custom || filters.period === DEFAULT_FILTERS.period ? null : filters.period,
    [FILTER_PARAMS.from]: custom ? filters.from! : null,
    [FILTER_PARAMS.to]: custom ? filters.to! : null,
    [FILTER_PARAMS.program]: filters.programId ?? null,
    [FILTER_PARAMS.therapist]: filters.therapistId ?? null,
    [FILTER_PARAMS.instrument]:
      filters.instrumentId === DEFAULT_FILTERS.instrumentId ? null : filters.instrumentId,
    [FILTER_PARAMS.level]: filters.level === DEFAULT_FILTERS.level ? null : filters.level,
    [FILTER_PARAMS.breakdown]:
      filters.breakdown === DEFAULT_FILTERS.breakdown ? null : filters.breakdown,
    [FILTER_PARAMS.drill]: filters.drill ?? null,
  };
}
