import { readmittedRecords, timelineOf } from './journey-fixture';
import { journeyLegend } from './journey-legend';

describe('journeyLegend', () => {
  const view = timelineOf();

  it('names in the legend only what this timeline shows, each with its dash and marker', () => {
    expect(journeyLegend(view).map((e) => [e.label, e.dash.length > 0, e.marker ?? null])).toEqual([
      ['Stay at a level', false, null],
      ['Stay after a step-up', false, 'triangle'],
      ['Move between levels', false, null],
      ['Planned stay (first 2 weeks drawn)', true, null],
      ['Planned transition', true, 'triangle-down'],
      ['PHQ-9 score (right axis, severity cut-offs marked)', false, 'circle'],
      ['Today (dotted line)', true, null],
    ]);
    expect(journeyLegend(timelineOf(readmittedRecords())).map((e) => e.label)).toEqual([
      'Stay at a level',
      'Stay after a readmission',
      'Move between levels',
      'PHQ-9 score (right axis, severity cut-offs marked)',
      'Today (dotted line)',
    ]);
    const longAgo = timelineOf();
    expect(journeyLegend({ ...longAgo, today: '2027-06-01' }).map((e) => e.label)).not.toContain(
      'Today (dotted line)',
    );
  });
});
