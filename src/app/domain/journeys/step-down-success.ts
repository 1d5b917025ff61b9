import { compareLevels } from '../levels/level-of-care';
import { CalendarDay, LevelOfCare } from '../models';
import { Proportion, wilsonInterval } from '../stats/wilson';
import { addDays } from '../time/calendar-day';
import { Journey, Transition } from './journey';
import { isReadmission } from './readmission';

export type StepDownFate = 'held' | 'stepped-back-up' | 'too-early';

export interface StepDownEvent {
  readonly patientId: string;
  readonly stepDown: Transition;
  /** Within the window: held (no step-up or readmission), stepped back up, or not yet known. */
  readonly fate: StepDownFate;
}

/**
 * Each step-down and what followed within `windowDays`: a step-up to a level above the one
 * stepped down to, or any readmission, counts as stepping back up (CLINICAL.md: step-down
 * success is no step-up or readmission within 30 and 90 days). A window that has not yet passed
 * with neither is censored ("too early"), never counted as held.
 */
export function stepDownEvents(
  journeys: readonly Journey[],
  windowDays: number,
  asOf: CalendarDay,
): StepDownEvent[] {
  const out: StepDownEvent[] = [];
  for (const journey of journeys)
    journey.transitions.forEach((t, i) => {
      if (t.kind !== 'step-down' || isReadmission(t)) return;
      const deadline = addDays(t.day, windowDays);
      const back = journey.transitions
        .slice(i + 1)
        .some(
          (later) =>
            later.day <= deadline &&
            (isReadmission(later) ||
              (later.kind === 'step-up' && compareLevels(later.to!, t.to!) > 0)),
        );
      out.push({
        patientId: journey.patientId,
        stepDown: t,
        fate: back ? 'stepped-back-up' : deadline <= asOf ? 'held' : 'too-early',
      });
    });
  return out;
}

export interface StepDownSuccess {
  readonly from: LevelOfCare;
  readonly to: LevelOfCare;
  readonly windowDays: number;
  /** held / (held + stepped back up), with its Wilson interval. */
  readonly held: Proportion;
  readonly tooEarly: number;
}

/** Step-down success by level pair, most common pair first. */
export function stepDownSuccess(
  events: readonly StepDownEvent[],
  windowDays: number,
): StepDownSuccess[] {
  const pairs = new Map<
    string,
    { from: LevelOfCare; to: LevelOfCare; held: number; back: number; early: number }
  >();
  for (const e of events) {
    const from = e.stepDown.from!;
    const to = e.stepDown.to!;
    const key = `${from}>${to}`;
    const entry = pairs.get(key) ?? { from, to, held: 0, back: 0, early: 0 };
    if (e.fate === 'held') entry.held++;
    else if (e.fate === 'stepped-back-up') entry.back++;
    else entry.early++;
    pairs.set(key, entry);
  }
  return [...pairs.values()]
    .map((p) => ({
      from: p.from,
      to: p.to,
      windowDays,
      held: wilsonInterval(p.held, p.held + p.back),
      tooEarly: p.early,
    }))
    .sort(
      (a, b) =>
        b.held.n + b.tooEarly - (a.held.n + a.tooEarly) ||
        compareLevels(b.from, a.from) ||
        compareLevels(b.to, a.to),
    );
}
