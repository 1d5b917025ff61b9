import { chartPalette, modalityColour } from './chart-palette';
import { dbtSkills, dose } from './chart-fixtures';
import {
  MINIMUM_LABEL,
  doseChartConfig,
  doseSummary,
  doseTableRows,
  modalitySummary,
  modalityTableRows,
  modalityWeeksConfig,
} from './dose-chart-config';
import { DoseView } from '../progress-view-model';

describe('doseChartConfig', () => {
  it('stacks attended hours per journey week, one dataset per modality', () => {
    const config = doseChartConfig(dose());
    expect(config.data.labels).toEqual(['Wk 1', 'Wk 2', 'Wk 3', 'Wk 4', 'Wk 5', 'Wk 6']);
    const bars = config.data.datasets.filter((d) => d.type === 'bar');
    expect(bars.map((d) => d.label)).toEqual([
      'Individual psychotherapy',
      'DBT skills group',
      'Psychoeducation group',
    ]);
    expect(bars.map((d) => d.stack)).toEqual(['hours', 'hours', 'hours']);
    expect(bars.map((d) => d.data)).toEqual([
      [1, 1, 1, 0, 1, 1],
      [5, 5, 5, 2.5, 5, 2.5],
      [3, 1.5, 3, 3, 1.5, 3],
    ]);
    // Each week's stack adds up to the week's attended hours.
    const totals = dose().weeks.map((_, i) => bars.reduce((s, d) => s + (d.data[i] as number), 0));
    expect(totals).toEqual(dose().weeks.map((w) => w.hours));
    expect(config.options!.scales!['x']!.stacked).toBeTrue();
    expect(config.options!.scales!['y']!.stacked).toBeTrue();
    expect(config.options!.animation).toBeFalse();
  });

  it('puts a modality’s hours in its own week even when a week is missing from its list', () => {
    const view = dose();
    const dbt = view.modalities[1];
    const gappy: DoseView = {
      ...view,
      modalities: [{ ...dbt, weeks: dbt.weeks.filter((w) => w.week !== 2) }],
    };
    expect(doseChartConfig(gappy).data.datasets[0].data).toEqual([5, 0, 5, 2.5, 5, 2.5]);
  });

  it('draws the level minimum as a dashed stepped line, with gaps where a level has none', () => {
    const view = dose();
    const withOutpatientWeek: DoseView = {
      ...view,
      weeks: view.weeks.map((w, i) =>
        i === 5 ? { ...w, minimum: undefined, level: 'outpatient' as const } : w,
      ),
    };
    const line = doseChartConfig(withOutpatientWeek).data.datasets.find(
      (d) => d.label === MINIMUM_LABEL,
    )!;
    expect(line.type).toBe('line');
    expect(line.data).toEqual([9, 9, 9, 9, 9, null]);
    const options = line as { stepped?: unknown; borderDash?: number[]; fill?: unknown };
    expect(options.stepped).toBeTruthy();
    expect(options.borderDash!.length).toBeGreaterThan(0);
    expect(options.fill).toBeFalse();
    // Not in the bars' stack, or it would be drawn on top of them instead of at 9.
    expect(line.stack).not.toBe('hours');
  });

  it('gives modalities distinct colours, the same on every chart', () => {
    const bars = doseChartConfig(dose()).data.datasets.filter((d) => d.type === 'bar');
    expect(new Set(bars.map((d) => d.backgroundColor)).size).toBe(3);
    expect(modalityWeeksConfig(dbtSkills()).data.datasets[0].backgroundColor).toBe(
      bars[1].backgroundColor,
    );
    expect(doseChartConfig(dose(), true).data.datasets[0].backgroundColor).toBe(
      modalityColour(chartPalette(true), 'individual-therapy'),
    );
  });
});

