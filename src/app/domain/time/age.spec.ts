import { ageOn } from './age';

describe('ageOn', () => {
  it('counts whole years, turning on the birthday', () => {
    expect(ageOn('1990-06-15', '2026-06-14')).toBe(35);
    expect(ageOn('1990-06-15', '2026-06-15')).toBe(36);
    expect(ageOn('2000-02-29', '2026-02-28')).toBe(25);
  });

  it('reads partial birth dates as the youngest the client could be', () => {
    expect(ageOn('1990', '2026-11-29')).toBe(35);
    expect(ageOn('1990-11', '2026-11-29')).toBe(35);
    expect(ageOn('1990-10', '2026-11-29')).toBe(36);
  });

  it('gives nothing for a missing, malformed or future date', () => {
    expect(ageOn(undefined, '2026-11-29')).toBeUndefined();
    expect(ageOn('unknown', '2026-11-29')).toBeUndefined();
    expect(ageOn('2027-01-01', '2026-11-29')).toBeUndefined();
  });
});
