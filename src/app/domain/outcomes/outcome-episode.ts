import { InstrumentDefinition } from '../instruments/instrument';
import { validateScore } from '../instruments/scoring';
import { CalendarDay, Episode, Modality, ScoreRecord, SessionRecord } from '../models';
import { BASELINE_LOOKBACK_DAYS, baselineIndex } from '../recovery/episode-baseline';
import { dayNumber } from '../recovery/day-number';
import { calendarDayResolver } from './calendar-day-resolver';

export interface BaselineAndFinal {
  readonly baseline: number;
  readonly final: number;
}

/** One episode with what program outcomes need, joined once so aggregation is a single pass. */
export interface OutcomeEpisode {
  readonly episode: Episode;
  /** Start and end as calendar days in the program's time zone. */
  readonly start?: CalendarDay;
  readonly end?: CalendarDay;
  /**
   * Baseline (see `baselineIndex`) and last primary score up to the episode's end (or `asOf`),
   * present only when there is a later score than the baseline.
   */
  readonly primary?: BaselineAndFinal;
  /** The same for the paired anxiety measure (GAD-7 by default). */
  readonly paired?: BaselineAndFinal;
  /** Sessions linked to the episode (`SessionRecord.episodeId`). */
  readonly attended: number;
  readonly missed: number;
  readonly attendedHours: number;
  /** Complete treatment weeks up to the end (or `asOf`), and how many had a primary score. */
  readonly weeksInTreatment: number;
  readonly weeksWithMeasure: number;
  /** Primary or paired scores in the episode that were out of range or not whole numbers. */
  readonly unusableScores: number;
  /**
   * Attended sessions and hours per modality (the split of `attended` / `attendedHours`), for
   * the modality mix and modality dose. Always set by `joinOutcomeEpisodes`; optional so that
   * rows built elsewhere need not carry it (read as "no sessions").
   */
  readonly attendedByModality?: Readonly<Partial<Record<Modality, number>>>;
  readonly attendedHoursByModality?: Readonly<Partial<Record<Modality, number>>>;
  /**
   * Baseline and last score per instrument id, for every instrument joined (primary, paired and
   * `extraInstruments`) that has a pair in the episode, e.g. `measures['pcl-5']` for modality
   * dose against its target measure. Optional like the modality split.
   */
  readonly measures?: Readonly<Record<string, BaselineAndFinal>>;
}

interface DayScore {
  readonly day: CalendarDay;
  readonly total: number | undefined;
}

function bucketScores(
  scores: readonly ScoreRecord[],
  instruments: readonly InstrumentDefinition[],
  dayOf: (value: string) => CalendarDay | undefined,
): Map<string, DayScore[]> {
  const byKey = new Map<string, DayScore[]>();
  for (const s of scores) {
    const instrument = instruments.find((i) => i.id === s.instrumentId);
    const day = instrument && dayOf(s.date);
    if (!day) continue;
    const valid = validateScore(instrument, s.total);
    const key = `${s.patientId}|${s.instrumentId}`;
    const list = byKey.get(key) ?? [];
    list.push({ day, total: valid.ok ? valid.score : undefined });
    byKey.set(key, list);
  }
  for (const list of byKey.values())
    list.sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
  return byKey;
}

function baselineAndFinal(
  list: readonly DayScore[],
  start: CalendarDay,
  until: CalendarDay,
  lookbackDays: number,
): { pair?: BaselineAndFinal; used: DayScore[]; unusable: number } {
  const inRange = list.filter((s) => s.day <= until);
  const valid = inRange.filter((s) => s.total !== undefined);
  const first = baselineIndex(
    valid.map((s) => s.day),
    start,
    lookbackDays,
  );
  const used = first === undefined ? [] : valid.slice(first);
  const unusable = inRange.filter((s) => s.total === undefined && s.day >= start).length;
  return used.length >= 2
    ? { pair: { baseline: used[0].total!, final: used[used.length - 1].total! }, used, unusable }
    : { used, unusable };
}