describe('doseSummary', () => {
  it('says the average weekly hours against the level minimum', () => {
    expect(doseSummary(dose())).toBe(
      'Attended 7.5 hours a week on average over 6 weeks, against the IOP minimum of 9',
    );
  });

  it('names each level’s minimum after a step-down, and copes with no weeks', () => {
    const view = dose();
    const stepped: DoseView = {
      ...view,
      weeks: view.weeks.map((w, i) => (i < 2 ? { ...w, minimum: 20, level: 'php' as const } : w)),
    };
    expect(doseSummary(stepped)).toBe(
      'Attended 7.5 hours a week on average over 6 weeks, against minimums of 20 at PHP and 9 at IOP',
    );
    expect(doseSummary({ weeks: [], modalities: [] })).toBe('No treatment weeks yet');
  });
});

describe('doseTableRows', () => {
  it('gives the same numbers as the chart, week by week', () => {
    const rows = doseTableRows(dose());
    expect(rows.length).toBe(6);
    expect(rows[3]).toEqual({
      week: 'Wk 4',
      from: '28 Sep 2026',
      hours: '5.5',
      minimum: '9',
      modalities: ['0', '2.5', '3'],
    });
  });
});

describe('modalityWeeksConfig', () => {
  it('stacks attended (solid) and missed (outline only) sessions per week', () => {
    const config = modalityWeeksConfig(dbtSkills());
    const [attended, missed] = config.data.datasets;
    expect(config.data.labels).toEqual(['Wk 1', 'Wk 2', 'Wk 3', 'Wk 4', 'Wk 5', 'Wk 6']);
    expect(attended.label).toBe('Attended');
    expect(attended.data).toEqual([2, 2, 2, 1, 2, 1]);
    expect(missed.label).toBe('Missed');
    expect(missed.data).toEqual([0, 0, 0, 1, 0, 1]);
    expect(attended.stack).toBe(missed.stack);
    expect(missed.backgroundColor).toBe('transparent');
    expect(missed.borderWidth).toBeGreaterThan(0);
    expect(attended.backgroundColor).not.toBe('transparent');
  });

  it('summarises and tabulates the modality', () => {
    expect(modalitySummary(dbtSkills())).toBe('DBT skills group: attended 10 of 12 sessions');
    expect(modalitySummary({ ...dbtSkills(), attended: 0, scheduled: 0 })).toBe(
      'DBT skills group: no sessions due',
    );
    expect(modalityTableRows(dbtSkills())[3]).toEqual({
      week: 'Wk 4',
      attended: '1',
      missed: '1',
      hours: '2.5',
    });
  });
});

describe('stackedBarOptions', () => {
  it('gives both bar charts the same stacked axes, differing only where asked', () => {
    const doseOptions = doseChartConfig(dose()).options!;
    const sessionOptions = modalityWeeksConfig(dbtSkills()).options!;
    for (const options of [doseOptions, sessionOptions]) {
      expect(options.animation).toBeFalse();
      expect(options.interaction).toEqual({ mode: 'index', intersect: false });
      expect(options.scales!['x']!.stacked).toBeTrue();
      expect(options.scales!['y']!.stacked).toBeTrue();
    }
    expect(doseOptions.scales!['y']!.title!.text).toBe('Hours attended');
    expect(sessionOptions.scales!['y']!.title!.text).toBe('Sessions');
    expect(doseOptions.scales!['y']).toEqual(jasmine.objectContaining({ grace: '10%' }));
    expect('grace' in sessionOptions.scales!['y']!).toBeFalse();
    expect(doseOptions.plugins!.legend!.labels!.usePointStyle).toBeTrue();
    expect(sessionOptions.plugins!.legend!.labels!.usePointStyle).toBeUndefined();
  });

  it('passes each chart’s own tooltip callbacks through', () => {
    const callbacks = modalityWeeksConfig(dbtSkills()).options!.plugins!.tooltip!.callbacks!;
    expect(callbacks.label).toBeUndefined();
    expect(typeof callbacks.title).toBe('function');
    expect(typeof doseChartConfig(dose()).options!.plugins!.tooltip!.callbacks!.label).toBe(
      'function',
    );
  });
});
