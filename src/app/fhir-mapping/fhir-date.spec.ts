import { corpusResource } from '../../testing/fhir/corpus';
import {
  dataAbsentCode,
  isCalendarDay,
  minutesBetween,
  observationDate,
  readFhirDate,
} from './fhir-date';
import { Observation } from './fhir-types';

describe('FHIR dates (kept as received; this suite runs in Honolulu and in Kiritimati)', () => {
  it('keeps partial and date-only values as the exact strings, never through a Date', () => {
    expect(readFhirDate('2024', 'date')).toEqual({ value: '2024' });
    expect(readFhirDate('2024-05', 'date')).toEqual({ value: '2024-05' });
    expect(readFhirDate(' 2024-05-01 ', 'date')).toEqual({ value: '2024-05-01' });
    expect(readFhirDate('2024-05-01T00:00:00Z', 'date')).toEqual({
      value: '2024-05-01T00:00:00Z',
    });
  });

  it('says why a value is not a date, naming the element', () => {
    expect(readFhirDate(undefined, 'birth date')).toEqual({ reason: 'no birth date' });
    expect(readFhirDate('', 'birth date')).toEqual({ reason: 'no birth date' });
    expect(readFhirDate(20240501, 'start')).toEqual({ reason: 'start is not a string' });
    expect(readFhirDate('2024-02-30', 'start')).toEqual({
      reason: 'start: "2024-02-30" is not a calendar day',
    });
    expect(readFhirDate('2024-13', 'start')).toEqual({ reason: 'start: no month 13 in "2024-13"' });
    const absent = {
      extension: [
        { url: 'http://hl7.org/fhir/StructureDefinition/data-absent-reason', valueCode: 'masked' },
      ],
    };
    expect(readFhirDate(undefined, 'birth date', absent)).toEqual({
      reason: 'birth date absent (data-absent-reason: masked)',
    });
    expect(
      dataAbsentCode({
        extension: [{ url: 'http://hl7.org/fhir/StructureDefinition/data-absent-reason' }],
      }),
    ).toBe('unknown');
  });

  it('takes an Observation date from effectiveDateTime, effectiveInstant or effectivePeriod.start', () => {
    const date = (name: string) => observationDate(corpusResource<Observation>(name));
    expect(date('obs-phq9-total-date-only')).toEqual({ value: '2024-05-01' });
    expect(date('obs-phq9-total-partial-date')).toEqual({ value: '2024-05' });
    expect(date('obs-phq9-total-effective-instant')).toEqual({ value: '2024-05-07T19:30:00.000Z' });
    expect(date('obs-phq9-total-valuedecimal')).toEqual({ value: '2024-05-06T14:00:00-05:00' });
    expect(date('observation-phq9-item9-uscore')).toEqual({
      value: '2023-04-18T15:22:41.402000+00:00',
    });
    expect(date('obs-phq9-total-no-date')).toEqual({ reason: 'no effective date' });
    expect(date('obs-phq9-total-data-absent-date')).toEqual({
      reason: 'effective date absent (data-absent-reason: unknown)',
    });
    expect(
      observationDate({ resourceType: 'Observation', effectivePeriod: { end: '2024-05-01' } }),
    ).toEqual({
      reason: 'no effectivePeriod.start',
    });
  });

  it('measures minutes only between instants', () => {
    expect(minutesBetween('2024-05-14T17:00:00-05:00', '2024-05-14T18:30:00-05:00')).toBe(90);
    expect(minutesBetween('2024-05-14T22:00:00Z', '2024-05-14T18:30:00-05:00')).toBe(90);
    expect(minutesBetween('2024-05-14', '2024-05-14')).toBeUndefined();
    expect(minutesBetween('2024-05-14T18:00:00Z', '2024-05-14T17:00:00Z')).toBeUndefined();
    expect(minutesBetween(undefined, '2024-05-14T17:00:00Z')).toBeUndefined();
  });

  it('recognises a full calendar day', () => {
    expect([
      isCalendarDay('2024-06-03'),
      isCalendarDay('2024-06'),
      isCalendarDay('2024-06-03T10:00:00Z'),
      isCalendarDay(3),
    ]).toEqual([true, false, false, false]);
  });
});
