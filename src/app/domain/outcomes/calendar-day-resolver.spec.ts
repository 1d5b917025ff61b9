import { toCalendarDay } from '../time/calendar-day';
import { calendarDayResolver } from './calendar-day-resolver';

describe('calendar day resolver (fast toCalendarDay for one zone)', () => {
  // Zones with daylight saving, half-hour and 45-minute offsets, a 30-minute DST step, and the
  // two zones the suite runs under.
  const zones = [
    'America/Chicago',
    'Europe/London',
    'Australia/Lord_Howe',
    'Asia/Kathmandu',
    'Pacific/Chatham',
    'Pacific/Honolulu',
    'Pacific/Kiritimati',
  ];
  // Two days around each 2024 transition of those zones, every 11 minutes.
  const windows = [
    '2024-03-09',
    '2024-03-30',
    '2024-04-06',
    '2024-09-28',
    '2024-10-05',
    '2024-11-02',
  ];

  it('agrees with toCalendarDay minute-for-minute across daylight-saving changes', () => {
    for (const zone of zones) {
      const resolve = calendarDayResolver(zone);
      for (const from of windows) {
        const start = Date.parse(`${from}T00:00:00Z`);
        for (let ms = start; ms < start + 2 * 86_400_000; ms += 11 * 60_000) {
          const value = new Date(ms).toISOString();
          expect(resolve(value)).withContext(`${zone} ${value}`).toBe(toCalendarDay(value, zone));
        }
      }
    }
  });

  it('keeps date-only values, refuses partial or invalid ones, and reads offsets', () => {
    const resolve = calendarDayResolver('America/Chicago');
    expect(resolve('2024-05-03')).toBe('2024-05-03');
    expect(resolve('2024-05')).toBeUndefined();
    expect(resolve('3 May')).toBeUndefined();
    expect(resolve(undefined)).toBeUndefined();
    expect(resolve('2024-05-03T23:30:00-05:00')).toBe('2024-05-03');
    expect(resolve('2024-05-04T04:30:00Z')).toBe('2024-05-03');
  });

  it('hands instants before 1970 and unknown zones to toCalendarDay', () => {
    expect(calendarDayResolver('Asia/Kolkata')('1969-07-20T20:17:00Z')).toBe('1969-07-21');
    const unknown = calendarDayResolver('Not/AZone');
    expect(unknown('2024-05-03')).toBe('2024-05-03');
    expect(() => unknown('2024-05-03T12:00:00Z')).toThrowError(RangeError);
  });
});
