import type { SankeyScriptableContext } from 'chartjs-chart-sankey';
import { FLOW_ALPHA, flowsPalette, withAlpha } from './flows-chart-palette';
import { cohortFlow, COHORT_SIZE, emptyFlow } from './flows-fixture';
import {
  CohortFlowDatum,
  cohortFlowConfig,
  flowLegend,
  flowTableRows,
  flowTooltip,
  nodeColumns,
  nodeLabels,
  nodePriorities,
  truncationNote,
} from './cohort-flow-config';

/** What the Sankey plugin hands a scriptable option: the raw data item. */
function contextOf(datum: CohortFlowDatum): SankeyScriptableContext {
  return { raw: datum } as unknown as SankeyScriptableContext;
}

describe('cohortFlowConfig', () => {
  it('gives the Sankey one {from, to, flow} item per link, flow = clients', () => {
    const config = cohortFlowConfig(cohortFlow());
    expect(config.type).toBe('sankey');
    const data = config.data.datasets[0].data;
    expect(data.length).toBe(19);
    expect(data[0]).toEqual(
      jasmine.objectContaining({ from: '1:php', to: '2:iop', flow: 20, kind: 'step-down' }),
    );
    expect(data.find((d) => d.kind === 'step-up')).toEqual(
      jasmine.objectContaining({ from: '1:iop', to: '2:php', flow: 4 }),
    );
    expect(data.find((d) => d.kind === 'readmission')).toEqual(
      jasmine.objectContaining({ from: '2:outpatient', to: '3:iop', flow: 3 }),
    );
    // Every client leaves the chart through exactly one exit.
    const exits = data.filter((d) => d.kind === 'exit').reduce((sum, d) => sum + d.flow, 0);
    expect(exits).toBe(COHORT_SIZE);
    expect(config.options!.animation).toBeFalse();
    expect(config.options!.plugins!.legend!.display).toBeFalse();
  });

  it('labels nodes with their short name and clients', () => {
    const labels = nodeLabels(cohortFlow());
    expect(labels['1:php']).toBe('PHP (22)');
    expect(labels['2:iop']).toBe('IOP (20)');
    expect(labels['exit:completed']).toBe('Completed (28)');
    expect(labels['exit:in-care']).toBe('Still in care (8)');
    expect(cohortFlowConfig(cohortFlow()).data.datasets[0].labels).toEqual(labels);
  });

  it('puts stay n in column n − 1 and every exit in the last column', () => {
    const columns = nodeColumns(cohortFlow());
    expect(columns['1:php']).toBe(0);
    expect(columns['1:iop']).toBe(0);
    expect(columns['2:outpatient']).toBe(1);
    expect(columns['3:iop']).toBe(2);
    expect(columns['4:outpatient']).toBe(3);
    // Even the 2 who left PHP after one stay end in the exit column, beside the others.
    for (const exit of ['completed', 'left-early', 'transferred', 'in-care']) {
      expect(columns[`exit:${exit}`]).withContext(exit).toBe(4);
    }
    expect(Object.keys(columns).length).toBe(cohortFlow().nodes.length);
    expect(cohortFlowConfig(cohortFlow()).data.datasets[0].column).toEqual(columns);
  });

  it('stacks each column from the most intensive level down, exits completed first', () => {
    const priority = nodePriorities(cohortFlow());
    expect(priority['1:php']).toBeLessThan(priority['1:iop']);
    expect(priority['2:php']).toBeLessThan(priority['2:iop']);
    expect(priority['2:iop']).toBeLessThan(priority['2:outpatient']);
    expect(priority['exit:completed']).toBeLessThan(priority['exit:in-care']);
    expect(priority['exit:in-care']).toBeLessThan(priority['exit:left-early']);
  });

  it('colours each link by its kind, translucent, and nodes in one neutral tone', () => {
    for (const dark of [false, true]) {
      const palette = flowsPalette(dark);
      const dataset = cohortFlowConfig(cohortFlow(), dark).data.datasets[0];
      const fill = dataset.flowColor as (ctx: SankeyScriptableContext) => string;
      const hover = dataset.hoverFlowColor as (ctx: SankeyScriptableContext) => string;
      const byKind = new Map(dataset.data.map((d) => [d.kind, fill(contextOf(d))]));
      expect(byKind.get('step-down')).toBe(withAlpha(palette.kinds['step-down'], FLOW_ALPHA));
      expect(byKind.get('step-up')).toBe(withAlpha(palette.kinds['step-up'], FLOW_ALPHA));
      expect(byKind.get('readmission')).toBe(withAlpha(palette.kinds.readmission, FLOW_ALPHA));
      expect(byKind.get('lateral')).toBe(withAlpha(palette.kinds.lateral, FLOW_ALPHA));
      expect(byKind.get('exit')).toBe(withAlpha(palette.kinds.exit, FLOW_ALPHA));
      expect(new Set(byKind.values()).size).toBe(5);
      expect(hover(contextOf(dataset.data[0]))).toBe(palette.kinds['step-down']);
      expect(dataset.colorFrom).toBe(palette.node);
      expect(dataset.colorTo).toBe(palette.node);
    }
  });

  it('says who moved where in the tooltip, with the kind in words', () => {
    const datum = cohortFlowConfig(cohortFlow()).data.datasets[0].data[0];
    expect(flowTooltip(datum)).toBe('Stay 1: PHP → Stay 2: IOP · Step-down · 20 clients (48 %)');
    const transferred = cohortFlowConfig(cohortFlow()).data.datasets[0].data.at(-1)!;
    expect(flowTooltip(transferred)).toBe('Stay 4: IOP → Transferred · Exit · 1 client (2 %)');
  });

  it('copes with an empty cohort', () => {
    const config = cohortFlowConfig(emptyFlow());
    expect(config.data.datasets[0].data).toEqual([]);
    expect(nodeColumns(emptyFlow())).toEqual({});
    expect(flowLegend(emptyFlow())).toEqual([]);
  });
});

