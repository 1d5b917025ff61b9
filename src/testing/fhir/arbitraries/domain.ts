/**
 * The domain's own inputs, as the mappers hand them over and as they arrive from elsewhere:
 * episodes (with absurd and partial dates among the good ones), score records (some out of range,
 * fractional or not numbers) and session records, over a handful of clients so journeys form.
 */
import fc from 'fast-check';
import { MODALITIES } from '../../../app/domain/fhir-codes';
import { DEFAULT_INSTRUMENTS } from '../../../app/domain/instruments/instrument-catalogue';
import { LEVELS } from '../../../app/domain/levels/level-of-care';
import {
  EntryRoute,
  Episode,
  EpisodeEndReason,
  EpisodeStatus,
  ScoreRecord,
  SessionRecord,
  SessionStatus,
} from '../../../app/domain/models';
import { PATIENT_IDS, PRACTITIONER_IDS, absurdDate, validDay, validFhirDate } from './primitives';

const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });

export const STATUSES: readonly EpisodeStatus[] = [
  'planned',
  'waitlist',
  'active',
  'onhold',
  'finished',
  'cancelled',
];
const END_REASONS: readonly EpisodeEndReason[] = [
  'completed',
  'stepped-down',
  'stepped-up',
  'left-early',
  'transferred',
  'other',
];
const ENTRY_ROUTES: readonly EntryRoute[] = [
  'inpatient',
  'residential',
  'php',
  'direct',
  'outpatient',
  'other',
];

/** A FHIR date as an Episode keeps it: mostly real days and instants, sometimes absurd. */
export const episodeDate: fc.Arbitrary<string> = fc.oneof(
  { weight: 8, arbitrary: validDay },
  { weight: 3, arbitrary: validFhirDate },
  { weight: 1, arbitrary: absurdDate },
);

export const domainEpisode: fc.Arbitrary<Episode> = fc
  .record({
    n: fc.nat(9_999),
    patientId: fc.constantFrom(...PATIENT_IDS),
    level: fc.constantFrom(...LEVELS.map((l) => l.level)),
    status: fc.constantFrom(...STATUSES),
    start: episodeDate,
    end: maybe(episodeDate),
    programId: maybe(fc.constantFrom('A', 'B')),
    careManagerId: maybe(fc.constantFrom(...PRACTITIONER_IDS)),
    endReason: maybe(fc.constantFrom(...END_REASONS)),
    entryRoute: maybe(fc.constantFrom(...ENTRY_ROUTES)),
  })
  .map(({ n, end, programId, careManagerId, endReason, entryRoute, ...rest }) => ({
    id: `ep-${n}`,
    ...rest,
    ...(end === undefined ? {} : { end }),
    ...(programId === undefined ? {} : { programId }),
    ...(careManagerId === undefined ? {} : { careManagerId }),
    ...(endReason === undefined ? {} : { endReason }),
    ...(entryRoute === undefined ? {} : { entryRoute }),
  }));

/** Episodes with unique ids (as a server returns them). */
export const domainEpisodes = (maxLength: number): fc.Arbitrary<Episode[]> =>
  fc
    .array(domainEpisode, { maxLength })
    .map((episodes) => episodes.map((e, i) => ({ ...e, id: `${e.id}-${i}` })));

export const domainScore: fc.Arbitrary<ScoreRecord> = fc
  .record({
    n: fc.nat(99_999),
    patientId: fc.constantFrom(...PATIENT_IDS),
    instrument: fc.constantFrom(...DEFAULT_INSTRUMENTS),
    date: episodeDate,
    offset: fc.oneof(
      { weight: 10, arbitrary: fc.integer({ min: 0, max: 200 }) },
      fc.constantFrom(-1, 0.5, 1000, Number.NaN),
    ),
  })
  .map(({ n, patientId, instrument, date, offset }) => ({
    id: `s-${n}`,
    patientId,
    instrumentId: instrument.id,
    date,
    total: Math.min(instrument.range.min + offset, instrument.range.max + (offset > 500 ? 1 : 0)),
  }));

export const domainSession = (episodeIds: readonly string[]): fc.Arbitrary<SessionRecord> =>
  fc
    .record({
      n: fc.nat(99_999),
      patientId: fc.constantFrom(...PATIENT_IDS),
      episodeId: episodeIds.length ? maybe(fc.constantFrom(...episodeIds)) : fc.constant(undefined),
      modality: fc.constantFrom(...MODALITIES),
      status: fc.constantFrom<SessionStatus>('scheduled', 'attended', 'missed', 'cancelled'),
      start: episodeDate,
      minutes: fc.oneof(
        { weight: 9, arbitrary: fc.constantFrom(45, 60, 90, 180) },
        fc.nat(100_000),
      ),
    })
    .map(({ n, episodeId, ...rest }) => ({
      id: `sess-${n}`,
      ...rest,
      ...(episodeId === undefined ? {} : { episodeId }),
    }));

/** Episodes with the scores and sessions of their clients. */
export const domainCaseload = (maxEpisodes: number) =>
  domainEpisodes(maxEpisodes).chain((episodes) =>
    fc.record({
      episodes: fc.constant(episodes),
      scores: fc.array(domainScore, { maxLength: maxEpisodes * 3 }),
      sessions: fc.array(domainSession(episodes.map((e) => e.id)), { maxLength: maxEpisodes * 4 }),
    }),
  );
