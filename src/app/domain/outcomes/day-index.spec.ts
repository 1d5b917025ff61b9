import { dayFromNumber, dayNumber } from '../recovery/day-number';
import { dayFromIndex, dayIndex } from './day-index';

describe('integer day index', () => {
  it('agrees with dayNumber and dayFromNumber every day from 1800 to 2200', () => {
    const from = dayNumber('1800-01-01');
    const to = dayNumber('2200-12-31');
    for (let n = from; n <= to; n++) {
      const day = dayFromNumber(n);
      if (dayIndex(day) !== n || dayFromIndex(n) !== day) {
        fail(`${day}: ${dayIndex(day)} / ${dayFromIndex(n)}`);
        return;
      }
    }
    expect(dayIndex('1970-01-01')).toBe(0);
    expect(dayIndex('2024-02-29') - dayIndex('2024-02-28')).toBe(1);
    expect(dayFromIndex(dayIndex('2000-02-28') + 1)).toBe('2000-02-29');
    expect(dayFromIndex(dayIndex('1900-02-28') + 1)).toBe('1900-03-01');
  });
});
