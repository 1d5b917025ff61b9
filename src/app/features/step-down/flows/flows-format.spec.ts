import { wilsonInterval } from '../../../domain/stats/wilson';
import {
  NOT_JUDGED_YET,
  formatNumber,
  percent,
  plural,
  proportionCell,
  span,
} from './flows-format';

describe('flows formatting', () => {
  it('writes a proportion as counts, rate and 95 % interval', () => {
    expect(proportionCell(wilsonInterval(8, 10))).toEqual({ text: '8 of 10 · 80 % (49–94 %)' });
    expect(proportionCell(wilsonInterval(18, 20))).toEqual({
      text: '18 of 20 · 90 % (70–97 %)',
    });
    // 0 % and 100 % keep an interval that is not zero width.
    expect(proportionCell(wilsonInterval(2, 2)).text).toBe('2 of 2 · 100 % (34–100 %)');
    expect(proportionCell(wilsonInterval(0, 3)).text).toBe('0 of 3 · 0 % (0–56 %)');
  });

  it('shows a dash with the reason when there is no rate', () => {
    expect(proportionCell(wilsonInterval(0, 0))).toEqual({ text: '—', note: NOT_JUDGED_YET });
    expect(proportionCell(wilsonInterval(5, 3))).toEqual({
      text: '—',
      note: 'counts could not be read: more successes than trials (5 of 3)',
    });
  });

  it('rounds shares to whole percentages without calling a few clients nobody', () => {
    expect(percent(20 / 42)).toBe('48 %');
    expect(percent(0)).toBe('0 %');
    expect(percent(1 / 400)).toBe('<1 %');
    expect(percent(1)).toBe('100 %');
  });

  it('formats days, ranges and counts', () => {
    expect(formatNumber(27.5)).toBe('27.5');
    expect(formatNumber(21.04)).toBe('21');
    expect(span(30, 63)).toBe('30–63');
    expect(span(60, 60)).toBe('60');
    expect(plural(1, 'client')).toBe('1 client');
    expect(plural(0, 'client')).toBe('0 clients');
  });
});
