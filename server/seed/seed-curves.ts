import { DEFAULT_INSTRUMENTS } from '../../src/app/domain/instruments/instrument-catalogue';
import {
  HistoryEpisode,
  RecoveryCurveSet,
  buildRecoveryCurves,
} from '../../src/app/domain/recovery/recovery-curves';
import { toCalendarDay } from '../../src/app/domain/time/calendar-day';
import { weekInTreatment } from '../../src/app/domain/time/program-week';
import { SimulatedClient } from './simulate-client';

/**
 * The program's expected recovery curves from its completed IOP episodes, with the domain
 * library: the job a real deployment runs on the server and publishes as a Library.
 */
export function curvesFromCohort(
  clients: readonly SimulatedClient[],
  timeZone: string,
  generated: string,
): RecoveryCurveSet {
  const history: HistoryEpisode[] = [];
  for (const client of clients) {
    for (const episode of client.episodes) {
      if (episode.level !== 'iop' || episode.status !== 'finished' || !episode.end) continue;
      const start = toCalendarDay(episode.start, timeZone)!;
      const byInstrument = new Map<string, { day: string; total: number }[]>();
      for (const score of client.scores) {
        const day = toCalendarDay(score.date, timeZone);
        if (!day || day < start || day > episode.end) continue;
        const list = byInstrument.get(score.instrumentId) ?? [];
        list.push({ day, total: score.total });
        byInstrument.set(score.instrumentId, list);
      }
      for (const [instrumentId, scores] of byInstrument) {
        if (scores.length < 2) continue;
        history.push({
          instrumentId,
          baseline: scores[0].total,
          points: scores
            .slice(1)
            .map((s) => ({ week: weekInTreatment(scores[0].day, s.day) - 1, score: s.total }))
            .filter((p) => p.week >= 1),
        });
      }
    }
  }
  return buildRecoveryCurves(history, DEFAULT_INSTRUMENTS, { generated });
}
