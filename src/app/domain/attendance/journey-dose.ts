import { Stay } from '../journeys/journey';
import { minimumWeeklyHours } from '../levels/level-of-care';
import { CalendarDay, LevelOfCare, Modality, SessionRecord } from '../models';
import { dayFromNumber, dayNumber } from '../recovery/day-number';
import { toCalendarDay } from '../time/calendar-day';

export interface ModalityCell {
  readonly attended: number;
  readonly missed: number;
  readonly hours: number;
}

export interface JourneyWeek {
  /** 1-based, counted from the journey's first day. */
  readonly week: number;
  readonly from: CalendarDay;
  readonly to: CalendarDay;
  readonly hours: number;
  /** The level the client was at on most days of the week, and its minimum hours. */
  readonly level?: LevelOfCare;
  readonly minimum?: number;
  readonly byModality: ReadonlyMap<Modality, ModalityCell>;
}

export interface JourneyDose {
  readonly weeks: readonly JourneyWeek[];
  /** Sessions dated outside the journey's weeks or with no readable day, not counted. */
  readonly outside: number;
}

function levelOfWeek(
  stays: readonly Stay[],
  from: number,
  asOf: CalendarDay,
): LevelOfCare | undefined {
  const days = new Map<LevelOfCare, number>();
  for (const stay of stays) {
    const start = Math.max(from, dayNumber(stay.start));
    const end = Math.min(from + 6, dayNumber(stay.end ?? asOf));
    if (end >= start) days.set(stay.level, (days.get(stay.level) ?? 0) + end - start + 1);
  }
  let best: LevelOfCare | undefined;
  for (const [level, n] of days) if (!best || n > days.get(best)!) best = level;
  return best;
}

/**
 * Treatment dose across a whole journey, week by week from its first day: attended hours, the
 * minimum of the level the client was at, and attended and missed sessions per modality. Weeks
 * run across level changes so a step-down's effect on dose shows on one axis; cancelled and
 * still-scheduled sessions are not dose and are left out.
 */
export function journeyDose(
  sessions: readonly SessionRecord[],
  stays: readonly Stay[],
  timeZone: string,
  asOf: CalendarDay,
  minimumOverrides: Partial<Record<LevelOfCare, number>> = {},
): JourneyDose {
  if (stays.length === 0) return { weeks: [], outside: 0 };
  const first = dayNumber(stays[0].start);
  const lastDay = stays.reduce((max, s) => {
    const end = s.end ?? asOf;
    return end > max ? end : max;
  }, stays[0].start);
  const count = Math.floor((dayNumber(lastDay) - first) / 7) + 1;
  const cells = Array.from(
    { length: count },
    () => new Map<Modality, { attended: number; missed: number; minutes: number }>(),
  );
  let outside = 0;
  for (const session of sessions) {
    if (session.status !== 'attended' && session.status !== 'missed') continue;
    const day = toCalendarDay(session.start, timeZone);
    const index = day ? Math.floor((dayNumber(day) - first) / 7) : -1;
    if (index < 0 || index >= count) {
      outside++;
      continue;
    }
    const cell = cells[index].get(session.modality) ?? { attended: 0, missed: 0, minutes: 0 };
    cells[index].set(session.modality, cell);
    if (session.status === 'attended') {
      cell.attended++;
      cell.minutes += session.minutes;
    } else cell.missed++;
  }
  const weeks = cells.map((byModality, i): JourneyWeek => {
    const from = first + 7 * i;
    const level = levelOfWeek(stays, from, asOf);
    const minimum = level ? minimumWeeklyHours(level, minimumOverrides) : undefined;
    let minutes = 0;
    const out = new Map<Modality, ModalityCell>();
    for (const [modality, c] of byModality) {
      minutes += c.minutes;
      out.set(modality, { attended: c.attended, missed: c.missed, hours: c.minutes / 60 });
    }
    return {
      week: i + 1,
      from: dayFromNumber(from),
      to: dayFromNumber(from + 6),
      hours: minutes / 60,
      ...(level ? { level } : {}),
      ...(minimum !== undefined ? { minimum } : {}),
      byModality: out,
    };
  });
  return { weeks, outside };
}
