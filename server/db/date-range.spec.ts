import { DATE_MAX, rangeOf, rangesOfElement } from './date-range';

describe('FHIR date ranges', () => {
  const utc = (text: string) => Date.parse(text);

  it('reads partial dates and times as the whole span they name', () => {
    expect(rangeOf('2024')).toEqual({
      low: utc('2024-01-01T00:00:00Z'),
      high: utc('2025-01-01T00:00:00Z') - 1,
    });
    expect(rangeOf('2024-02')).toEqual({
      low: utc('2024-02-01T00:00:00Z'),
      high: utc('2024-03-01T00:00:00Z') - 1,
    });
    expect(rangeOf('2024-02-29')).toEqual({
      low: utc('2024-02-29T00:00:00Z'),
      high: utc('2024-03-01T00:00:00Z') - 1,
    });
    expect(rangeOf('2024-05-03T10:15')).toEqual({
      low: utc('2024-05-03T10:15:00Z'),
      high: utc('2024-05-03T10:16:00Z') - 1,
    });
    expect(rangeOf('2024-05-03T10:15:30+02:00')).toEqual({
      low: utc('2024-05-03T08:15:30Z'),
      high: utc('2024-05-03T08:15:31Z') - 1,
    });
    expect(rangeOf('2024-05-03T10:15:30.5Z')).toEqual({
      low: utc('2024-05-03T10:15:30.500Z'),
      high: utc('2024-05-03T10:15:30.600Z') - 1,
    });
    expect(rangeOf('2024-05-03T10:15:30.123456-05:30')).toEqual({
      low: utc('2024-05-03T15:45:30.123Z'),
      high: utc('2024-05-03T15:45:30.123Z'),
    });
  });

  it('refuses what is not a FHIR date', () => {
    for (const bad of [
      '2024-02-30',
      '2023-02-29',
      '2024-13',
      '2024-00-10',
      '24-01-01',
      '2024-01-01T25:00',
      '2024-01-01T10:00:00+15:00',
      'yesterday',
      '2024-01-01 10:00',
    ])
      expect(rangeOf(bad)).withContext(bad).toBeUndefined();
  });

  it('reads Periods (open ends reach the far future) and Timings, and flags malformed ones', () => {
    expect(rangesOfElement({ start: '2024-03-01' })).toEqual([
      { low: utc('2024-03-01T00:00:00Z'), high: DATE_MAX },
    ]);
    expect(rangesOfElement({ start: '2024-01', end: '2024-02' })).toEqual([
      { low: utc('2024-01-01T00:00:00Z'), high: utc('2024-03-01T00:00:00Z') - 1 },
    ]);
    expect(
      rangesOfElement({
        event: ['2024-06-01T10:00:00Z'],
        repeat: { boundsPeriod: { start: '2024-06-01', end: '2024-06-30' } },
      }).length,
    ).toBe(2);
    expect(rangesOfElement({ start: 'soon' })).toBe('invalid');
    expect(rangesOfElement('2024-99')).toBe('invalid');
    expect(rangesOfElement({ event: [42] })).toBe('invalid');
    expect(rangesOfElement(undefined)).toEqual([]);
  });
});
