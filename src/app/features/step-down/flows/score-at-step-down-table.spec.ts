import { TestBed } from '@angular/core/testing';
import { scores } from './flows-fixture';
import { FlowsSectionView } from './flows-view-model';
import {
  ScoreAtStepDownTable,
  medianIqr,
  scoreBands,
  scoreComparison,
  scoreRows,
} from './score-at-step-down-table';

type Scores = FlowsSectionView['scores'];

describe('ScoreAtStepDownTable', () => {
  async function render(view: Scores = scores()) {
    TestBed.configureTestingModule({ imports: [ScoreAtStepDownTable] });
    const fixture = TestBed.createComponent(ScoreAtStepDownTable);
    fixture.componentRef.setInput('scores', view);
    await fixture.whenStable();
    return fixture.nativeElement as HTMLElement;
  }

  function texts(element: HTMLElement, selector: string): string[] {
    return [...element.querySelectorAll(selector)].map((e) => e.textContent!.trim());
  }

  it('compares held with stepped back up, one column per severity band', async () => {
    const element = await render();
    expect(texts(element, 'thead th')).toEqual([
      'Group',
      'Step-downs',
      'With a score',
      'Median (IQR)',
      'Minimal',
      'Mild',
      'Moderate',
      'Moderately severe',
      'Severe',
    ]);
    const rows = [...element.querySelectorAll('tbody tr')].map((tr) =>
      [...tr.querySelectorAll('th, td')].map((c) => c.textContent!.trim()),
    );
    expect(rows).toEqual([
      ['Held 90 days', '26', '22', '8 (5–11)', '5', '10', '6', '1', '0'],
      ['Stepped back up within 90 days', '7', '6', '14 (11–17.5)', '0', '1', '2', '3', '0'],
    ]);
    expect(element.querySelector('caption')!.textContent!.trim()).toBe(
      'PHQ-9 at step-down, by what happened in the next 90 days',
    );
  });

  it('reads the medians as an association, not a cause', async () => {
    const element = await render();
    expect(element.querySelector('.note')!.textContent!.trim()).toBe(
      'Association, not cause: clients who stepped back up had a median PHQ-9 of 14 at ' +
        'step-down against 8 for those who held.',
    );
  });

  it('says so when there are no step-downs to compare', async () => {
    const view = scores();
    const none: Scores = {
      ...view,
      held: { ...view.held, stepDowns: 0, withScore: 0, median: undefined, bySeverity: [] },
      steppedBackUp: {
        ...view.steppedBackUp,
        stepDowns: 0,
        withScore: 0,
        median: undefined,
        bySeverity: [],
      },
    };
    const element = await render(none);
    expect(element.querySelector('table')).toBeNull();
    expect(element.textContent).toContain('No step-downs judged at 90 days yet');
  });
});

describe('score table rows', () => {
  it('fills a band one group lacks with 0, keeping the columns aligned', () => {
    const view = scores();
    const partial: Scores = {
      ...view,
      steppedBackUp: {
        ...view.steppedBackUp,
        bySeverity: [{ label: 'Severe', count: 2 }],
      },
    };
    expect(scoreBands(partial)).toEqual([
      'Minimal',
      'Mild',
      'Moderate',
      'Moderately severe',
      'Severe',
    ]);
    expect(scoreRows(partial)[1].bands).toEqual(['0', '0', '0', '0', '2']);
  });

  it('shows a dash for a missing median and no comparison without both medians', () => {
    const view = scores();
    expect(medianIqr({ ...view.steppedBackUp, median: undefined })).toBe('—');
    expect(medianIqr({ ...view.held, q1: undefined })).toBe('8');
    expect(
      scoreComparison({ ...view, steppedBackUp: { ...view.steppedBackUp, median: undefined } }),
    ).toBe('Too few PHQ-9 scores at step-down to compare the two groups yet.');
  });
});
