import { journeyDose } from '../../domain/attendance/journey-dose';
import { InstrumentDefinition } from '../../domain/instruments/instrument';
import { DEFAULT_INSTRUMENTS } from '../../domain/instruments/instrument-catalogue';
import { buildJourney } from '../../domain/journeys/journey';
import { CalendarDay } from '../../domain/models';
import { RecoveryCurveSet } from '../../domain/recovery/curve-types';
import { addDays } from '../../domain/time/calendar-day';
import { MappedEpisode, PatientSummary } from '../../fhir-mapping';
import {
  ClientRecords,
  caseloadRow,
  clientSnapshot,
  safetyOnlyScores,
} from '../caseload/caseload-row';
import { doseView } from './progress-dose';
import { progressEvents } from './progress-events';
import { progressHeader } from './progress-header';
import { itemGrids } from './progress-items';
import { journeyView, phasesOf, plannedMarker, transitionMarker } from './progress-journey';
import { progressMeasures } from './progress-measures';
import { outcomeSummary } from './progress-outcome';
import { ClientProgressView, DayRange } from './progress-view-model';

export interface ProgressSources {
  readonly patientId: string;
  readonly patient?: PatientSummary;
  readonly records: ClientRecords;
  readonly staffName: (id: string | undefined) => string | undefined;
  readonly programName: (id: string | undefined) => string | undefined;
  readonly today: CalendarDay;
  readonly timeZone: string;
  readonly curves?: RecoveryCurveSet;
  readonly catalogue?: readonly InstrumentDefinition[];
}

/** The active episode (the latest start if a data error left two), else the last one. */
function currentEpisode(episodes: readonly MappedEpisode[]): MappedEpisode | undefined {
  // Planned and waitlisted episodes have not started: the plan shows on the current one.
  const usable = episodes.filter(
    (e) => e.status !== 'cancelled' && e.status !== 'planned' && e.status !== 'waitlist',
  );
  const latest = (list: readonly MappedEpisode[]) =>
    list.reduce<MappedEpisode | undefined>((a, e) => (!a || e.start > a.start ? e : a), undefined);
  return latest(usable.filter((e) => e.status === 'active')) ?? latest(usable);
}

const EIGHT_WEEKS = 8 * 7 - 1;

/** Everything the client progress page shows, from what the store holds about one client. */
export function clientProgressView(sources: ProgressSources): ClientProgressView {
  const { records, today, timeZone } = sources;
  const catalogue = sources.catalogue ?? DEFAULT_INSTRUMENTS;
  const journey = buildJourney(records.episodes, timeZone, today);
  const current = currentEpisode(records.episodes);
  const currentStay =
    journey.stays.find((s) => s.episodeId === current?.id) ?? journey.stays.at(-1);
  const context = {
    today,
    timeZone,
    catalogue,
    ...(sources.curves ? { curves: sources.curves } : {}),
  };

  const { series, views } = progressMeasures(records.scores, {
    ...context,
    ...(currentStay ? { episodeStart: currentStay.start } : {}),
  });
  const inCare = current?.status === 'active';
  const row = inCare ? caseloadRow(current, sources.patient, records, context) : undefined;
  const snapshot = current ? clientSnapshot(current, records, context) : undefined;
  const problems = [
    ...new Set([
      ...(current?.presentingProblems ?? []),
      ...records.conditions.map((c) => c.problem),
    ]),
  ].filter((p) => p !== 'other');

  const planned = inCare ? plannedMarker(current) : undefined;
  const first = [journey.stays[0]?.start, ...series.map((s) => s.points[0]?.day)]
    .filter((d): d is CalendarDay => !!d)
    .sort()[0];
  const journeyRange: DayRange = { from: first ?? addDays(today, -EIGHT_WEEKS), to: today };
  return {
    patientId: sources.patientId,
    today,
    header: progressHeader({
      patientId: sources.patientId,
      ...(sources.patient ? { patient: sources.patient } : {}),
      ...(row ? { row } : {}),
      ...(snapshot ? { snapshot } : {}),
      ...(current ? { episode: current } : {}),
      problems,
      ...(current && sources.staffName(current.careManagerId)
        ? { therapist: sources.staffName(current.careManagerId) }
        : {}),
      ...(current && sources.programName(current.programId)
        ? { program: sources.programName(current.programId) }
        : {}),
    }),
    measures: views,
    phases: phasesOf(journey, today),
    transitions: [
      ...journey.transitions.filter((t) => t.kind !== 'admission').map(transitionMarker),
      ...(planned ? [planned] : []),
    ],
    events: progressEvents({
      sessions: records.sessions,
      scores: [...records.scores, ...safetyOnlyScores(records.safetyItems)],
      flags: records.flags,
      carePlans: records.carePlans,
      catalogue,
      timeZone,
      today,
    }),
    dose: doseView(journeyDose(records.sessions, journey.stays, timeZone, today), series),
    itemGrids: itemGrids(series),
    journey: journeyView(journey, current, sources.programName),
    ...(currentStay
      ? { outcome: outcomeSummary(currentStay, series, records.sessions, timeZone, today) }
      : {}),
    ranges: {
      journey: journeyRange,
      'current-level': currentStay
        ? { from: currentStay.start, to: currentStay.end && !inCare ? currentStay.end : today }
        : journeyRange,
      'last-8-weeks': { from: addDays(today, -EIGHT_WEEKS), to: today },
    },
    expectedMeasures: views.length ? [] : expectedMeasures(catalogue, currentStay?.start),
  };
}

/** What a client with no measures yet should have, so the empty state says what to expect. */
function expectedMeasures(
  catalogue: readonly InstrumentDefinition[],
  start: CalendarDay | undefined,
): string[] {
  return catalogue
    .filter((i) => i.id === 'phq-9' || i.id === 'gad-7')
    .map((i) => {
      const every =
        i.expectedFrequencyDays === 7 ? 'weekly' : `every ${i.expectedFrequencyDays ?? 7} days`;
      const due = start ? `, from the first week of care (${start})` : '';
      return `${i.shortName} ${every}${due}`;
    });
}
