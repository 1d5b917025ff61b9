import { TooltipItem } from 'chart.js';
import { wilsonInterval } from '../../../domain/stats/wilson';
import { RateTrendsView, TREND_RATE_LABELS, TrendRate } from '../outcomes-view-model';
import {
  NO_MONTHS_SUMMARY,
  RATE_STYLES,
  RateTrendConfig,
  SMALL_N,
  isLoneMonth,
  TREND_RATES,
  rateCell,
  rateTooltip,
  rateTrendConfig,
  rateTrendLegend,
  rateTrendRows,
  rateTrendSummary,
} from './rate-trend-config';
import { trendsPalette, withAlpha } from './trends-chart-palette';
import { NO_EPISODES, rateTrends, trendMonth } from './trends-fixture';

function dataset(config: RateTrendConfig, label: string) {
  const found = config.data.datasets.find((d) => d.label === label);
  if (!found) throw new Error(`no dataset ${label}`);
  return found;
}

describe('rateTrendConfig', () => {
  const config = rateTrendConfig(rateTrends());

  it('draws the months as categories on a 0–100 % axis', () => {
    expect(config.type).toBe('line');
    expect(config.data.labels).toEqual(['Jan 2026', 'Feb 2026', 'Mar 2026', 'Apr 2026']);
    const y = config.options!.scales!['y']!;
    expect(y.type).toBe('linear');
    expect(y.min).toBe(0);
    expect(y.max).toBe(100);
    expect(config.options!.scales!['x']!.type).toBe('category');
    const ticks = y.ticks as { callback: (value: number) => string };
    expect(ticks.callback(40)).toBe('40 %');
  });

  it('gives each rate a line in percent with a gap where no episode could be counted', () => {
    expect(dataset(config, 'Completion').data).toEqual([66.7, null, 83.3, 80]);
    expect(dataset(config, 'Response').data).toEqual([40, null, 60, 55]);
    expect(dataset(config, 'Remission').data).toEqual([20, null, 20, 30]);
    expect(dataset(config, 'Reliable improvement').data).toEqual([50, null, 60, 60]);
    for (const rate of ['Completion', 'Response', 'Remission', 'Reliable improvement']) {
      const line = dataset(config, rate) as { spanGaps?: boolean };
      expect(line.spanGaps).withContext(rate).toBeFalse();
    }
  });

  it('shades each rate’s 95 % Wilson interval by filling its high edge down to its low', () => {
    const low = dataset(config, 'Response 95 % interval (low)');
    const high = dataset(config, 'Response 95 % interval (high)');
    // 4/10: 16.8–68.7; 3/5: 23.1–88.2; 11/20: 34.2–74.2.
    expect(low.data).toEqual([16.8, null, 23.1, 34.2]);
    expect(high.data).toEqual([68.7, null, 88.2, 74.2]);
    const datasets = config.data.datasets;
    expect(datasets.indexOf(high)).toBe(datasets.indexOf(low) + 1);
    expect(high.fill).toBe('-1');
    expect(low.fill).toBeFalse();
    expect(high.backgroundColor).toBe(withAlpha(trendsPalette().rates.response, 0.12));
    expect((high as { pointRadius?: number }).pointRadius).toBe(0);
    // Bands sit under the lines.
    expect(high.order).toBeGreaterThan(dataset(config, 'Response').order!);
    expect(config.data.datasets.length).toBe(16);
  });

  it('gives a month no band can reach (between gaps) an upright whisker from low to high', () => {
    const whisker = dataset(config, 'Response 95 % interval (single month)') as {
      data: (number | null)[];
      pointStyle?: string;
      pointRotation?: number;
      showLine?: boolean;
      pointRadius?: (context: unknown) => number;
    };
    // January has no counted neighbour (February is a gap): its whisker sits at the middle of
    // 16.8–68.7, (0.1682 + 0.6873) / 2 = 42.8 %. March and April share a band instead.
    expect(whisker.data).toEqual([42.8, null, null, null]);
    expect(whisker.pointStyle).toBe('line');
    expect(whisker.pointRotation).toBe(90);
    expect(whisker.showLine).toBeFalse();
    // Half the interval's height in pixels, on a y scale of 3 px per percent.
    const context = {
      dataIndex: 0,
      chart: { scales: { y: { getPixelForValue: (v: number) => 300 - 3 * v } } },
    };
    expect(whisker.pointRadius!(context)).toBeCloseTo(((68.7 - 16.8) * 3) / 2, 6);
    expect(whisker.pointRadius!({ ...context, dataIndex: 1 })).toBe(0);
    expect(dataset(config, 'Completion 95 % interval (single month)').data).toEqual([
      62.6,
      null,
      null,
      null,
    ]);
  });

  it('finds lone months at either end and between gaps, not beside a counted month', () => {
    const months = rateTrends().months;
    expect([0, 1, 2, 3].map((i) => isLoneMonth(months, 'response', i))).toEqual([
      true,
      false,
      false,
      false,
    ]);
    const last = [months[2], months[1], months[3]];
    expect([0, 1, 2].map((i) => isLoneMonth(last, 'response', i))).toEqual([true, false, true]);
  });

  it('keeps a band at 0 % or 100 % inside the axis', () => {
    const edge = rateTrendConfig({
      ...rateTrends(),
      months: [
        trendMonth('2026-05', 'May 2026', {
          completion: [7, 7],
          response: [0, 7],
          remission: [0, 7],
          reliableImprovement: [7, 7],
        }),
      ],
    });
    expect(dataset(edge, 'Completion 95 % interval (high)').data).toEqual([100]);
    expect(dataset(edge, 'Response 95 % interval (low)').data).toEqual([0]);
  });

  it('tells rates apart by dash and point shape as well as colour', () => {
    const palette = trendsPalette();
    const lines = TREND_RATES.map((rate) => dataset(config, TREND_RATE_LABELS[rate]));
    const dashes = lines.map((d) => JSON.stringify(d.borderDash));
    const shapes = lines.map((d) => (d as { pointStyle?: string }).pointStyle);
    expect(new Set(dashes).size).toBe(4);
    expect(new Set(shapes).size).toBe(4);
    expect(lines.map((d) => d.borderColor)).toEqual(TREND_RATES.map((r) => palette.rates[r]));
  });

  it('draws a point hollow where its rate rests on fewer than 10 episodes', () => {
    const palette = trendsPalette();
    const completion = dataset(config, 'Completion') as { pointBackgroundColor?: string[] };
    // Jan n = 12, Feb none (no point), Mar n = 6, Apr n = 20.
    const c = palette.rates.completion;
    expect(completion.pointBackgroundColor).toEqual([c, c, palette.surface, c]);
    expect(SMALL_N).toBe(10);
  });

  it('hides a rate’s line and band together when the reader hides it', () => {
    const hidden = rateTrendConfig(rateTrends(), { hidden: new Set<TrendRate>(['remission']) });
    const hiddenLabels = hidden.data.datasets.filter((d) => d.hidden).map((d) => d.label);
    expect(hiddenLabels.sort()).toEqual([
      'Remission',
      'Remission 95 % interval (high)',
      'Remission 95 % interval (low)',
      'Remission 95 % interval (single month)',
    ]);
    expect(config.data.datasets.some((d) => d.hidden)).toBeFalse();
  });

  it('uses the dark palette when asked', () => {
    const dark = rateTrendConfig(rateTrends(), { dark: true });
    expect(dataset(dark, 'Remission').borderColor).toBe(trendsPalette(true).rates.remission);
    expect(dataset(dark, 'Remission 95 % interval (high)').backgroundColor).toBe(
      withAlpha(trendsPalette(true).rates.remission, 0.16),
    );
    expect(dark.options!.scales!['y']!.ticks!.color).toBe(trendsPalette(true).text);
  });

  it('reads out each rate with its interval and n, and leaves the band edges out', () => {
    const tooltip = config.options!.plugins!.tooltip!;
    const datasets = config.data.datasets;
    const item = (label: string, dataIndex: number) =>
      ({
        datasetIndex: datasets.indexOf(dataset(config, label)),
        dataIndex,
      }) as TooltipItem<'line'>;
    const filter = tooltip.filter as (item: TooltipItem<'line'>) => boolean;
    expect(filter(item('Response', 3))).toBeTrue();
    expect(filter(item('Response 95 % interval (low)', 3))).toBeFalse();
    expect(filter(item('Response 95 % interval (high)', 3))).toBeFalse();
    expect(filter(item('Response 95 % interval (single month)', 0))).toBeFalse();
    const callbacks = tooltip.callbacks as {
      label: (item: TooltipItem<'line'>) => string;
      title: (items: TooltipItem<'line'>[]) => string;
    };
    expect(callbacks.title([item('Response', 3)])).toBe('Apr 2026');
    expect(callbacks.label(item('Response', 3))).toBe('Response: 55 % (95 % CI 34–74 %, n = 20)');
    expect(callbacks.label(item('Reliable improvement', 2))).toBe(
      'Reliable improvement: 60 % (95 % CI 23–88 %, n = 5)',
    );
  });
});

