import { ReliableChange } from '../../../domain/instruments/reliable-change';
import { SeverityLevel } from '../../../domain/instruments/instrument';
import { LEVELS, compareLevels, levelDefinition } from '../../../domain/levels/level-of-care';
import { CalendarDay, Episode, LevelOfCare } from '../../../domain/models';
import { RELIABLE_CHANGE_LABELS, formatDay } from '../../../domain/progress/measure-summary';
import { ReadinessAssessment } from '../../../domain/readiness/readiness';
import { StepUpRiskAssessment } from '../../../domain/readiness/step-up-risk';
import { daysBetween } from '../../../domain/time/calendar-day';
import { CaseloadRow } from '../../caseload/caseload-row';
import { BoardFilters } from './transition-board-filters';

/** Where a client stands on the board; risk outranks readiness (see `cardStatus`). */
export type CardStatus = 'at-risk' | 'ready' | 'not-ready' | 'unknown';

export const STATUS_LABELS: Readonly<Record<CardStatus, string>> = {
  'at-risk': 'At risk of step-up',
  ready: 'Ready to step down',
  'not-ready': 'Not ready to step down',
  unknown: 'Readiness not known yet',
};

/** At risk first (they need a decision soonest), then ready, then the rest. */
const STATUS_ORDER: Readonly<Record<CardStatus, number>> = {
  'at-risk': 0,
  ready: 1,
  'not-ready': 2,
  unknown: 2,
};

/** One client on the transition board, ready to render (no logic left for the template). */
export interface TransitionCard {
  readonly patientId: string;
  readonly episodeId: string;
  readonly name: string;
  readonly level: LevelOfCare;
  /** "week 6 of ~10", as the caseload shows it. */
  readonly weekLabel: string;
  readonly programId?: string;
  readonly careManagerId?: string;
  readonly measure: {
    /** The primary measure's short name, e.g. "PHQ-9". */
    readonly name: string;
    readonly latest?: {
      readonly score: number;
      readonly day: CalendarDay;
      readonly severity?: string;
      readonly severityLevel?: SeverityLevel;
    };
    /** "6 better, reliable improvement", or why there is nothing to compare. */
    readonly change: string;
    readonly changeKind?: ReliableChange;
    readonly sparkline: readonly number[];
    readonly min: number;
    readonly max: number;
    /** The sparkline in words, for screen readers. */
    readonly trendLabel: string;
  };
  readonly status: CardStatus;
  readonly statusLabel: string;
  /** Ready: the criteria met. At risk: each risk factor present, with its evidence. */
  readonly reasons: readonly string[];
  /** Neither ready nor at risk: what stands in the way, in one line. */
  readonly missing?: string;
  readonly planned?: {
    /** "Planned step-down to Outpatient on 12 Dec 2026". */
    readonly text: string;
    /** "in 15 days", "today", "3 days overdue". */
    readonly when: string;
    readonly reason?: string;
  };
}

/**
 * Risk outranks readiness: a client can meet every readiness criterion and still be reliably
 * worse than at baseline, and the board must not invite a step-down then.
 */
export function cardStatus(readiness: ReadinessAssessment, risk: StepUpRiskAssessment): CardStatus {
  if (risk.atRisk) return 'at-risk';
  if (readiness.verdict === 'ready') return 'ready';
  return readiness.verdict;
}

function missingLine(readiness: ReadinessAssessment): string | undefined {
  if (readiness.verdict === 'not-ready')
    return `Not met: ${readiness.criteria
      .filter((c) => c.status === 'not-met')
      .map((c) => c.label)
      .join('; ')}`;
  // Unknown criteria are explained by their evidence ("only 1 PHQ-9 score(s)"), not their label.
  if (readiness.verdict === 'unknown')
    return `Cannot tell yet: ${readiness.criteria
      .filter((c) => c.status === 'unknown')
      .map((c) => c.evidence)
      .join('; ')}`;
  return undefined;
}

function changeLabel(row: CaseloadRow): string {
  const { improvement, change } = row.attention;
  if (improvement === undefined) return 'not enough scores to compare yet';
  const points =
    improvement > 0
      ? `${improvement} better`
      : improvement < 0
        ? `${-improvement} worse`
        : 'no change';
  return change ? `${points}, ${RELIABLE_CHANGE_LABELS[change]}` : points;
}

function days(n: number): string {
  return `${n} ${n === 1 ? 'day' : 'days'}`;
}

export function plannedTransitionText(
  episode: Pick<Episode, 'level' | 'plannedTransition'>,
  today: CalendarDay,
): TransitionCard['planned'] {
  const planned = episode.plannedTransition;
  if (!planned) return undefined;
  const order = compareLevels(planned.targetLevel, episode.level);
  const kind = order < 0 ? 'step-down' : order > 0 ? 'step-up' : 'move';
  const until = daysBetween(today, planned.plannedDate);
  return {
    text: `Planned ${kind} to ${levelDefinition(planned.targetLevel).shortLabel} on ${formatDay(planned.plannedDate)}`,
    when: until === 0 ? 'today' : until > 0 ? `in ${days(until)}` : `${days(-until)} overdue`,
    ...(planned.reason ? { reason: planned.reason } : {}),
  };
}

