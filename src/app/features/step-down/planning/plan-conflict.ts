import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import { levelDefinition } from '../../../domain/levels/level-of-care';
import { EpisodeStatus } from '../../../domain/models';
import { formatDay } from '../../../domain/progress/measure-summary';
import { EpisodeOfCare, MappedEpisode, mapEpisodeOfCare } from '../../../fhir-mapping';
import { MappedPlannedTransition } from '../../../fhir-mapping/mapped-models';
import { transitionName } from './plan-options';

/** Where a conflict or failure was found: when the dialog opened, or when the plan was saved. */
export type PlanStage = 'opening' | 'saving';

export interface EpisodeChange {
  readonly what: string;
  readonly before: string;
  readonly after: string;
}

/**
 * The episode changed between what the user saw and what the server holds. Plain data (it
 * travels in an action); `describeConflict` turns it into sentences.
 */
export interface PlanConflict {
  readonly patientId: string;
  readonly episodeId: string;
  readonly stage: PlanStage;
  /** Who recorded the plan the episode has now, when the change was to the plan. */
  readonly changedBy?: string;
  /** When: that plan's `recordedAt`, else the version's `meta.lastUpdated` (FHIR instants). */
  readonly changedAt?: string;
  readonly changes: readonly EpisodeChange[];
  /** The episode as it is now, to plan against again; absent when it could not be read. */
  readonly current?: MappedEpisode;
}

const STATUS_LABELS: Readonly<Record<EpisodeStatus, string>> = {
  planned: 'Planned',
  waitlist: 'Wait list',
  active: 'Active',
  onhold: 'On hold',
  finished: 'Finished',
  cancelled: 'Cancelled',
};

const NONE = 'None';

/** A full date as "12 Dec 2026"; a partial date or an instant as written, rather than guessed. */
function day(value: string | undefined): string {
  if (!value) return NONE;
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? formatDay(value) : value;
}

function plan(episode: MappedEpisode, p: MappedPlannedTransition | undefined): string {
  if (!p) return NONE;
  return `${transitionName(episode.level, p.targetLevel)} on ${day(p.plannedDate)}`;
}

function samePlan(a: MappedPlannedTransition | undefined, b: MappedPlannedTransition | undefined) {
  return (
    a?.targetLevel === b?.targetLevel &&
    a?.plannedDate === b?.plannedDate &&
    a?.reason === b?.reason &&
    a?.note === b?.note &&
    a?.recordedAt === b?.recordedAt
  );
}

/** The differences staff would act on: the plan, and the episode's status, level and dates. */
export function episodeChanges(seen: MappedEpisode, now: MappedEpisode): EpisodeChange[] {
  const rows: [string, string, string][] = [
    ['Planned transition', plan(seen, seen.plannedTransition), plan(now, now.plannedTransition)],
    ['Reason', seen.plannedTransition?.reason ?? NONE, now.plannedTransition?.reason ?? NONE],
    ['Note', seen.plannedTransition?.note ?? NONE, now.plannedTransition?.note ?? NONE],
    ['Status', STATUS_LABELS[seen.status], STATUS_LABELS[now.status]],
    ['Level of care', levelDefinition(seen.level).label, levelDefinition(now.level).label],
    ['Start', day(seen.start), day(now.start)],
    ['End', day(seen.end), day(now.end)],
  ];
  return rows
    .filter(([, before, after]) => before !== after)
    .map(([what, before, after]) => ({ what, before, after }));
}

/**
 * The conflict between the episode the user saw and `current` as the server has it now (or
 * undefined when it could not be read). Who changed it is named only when the plan itself
 * changed and the new plan says who recorded it: an older plan's author did not make a later,
 * unrelated change, and FHIR R4 keeps no author on the resource otherwise.
 */
export function episodeConflict(input: {
  readonly patientId: string;
  readonly episodeId: string;
  readonly stage: PlanStage;
  readonly seen: MappedEpisode | undefined;
  readonly current: EpisodeOfCare | undefined;
}): PlanConflict {
  const { patientId, episodeId, stage, seen } = input;
  const base = { patientId, episodeId, stage };
  if (!input.current) return { ...base, changes: [] };
  const mapped = mapEpisodeOfCare(input.current).value;
  const lastUpdated = input.current.meta?.lastUpdated;
  const when = typeof lastUpdated === 'string' ? { changedAt: lastUpdated } : {};
  if (!mapped)
    return {
      ...base,
      ...when,
      changes: [
        { what: 'Episode', before: 'As you saw it', after: 'Can no longer be read as an episode' },
      ],
    };
  const planChanged = !samePlan(seen?.plannedTransition, mapped.plannedTransition);
  const recorded = mapped.plannedTransition;
  const author =
    planChanged && recorded?.recordedAt
      ? {
          changedAt: recorded.recordedAt,
          ...(recorded.recordedBy?.display ? { changedBy: recorded.recordedBy.display } : {}),
        }
      : when;
  return {
    ...base,
    ...author,
    changes: seen ? episodeChanges(seen, mapped) : [],
    current: mapped,
  };
}

export interface ConflictText {
  readonly title: string;
  readonly byline: string;
  readonly outcome: string;
}

function moment(instant: string, timeZone: string): string | undefined {
  const time = Date.parse(instant);
  if (Number.isNaN(time)) return undefined;
  // A date-only value has no time of day to show.
  if (/^\d{4}-\d{2}-\d{2}$/.test(instant)) return formatDay(instant);
  return format(new TZDate(time, timeZone), "d MMM yyyy 'at' HH:mm");
}

export function describeConflict(conflict: PlanConflict, timeZone: string): ConflictText {
  const at = conflict.changedAt ? moment(conflict.changedAt, timeZone) : undefined;
  const byline =
    conflict.changedBy && at
      ? `Changed by ${conflict.changedBy} on ${at}.`
      : at
        ? `Changed on ${at}; the server does not say by whom.`
        : 'It was changed after you opened it.';
  return {
    title: 'Someone else changed this episode',
    byline,
    outcome:
      conflict.stage === 'saving'
        ? 'Your plan was not saved, and nothing was overwritten.'
        : 'It changed after this page loaded it. Review the change before planning.',
  };
}