describe('rateTooltip and rateCell', () => {
  it('give the rate, its 95 % interval and n in whole percent', () => {
    // 25 of 52 = 48.1 %; Wilson 95 %: 35.1–61.3 %.
    expect(rateTooltip('response', wilsonInterval(25, 52))).toBe(
      'Response: 48 % (95 % CI 35–61 %, n = 52)',
    );
    expect(rateCell(wilsonInterval(25, 52))).toBe('48 % (35–61 %), n = 52');
  });

  it('say n = 0 instead of a rate, and when the counts were impossible', () => {
    expect(rateTooltip('remission', wilsonInterval(0, 0))).toBe(
      'Remission: no episodes to count (n = 0)',
    );
    expect(rateCell(wilsonInterval(0, 0))).toBe('—, n = 0');
    expect(rateCell(wilsonInterval(5, 3))).toBe('—, counts could not be read');
  });
});

describe('rateTrendRows', () => {
  it('has one row per month and one cell per rate, in legend order', () => {
    expect(rateTrendRows(rateTrends())).toEqual([
      {
        month: '2026-01',
        label: 'Jan 2026',
        cells: [
          { rate: 'completion', text: '67 % (39–86 %), n = 12', n: 12 },
          { rate: 'response', text: '40 % (17–69 %), n = 10', n: 10 },
          { rate: 'remission', text: '20 % (6–51 %), n = 10', n: 10 },
          { rate: 'reliableImprovement', text: '50 % (24–76 %), n = 10', n: 10 },
        ],
      },
      {
        month: '2026-02',
        label: 'Feb 2026',
        cells: [
          { rate: 'completion', text: '—, n = 0', n: 0 },
          { rate: 'response', text: '—, n = 0', n: 0 },
          { rate: 'remission', text: '—, n = 0', n: 0 },
          { rate: 'reliableImprovement', text: '—, n = 0', n: 0 },
        ],
      },
      {
        month: '2026-03',
        label: 'Mar 2026',
        cells: [
          { rate: 'completion', text: '83 % (44–97 %), n = 6', n: 6 },
          { rate: 'response', text: '60 % (23–88 %), n = 5', n: 5 },
          { rate: 'remission', text: '20 % (4–62 %), n = 5', n: 5 },
          { rate: 'reliableImprovement', text: '60 % (23–88 %), n = 5', n: 5 },
        ],
      },
      {
        month: '2026-04',
        label: 'Apr 2026',
        cells: [
          { rate: 'completion', text: '80 % (58–92 %), n = 20', n: 20 },
          { rate: 'response', text: '55 % (34–74 %), n = 20', n: 20 },
          { rate: 'remission', text: '30 % (15–52 %), n = 20', n: 20 },
          { rate: 'reliableImprovement', text: '60 % (39–78 %), n = 20', n: 20 },
        ],
      },
    ]);
  });
});

