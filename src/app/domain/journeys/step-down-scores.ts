import { InstrumentDefinition } from '../instruments/instrument';
import { severityOf } from '../instruments/scoring';
import { CalendarDay } from '../models';
import { dayNumber } from '../recovery/day-number';
import { spread } from '../stats/descriptive';
import { StepDownEvent } from './step-down-success';

/** A valid score on a calendar day (a `DayScore` fits). */
export interface DayScore {
  readonly day: CalendarDay;
  readonly total: number;
}

/** How recent a score must be to stand for the client's state at a step-down. */
export const SCORE_AT_STEP_DOWN_DAYS = 14;

export interface ScoresAtStepDown {
  readonly stepDowns: number;
  /** Step-downs with a primary score in the 14 days up to the step-down day. */
  readonly withScore: number;
  readonly median?: number;
  readonly q1?: number;
  readonly q3?: number;
  /** Step-downs by the severity band of that score, in band order. */
  readonly bySeverity: readonly { readonly label: string; readonly count: number }[];
}

function lastScoreBefore(
  scores: readonly DayScore[],
  day: CalendarDay,
  lookbackDays: number,
): DayScore | undefined {
  const earliest = dayNumber(day) - lookbackDays;
  let found: DayScore | undefined;
  for (const s of scores) {
    if (s.day > day) break;
    if (dayNumber(s.day) >= earliest) found = s;
  }
  return found;
}

/**
 * The primary score at each step-down (the last within 14 days up to the step-down day),
 * summarised for step-downs that held and for those that stepped back up: the evidence a
 * director needs to set step-down criteria. `scoresOf` returns a client's valid scores of the
 * instrument, oldest first.
 */
export function scoresAtStepDown(
  events: readonly StepDownEvent[],
  scoresOf: (patientId: string) => readonly DayScore[],
  instrument: InstrumentDefinition,
  lookbackDays: number = SCORE_AT_STEP_DOWN_DAYS,
): Record<'held' | 'stepped-back-up', ScoresAtStepDown> {
  const summarise = (fate: StepDownEvent['fate']): ScoresAtStepDown => {
    const chosen = events.filter((e) => e.fate === fate);
    const totals: number[] = [];
    for (const e of chosen) {
      const score = lastScoreBefore(scoresOf(e.patientId), e.stepDown.day, lookbackDays);
      if (score) totals.push(score.total);
    }
    const s = spread(totals);
    return {
      stepDowns: chosen.length,
      withScore: totals.length,
      ...(s.median !== undefined ? { median: s.median, q1: s.q1!, q3: s.q3! } : {}),
      bySeverity: instrument.bands.map((band) => ({
        label: band.label,
        count: totals.filter((t) => severityOf(instrument, t) === band).length,
      })),
    };
  };
  return { held: summarise('held'), 'stepped-back-up': summarise('stepped-back-up') };
}
