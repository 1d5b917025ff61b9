/**
 * One example per defect the domain properties found (instruments, wilson, journey property
 * specs), kept as plain specs so each stays fixed whatever seed a later run draws.
 */
import { DEFAULT_INSTRUMENTS } from './instruments/instrument-catalogue';
import { validateInstrumentOverrides } from './instruments/instrument-config';
import { buildJourney, daysByLevel } from './journeys/journey';
import { wilsonInterval } from './stats/wilson';

describe('domain regressions found by the properties', () => {
  it('a band list with a null entry is reported, not a TypeError', () => {
    const bands = [{ min: 0, max: 27, label: 'All', level: 0 }, null];
    expect(() => validateInstrumentOverrides([{ id: 'phq-9', bands }])).not.toThrow();
    expect(validateInstrumentOverrides([{ id: 'phq-9', bands }]).errors).toEqual([
      'instrument "phq-9": each band needs numeric min <= max and a label',
    ]);
  });

  it('bands with fractional bounds are refused: they would leave a whole score in no band', () => {
    const bands = [
      { min: 0, max: 4.5, label: 'Low', level: 0 },
      { min: 5.5, max: 27, label: 'High', level: 3 },
    ];
    const { catalogue, errors } = validateInstrumentOverrides([{ id: 'phq-9', bands }]);
    expect(errors).toEqual(['instrument "phq-9": band bounds must be whole scores']);
    expect(catalogue.find((i) => i.id === 'phq-9')).toBe(DEFAULT_INSTRUMENTS[0]);
  });

  it('wilsonInterval: a z whose square overflows is refused, and bounds never leave [0, 1]', () => {
    expect(wilsonInterval(0, 1, 1.3407807929942597e154).invalid).toContain('z must be');
    expect(wilsonInterval(1, 6.703903964971299e153, 1.15792089237432e71).invalid).toContain(
      'too large',
    );
    const wide = wilsonInterval(1, 1321, 1.4561952545174022e58);
    expect(wide.low).toBeGreaterThanOrEqual(0);
    expect(wide.high).toBeLessThanOrEqual(1);
  });

  it('buildJourney: an open stay starting after asOf has 0 days, not a negative count', () => {
    const journey = buildJourney(
      [
        {
          id: 'ep-1',
          patientId: 'pt-1',
          level: 'inpatient',
          status: 'onhold',
          start: '1990-01-03T00:00Z',
        },
      ],
      'UTC',
      '1990-01-01',
    );
    expect(journey.stays[0].days).toBe(0);
    expect(daysByLevel(journey).get('inpatient')).toBe(0);
  });
});
