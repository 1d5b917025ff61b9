import { TooltipItem } from 'chart.js';
import { CensusTrendView } from '../outcomes-view-model';
import {
  NO_CENSUS_SUMMARY,
  censusLegend,
  censusTooltipLabel,
  censusTrendConfig,
  censusTrendRows,
  censusTrendSummary,
} from './census-trend-config';
import { trendsPalette, withAlpha } from './trends-chart-palette';
import { census } from './trends-fixture';

describe('censusTrendConfig', () => {
  const config = censusTrendConfig(census());

  it('stacks one filled line per level over the census days', () => {
    expect(config.type).toBe('line');
    expect(config.data.labels).toEqual(['8 Dec 2025', '2 Feb 2026', '2 Mar 2026']);
    expect(config.data.datasets.map((d) => d.label)).toEqual([
      'PHP',
      'IOP',
      'Outpatient',
      'Aftercare',
    ]);
    expect(config.data.datasets.map((d) => d.data)).toEqual([
      [5, 4, 6],
      [20, 22, 22],
      [10, 12, 11],
      // Missing from `byLevel` means nobody there, drawn as 0 so the stack does not break.
      [0, 0, 2],
    ]);
    expect(config.data.datasets.map((d) => d.fill)).toEqual(['origin', '-1', '-1', '-1']);
    const y = config.options!.scales!['y']!;
    expect(y.type).toBe('linear');
    expect((y as { stacked?: boolean }).stacked).toBeTrue();
    expect(config.options!.scales!['x']!.type).toBe('category');
  });

  it('gives the stack heights the totals of the view', () => {
    const heights = census().points.map((_, i) =>
      config.data.datasets.reduce((sum, d) => sum + d.data[i], 0),
    );
    expect(heights).toEqual(census().points.map((p) => p.total));
  });

  it('colours each level from the palette, line solid and area translucent', () => {
    const palette = trendsPalette();
    const iop = config.data.datasets[1];
    expect(iop.borderColor).toBe(palette.levels.iop);
    expect(iop.backgroundColor).toBe(withAlpha(palette.levels.iop, 0.35));
    const dark = censusTrendConfig(census(), true);
    expect(dark.data.datasets[0].borderColor).toBe(trendsPalette(true).levels.php);
    expect(new Set(config.data.datasets.map((d) => d.borderColor)).size).toBe(4);
  });

  it('reads each level’s own count in the tooltip, with the total below', () => {
    const callbacks = config.options!.plugins!.tooltip!.callbacks as {
      title: (items: Partial<TooltipItem<'line'>>[]) => string;
      label: (item: Partial<TooltipItem<'line'>>) => string;
      footer: (items: Partial<TooltipItem<'line'>>[]) => string;
    };
    const item = { datasetIndex: 2, dataIndex: 1 };
    expect(callbacks.title([item])).toBe('2 Feb 2026');
    expect(callbacks.label(item)).toBe('Outpatient: 12');
    expect(callbacks.footer([item])).toBe('Total: 38');
    expect(censusTooltipLabel(census(), { datasetIndex: 3, dataIndex: 0 })).toBe('Aftercare: 0');
  });
});

describe('censusTrendSummary', () => {
  it('gives the latest census by level and the first one, with the weeks between', () => {
    // 8 Dec 2025 to 2 Mar 2026: 23 + 31 + 28 + 2 = 84 days, 12 weeks.
    expect(censusTrendSummary(census())).toBe(
      'Census on 2 Mar 2026: 41 clients (PHP 6, IOP 22, Outpatient 11, Aftercare 2); ' +
        '12 weeks earlier, on 8 Dec 2025: 35.',
    );
  });

  it('counts days when the gap is not whole weeks, and handles one day and none', () => {
    const view = census();
    const uneven: CensusTrendView = {
      ...view,
      points: [{ ...view.points[0], day: '2025-12-10', label: '10 Dec 2025' }, view.points[2]],
    };
    expect(censusTrendSummary(uneven)).toBe(
      'Census on 2 Mar 2026: 41 clients (PHP 6, IOP 22, Outpatient 11, Aftercare 2); ' +
        '82 days earlier, on 10 Dec 2025: 35.',
    );
    const one: CensusTrendView = {
      levels: [{ level: 'iop', label: 'IOP' }],
      points: [{ day: '2026-03-02', label: '2 Mar 2026', byLevel: { iop: 1 }, total: 1 }],
    };
    expect(censusTrendSummary(one)).toBe('Census on 2 Mar 2026: 1 client (IOP 1).');
    expect(censusTrendSummary({ levels: [], points: [] })).toBe(NO_CENSUS_SUMMARY);
    expect(NO_CENSUS_SUMMARY).toBe('No census to show for this period.');
  });
});

describe('censusLegend', () => {
  it('names each level with its colour and its count on the latest day', () => {
    const palette = trendsPalette(true);
    expect(censusLegend(census(), true)).toEqual([
      {
        level: 'php',
        label: 'PHP',
        colour: palette.levels.php,
        fill: withAlpha(palette.levels.php, 0.35),
        count: 6,
      },
      {
        level: 'iop',
        label: 'IOP',
        colour: palette.levels.iop,
        fill: withAlpha(palette.levels.iop, 0.35),
        count: 22,
      },
      {
        level: 'outpatient',
        label: 'Outpatient',
        colour: palette.levels.outpatient,
        fill: withAlpha(palette.levels.outpatient, 0.35),
        count: 11,
      },
      {
        level: 'aftercare',
        label: 'Aftercare',
        colour: palette.levels.aftercare,
        fill: withAlpha(palette.levels.aftercare, 0.35),
        count: 2,
      },
    ]);
  });
});

describe('censusTrendRows', () => {
  it('has one row per day with a count per level and the total', () => {
    expect(censusTrendRows(census())).toEqual([
      { day: '2025-12-08', label: '8 Dec 2025', counts: [5, 20, 10, 0], total: 35 },
      { day: '2026-02-02', label: '2 Feb 2026', counts: [4, 22, 12, 0], total: 38 },
      { day: '2026-03-02', label: '2 Mar 2026', counts: [6, 22, 11, 2], total: 41 },
    ]);
  });
});
