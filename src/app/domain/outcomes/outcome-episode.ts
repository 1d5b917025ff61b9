import { InstrumentDefinition } from '../instruments/instrument';
import { validateScore } from '../instruments/scoring';
import { CalendarDay, Episode, Modality, ScoreRecord, SessionRecord } from '../models';
import { BASELINE_LOOKBACK_DAYS, baselineIndex } from '../recovery/episode-baseline';
import { calendarDayResolver } from './calendar-day-resolver';
import { dayIndex } from './day-index';

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
  /** The total as recorded; checked against each instrument's range when it is joined. */
  readonly total: unknown;
}

/** An episode with what does not depend on the measure: its days and its sessions tallied. */
interface IndexedEpisode {
  readonly episode: Episode;
  readonly start?: CalendarDay;
  readonly end?: CalendarDay;
  attended: number;
  missed: number;
  minutes: number;
  readonly attendedByModality: Partial<Record<Modality, number>>;
  readonly minutesByModality: Partial<Record<Modality, number>>;
  readonly attendedHoursByModality: Partial<Record<Modality, number>>;
}

/**
 * Everything a join reads that does not depend on the measure, the day or the lookback: each
 * episode's calendar days and session tallies, and every score dated and bucketed by client and
 * instrument, oldest first. Build it once per change of records (`outcomeJoinIndex`), then
 * `joinFromIndex` per measure: switching the measure no longer re-reads every score and
 * session, and each instrument's baselines are worked out once per index and day.
 */
export interface OutcomeJoinIndex {
  readonly episodes: readonly IndexedEpisode[];
  readonly scores: ReadonlyMap<string, readonly DayScore[]>;
}

/** One episode's pair on one instrument, and what measure completion needs of it. */
interface EpisodeMeasure {
  readonly pair?: BaselineAndFinal;
  readonly unusable: number;
  readonly weeksWithMeasure: number;
}

const NOT_JOINED: EpisodeMeasure = { unusable: 0, weeksWithMeasure: 0 };

/** Per index: per instrument, per `asOf|lookback`, each episode's measure (same order). */
const measureMemo = new WeakMap<
  OutcomeJoinIndex,
  Map<InstrumentDefinition, Map<string, readonly EpisodeMeasure[]>>
>();

/**
 * Indexes episodes, scores and sessions for `joinFromIndex`. Linear: scores are bucketed by
 * client and instrument, sessions tallied by the episode they name (`SessionRecord.episodeId`,
 * see `linkSessionsToEpisodes`); a session naming no loaded episode counts nowhere.
 */
export function outcomeJoinIndex(
  episodes: readonly Episode[],
  scores: readonly ScoreRecord[],
  sessions: readonly SessionRecord[],
  timeZone: string,
): OutcomeJoinIndex {
  const dayOf = calendarDayResolver(timeZone);
  const byKey = new Map<string, DayScore[]>();
  for (const s of scores) {
    const day = dayOf(s.date);
    if (!day) continue;
    const key = `${s.patientId}|${s.instrumentId}`;
    const list = byKey.get(key);
    if (list) list.push({ day, total: s.total });
    else byKey.set(key, [{ day, total: s.total }]);
  }
  for (const list of byKey.values())
    list.sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));

  const byId = new Map<string, IndexedEpisode[]>();
  const indexed = episodes.map((episode): IndexedEpisode => {
    const start = dayOf(episode.start);
    const end = dayOf(episode.end);
    const row: IndexedEpisode = {
      episode,
      ...(start ? { start } : {}),
      ...(end ? { end } : {}),
      attended: 0,
      missed: 0,
      minutes: 0,
      attendedByModality: {},
      minutesByModality: {},
      attendedHoursByModality: {},
    };
    const same = byId.get(episode.id);
    if (same) same.push(row);
    else byId.set(episode.id, [row]);
    return row;
  });
  for (const s of sessions) {
    if (!s.episodeId || (s.status !== 'attended' && s.status !== 'missed')) continue;
    for (const row of byId.get(s.episodeId) ?? []) {
      if (s.status === 'missed') {
        row.missed++;
        continue;
      }
      row.attended++;
      row.minutes += s.minutes;
      row.attendedByModality[s.modality] = (row.attendedByModality[s.modality] ?? 0) + 1;
      row.minutesByModality[s.modality] = (row.minutesByModality[s.modality] ?? 0) + s.minutes;
    }
  }
  for (const row of indexed)
    for (const [modality, m] of Object.entries(row.minutesByModality))
      row.attendedHoursByModality[modality as Modality] = m / 60;
  return { episodes: indexed, scores: byKey };
}

