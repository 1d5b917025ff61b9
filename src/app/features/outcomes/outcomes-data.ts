import { createSelector } from '@ngrx/store';
import { configFeature } from '../../core/config/config-feature';
import { linkSessionsToEpisodes } from '../../domain/attendance/session-episodes';
import { DEFAULT_INSTRUMENTS, instrumentById } from '../../domain/instruments/instrument-catalogue';
import { InstrumentDefinition } from '../../domain/instruments/instrument';
import { targetInstruments } from '../../domain/outcomes/dose-response';
import { joinFromIndex, outcomeJoinIndex } from '../../domain/outcomes/outcome-episode';
import { BASELINE_LOOKBACK_DAYS } from '../../domain/recovery/episode-baseline';
import { CalendarDay } from '../../domain/models';
import { episodesSlice, scoresSlice, sessionsSlice } from '../../store/clinical-slices';

/** Sessions with their episode, Appointments (and so every missed session) included. */
export const selectLinkedSessions = createSelector(
  sessionsSlice.selectAll,
  episodesSlice.selectAll,
  configFeature.selectProgramTimeZone,
  (sessions, episodes, timeZone) => linkSessionsToEpisodes(sessions, episodes, timeZone),
);

/**
 * What every measure's join shares: episodes with their days and session tallies, scores dated
 * and bucketed by client and instrument. Rebuilt only when records change, not per filter.
 */
export const selectOutcomeIndex = createSelector(
  episodesSlice.selectAll,
  scoresSlice.selectAll,
  selectLinkedSessions,
  configFeature.selectProgramTimeZone,
  (episodes, scores, sessions, timeZone) => outcomeJoinIndex(episodes, scores, sessions, timeZone),
);

/** NHS Talking Therapies pair PHQ-9 with GAD-7 for paired recovery; other measures stand alone. */
export function anxietyPairFor(primary: InstrumentDefinition): InstrumentDefinition | undefined {
  return primary.id === 'phq-9' ? instrumentById('gad-7') : undefined;
}

const joins = new Map<string, ReturnType<typeof joinSelector>>();
/** Joins kept: the measure in view and the one before, so switching back is instant. */
const JOINS_KEPT = 3;

/**
 * Every episode loaded, joined with its scores (on the chosen measure, its anxiety pair, and
 * each modality's target measure) and its sessions: the rows every outcome figure is computed
 * from. One memoised selector per measure and day over the shared index, so changing the period
 * or a breakdown reuses the join, and changing the measure only pairs that measure's scores
 * (each instrument's baselines are worked out once per index). The few most recent are kept
 * (oldest dropped first), each holding one join's rows.
 */
export function selectOutcomeRows(instrumentId: string, today: CalendarDay) {
  const key = `${instrumentId}|${today}`;
  let selector = joins.get(key);
  if (!selector) {
    if (joins.size >= JOINS_KEPT) joins.delete(joins.keys().next().value!);
    joins.set(key, (selector = joinSelector(instrumentId, today)));
  }
  return selector;
}

function joinSelector(instrumentId: string, today: CalendarDay) {
  const primary = instrumentById(instrumentId) ?? instrumentById('phq-9')!;
  const extras = targetInstruments(DEFAULT_INSTRUMENTS);
  const paired = anxietyPairFor(primary);
  return createSelector(selectOutcomeIndex, (index) =>
    joinFromIndex(index, primary, today, paired, BASELINE_LOOKBACK_DAYS, extras),
  );
}
