import { DEFAULT_INSTRUMENTS } from '../../src/app/domain/instruments/instrument-catalogue';
import { Episode, ScoreRecord } from '../../src/app/domain/models';
import {
  HistoryEpisode,
  RecoveryCurveSet,
  buildRecoveryCurves,
} from '../../src/app/domain/recovery/recovery-curves';
import { toCalendarDay } from '../../src/app/domain/time/calendar-day';
import { baselineIndex } from '../../src/app/domain/recovery/episode-baseline';
import { weeksSinceBaseline } from '../../src/app/domain/recovery/recovery-week';
import { SimulatedClient } from './simulate-client';

/**
 * The program's expected recovery curves from its completed IOP episodes, with the domain
 * library: the job a real deployment runs on the server and publishes as a Library. Baselines
 * and weeks follow the same rules as the app (`episode-baseline.ts`, `recovery-week.ts`).
 */
export function curvesFromRecords(
  episodes: readonly Episode[],
  scores: readonly ScoreRecord[],
  timeZone: string,
  generated: string,
): RecoveryCurveSet {
  const scoresByPatient = new Map<string, { instrumentId: string; day: string; total: number }[]>();
  for (const score of scores) {
    const day = toCalendarDay(score.date, timeZone);
    if (!day) continue;
    const list = scoresByPatient.get(score.patientId) ?? [];
    list.push({ instrumentId: score.instrumentId, day, total: score.total });
    scoresByPatient.set(score.patientId, list);
  }
  const history: HistoryEpisode[] = [];
  for (const episode of episodes) {
    if (episode.level !== 'iop' || episode.status !== 'finished' || !episode.end) continue;
    const start = toCalendarDay(episode.start, timeZone);
    const end = toCalendarDay(episode.end, timeZone);
    if (!start || !end) continue;
    const byInstrument = new Map<string, { day: string; total: number }[]>();
    for (const s of scoresByPatient.get(episode.patientId) ?? []) {
      if (s.day > end) continue;
      const list = byInstrument.get(s.instrumentId) ?? [];
      list.push(s);
      byInstrument.set(s.instrumentId, list);
    }
    for (const [instrumentId, list] of byInstrument) {
      list.sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
      // The same baseline rule as the app's readiness and outcomes (domain/recovery/episode-baseline).
      const first = baselineIndex(
        list.map((s) => s.day),
        start,
      );
      if (first === undefined) continue;
      const baseline = list[first];
      const points = list
        .slice(first + 1)
        .map((s) => ({ week: weeksSinceBaseline(baseline.day, s.day), score: s.total }))
        .filter((p) => p.week >= 1);
      if (points.length === 0) continue;
      history.push({ instrumentId, baseline: baseline.total, points });
    }
  }
  return buildRecoveryCurves(history, DEFAULT_INSTRUMENTS, { generated });
}

export function curvesFromCohort(
  clients: readonly SimulatedClient[],
  timeZone: string,
  generated: string,
): RecoveryCurveSet {
  return curvesFromRecords(
    clients.flatMap((c) => c.episodes),
    clients.flatMap((c) => c.scores),
    timeZone,
    generated,
  );
}
