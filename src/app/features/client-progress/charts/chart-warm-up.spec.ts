import { Chart } from 'chart.js';
import { PROGRESS_CHART_REGISTERABLES } from './chart-registration';
import { warmUpCharts } from './chart-warm-up';

describe('warmUpCharts', () => {
  beforeAll(() => Chart.register(...PROGRESS_CHART_REGISTERABLES));

  it('draws a measure chart and a dose chart off the page and leaves nothing behind', () => {
    const created: string[] = [];
    const spy = spyOn(document, 'createElement').and.callThrough();
    const before = Object.keys(Chart.instances).length;
    const nodes = document.body.querySelectorAll('*').length;
    const marks = performance.getEntriesByName('waypoint:chart-drawn').length;
    warmUpCharts(document);
    for (const call of spy.calls.all()) created.push(String(call.args[0]));
    expect(created).toEqual(['canvas', 'canvas']);
    expect(Object.keys(Chart.instances).length).toBe(before);
    expect(document.body.querySelectorAll('*').length).toBe(nodes);
    // Benchmarks count drawn charts by this mark: the warm-up must not add to it.
    expect(performance.getEntriesByName('waypoint:chart-drawn').length).toBe(marks);
  });
});
