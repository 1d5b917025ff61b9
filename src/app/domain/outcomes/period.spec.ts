import { inPeriod, periodDays, periodPreset, previousPeriod } from './period';

describe('reporting periods', () => {
  it('counts both ends and includes them', () => {
    const march = { from: '2024-03-01', to: '2024-03-31' };
    expect(periodDays(march)).toBe(31);
    expect(periodDays({ from: '2024-03-05', to: '2024-03-05' })).toBe(1);
    expect(periodDays({ from: '2024-03-06', to: '2024-03-05' })).toBe(0);
    expect(inPeriod('2024-03-01', march)).toBeTrue();
    expect(inPeriod('2024-03-31', march)).toBeTrue();
    expect(inPeriod('2024-02-29', march)).toBeFalse();
    expect(inPeriod('2024-04-01', march)).toBeFalse();
    expect(inPeriod(undefined, march)).toBeFalse();
  });

  it('takes the previous period as the same number of days just before', () => {
    // March has 31 days: 30 January – 29 February 2024 (a leap year).
    expect(previousPeriod({ from: '2024-03-01', to: '2024-03-31' })).toEqual({
      from: '2024-01-30',
      to: '2024-02-29',
    });
    expect(previousPeriod({ from: '2024-01-01', to: '2024-01-01' })).toEqual({
      from: '2023-12-31',
      to: '2023-12-31',
    });
    // Q2 2024 has 91 days, so the period before is 1 January – 31 March (91 days), not Q1 by name.
    const q2 = previousPeriod({ from: '2024-04-01', to: '2024-06-30' });
    expect(q2).toEqual({ from: '2024-01-01', to: '2024-03-31' });
    expect(periodDays(q2)).toBe(91);
  });

  it('builds presets relative to today, today included', () => {
    expect(periodPreset('last-30', '2024-03-15')).toEqual({ from: '2024-02-15', to: '2024-03-15' });
    expect(periodDays(periodPreset('last-90', '2024-03-15'))).toBe(90);
    expect(periodPreset('last-365', '2024-12-31')).toEqual({
      from: '2024-01-02',
      to: '2024-12-31',
    });
    expect(periodPreset('this-quarter', '2024-05-20')).toEqual({
      from: '2024-04-01',
      to: '2024-05-20',
    });
    expect(periodPreset('this-quarter', '2024-12-31')).toEqual({
      from: '2024-10-01',
      to: '2024-12-31',
    });
    expect(periodPreset('last-quarter', '2024-08-01')).toEqual({
      from: '2024-04-01',
      to: '2024-06-30',
    });
    // In the first quarter, the last quarter is the previous year's fourth.
    expect(periodPreset('last-quarter', '2024-02-10')).toEqual({
      from: '2023-10-01',
      to: '2023-12-31',
    });
    expect(periodPreset('last-quarter', '2024-04-01')).toEqual({
      from: '2024-01-01',
      to: '2024-03-31',
    });
  });
});