describe('rateTrendSummary', () => {
  it('says where each rate started and ended, and what hollow points and gaps mean', () => {
    expect(rateTrendSummary(rateTrends())).toBe(
      'Outcome rates by admission month (PHQ-9), Jan 2026 – Apr 2026: ' +
        'completion from 67 % (n = 12) to 80 % (n = 20); ' +
        'response from 40 % (n = 10) to 55 % (n = 20); ' +
        'remission from 20 % (n = 10) to 30 % (n = 20); ' +
        'reliable improvement from 50 % (n = 10) to 60 % (n = 20). ' +
        'Points from fewer than 10 episodes are hollow; gaps are months with no episodes to count.',
    );
  });

  it('names the month of a first or last value that is not at the end of the range', () => {
    const view = rateTrends();
    const trends: RateTrendsView = {
      ...view,
      // Jan, Feb (none), Mar, Apr, then May with none: the last values are April's.
      months: [
        ...view.months.slice(1),
        trendMonth('2026-05', 'May 2026', { ...NO_EPISODES, completion: [9, 10] }),
      ],
    };
    expect(rateTrendSummary(trends)).toBe(
      'Outcome rates by admission month (PHQ-9), Feb 2026 – May 2026: ' +
        'completion from 83 % (Mar 2026, n = 6) to 90 % (n = 10); ' +
        'response from 60 % (Mar 2026, n = 5) to 55 % (Apr 2026, n = 20); ' +
        'remission from 20 % (Mar 2026, n = 5) to 30 % (Apr 2026, n = 20); ' +
        'reliable improvement from 60 % (Mar 2026, n = 5) to 60 % (Apr 2026, n = 20). ' +
        'Points from fewer than 10 episodes are hollow; gaps are months with no episodes to count.',
    );
  });

  it('gives a lone value with its month, and a rate with none in words', () => {
    const trends: RateTrendsView = {
      instrument: 'GAD-7',

      months: [
        trendMonth('2026-01', 'Jan 2026', {
          ...NO_EPISODES,
          completion: [10, 12],
          response: [6, 11],
        }),
        trendMonth('2026-02', 'Feb 2026', { ...NO_EPISODES, completion: [9, 10] }),
      ],
    };
    expect(rateTrendSummary(trends)).toBe(
      'Outcome rates by admission month (GAD-7), Jan 2026 – Feb 2026: ' +
        'completion from 83 % (n = 12) to 90 % (n = 10); ' +
        'response 55 % (Jan 2026, n = 11); ' +
        'remission: no episodes to count; reliable improvement: no episodes to count. ' +
        'Gaps are months with no episodes to count.',
    );
  });

  it('leaves out the notes when every point rests on 10 or more episodes', () => {
    const trends: RateTrendsView = {
      instrument: 'PHQ-9',

      months: [
        trendMonth('2026-04', 'Apr 2026', {
          completion: [16, 20],
          response: [11, 20],
          remission: [6, 20],
          reliableImprovement: [12, 20],
        }),
      ],
    };
    expect(rateTrendSummary(trends)).toBe(
      'Outcome rates by admission month (PHQ-9), Apr 2026: completion 80 % (n = 20); ' +
        'response 55 % (n = 20); remission 30 % (n = 20); reliable improvement 60 % (n = 20).',
    );
  });

  it('says there were no finished episodes, with or without months', () => {
    expect(rateTrendSummary({ instrument: 'PHQ-9', months: [] })).toBe(
      'No finished episodes in these months.',
    );
    expect(NO_MONTHS_SUMMARY).toBe('No finished episodes in these months.');
    const empty: RateTrendsView = {
      instrument: 'PHQ-9',

      months: [
        trendMonth('2026-01', 'Jan 2026', NO_EPISODES),
        trendMonth('2026-02', 'Feb 2026', NO_EPISODES),
      ],
    };
    expect(rateTrendSummary(empty)).toBe(
      'Outcome rates by admission month (PHQ-9), Jan 2026 – Feb 2026: ' +
        'no finished episodes in these months.',
    );
  });
});

describe('rateTrendLegend', () => {
  it('names each rate with its colour, dash and marker', () => {
    expect(rateTrendLegend(true)).toEqual(
      TREND_RATES.map((rate) => ({
        rate,
        label: TREND_RATE_LABELS[rate],
        colour: trendsPalette(true).rates[rate],
        dash: RATE_STYLES[rate].dash,
        marker: RATE_STYLES[rate].pointStyle,
      })),
    );
  });
});
