import { flowsPalette } from './flows-chart-palette';
import { durations } from './flows-fixture';
import { LevelDurationView } from './flows-view-model';
import {
  EXPECTED_LABEL,
  IQR_LABEL,
  MEDIAN_LABEL,
  RANGE_LABEL,
  levelSummary,
  timeInLevelConfig,
  timeInLevelHeight,
  timeInLevelRows,
  timeInLevelSummary,
} from './time-in-level-config';

describe('timeInLevelConfig', () => {
  const config = timeInLevelConfig(durations());
  const byLabel = (label: string) => config.data.datasets.find((d) => d.label === label)!;

  it('draws one horizontal row per level', () => {
    expect(config.type).toBe('bar');
    expect(config.options!.indexAxis).toBe('y');
    expect(config.data.labels).toEqual(['PHP', 'IOP', 'Outpatient']);
    expect(config.data.datasets.map((d) => d.label)).toEqual([
      EXPECTED_LABEL,
      RANGE_LABEL,
      IQR_LABEL,
      MEDIAN_LABEL,
    ]);
    expect(config.options!.animation).toBeFalse();
  });

  it('draws the box from q1 to q3 and the whisker from shortest to longest stay', () => {
    const box = byLabel(IQR_LABEL);
    expect(box.type).toBe('bar');
    expect(box.data).toEqual([[16, 27.5], [30, 63], null]);
    const whisker = byLabel(RANGE_LABEL);
    expect(whisker.data).toEqual([[6, 41], [12, 70], null]);
    // The whisker is a thin line through the row; the box is wider than it.
    expect((whisker as { barThickness?: number }).barThickness).toBeLessThanOrEqual(4);
    expect((box as { barPercentage?: number }).barPercentage).toBeGreaterThan(0.3);
  });

  it('marks the median on the same row, empty where a level has no finished stay', () => {
    const median = byLabel(MEDIAN_LABEL);
    expect(median.type).toBe('scatter');
    expect(median.data).toEqual([
      { x: 21, y: 'PHP' },
      { x: 56, y: 'IOP' },
      { x: null, y: 'Outpatient' },
    ]);
    const style = median as { pointStyle?: string; pointRotation?: number };
    expect(style.pointStyle).toBe('line');
    expect(style.pointRotation).toBe(90);
  });

  it('shades the expected length as a band behind each row that has one', () => {
    const band = byLabel(EXPECTED_LABEL);
    expect(band.data).toEqual([[14, 28], [56, 84], null]);
    expect(band.backgroundColor).toBe(flowsPalette().expectedFill);
    expect(band.borderColor).toBe(flowsPalette().expected);
  });

  it('overlays the four on one row, band at the back and median in front', () => {
    const orders = config.data.datasets.map((d) => d.order);
    expect(orders).toEqual([3, 2, 1, 0]);
    for (const d of config.data.datasets.filter((d) => d.type === 'bar')) {
      expect((d as { grouped?: boolean }).grouped)
        .withContext(d.label!)
        .toBeFalse();
    }
  });

  it('puts the count of finished stays under each level’s name', () => {
    const ticks = config.options!.scales!['y']!.ticks as {
      callback: (value: number, index: number) => string[];
    };
    expect([0, 1, 2].map((i) => ticks.callback(i, i))).toEqual([
      ['PHP', '24 finished'],
      ['IOP', '5 finished'],
      ['Outpatient', 'none finished'],
    ]);
  });

  it('uses the dark palette when asked', () => {
    const dark = timeInLevelConfig(durations(), true);
    expect(dark.data.datasets[2].borderColor).toBe(flowsPalette(true).box);
    expect(dark.data.datasets[3].borderColor).toBe(flowsPalette(true).median);
  });

  it('gives every row the same room', () => {
    expect(timeInLevelHeight(3) - timeInLevelHeight(2)).toBe(
      timeInLevelHeight(2) - timeInLevelHeight(1),
    );
    expect(timeInLevelHeight(0)).toBe(timeInLevelHeight(1));
  });
});

describe('timeInLevelSummary', () => {
  it('says each level’s median, IQR, count and place against the expected length', () => {
    const [php, iop, outpatient] = durations();
    expect(levelSummary(iop)).toBe(
      'IOP: median 56 days (IQR 30–63) over 5 finished stays; expected 56–84; ' +
        '2 shorter, 3 within, 0 longer; 13 still there',
    );
    expect(levelSummary(php)).toBe(
      'PHP: median 21 days (IQR 16–27.5) over 24 finished stays; expected 14–28; ' +
        '5 shorter, 15 within, 4 longer; 2 still there',
    );
    expect(levelSummary(outpatient)).toBe('Outpatient: no finished stays yet; 12 still there');
    expect(timeInLevelSummary(durations())).toBe(
      `Days at each level. ${levelSummary(php)}. ${levelSummary(iop)}. ${levelSummary(outpatient)}`,
    );
  });

  it('uses the singular for one stay and says when there are none', () => {
    const one: LevelDurationView = {
      ...durations()[1],
      n: 1,
      ongoing: 0,
      medianDays: 60,
      q1Days: 60,
      q3Days: 60,
      shorter: 0,
      within: 1,
      longer: 0,
    };
    expect(levelSummary(one)).toBe(
      'IOP: median 60 days (IQR 60) over 1 finished stay; expected 56–84; 0 shorter, 1 within, 0 longer',
    );
    expect(timeInLevelSummary([])).toBe('No stays at any level in this cohort yet');
  });
});

describe('timeInLevelRows', () => {
  it('gives the same numbers as the chart, with a dash where there are none', () => {
    expect(timeInLevelRows(durations())).toEqual([
      {
        level: 'PHP',
        finished: '24',
        ongoing: '2',
        median: '21',
        iqr: '16–27.5',
        range: '6–41',
        expected: '14–28',
        comparison: '5 / 15 / 4',
      },
      {
        level: 'IOP',
        finished: '5',
        ongoing: '13',
        median: '56',
        iqr: '30–63',
        range: '12–70',
        expected: '56–84',
        comparison: '2 / 3 / 0',
      },
      {
        level: 'Outpatient',
        finished: '0',
        ongoing: '12',
        median: '—',
        iqr: '—',
        range: '—',
        expected: '—',
        comparison: '—',
      },
    ]);
  });
});
