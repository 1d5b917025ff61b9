/** Test fixture for the outcome specs (not used by production code). */
import { CalendarDay, Episode, EpisodeEndReason, LevelOfCare } from '../models';
import { OutcomeEpisode } from './outcome-episode';

/** A finished IOP episode, 1 January – 10 March 2024 (70 days), with a PHQ-9 pair if given. */
export function row(
  id: string,
  primary?: [number, number],
  extra: Partial<OutcomeEpisode> = {},
  episode: Partial<Episode> = {},
): OutcomeEpisode {
  return {
    episode: {
      id,
      patientId: `p-${id}`,
      level: 'iop',
      status: 'finished',
      start: '2024-01-01',
      end: '2024-03-10',
      endReason: 'completed',
      ...episode,
    },
    start: '2024-01-01',
    end: '2024-03-10',
    ...(primary ? { primary: { baseline: primary[0], final: primary[1] } } : {}),
    attended: 30,
    missed: 6,
    attendedHours: 90,
    weeksInTreatment: 10,
    weeksWithMeasure: 9,
    unusableScores: 0,
    ...extra,
  };
}

/**
 * One stay of a client's journey at program `A` (unless `episode.programId` says otherwise):
 * finished when it has an end, else active; no sessions or scores unless given in `extra`.
 */
export function stay(
  id: string,
  patientId: string,
  level: LevelOfCare,
  start: CalendarDay,
  end?: CalendarDay,
  endReason?: EpisodeEndReason,
  extra: Partial<OutcomeEpisode> = {},
  episode: Partial<Episode> = {},
): OutcomeEpisode {
  return {
    episode: {
      id,
      patientId,
      level,
      status: end ? 'finished' : 'active',
      start,
      ...(end ? { end } : {}),
      ...(endReason ? { endReason } : {}),
      programId: 'A',
      ...episode,
    },
    start,
    ...(end ? { end } : {}),
    attended: 0,
    missed: 0,
    attendedHours: 0,
    weeksInTreatment: 0,
    weeksWithMeasure: 0,
    unusableScores: 0,
    ...extra,
  };
}
