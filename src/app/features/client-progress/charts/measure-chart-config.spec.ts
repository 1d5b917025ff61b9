import { chartPalette } from './chart-palette';
import { CURRENT_LEVEL, EVENTS, JOURNEY, PHASES, TRANSITIONS, phq9 } from './chart-fixtures';
import {
  EventDatum,
  MeasureChartConfig,
  MeasureDataset,
  ScoreDatum,
  measureChartConfig,
  measureLegend,
  measureTableRows,
  measureTooltipLabel,
} from './measure-chart-config';
import { MeasureView } from '../progress-view-model';
import { keepInside } from './backdrop-labels';
import { Backdrop } from './progress-backdrop';

/** Local midnight, built without date-fns so the spec does not share the code under test. */
function midnight(year: number, month: number, day: number): number {
  return new Date(year, month - 1, day).getTime();
}

function build(measure: MeasureView = phq9(), dark = false): MeasureChartConfig {
  return measureChartConfig(measure, {
    phases: PHASES,
    transitions: TRANSITIONS,
    events: EVENTS,
    range: JOURNEY,
    dark,
  });
}

function backdrop(config: MeasureChartConfig): Backdrop {
  return config.options!.plugins!.progressBackdrop as Backdrop;
}

function dataset(config: MeasureChartConfig, label: string): MeasureDataset {
  const found = config.data.datasets.find((d) => d.label === label);
  if (!found) throw new Error(`no dataset "${label}"`);
  return found;
}

