import { addDays, format, parseISO } from 'date-fns';
import { CalendarDay } from '../../../domain/models';

/**
 * A calendar day as the time axis wants it: the day's local midnight. The date-fns adapter
 * formats ticks in the browser's zone, so local midnight is what it labels as that day; a UTC
 * midnight would show as the previous day west of Greenwich.
 */
export function dayMs(day: CalendarDay): number {
  return parseISO(day).getTime();
}

/** The end of a calendar day, i.e. the next day's local midnight (DST-safe). */
export function endOfDayMs(day: CalendarDay): number {
  return addDays(parseISO(day), 1).getTime();
}

export const DATE_FORMAT = 'd MMM yyyy';

export function dayLabel(day: CalendarDay): string {
  return format(parseISO(day), DATE_FORMAT);
}

/** At most one decimal, none when whole: hours and expected scores are often fractional. */
export function formatNumber(value: number): string {
  return String(Math.round(value * 10) / 10);
}

/** Signed with a true minus sign, which screen readers say as "minus" (a hyphen they skip). */
export function signed(value: number): string {
  const text = formatNumber(Math.abs(value));
  if (text === '0') return '0';
  return value < 0 ? `\u2212${text}` : `+${text}`;
}

export function weekLabel(week: number): string {
  return `Wk ${week}`;
}
