import { levelDefinition } from '../levels/level-of-care';
import { CalendarDay, LevelOfCare } from '../models';
import { Journey, Stay } from './journey';
import { isReadmission } from './readmission';

/** How a journey left the program (or that it has not yet). */
export type FlowExit = 'completed' | 'left-early' | 'transferred' | 'other' | 'in-care' | 'more';

export const FLOW_EXIT_LABELS: Readonly<Record<FlowExit, string>> = {
  completed: 'Completed',
  'left-early': 'Left early',
  transferred: 'Transferred',
  other: 'Ended, other reason',
  'in-care': 'Still in care',
  more: 'Further moves',
};

export type FlowLinkKind = 'step-down' | 'step-up' | 'lateral' | 'readmission' | 'exit';

export interface FlowNode {
  /** `2:iop` for the second stay at IOP; `exit:completed` for an exit. */
  readonly key: string;
  readonly label: string;
  /** 1-based position in the journey; exits have none. */
  readonly step?: number;
  readonly level?: LevelOfCare;
  readonly exit?: FlowExit;
  /** Clients passing through (for a level node) or ending here (for an exit). */
  readonly clients: number;
}

export interface FlowLink {
  readonly from: string;
  readonly to: string;
  readonly kind: FlowLinkKind;
  readonly clients: number;
  /** Share of the cohort that made this move. */
  readonly share: number;
}

export interface CohortFlow {
  readonly clients: number;
  readonly nodes: readonly FlowNode[];
  readonly links: readonly FlowLink[];
  /** Journeys with more stays than `maxSteps`, shown up to there and then as "Further moves". */
  readonly truncated: number;
}

export interface CohortOptions {
  /** Admission period (the journey's first day), inclusive. */
  readonly from: CalendarDay;
  readonly to: CalendarDay;
  /** Only journeys whose first stay is at this program. */
  readonly programId?: string;
}

/** The journeys admitted in a period (and program): a cohort to follow. */
export function cohortJourneys(journeys: readonly Journey[], options: CohortOptions): Journey[] {
  return journeys.filter((j) => {
    const first = j.stays[0];
    return (
      !!first &&
      first.start >= options.from &&
      first.start <= options.to &&
      (options.programId === undefined || first.programId === options.programId)
    );
  });
}

function exitOf(last: Stay): FlowExit {
  if (!last.end) return 'in-care';
  switch (last.endReason) {
    case 'completed':
    case 'left-early':
    case 'transferred':
      return last.endReason;
    default:
      return 'other';
  }
}

/**
 * The flow of a cohort through the levels of care, stay by stay, for a Sankey diagram and its
 * table: a node per (step, level), so a step-up and the step-down after it stay apart instead of
 * looping, and a node per exit. Each move is counted once per client; readmissions are their own
 * kind so a return after discharge is not read as a planned step.
 */
export function cohortFlows(journeys: readonly Journey[], maxSteps = 6): CohortFlow {
  const nodes = new Map<string, { node: Omit<FlowNode, 'clients'>; clients: number }>();
  const links = new Map<
    string,
    { from: string; to: string; kind: FlowLinkKind; clients: number }
  >();
  const visit = (node: Omit<FlowNode, 'clients'>) => {
    const entry = nodes.get(node.key) ?? { node, clients: 0 };
    entry.clients++;
    nodes.set(node.key, entry);
  };
  const link = (from: string, to: string, kind: FlowLinkKind) => {
    const key = `${from}>${to}>${kind}`;
    const entry = links.get(key) ?? { from, to, kind, clients: 0 };
    entry.clients++;
    links.set(key, entry);
  };
  let truncated = 0;
  let clients = 0;
  for (const journey of journeys) {
    const stays = journey.stays;
    if (stays.length === 0) continue;
    clients++;
    const moves = journey.transitions.filter(
      (t) => t.kind !== 'admission' && t.kind !== 'discharge',
    );
    const shown = Math.min(stays.length, maxSteps);
    const keyOf = (i: number) => `${i + 1}:${stays[i].level}`;
    for (let i = 0; i < shown; i++) {
      visit({
        key: keyOf(i),
        label: levelDefinition(stays[i].level).shortLabel,
        step: i + 1,
        level: stays[i].level,
      });
      if (i === 0) continue;
      const move = moves[i - 1];
      const kind: FlowLinkKind = isReadmission(move)
        ? 'readmission'
        : move.kind === 'step-up' || move.kind === 'step-down'
          ? move.kind
          : 'lateral';
      link(keyOf(i - 1), keyOf(i), kind);
    }
    const exit: FlowExit = stays.length > maxSteps ? 'more' : exitOf(stays[stays.length - 1]);
    if (exit === 'more') truncated++;
    const exitKey = `exit:${exit}`;
    visit({ key: exitKey, label: FLOW_EXIT_LABELS[exit], exit });
    link(keyOf(shown - 1), exitKey, 'exit');
  }
  return {
    clients,
    nodes: [...nodes.values()]
      .map(({ node, clients: n }) => ({ ...node, clients: n }))
      .sort(
        (a, b) =>
          (a.step ?? Infinity) - (b.step ?? Infinity) ||
          (b.level && a.level
            ? levelDefinition(b.level).rank - levelDefinition(a.level).rank
            : a.key.localeCompare(b.key)),
      ),
    links: [...links.values()]
      .map((l) => ({ ...l, share: clients ? l.clients / clients : 0 }))
      .sort((a, b) => a.from.localeCompare(b.from) || b.clients - a.clients),
    truncated,
  };
}