describe('measureChartConfig', () => {
  it('shades one box per severity band, graded by level and named at the right edge', () => {
    const { bands } = backdrop(build());
    expect(bands.map((b) => [b.min, b.max, b.label])).toEqual([
      [0, 4, 'Minimal'],
      [5, 9, 'Mild'],
      [10, 14, 'Moderate'],
      [15, 19, 'Moderately severe'],
      [20, 27, 'Severe'],
    ]);
    for (const band of bands) expect(band.fill).toMatch(/^rgba\(.*, 0\.\d+\)$/);
    expect(new Set(bands.map((b) => b.fill)).size).toBe(5);
  });

  it('draws baseline, caseness and reliable-change lines at their scores, told apart by dash', () => {
    const lines = backdrop(build()).scoreLines;
    expect(lines.map((l) => [l.label, l.value, l.dash])).toEqual([
      ['Baseline', 18, []],
      ['Caseness', 10, [6, 4]],
      ['Reliable improvement', 12, [2, 3]],
      ['Reliable deterioration', 24, [2, 3]],
    ]);
    const palette = chartPalette(false);
    expect(lines.map((l) => l.colour)).toEqual([
      palette.reference,
      palette.reference,
      palette.improved,
      palette.deteriorated,
    ]);
    // 24 of 0–27 is within the top 15 %, where the phase names are: its label goes below.
    expect(lines.map((l) => l.labelBelow)).toEqual([false, false, false, true]);
  });

  it('leaves out the lines a measure without a baseline or caseness cannot have', () => {
    const b = backdrop(
      build(
        phq9({
          baseline: undefined,
          caseness: undefined,
          reliableChangeLines: undefined,
          expected: undefined,
        }),
      ),
    );
    expect(b.scoreLines).toEqual([]);
    expect(b.transitions.length).toBe(2);
  });

  it('marks levels of care as boxes from the first day to the end of the last, at local midnight', () => {
    const [php, iop] = backdrop(build()).phases;
    expect([php.from, php.to]).toEqual([midnight(2026, 8, 24), midnight(2026, 9, 7)]);
    expect([iop.from, iop.to]).toEqual([midnight(2026, 9, 7), midnight(2026, 11, 3)]);
    expect(php.label).toBe('PHP');
    expect(iop.label).toBe('IOP');
    expect(php.fill).not.toEqual(iop.fill);
  });

  it('draws transitions as labelled vertical lines, planned ones dashed', () => {
    const [stepDown, planned] = backdrop(build()).transitions;
    expect(stepDown).toEqual({
      value: midnight(2026, 9, 7),
      label: 'Step-down to IOP',
      dash: [],
    });
    expect(planned.value).toBe(midnight(2026, 10, 30));
    expect(planned.label).toBe('Planned step-down to OP');
    expect(planned.dash).toEqual([6, 4]);
  });

  it('keeps a transition label inside the plot near either end, and leaves it centred otherwise', () => {
    expect(keepInside(500, 40, 50, 1000)).toBe(0);
    expect(keepInside(980, 40, 50, 1000)).toBe(-20);
    expect(keepInside(60, 40, 50, 1000)).toBe(30);
  });

  it('plots the scores as {x, y} at local midnight on a time axis fixed to the range', () => {
    const config = build();
    const scores = dataset(config, 'PHQ-9');
    const data = scores.data as ScoreDatum[];
    expect(data.length).toBe(9);
    expect(data.map((d) => d.y)).toEqual([21, 18, 16, 15, 13, 12, 11, 10, 9]);
    expect(data[1].x).toBe(midnight(2026, 9, 7));
    expect(data[8].x).toBe(midnight(2026, 10, 26));
    const x = config.options!.scales!['x']!;
    const y = config.options!.scales!['y']!;
    expect(x.type).toBe('time');
    expect([x.min, x.max]).toEqual([midnight(2026, 8, 24), midnight(2026, 11, 2)]);
    expect(y.type).toBe('linear');
    expect([y.min, y.max]).toEqual([0, 27]);
  });

  it('skips parsing and animation and decimates long series', () => {
    const options = build().options!;
    expect(options.parsing).toBeFalse();
    expect(options.normalized).toBeTrue();
    expect(options.animation).toBeFalse();
    expect(options.plugins!.decimation).toEqual({ enabled: true, algorithm: 'lttb' });
  });

  it('draws expected recovery dashed and its edges dotted, shading between curve and amber edge', () => {
    const datasets = build().data.datasets;
    const labels = datasets.map((d) => d.label);
    const expected = dataset(build(), 'Expected');
    const amber = dataset(build(), 'Amber edge');
    const red = dataset(build(), 'Red edge');
    // The fill's '-1' means "the dataset before": it must be the expected curve.
    expect(labels.indexOf('Amber edge')).toBe(labels.indexOf('Expected') + 1);
    expect(amber.fill).toBe('-1');
    expect(expected.fill).toBeFalse();
    expect(red.fill).toBeFalse();
    expect(expected.borderDash).toEqual([6, 4]);
    expect(amber.borderDash).toEqual([2, 3]);
    expect(red.borderDash).toEqual([2, 3]);
    expect((expected.data as { y: number }[]).map((d) => d.y)).toEqual([
      18, 16.5, 15, 14, 13, 12, 11.5, 11,
    ]);
    expect((amber.data as { y: number }[])[0].y).toBe(21);
    expect((red.data as { y: number }[])[0].y).toBe(24);
    expect(build(phq9({ expected: undefined })).data.datasets.map((d) => d.label)).not.toContain(
      'Expected',
    );
  });

  it('marks events near the bottom of the axis, one shape and one lane per kind', () => {
    const config = build();
    const missed = dataset(config, 'Missed session');
    const safety = dataset(config, 'Safety signal');
    const carePlan = dataset(config, 'Care-plan change');
    expect([missed.pointStyle, safety.pointStyle, carePlan.pointStyle]).toEqual([
      'crossRot',
      'triangle',
      'rectRot',
    ]);
    for (const events of [missed, safety, carePlan]) expect(events.type).toBe('scatter');
    const missedData = missed.data as EventDatum[];
    expect(missedData.map((d) => d.x)).toEqual([midnight(2026, 9, 16), midnight(2026, 10, 7)]);
    const lanes = [missed, safety, carePlan].map((d) => (d.data as EventDatum[])[0].y);
    expect(new Set(lanes).size).toBe(3);
    // The bottom fifth of a 0–27 scale, under the scores.
    for (const y of lanes) expect(y).toBeLessThan(27 / 5);
    expect(build(phq9(), false).data.datasets.length).toBe(7);
  });

  it('tells every series apart by dash or marker shape, not colour alone', () => {
    // The amber and red edges share a dotted line on purpose: the tooltip and legend name them.
    const datasets = build().data.datasets.filter((d) => d.label !== 'Red edge');
    const signatures = datasets.map((d) =>
      JSON.stringify([d.type, (d as { borderDash?: number[] }).borderDash ?? [], d.pointStyle]),
    );
    expect(datasets.length).toBe(6);
    expect(new Set(signatures).size).toBe(datasets.length);
  });

  it('reads a score point as date, score, severity and change from baseline', () => {
    const config = build();
    const callbacks = config.options!.plugins!.tooltip!.callbacks!;
    const scores = dataset(config, 'PHQ-9').data as ScoreDatum[];
    const item = { raw: scores[8] } as never;
    expect(callbacks.label!.call({} as never, item)).toBe(
      'PHQ-9 9 · Mild · \u22129 from baseline (reliable improvement)',
    );
    expect(callbacks.title!.call({} as never, [item])).toBe('26 Oct 2026');
    expect(measureTooltipLabel(phq9(), scores[1])).toBe('PHQ-9 18 · Moderately severe · baseline');
    expect(measureTooltipLabel(phq9(), scores[0])).toBe('PHQ-9 21 · Severe');
    expect(measureTooltipLabel(phq9(), scores[3])).toBe(
      'PHQ-9 15 · Moderately severe · \u22123 from baseline (no reliable change)',
    );
  });

  it('reads an event by its label and the expected curve with its edges', () => {
    const config = build();
    const callbacks = config.options!.plugins!.tooltip!.callbacks!;
    const safety = dataset(config, 'Safety signal').data as EventDatum[];
    expect(callbacks.label!.call({} as never, { raw: safety[0] } as never)).toBe(
      'PHQ-9 item 9 scored 2',
    );
    const expected = dataset(config, 'Expected').data[1];
    expect(measureTooltipLabel(phq9(), expected)).toBe(
      'Expected 16.5 (amber edge 19.5, red edge 22.5)',
    );
    const filter = config.options!.plugins!.tooltip!.filter!;
    const amber = dataset(config, 'Amber edge').data[1];
    expect(filter({ raw: expected } as never, 0, [], {} as never)).toBeTrue();
    expect(filter({ raw: amber } as never, 0, [], {} as never)).toBeFalse();
  });

  it('takes light or dark colours', () => {
    const light = dataset(build(phq9(), false), 'PHQ-9');
    const dark = dataset(build(phq9(), true), 'PHQ-9');
    expect(light.borderColor).toBe(chartPalette(false).score);
    expect(dark.borderColor).toBe(chartPalette(true).score);
    expect(light.borderColor).not.toBe(dark.borderColor);
  });
});

