import { DEFAULT_FILTERS, filterParams, filtersFromParams } from './outcomes-filters';

describe('outcomes filters in the URL', () => {
  it('defaults to the last 90 days of IOP episodes on PHQ-9', () => {
    expect(filtersFromParams({})).toEqual(DEFAULT_FILTERS);
    expect(filterParams(DEFAULT_FILTERS)).toEqual({
      period: null,
      from: null,
      to: null,
      program: null,
      therapist: null,
      measure: null,
      level: null,
      by: null,
      list: null,
    });
  });

  it('reads every filter and writes it back the same', () => {
    const params = {
      period: 'last-quarter',
      program: 'org-dual-iop',
      therapist: 'pr-therapist-2',
      measure: 'gad-7',
      level: 'php',
      by: 'therapist',
      list: 'response',
    };
    const filters = filtersFromParams(params);
    expect(filters).toEqual({
      period: 'last-quarter',
      programId: 'org-dual-iop',
      therapistId: 'pr-therapist-2',
      instrumentId: 'gad-7',
      level: 'php',
      breakdown: 'therapist',
      drill: 'response',
    });
    expect(filterParams(filters)).toEqual({ ...params, from: null, to: null });
  });

  it('takes a custom period only with two valid days, turning a reversed one round', () => {
    expect(filtersFromParams({ from: '2026-06-30', to: '2026-04-01' })).toEqual({
      ...DEFAULT_FILTERS,
      period: 'custom',
      from: '2026-04-01',
      to: '2026-06-30',
    });
    expect(filtersFromParams({ from: '2026-04-01' }).period).toBe('last-90');
    expect(filtersFromParams({ from: '2026-04-01', to: 'soon' }).period).toBe('last-90');
    const custom = filtersFromParams({ from: '2026-04-01', to: '2026-06-30' });
    expect(filterParams(custom)).toEqual(
      jasmine.objectContaining({ period: null, from: '2026-04-01', to: '2026-06-30' }),
    );
  });

  it('falls back to the defaults for unknown values instead of an empty page', () => {
    expect(
      filtersFromParams({
        period: 'forever',
        measure: 'oq-99',
        level: 'inpatient',
        program: ' ',
        by: 'star-sign',
      }),
    ).toEqual(DEFAULT_FILTERS);
    expect(filtersFromParams({ level: 'moon' }).level).toBe('iop');
  });
});
