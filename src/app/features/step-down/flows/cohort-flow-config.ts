import { ChartConfiguration, TooltipItem } from 'chart.js';
import type { SankeyDataPoint, SankeyScriptableContext } from 'chartjs-chart-sankey';
import { FlowExit, FlowLinkKind } from '../../../domain/journeys/cohort-flows';
import { levelDefinition } from '../../../domain/levels/level-of-care';
import { FlowLinkView, FlowView } from './flows-view-model';
import {
  FLOW_ALPHA,
  FLOW_KIND_ORDER,
  FlowsPalette,
  flowsPalette,
  withAlpha,
} from './flows-chart-palette';
import { percent, plural } from './flows-format';

/*
 * The cohort's flow through the levels of care as a Sankey diagram, plus the words and table rows
 * that say the same thing without the picture. Pure functions of the view model.
 */

/** One Sankey link: the plugin reads from/to/flow; the rest rides along for colour and tooltip. */
export interface CohortFlowDatum extends SankeyDataPoint {
  readonly kind: FlowLinkKind;
  readonly link: FlowLinkView;
}

export type CohortFlowConfig = ChartConfiguration<'sankey', CohortFlowDatum[]>;

/** Exits top to bottom: the ends a program hopes for first. */
const EXIT_ORDER: readonly FlowExit[] = [
  'completed',
  'in-care',
  'transferred',
  'left-early',
  'other',
  'more',
];

export function cohortFlowConfig(flow: FlowView, dark = false): CohortFlowConfig {
  const palette = flowsPalette(dark);
  return {
    type: 'sankey',
    data: {
      datasets: [
        {
          label: 'Cohort flow',
          data: flow.links.map((link) => ({
            from: link.from,
            to: link.to,
            flow: link.clients,
            kind: link.kind,
            link,
          })),
          parsing: { from: 'from', to: 'to', flow: 'flow' },
          labels: nodeLabels(flow),
          column: nodeColumns(flow),
          priority: nodePriorities(flow),
          // Nodes take their colour from the links' from/to colours; one neutral tone keeps the
          // meaning in the links, where the kind is.
          colorFrom: palette.node,
          colorTo: palette.node,
          flowColor: (ctx: SankeyScriptableContext) => flowFill(palette, datumOf(ctx).kind),
          hoverFlowColor: (ctx: SankeyScriptableContext) => palette.kinds[datumOf(ctx).kind],
          borderWidth: 0,
          nodeWidth: 12,
          nodePadding: 14,
          size: 'max',
          color: palette.text,
          nodeLabels: {
            color: palette.text,
            backgroundColor: palette.labelBackground,
            borderRadius: 2,
            padding: 2,
          },
        },
      ],
    },
    options: {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      // Room for the first and last columns' labels, which sit beside their nodes.
      layout: { padding: { top: 4, right: 8, bottom: 4, left: 8 } },
      plugins: {
        // The kinds are named in an HTML legend beside the canvas, which reads without colour.
        legend: { display: false },
        tooltip: {
          callbacks: {
            title: () => '',
            label: (item: TooltipItem<'sankey'>) => flowTooltip(item.raw as CohortFlowDatum),
          },
        },
      },
    },
  };
}

function datumOf(ctx: SankeyScriptableContext): CohortFlowDatum {
  return ctx.raw as CohortFlowDatum;
}

export function flowFill(palette: FlowsPalette, kind: FlowLinkKind): string {
  return withAlpha(palette.kinds[kind], FLOW_ALPHA);
}

/** "IOP (12)": the node's short name and the clients passing through or ending there. */
export function nodeLabels(flow: FlowView): Record<string, string> {
  return Object.fromEntries(flow.nodes.map((n) => [n.key, `${n.label} (${n.clients})`]));
}

/**
 * Stay n in column n − 1, every exit in the column after the last stay. Left to itself the plugin
 * places a node one column after its furthest-left source, which would put a client who left
 * after one stay beside the second stays instead of with the other exits.
 */
export function nodeColumns(flow: FlowView): Record<string, number> {
  const lastStep = Math.max(0, ...flow.nodes.map((n) => n.step ?? 0));
  return Object.fromEntries(
    flow.nodes.map((n) => [n.key, n.step !== undefined ? n.step - 1 : lastStep]),
  );
}

/** Within a column, the more intensive level on top (the ladder's order), exits by EXIT_ORDER. */
export function nodePriorities(flow: FlowView): Record<string, number> {
  return Object.fromEntries(
    flow.nodes.map((n) => [
      n.key,
      n.level !== undefined
        ? -levelDefinition(n.level).rank
        : EXIT_ORDER.indexOf(n.exit ?? 'other'),
    ]),
  );
}

/** "Stay 1: PHP → Stay 2: IOP · Step-down · 20 clients (48 %)". */
export function flowTooltip(datum: CohortFlowDatum): string {
  const l = datum.link;
  return `${l.fromLabel} → ${l.toLabel} · ${l.kindLabel} · ${plural(l.clients, 'client')} (${percent(l.share)})`;
}

export interface FlowLegendItem {
  readonly kind: FlowLinkKind;
  readonly label: string;
  readonly colour: string;
}

/** The kinds the flow has, in a fixed order, named as the table names them. */
export function flowLegend(flow: FlowView, dark = false): FlowLegendItem[] {
  const palette = flowsPalette(dark);
  return FLOW_KIND_ORDER.flatMap((kind) => {
    const link = flow.links.find((l) => l.kind === kind);
    return link ? [{ kind, label: link.kindLabel, colour: flowFill(palette, kind) }] : [];
  });
}

export interface FlowTableRow {
  readonly from: string;
  readonly to: string;
  readonly move: string;
  readonly clients: string;
  readonly share: string;
}

export function flowTableRows(flow: FlowView): FlowTableRow[] {
  return flow.links.map((l) => ({
    from: l.fromLabel,
    to: l.toLabel,
    move: l.kindLabel,
    clients: String(l.clients),
    share: percent(l.share),
  }));
}

/** "3 journeys with more than 6 stays are shown up to their 6th stay". */
export function truncationNote(truncated: number, maxSteps = 6): string | undefined {
  if (truncated <= 0) return undefined;
  return truncated === 1
    ? `1 journey with more than ${maxSteps} stays is shown up to its ${ordinal(maxSteps)} stay`
    : `${truncated} journeys with more than ${maxSteps} stays are shown up to their ${ordinal(maxSteps)} stay`;
}

function ordinal(n: number): string {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  return `${n}${['th', 'st', 'nd', 'rd'][n % 10] ?? 'th'}`;
}