describe('measureTableRows', () => {
  it('lists the scores inside the range with the numbers the chart draws', () => {
    const rows = measureTableRows(phq9(), CURRENT_LEVEL);
    expect(rows.length).toBe(8);
    expect(rows[0]).toEqual({
      id: 'obs-1',
      date: '7 Sep 2026',
      score: '18',
      severity: 'Moderately severe',
      change: 'Baseline',
      reliableChange: '—',
    });
    expect(rows[7]).toEqual({
      id: 'obs-8',
      date: '26 Oct 2026',
      score: '9',
      severity: 'Mild',
      change: '\u22129',
      reliableChange: 'Reliable improvement',
    });
    expect(measureTableRows(phq9(), JOURNEY)[0]).toEqual(
      jasmine.objectContaining({ date: '25 Aug 2026', score: '21', change: '—' }),
    );
  });
});

describe('measureLegend', () => {
  it('names each encoding the chart uses, with its dash and marker', () => {
    const entries = measureLegend(phq9(), EVENTS);
    expect(entries.map((e) => e.label)).toEqual([
      'PHQ-9 score',
      'Expected recovery',
      'Amber and red edges',
      'Baseline',
      'Caseness',
      'Reliable change',
      'Missed session',
      'Safety signal',
      'Care-plan change',
    ]);
    expect(entries.find((e) => e.label === 'Safety signal')?.marker).toBe('triangle');
    expect(entries.find((e) => e.label === 'Caseness')?.dash).toEqual([6, 4]);
    expect(measureLegend(phq9({ expected: undefined }), []).map((e) => e.label)).toEqual([
      'PHQ-9 score',
      'Baseline',
      'Caseness',
      'Reliable change',
    ]);
  });
});