/** Each episode's baseline and final on `instrument` as of `asOf`, worked out once per index. */
function measuresOf(
  index: OutcomeJoinIndex,
  instrument: InstrumentDefinition,
  asOf: CalendarDay,
  lookbackDays: number,
): readonly EpisodeMeasure[] {
  let byInstrument = measureMemo.get(index);
  if (!byInstrument) measureMemo.set(index, (byInstrument = new Map()));
  let byDay = byInstrument.get(instrument);
  if (!byDay) byInstrument.set(instrument, (byDay = new Map()));
  const key = `${asOf}|${lookbackDays}`;
  let measures = byDay.get(key);
  if (!measures) {
    // Validity per instrument, once per score list rather than once per episode of the client.
    const valid = new Map<readonly DayScore[], (number | undefined)[]>();
    measures = index.episodes.map((row) => {
      if (!row.start) return NOT_JOINED;
      const list = index.scores.get(`${row.episode.patientId}|${instrument.id}`);
      if (!list) return NOT_JOINED;
      let totals = valid.get(list);
      if (!totals) {
        totals = list.map((s) => {
          const checked = validateScore(instrument, s.total);
          return checked.ok ? checked.score : undefined;
        });
        valid.set(list, totals);
      }
      return episodeMeasure(list, totals, row.start, row.end ?? asOf, lookbackDays);
    });
    byDay.set(key, measures);
  }
  return measures;
}

/**
 * The baseline (see `baselineIndex`) and the last valid score up to `until`, the out-of-range
 * scores from the start to `until`, and the complete treatment weeks (as in time/program-week:
 * week 1 = days 0–6 from the start) with a score from the baseline on.
 */
function episodeMeasure(
  list: readonly DayScore[],
  totals: readonly (number | undefined)[],
  start: CalendarDay,
  until: CalendarDay,
  lookbackDays: number,
): EpisodeMeasure {
  const days: CalendarDay[] = [];
  const values: number[] = [];
  let unusable = 0;
  for (let i = 0; i < list.length && list[i].day <= until; i++) {
    const total = totals[i];
    if (total !== undefined) {
      days.push(list[i].day);
      values.push(total);
    } else if (list[i].day >= start) unusable++;
  }
  const first = baselineIndex(days, start, lookbackDays);
  if (first === undefined) return { unusable, weeksWithMeasure: 0 };
  const firstDay = dayIndex(start);
  const weeks = Math.max(0, Math.floor((dayIndex(until) - firstDay + 1) / 7));
  const measured = new Set<number>();
  for (let i = first; i < days.length; i++) {
    const week = Math.floor((dayIndex(days[i]) - firstDay) / 7) + 1;
    if (week >= 1 && week <= weeks) measured.add(week);
  }
  return {
    ...(days.length - first >= 2
      ? { pair: { baseline: values[first], final: values[values.length - 1] } }
      : {}),
    unusable,
    weeksWithMeasure: measured.size,
  };
}

/**
 * The rows of `joinOutcomeEpisodes` from an index: per episode, the primary and paired pairs,
 * measure completion on the primary, the session tallies and `measures` for every instrument
 * joined. Linear in episodes; an instrument's scores are read once per index and day.
 */
export function joinFromIndex(
  index: OutcomeJoinIndex,
  primary: InstrumentDefinition,
  asOf: CalendarDay,
  paired?: InstrumentDefinition,
  baselineLookbackDays: number = BASELINE_LOOKBACK_DAYS,
  extraInstruments: readonly InstrumentDefinition[] = [],
): OutcomeEpisode[] {
  const joined = paired ? [primary, paired] : [primary];
  const extras = extraInstruments.filter((i) => !joined.some((j) => j.id === i.id));
  const p = measuresOf(index, primary, asOf, baselineLookbackDays);
  const a = paired ? measuresOf(index, paired, asOf, baselineLookbackDays) : undefined;
  const x = extras.map((extra) => measuresOf(index, extra, asOf, baselineLookbackDays));
  return index.episodes.map((row, k) => {
    const { start, end } = row;
    const own = p[k];
    const pairedOwn = a?.[k] ?? NOT_JOINED;
    const measures: Record<string, BaselineAndFinal> = {};
    if (own.pair) measures[primary.id] = own.pair;
    if (pairedOwn.pair) measures[paired!.id] = pairedOwn.pair;
    extras.forEach((extra, e) => {
      const pair = x[e][k].pair;
      if (pair) measures[extra.id] = pair;
    });
    const until = end ?? asOf;
    const weeks = start ? Math.max(0, Math.floor((dayIndex(until) - dayIndex(start) + 1) / 7)) : 0;
    return {
      episode: row.episode,
      ...(start ? { start } : {}),
      ...(end ? { end } : {}),
      ...(own.pair ? { primary: own.pair } : {}),
      ...(pairedOwn.pair ? { paired: pairedOwn.pair } : {}),
      attended: row.attended,
      missed: row.missed,
      attendedHours: row.minutes / 60,
      weeksInTreatment: weeks,
      weeksWithMeasure: own.weeksWithMeasure,
      unusableScores: own.unusable + pairedOwn.unusable,
      attendedByModality: row.attendedByModality,
      attendedHoursByModality: row.attendedHoursByModality,
      measures,
    };
  });
}

/**
 * Joins episodes with their scores and sessions. Scores are bucketed by patient and instrument,
 * sessions by episode, so the join is linear in the data rather than episodes × scores.
 * Out-of-range scores are counted in `unusableScores`, never used. `extraInstruments` (e.g. the
 * modalities' target measures) are paired the same way into `measures` but do not count in
 * `unusableScores` or measure completion, which stay about the primary and paired measures.
 * To join the same records with several measures, build `outcomeJoinIndex` once and call
 * `joinFromIndex` per measure.
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
  return joinFromIndex(
    outcomeJoinIndex(episodes, scores, sessions, timeZone),
    primary,
    asOf,
    paired,
    baselineLookbackDays,
    extraInstruments,
  );
}
