import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { TestBed } from '@angular/core/testing';
import { MatTableHarness } from '@angular/material/table/testing';
import { OutcomeSummaryView } from '../progress-view-model';
import { OutcomeSummary, signedChange } from './outcome-summary';

/** Week 9 of IOP: PHQ-9 18 → 7 (response, not yet remission), GAD-7 14 → 9, PCL-5 just started. */
function outcome(): OutcomeSummaryView {
  return {
    episodeLabel: 'IOP, 3 Nov 2026 – today',
    category: 'improved',
    measures: [
      {
        instrumentId: 'phq-9',
        shortName: 'PHQ-9',
        baseline: 18,
        latest: 7,
        change: -11,
        reliableChange: 'reliable-improvement',
        response: true,
        remission: false,
        category: 'improved',
      },
      {
        instrumentId: 'gad-7',
        shortName: 'GAD-7',
        baseline: 14,
        latest: 9,
        change: -5,
        reliableChange: 'reliable-improvement',
        category: 'recovered',
      },
      {
        instrumentId: 'ders-16',
        shortName: 'DERS-16',
        baseline: 52,
        latest: 58,
        change: 6,
        reliableChange: 'no-reliable-change',
        category: 'no-change',
      },
      { instrumentId: 'pcl-5', shortName: 'PCL-5', baseline: 41 },
    ],
    measureCompletion: { weeksWithMeasure: 8, weeksInTreatment: 10, rate: 0.8 },
    attendance: { attended: 34, missed: 6, rate: 0.85 },
  };
}

describe('OutcomeSummary', () => {
  async function render(view: OutcomeSummaryView) {
    const fixture = TestBed.createComponent(OutcomeSummary);
    fixture.componentRef.setInput('outcome', view);
    await fixture.whenStable();
    return {
      fixture,
      element: fixture.nativeElement as HTMLElement,
      loader: TestbedHarnessEnvironment.loader(fixture),
    };
  }

  const text = (el: Element | null | undefined) =>
    (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
  const rates = (element: HTMLElement) =>
    [...element.querySelectorAll('.rates > div')].map(
      (d) => `${text(d.querySelector('dt'))}: ${text(d.querySelector('dd'))}`,
    );

  it('heads the card with the episode and its category in words', async () => {
    const { element } = await render(outcome());
    expect(text(element.querySelector('mat-card-title'))).toBe('IOP, 3 Nov 2026 – today');
    const badge = element.querySelector('.category .badge')!;
    expect(text(element.querySelector('.category'))).toBe('Outcome: Improved');
    expect(badge.getAttribute('data-category')).toBe('improved');
  });

  it('tabulates each measure with signed change and words for each outcome', async () => {
    const { loader, element } = await render(outcome());
    const table = await loader.getHarness(MatTableHarness);
    expect(await table.getHeaderRows().then((r) => r[0].getCellTextByIndex())).toEqual([
      'Measure',
      'Baseline',
      'Latest',
      'Change',
      'Reliable change',
      'Response',
      'Remission',
      'Category',
    ]);
    const rows = await table.getRows();
    expect(await Promise.all(rows.map((r) => r.getCellTextByIndex()))).toEqual([
      ['PHQ-9', '18', '7', '\u221211', 'Reliable improvement', 'Yes', 'No', 'Improved'],
      ['GAD-7', '14', '9', '\u22125', 'Reliable improvement', '—', '—', 'Recovered'],
      ['DERS-16', '52', '58', '+6', 'No reliable change', '—', '—', 'No change'],
      ['PCL-5', '41', '—', '—', '—', '—', '—', '—'],
    ]);
    // Each row is announced by its measure.
    const headers = [...element.querySelectorAll('tbody [role="rowheader"]')].map(text);
    expect(headers).toEqual(['PHQ-9', 'GAD-7', 'DERS-16', 'PCL-5']);
  });

  it('names deterioration plainly', async () => {
    const view = outcome();
    const worse: OutcomeSummaryView = {
      ...view,
      category: 'deteriorated',
      measures: [
        {
          ...view.measures[0],
          baseline: 12,
          latest: 19,
          change: 7,
          reliableChange: 'reliable-deterioration',
          response: false,
          remission: false,
          category: 'deteriorated',
        },
      ],
    };
    const { element, loader } = await render(worse);
    expect(text(element.querySelector('.category'))).toBe('Outcome: Deteriorated');
    const cells = await (await loader.getHarness(MatTableHarness)).getCellTextByColumnName();
    expect(cells['change'].text).toEqual(['+7']);
    expect(cells['reliable'].text).toEqual(['Reliable deterioration']);
    expect(cells['response'].text).toEqual(['No']);
  });

  it('reports measure completion and attendance with their denominators', async () => {
    const { element } = await render(outcome());
    expect(rates(element)).toEqual([
      'Measure completion: 8 of 10 weeks (80 %)',
      'Attendance: 34 of 40 sessions attended (85 %)',
    ]);
    // The percent sign stays on the number's line.
    expect(element.querySelector('.rates dd')!.textContent).toContain('80\u00a0%');
  });

  it('says "not enough data" and shows dashes when nothing can be computed', async () => {
    const { element, loader } = await render({
      episodeLabel: 'PHP, 20 Nov 2026 – today',
      measures: [{ instrumentId: 'phq-9', shortName: 'PHQ-9' }],
      measureCompletion: { weeksWithMeasure: 0, weeksInTreatment: 0 },
      attendance: { attended: 0, missed: 0 },
    });
    expect(text(element.querySelector('.category'))).toBe('Outcome: Not enough data');
    expect(element.querySelector('.badge')!.getAttribute('data-category')).toBe('not-enough-data');
    const rows = await (await loader.getHarness(MatTableHarness)).getRows();
    expect(await rows[0].getCellTextByIndex()).toEqual([
      'PHQ-9',
      '—',
      '—',
      '—',
      '—',
      '—',
      '—',
      '—',
    ]);
    expect(rates(element)).toEqual(['Measure completion: —', 'Attendance: —']);
  });

  it('says so when no measure has been scored, instead of an empty table', async () => {
    const { element } = await render({ ...outcome(), measures: [] });
    expect(element.querySelector('table')).toBeNull();
    expect(text(element.querySelector('.empty'))).toBe(
      'No measure has a score in this episode yet.',
    );
  });

  it('signs change with a true minus, a plus, or nothing for zero', () => {
    expect(signedChange(-11)).toBe('\u221211');
    expect(signedChange(4)).toBe('+4');
    expect(signedChange(0)).toBe('0');
    expect(signedChange(-0.04)).toBe('0');
    expect(signedChange(-2.45)).toBe('\u22122.5');
    expect(signedChange(undefined)).toBe('—');
  });
});
