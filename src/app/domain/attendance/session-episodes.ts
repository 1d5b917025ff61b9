import { CalendarDay, Episode, EpisodeStatus, SessionRecord } from '../models';
import { calendarDayResolver } from '../outcomes/calendar-day-resolver';

/** Episodes a client was never treated in. */
const NOT_TREATED: readonly EpisodeStatus[] = ['planned', 'waitlist', 'cancelled'];

interface Span {
  readonly id: string;
  readonly start: CalendarDay;
  readonly end?: CalendarDay;
}

/**
 * Links each session to the episode it belongs to. A session that names its episode keeps it
 * (an Encounter's `episodeOfCare`); one that does not — an Appointment, and so every missed
 * session, since a no-show has no Encounter — goes to the client's episode whose days contain
 * the session's day in the program's time zone. On a transition day, when the old episode ends
 * and the new one starts, the newer episode wins: the session is the first at the new level.
 * A session outside every episode keeps no episode. Linear: episodes are bucketed by client.
 */
export function linkSessionsToEpisodes(
  sessions: readonly SessionRecord[],
  episodes: readonly Episode[],
  timeZone: string,
): SessionRecord[] {
  const dayOf = calendarDayResolver(timeZone);
  const spans = new Map<string, Span[]>();
  for (const episode of episodes) {
    if (NOT_TREATED.includes(episode.status)) continue;
    const start = dayOf(episode.start);
    if (!start) continue;
    const end = dayOf(episode.end);
    const list = spans.get(episode.patientId) ?? [];
    list.push({ id: episode.id, start, ...(end ? { end } : {}) });
    spans.set(episode.patientId, list);
  }
  // Latest start first, so the first span containing a day is the newest episode.
  for (const list of spans.values()) list.sort((a, b) => (a.start < b.start ? 1 : -1));
  return sessions.map((session) => {
    if (session.episodeId) return session;
    const day = dayOf(session.start);
    const span =
      day && spans.get(session.patientId)?.find((s) => s.start <= day && (!s.end || day <= s.end));
    return span ? { ...session, episodeId: span.id } : session;
  });
}