/**
 * Joins episodes with their scores and sessions. Scores are bucketed by patient and instrument,
 * sessions by episode, so the join is linear in the data rather than episodes × scores.
 * Out-of-range scores are counted in `unusableScores`, never used. `extraInstruments` (e.g. the
 * modalities' target measures) are paired the same way into `measures` but do not count in
 * `unusableScores` or measure completion, which stay about the primary and paired measures.
 */
export function joinOutcomeEpisodes(
  episodes: readonly Episode[],
  scores: readonly ScoreRecord[],
  sessions: readonly SessionRecord[],
  primary: InstrumentDefinition,
  timeZone: string,
  asOf: CalendarDay,
  paired?: InstrumentDefinition,
  baselineLookbackDays: number = BASELINE_LOOKBACK_DAYS,
  extraInstruments: readonly InstrumentDefinition[] = [],
): OutcomeEpisode[] {
  const dayOf = calendarDayResolver(timeZone);
  const joined = paired ? [primary, paired] : [primary];
  const extras = extraInstruments.filter((i) => !joined.some((j) => j.id === i.id));
  const buckets = bucketScores(scores, [...joined, ...extras], dayOf);
  const sessionsByEpisode = new Map<string, SessionRecord[]>();
  for (const s of sessions) {
    if (!s.episodeId) continue;
    const list = sessionsByEpisode.get(s.episodeId) ?? [];
    list.push(s);
    sessionsByEpisode.set(s.episodeId, list);
  }

  return episodes.map((episode) => {
    const start = dayOf(episode.start);
    const end = dayOf(episode.end);
    const until = end ?? asOf;
    const scoresOf = (i: InstrumentDefinition | undefined) =>
      i && start
        ? baselineAndFinal(
            buckets.get(`${episode.patientId}|${i.id}`) ?? [],
            start,
            until,
            baselineLookbackDays,
          )
        : { used: [], unusable: 0 };
    const p = scoresOf(primary);
    const a = scoresOf(paired);
    const measures: Record<string, BaselineAndFinal> = {};
    if (p.pair) measures[primary.id] = p.pair;
    if (a.pair) measures[paired!.id] = a.pair;
    for (const extra of extras) {
      const pair = scoresOf(extra).pair;
      if (pair) measures[extra.id] = pair;
    }
    let attended = 0;
    let missed = 0;
    let minutes = 0;
    const attendedByModality: Partial<Record<Modality, number>> = {};
    const minutesByModality: Partial<Record<Modality, number>> = {};
    for (const s of sessionsByEpisode.get(episode.id) ?? []) {
      if (s.status === 'attended') {
        attended++;
        minutes += s.minutes;
        attendedByModality[s.modality] = (attendedByModality[s.modality] ?? 0) + 1;
        minutesByModality[s.modality] = (minutesByModality[s.modality] ?? 0) + s.minutes;
      } else if (s.status === 'missed') missed++;
    }
    const attendedHoursByModality: Partial<Record<Modality, number>> = {};
    for (const [modality, m] of Object.entries(minutesByModality))
      attendedHoursByModality[modality as Modality] = m / 60;
    // Treatment weeks as in time/program-week (week 1 = days 0–6 from the start), in day numbers.
    const first = start ? dayNumber(start) : 0;
    const weeks = start ? Math.max(0, Math.floor((dayNumber(until) - first + 1) / 7)) : 0;
    const measured = new Set<number>();
    for (const s of p.used) {
      const week = Math.floor((dayNumber(s.day) - first) / 7) + 1;
      if (week >= 1 && week <= weeks) measured.add(week);
    }
    return {
      episode,
      ...(start ? { start } : {}),
      ...(end ? { end } : {}),
      ...(p.pair ? { primary: p.pair } : {}),
      ...(a.pair ? { paired: a.pair } : {}),
      attended,
      missed,
      attendedHours: minutes / 60,
      weeksInTreatment: weeks,
      weeksWithMeasure: measured.size,
      unusableScores: p.unusable + a.unusable,
      attendedByModality,
      attendedHoursByModality,
      measures,
    };
  });
}
