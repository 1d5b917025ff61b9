import { InstrumentDefinition } from '../instruments/instrument';
import { CalendarDay, Episode, ScoreRecord, SessionRecord } from '../models';
import { toCalendarDay } from '../time/calendar-day';
import { completedWeeks, weekInTreatment } from '../time/program-week';

/** One episode with what program outcomes need, joined once so aggregation is a single pass. */
export interface OutcomeEpisode {
  readonly episode: Episode;
  readonly start?: CalendarDay;
  readonly end?: CalendarDay;
  /** First and last score of the primary instrument within the episode (>= 2 scores). */
  readonly primary?: { readonly baseline: number; readonly final: number };
  /** Same for the paired anxiety measure (GAD-7), when the primary is PHQ-9. */
  readonly paired?: { readonly baseline: number; readonly final: number };
  readonly attended: number;
  readonly missed: number;
  readonly attendedHours: number;
  readonly weeksInTreatment: number;
  readonly weeksWithMeasure: number;
}

/**
 * Joins episodes with their scores and sessions. Scores and sessions are bucketed by patient
 * first, so the join is linear in the data, not episodes × scores.
 */
export function joinOutcomeEpisodes(
  episodes: readonly Episode[],
  scores: readonly ScoreRecord[],
  sessions: readonly SessionRecord[],
  primary: InstrumentDefinition,
  timeZone: string,
  asOf: CalendarDay,
  pairedInstrumentId = 'gad-7',
): OutcomeEpisode[] {
  const scoresByPatient = new Map<string, { id: string; day: CalendarDay; total: number }[]>();
  for (const s of scores) {
    if (s.instrumentId !== primary.id && s.instrumentId !== pairedInstrumentId) continue;
    const day = toCalendarDay(s.date, timeZone);
    if (!day) continue;
    const list = scoresByPatient.get(s.patientId) ?? [];
    list.push({ id: s.instrumentId, day, total: s.total });
    scoresByPatient.set(s.patientId, list);
  }
  for (const list of scoresByPatient.values())
    list.sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
  const sessionsByEpisode = new Map<string, SessionRecord[]>();
  for (const s of sessions) {
    if (!s.episodeId) continue;
    const list = sessionsByEpisode.get(s.episodeId) ?? [];
    list.push(s);
    sessionsByEpisode.set(s.episodeId, list);
  }

  return episodes.map((episode) => {
    const start = toCalendarDay(episode.start, timeZone);
    const end = episode.end ? toCalendarDay(episode.end, timeZone) : undefined;
    const until = end ?? asOf;
    const inEpisode = start
      ? (scoresByPatient.get(episode.patientId) ?? []).filter(
          (s) => s.day >= start && s.day <= until,
        )
      : [];
    const pairOf = (id: string) => {
      const list = inEpisode.filter((s) => s.id === id);
      return list.length >= 2
        ? { baseline: list[0].total, final: list[list.length - 1].total }
        : undefined;
    };
    let attended = 0;
    let missed = 0;
    let minutes = 0;
    for (const s of sessionsByEpisode.get(episode.id) ?? []) {
      if (s.status === 'attended') {
        attended++;
        minutes += s.minutes;
      } else if (s.status === 'missed') missed++;
    }
    const weeks = start ? completedWeeks(start, until) : 0;
    const measured = new Set<number>();
    if (start) {
      for (const s of inEpisode) {
        const week = weekInTreatment(start, s.day);
        if (s.id === primary.id && week <= weeks) measured.add(week);
      }
    }
    return {
      episode,
      ...(start ? { start } : {}),
      ...(end ? { end } : {}),
      ...(pairOf(primary.id) ? { primary: pairOf(primary.id) } : {}),
      ...(pairOf(pairedInstrumentId) ? { paired: pairOf(pairedInstrumentId) } : {}),
      attended,
      missed,
      attendedHours: minutes / 60,
      weeksInTreatment: weeks,
      weeksWithMeasure: measured.size,
    };
  });
}
