import { attendanceSummary, measureCompletion } from '../../domain/attendance/attendance';
import { levelDefinition } from '../../domain/levels/level-of-care';
import {
  OutcomeFlags,
  instrumentOutcome,
  outcomeCategory,
  pairedOutcome,
} from '../../domain/instruments/outcome-category';
import { isRemission, isResponse } from '../../domain/instruments/response-remission';
import { CalendarDay, SessionRecord } from '../../domain/models';
import { MeasureSeries } from '../../domain/progress/measure-series';
import { formatDay } from '../../domain/progress/measure-summary';
import { Stay } from '../../domain/journeys/journey';
import { MeasureOutcomeView, OutcomeSummaryView } from './progress-view-model';

function measureOutcome(s: MeasureSeries): MeasureOutcomeView {
  const base: MeasureOutcomeView = {
    instrumentId: s.instrument.id,
    shortName: s.instrument.shortName,
    ...(s.baseline ? { baseline: s.baseline.total } : {}),
  };
  if (!s.baseline || !s.latest) return base;
  const pair = { baseline: s.baseline.total, final: s.latest.total };
  const response = isResponse(s.instrument, pair.baseline, pair.final);
  const remission = isRemission(s.instrument, pair.final);
  return {
    ...base,
    latest: pair.final,
    change: pair.final - pair.baseline,
    ...(s.change ? { reliableChange: s.change } : {}),
    ...(response !== undefined ? { response } : {}),
    ...(remission !== undefined ? { remission } : {}),
    category: outcomeCategory(instrumentOutcome(s.instrument, pair)),
  };
}

/**
 * The episode's category on its primary measure, in the NHS Talking Therapies paired form
 * (PHQ-9 with GAD-7) when both were measured, else on the primary alone.
 */
function episodeFlags(series: readonly MeasureSeries[]): OutcomeFlags | undefined {
  const pairOf = (s: MeasureSeries | undefined) =>
    s?.baseline && s.latest ? { baseline: s.baseline.total, final: s.latest.total } : undefined;
  const primary = series[0];
  const scores = pairOf(primary);
  if (!primary || !scores) return undefined;
  const gad = series.find((s) => s.instrument.id === 'gad-7');
  const gadScores = pairOf(gad);
  if (primary.instrument.id === 'phq-9' && gad && gadScores)
    return pairedOutcome(
      { instrument: primary.instrument, scores },
      { instrument: gad.instrument, scores: gadScores },
    );
  return instrumentOutcome(primary.instrument, scores);
}

/** Outcome of the current (or last) stay: category, each measure, completion and attendance. */
export function outcomeSummary(
  stay: Stay,
  series: readonly MeasureSeries[],
  sessions: readonly SessionRecord[],
  timeZone: string,
  today: CalendarDay,
): OutcomeSummaryView {
  const until = stay.end ?? today;
  const primary = series[0];
  const completion = measureCompletion(
    primary ? primary.points.map((p) => p.day) : [],
    stay.start,
    until,
    timeZone,
  );
  const attendance = attendanceSummary(sessions, { from: stay.start, to: until }, timeZone);
  const flags = episodeFlags(series);
  return {
    episodeLabel: `${levelDefinition(stay.level).shortLabel}, ${formatDay(stay.start)} – ${stay.end ? formatDay(stay.end) : 'today'}`,
    ...(flags ? { category: outcomeCategory(flags) } : {}),
    measures: series.map(measureOutcome),
    measureCompletion: {
      weeksWithMeasure: completion.weeksWithMeasure,
      weeksInTreatment: completion.weeksInTreatment,
      ...(completion.rate !== undefined ? { rate: completion.rate } : {}),
    },
    attendance: {
      attended: attendance.attended,
      missed: attendance.missed,
      ...(attendance.rate !== undefined ? { rate: attendance.rate } : {}),
    },
  };
}
