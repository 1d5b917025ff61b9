import { InstrumentDefinition, SeverityBand } from '../instruments/instrument';
import { ReliableChange, classifyReliableChange } from '../instruments/reliable-change';
import { severityOf, validateScore } from '../instruments/scoring';
import { CalendarDay, Rejected, ScoreRecord } from '../models';
import { BASELINE_LOOKBACK_DAYS, baselineIndex } from '../recovery/episode-baseline';
import { toCalendarDay } from '../time/calendar-day';

export interface DatedScore {
  readonly record: ScoreRecord;
  readonly day: CalendarDay;
  readonly total: number;
}

/**
 * One instrument's scores up to today, oldest first. Scores with no readable day, dated after
 * today, or out of range are set aside with the reason, never used or clamped.
 */
export function datedScores(
  instrument: InstrumentDefinition,
  records: readonly ScoreRecord[],
  timeZone: string,
  today: CalendarDay,
): { scores: DatedScore[]; rejected: Rejected<ScoreRecord>[] } {
  const scores: DatedScore[] = [];
  const rejected: Rejected<ScoreRecord>[] = [];
  for (const record of records) {
    if (record.instrumentId !== instrument.id) continue;
    const day = toCalendarDay(record.date, timeZone);
    const valid = validateScore(instrument, record.total);
    if (!day) rejected.push({ item: record, reason: `no calendar day in "${record.date}"` });
    else if (day > today) rejected.push({ item: record, reason: `dated ${day}, after today` });
    else if (!valid.ok) rejected.push({ item: record, reason: valid.reason });
    else scores.push({ record, day, total: valid.score });
  }
  scores.sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
  return { scores, rejected };
}

export interface SeriesPoint extends DatedScore {
  readonly band?: SeverityBand;
  /** Score minus baseline, for points from the baseline on. */
  readonly changeFromBaseline?: number;
  readonly reliableChange?: ReliableChange;
}

/** One instrument over a client's whole history, read against the current episode's baseline. */
export interface MeasureSeries {
  readonly instrument: InstrumentDefinition;
  readonly points: readonly SeriesPoint[];
  readonly setAside: readonly Rejected<ScoreRecord>[];
  readonly baseline?: SeriesPoint;
  /** The latest score after the baseline. */
  readonly latest?: SeriesPoint;
  readonly change?: ReliableChange;
}

export interface SeriesOptions {
  readonly timeZone: string;
  readonly today: CalendarDay;
  /** The current episode's first day: its baseline follows the same rule as the caseload. */
  readonly episodeStart?: CalendarDay;
  readonly lookbackDays?: number;
}

/**
 * Every valid administration of one instrument, each with its severity band and, from the
 * episode's baseline on, its change and reliable change; so the chart, its table and the
 * outcome summary read the same numbers.
 */
export function measureSeries(
  instrument: InstrumentDefinition,
  records: readonly ScoreRecord[],
  options: SeriesOptions,
): MeasureSeries {
  const { scores, rejected } = datedScores(instrument, records, options.timeZone, options.today);
  const first = options.episodeStart
    ? baselineIndex(
        scores.map((s) => s.day),
        options.episodeStart,
        options.lookbackDays ?? BASELINE_LOOKBACK_DAYS,
      )
    : undefined;
  const baselineTotal = first === undefined ? undefined : scores[first].total;
  const points: SeriesPoint[] = scores.map((s, i) => {
    const band = severityOf(instrument, s.total);
    if (baselineTotal === undefined || i < first!) return { ...s, ...(band ? { band } : {}) };
    const reliableChange = classifyReliableChange(instrument, baselineTotal, s.total);
    return {
      ...s,
      ...(band ? { band } : {}),
      changeFromBaseline: s.total - baselineTotal,
      ...(reliableChange && i > first! ? { reliableChange } : {}),
    };
  });
  const baseline = first === undefined ? undefined : points[first];
  const latest = first !== undefined && points.length - 1 > first ? points.at(-1) : undefined;
  return {
    instrument,
    points,
    setAside: rejected,
    ...(baseline ? { baseline } : {}),
    ...(latest ? { latest } : {}),
    ...(latest?.reliableChange ? { change: latest.reliableChange } : {}),
  };
}