describe('flowLegend', () => {
  it('names the kinds present, in a fixed order, with their colours', () => {
    const legend = flowLegend(cohortFlow());
    expect(legend.map((i) => i.label)).toEqual([
      'Step-down',
      'Step-up',
      'Readmission',
      'Moved within level',
      'Exit',
    ]);
    expect(legend[1].colour).toBe(withAlpha(flowsPalette().kinds['step-up'], FLOW_ALPHA));
    const onlyDown = cohortFlow({
      links: cohortFlow().links.filter((l) => l.kind === 'step-down'),
    });
    expect(flowLegend(onlyDown).map((i) => i.kind)).toEqual(['step-down']);
  });
});

describe('flowTableRows', () => {
  it('lists every link with its kind, clients and share of the cohort', () => {
    const rows = flowTableRows(cohortFlow());
    expect(rows.length).toBe(19);
    expect(rows[0]).toEqual({
      from: 'Stay 1: PHP',
      to: 'Stay 2: IOP',
      move: 'Step-down',
      clients: '20',
      share: '48 %',
    });
    expect(rows[3]).toEqual({
      from: 'Stay 1: IOP',
      to: 'Stay 2: PHP',
      move: 'Step-up',
      clients: '4',
      share: '10 %',
    });
    expect(rows[10].move).toBe('Readmission');
    expect(rows[10].share).toBe('7 %');
  });
});

describe('truncationNote', () => {
  it('says how many journeys were cut at the sixth stay, and nothing when none were', () => {
    expect(truncationNote(0)).toBeUndefined();
    expect(truncationNote(1)).toBe('1 journey with more than 6 stays is shown up to its 6th stay');
    expect(truncationNote(3)).toBe(
      '3 journeys with more than 6 stays are shown up to their 6th stay',
    );
  });
});