/** A client's card from their caseload row and the domain's two assessments. */
export function transitionCard(
  row: CaseloadRow,
  episode: Pick<Episode, 'id' | 'level' | 'plannedTransition'>,
  readiness: ReadinessAssessment,
  risk: StepUpRiskAssessment,
  today: CalendarDay,
): TransitionCard {
  const { attention, primary } = row;
  const status = cardStatus(readiness, risk);
  const reasons =
    status === 'at-risk'
      ? risk.criteria.filter((c) => c.status === 'met').map((c) => `${c.label}: ${c.evidence}`)
      : status === 'ready'
        ? readiness.criteria.filter((c) => c.status === 'met').map((c) => c.label)
        : [];
  const missing = status === 'at-risk' ? undefined : missingLine(readiness);
  const planned = plannedTransitionText(episode, today);
  const latest = attention.latest;
  return {
    patientId: row.patientId,
    episodeId: episode.id,
    name: row.name,
    level: row.level,
    weekLabel: row.weekLabel,
    ...(row.programId ? { programId: row.programId } : {}),
    ...(row.careManagerId ? { careManagerId: row.careManagerId } : {}),
    measure: {
      name: primary.shortName,
      ...(latest
        ? {
            latest: {
              score: latest.score,
              day: latest.day,
              ...(latest.band
                ? { severity: latest.band.label, severityLevel: latest.band.level }
                : {}),
            },
          }
        : {}),
      change: changeLabel(row),
      ...(attention.change ? { changeKind: attention.change } : {}),
      sparkline: attention.sparkline,
      min: primary.range.min,
      max: primary.range.max,
      trendLabel: attention.sparkline.length
        ? `${primary.shortName} scores, oldest first: ${attention.sparkline.join(', ')}`
        : 'no scores',
    },
    status,
    statusLabel: STATUS_LABELS[status],
    reasons,
    ...(missing ? { missing } : {}),
    ...(planned ? { planned } : {}),
  };
}

/** A card as the signed-in user sees it. */
export interface BoardCard extends TransitionCard {
  /** Planning is available and the client's care team includes the user. */
  readonly canPlan: boolean;
}

export interface BoardColumn {
  readonly level: LevelOfCare;
  /** "IOP · 12 clients". */
  readonly heading: string;
  readonly cards: readonly BoardCard[];
}

export interface PlanningAvailability {
  readonly available: boolean;
  readonly reason?: string;
}

export interface TransitionBoardView {
  /** Levels with clients, most intensive first. */
  readonly columns: readonly BoardColumn[];
  /** Clients in care before the director's filters, and on the board after them. */
  readonly total: number;
  readonly shown: number;
  readonly filters: BoardFilters;
  /** Directors choose a program and therapist; everyone else sees their own clients. */
  readonly director: boolean;
  readonly planning: PlanningAvailability;
  /** Whether any card on the board offers planning to this user. */
  readonly anyPlannable: boolean;
}

export interface BoardOptions {
  readonly filters: BoardFilters;
  readonly director: boolean;
  readonly planning: PlanningAvailability;
  readonly plannable: ReadonlySet<string>;
}

export function compareCards(a: TransitionCard, b: TransitionCard): number {
  return STATUS_ORDER[a.status] - STATUS_ORDER[b.status] || a.name.localeCompare(b.name);
}

/** The board: cards in the director's scope, in columns by level, each column ordered. */
export function transitionBoard(
  cards: readonly TransitionCard[],
  options: BoardOptions,
): TransitionBoardView {
  const { filters, director, planning, plannable } = options;
  // Only a director can see or change the filters, so only a director's view applies them.
  const scoped = director
    ? cards.filter(
        (c) =>
          (!filters.therapist || c.careManagerId === filters.therapist) &&
          (!filters.program || c.programId === filters.program),
      )
    : cards;
  const byLevel = new Map<LevelOfCare, BoardCard[]>();
  let anyPlannable = false;
  for (const card of scoped) {
    const canPlan = planning.available && plannable.has(card.patientId);
    anyPlannable ||= canPlan;
    const list = byLevel.get(card.level) ?? [];
    list.push({ ...card, canPlan });
    byLevel.set(card.level, list);
  }
  const columns = LEVELS.filter((d) => byLevel.has(d.level)).map((d) => {
    const list = byLevel.get(d.level)!.sort(compareCards);
    return {
      level: d.level,
      heading: `${d.shortLabel} · ${list.length} ${list.length === 1 ? 'client' : 'clients'}`,
      cards: list,
    };
  });
  return {
    columns,
    total: cards.length,
    shown: scoped.length,
    filters,
    director,
    planning,
    anyPlannable,
  };
}
