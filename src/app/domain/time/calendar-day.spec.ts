import { TZDate } from '@date-fns/tz';
import { formatISO } from 'date-fns';
import {
  addDays,
  daysBetween,
  isValidTimeZone,
  parseFhirDate,
  toCalendarDay,
  todayIn,
} from './calendar-day';
import { completedWeeks, treatmentWeekBounds, weekInTreatment } from './program-week';

describe('calendar days', () => {
  it('never shifts a date-only value, whatever the time zone', () => {
    for (const zone of [
      'Pacific/Honolulu',
      'Pacific/Kiritimati',
      'America/New_York',
      'Australia/Sydney',
      'UTC',
    ]) {
      expect(toCalendarDay('2024-05-03', zone)).toBe('2024-05-03');
    }
  });

  it('puts an instant on its day in the program time zone', () => {
    // 02:30 UTC on 4 March is still 3 March in New York (UTC−5) and already 4 March in Sydney.
    expect(toCalendarDay('2024-03-04T02:30:00Z', 'America/New_York')).toBe('2024-03-03');
    expect(toCalendarDay('2024-03-04T02:30:00Z', 'Australia/Sydney')).toBe('2024-03-04');
    expect(toCalendarDay('2024-03-03T23:30:00-05:00', 'America/New_York')).toBe('2024-03-03');
    // 23:30 −05:00 is 04:30Z on the 4th, 18:30 on the 4th at UTC+14.
    expect(toCalendarDay('2024-03-03T23:30:00-05:00', 'Pacific/Kiritimati')).toBe('2024-03-04');
  });

  it('handles daylight-saving changes in the program zone', () => {
    // US clocks went forward on 10 March 2024: 23:30 local on the 10th is 03:30Z on the 11th.
    expect(toCalendarDay('2024-03-11T03:30:00Z', 'America/New_York')).toBe('2024-03-10');
    expect(toCalendarDay('2024-11-04T04:30:00Z', 'America/New_York')).toBe('2024-11-03');
    expect(toCalendarDay('2024-04-06T14:30:00Z', 'Australia/Sydney')).toBe('2024-04-07');
  });

  it('agrees with date-fns/tz hour by hour across a year, in zones either side of UTC', () => {
    for (const zone of ['America/Chicago', 'Australia/Lord_Howe', 'Asia/Kathmandu', 'UTC']) {
      for (let hour = 0; hour < 366 * 24; hour += 7) {
        const instant = new Date(Date.UTC(2024, 0, 1) + hour * 3_600_000).toISOString();
        const expected = formatISO(new TZDate(instant, zone), { representation: 'date' });
        expect(toCalendarDay(instant, zone)).withContext(`${instant} ${zone}`).toBe(expected);
        // Asked again (now remembered), the answer is the same.
        expect(toCalendarDay(instant, zone)).toBe(expected);
      }
    }
  });

  it('reads partial dates as partial and rejects malformed or absurd ones with a reason', () => {
    expect(parseFhirDate('2024')).toEqual({ kind: 'year', year: 2024 });
    expect(parseFhirDate('2024-05')).toEqual({ kind: 'month', year: 2024, month: 5 });
    expect(toCalendarDay('2024-05', 'UTC')).toBeUndefined();
    expect(parseFhirDate('2024-13-01')).toEqual({
      kind: 'invalid',
      reason: 'no month 13 in "2024-13-01"',
    });
    expect(parseFhirDate('2024-02-30')).toEqual({
      kind: 'invalid',
      reason: '"2024-02-30" is not a calendar day',
    });
    expect(parseFhirDate('2023-02-29').kind).toBe('invalid');
    expect(parseFhirDate('2024-02-29')).toEqual({ kind: 'day', day: '2024-02-29' });
    expect(parseFhirDate('1776-07-04')).toEqual({
      kind: 'invalid',
      reason: 'implausible year in "1776-07-04"',
    });
    expect(parseFhirDate('9999-12-31T00:00:00Z').kind).toBe('invalid');
    expect(parseFhirDate('2024-02-30T10:00:00Z').kind).toBe('invalid');
    expect(parseFhirDate('yesterday')).toEqual({
      kind: 'invalid',
      reason: '"yesterday" is not a FHIR date',
    });
    expect(parseFhirDate('2024-05-03T10:00:00')).toEqual(
      jasmine.objectContaining({ kind: 'invalid' }),
    );
    expect(parseFhirDate(undefined)).toEqual({ kind: 'invalid', reason: 'no date' });
    expect(parseFhirDate(null).kind).toBe('invalid');
    expect(parseFhirDate('2024-05-03T10:00:00.718000+00:00').kind).toBe('instant');
  });

  it('does calendar arithmetic across month, year and DST boundaries', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addDays('2024-03-10', 1)).toBe('2024-03-11');
    expect(addDays('2024-03-10', -10)).toBe('2024-02-29');
    expect(daysBetween('2024-03-01', '2024-04-01')).toBe(31);
    expect(daysBetween('2024-04-01', '2024-03-01')).toBe(-31);
    expect(daysBetween('2024-10-27', '2024-11-10')).toBe(14);
  });

  it('tells today in the program zone', () => {
    const now = new Date('2024-06-01T08:00:00Z');
    expect(todayIn('Pacific/Honolulu', now)).toBe('2024-05-31');
    expect(todayIn('Pacific/Kiritimati', now)).toBe('2024-06-01');
  });

  it('validates IANA zone names', () => {
    expect(isValidTimeZone('America/Chicago')).toBeTrue();
    expect(isValidTimeZone('Mars/Olympus')).toBeFalse();
  });
});

describe('treatment weeks', () => {
  it('counts week 1 as the first seven days from the episode start', () => {
    expect(weekInTreatment('2024-03-07', '2024-03-07')).toBe(1);
    expect(weekInTreatment('2024-03-07', '2024-03-13')).toBe(1);
    expect(weekInTreatment('2024-03-07', '2024-03-14')).toBe(2);
    expect(weekInTreatment('2024-03-07', '2024-05-15')).toBe(10);
    expect(weekInTreatment('2024-03-07', '2024-03-01')).toBe(0);
  });

  it('gives the bounds of a week and counts only complete weeks', () => {
    expect(treatmentWeekBounds('2024-03-07', 2)).toEqual({ from: '2024-03-14', to: '2024-03-20' });
    expect(completedWeeks('2024-03-07', '2024-03-12')).toBe(0);
    expect(completedWeeks('2024-03-07', '2024-03-13')).toBe(1);
    expect(completedWeeks('2024-03-07', '2024-03-01')).toBe(0);
  });
});
