import { MODALITY_CODES } from '../../domain/fhir-codes';
import { InstrumentDefinition } from '../../domain/instruments/instrument';
import { safetySignalsIn } from '../../domain/instruments/safety-signal';
import { CalendarDay, CarePlanKind, ScoreRecord } from '../../domain/models';
import { toCalendarDay } from '../../domain/time/calendar-day';
import { MappedCarePlan, MappedFlag, MappedSession } from '../../fhir-mapping';
import { ProgressEvent } from './progress-view-model';

const PLAN_NAMES: Readonly<Record<CarePlanKind, string>> = {
  'treatment-plan': 'Treatment plan',
  'relapse-prevention': 'Relapse-prevention plan',
  aftercare: 'Aftercare plan',
};

export interface EventSources {
  readonly sessions: readonly MappedSession[];
  /** Scored administrations and the safety-only ones (unscorable, safety item answered). */
  readonly scores: readonly ScoreRecord[];
  readonly flags: readonly MappedFlag[];
  readonly carePlans: readonly MappedCarePlan[];
  readonly catalogue: readonly InstrumentDefinition[];
  readonly timeZone: string;
  readonly today: CalendarDay;
}

/**
 * What happened along the way that the measure charts mark: missed sessions, safety signals
 * (a positive safety item, a safety flag raised) and care-plan changes, in day order.
 */
export function progressEvents(sources: EventSources): ProgressEvent[] {
  const events: ProgressEvent[] = [];
  const add = (date: string | undefined, kind: ProgressEvent['kind'], label: string) => {
    const day = date ? toCalendarDay(date, sources.timeZone) : undefined;
    if (day && day <= sources.today) events.push({ day, kind, label });
  };
  for (const s of sources.sessions)
    if (s.status === 'missed')
      add(s.start, 'missed-session', `Missed ${MODALITY_CODES[s.modality].display}`);
  for (const score of sources.scores) {
    const instrument = sources.catalogue.find((i) => i.id === score.instrumentId);
    if (!instrument) continue;
    for (const signal of safetySignalsIn(instrument, score))
      add(score.date, 'safety', signal.reason);
  }
  for (const flag of sources.flags)
    add(flag.start, 'safety', flag.text ? `Safety flag: ${flag.text}` : 'Safety flag raised');
  for (const plan of sources.carePlans)
    add(plan.created, 'care-plan', `${PLAN_NAMES[plan.kind]} created`);
  return events.sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
}
