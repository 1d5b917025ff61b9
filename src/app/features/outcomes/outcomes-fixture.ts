import { Episode, SessionRecord } from '../../domain/models';
import { OutcomeEpisode } from '../../domain/outcomes/outcome-episode';
import { MappedEpisode, MappedScore } from '../../fhir-mapping';
import { DrillNames } from './drill-down/drill-down-view';
import { selectOutcomeIndex, selectOutcomeRows } from './outcomes-data';

export const OUTCOMES_TODAY = '2026-11-29';
export const OUTCOMES_ZONE = 'America/Chicago';

const episode = (
  id: string,
  patientId: string,
  careManagerId: string,
  start: string,
  end: string,
  endReason: Episode['endReason'],
): MappedEpisode => ({
  id,
  patientId,
  level: 'iop',
  status: 'finished',
  start,
  end,
  endReason,
  careManagerId,
  programId: 'adult-iop',
});

const phq = (patientId: string, date: string, total: number): MappedScore => ({
  sourceType: 'Observation',
  id: `${patientId}-${date}`,
  patientId,
  instrumentId: 'phq-9',
  date,
  total,
});

/**
 * Three IOP episodes that finished in the last 90 days, worked by hand:
 * - e1 (therapist A): PHQ-9 20 → 8, severe at baseline: 12 better, response, no remission;
 * - e2 (therapist A): 15 → 10, moderately severe: 5 better, no response;
 * - e3 (therapist B): 16 → 4, moderately severe: 12 better, response and remission; left early.
 */
export const FIXTURE_EPISODES = [
  episode('e1', 'p1', 'tA', '2026-08-03', '2026-10-02', 'completed'),
  episode('e2', 'p2', 'tA', '2026-08-10', '2026-10-16', 'completed'),
  episode('e3', 'p3', 'tB', '2026-08-17', '2026-09-20', 'left-early'),
];
const scores = [
  phq('p1', '2026-08-03', 20),
  phq('p1', '2026-09-28', 8),
  phq('p2', '2026-08-10', 15),
  phq('p2', '2026-10-12', 10),
  phq('p3', '2026-08-17', 16),
  phq('p3', '2026-09-14', 4),
];
const sessions: SessionRecord[] = [
  {
    id: 's1',
    patientId: 'p1',
    episodeId: 'e1',
    modality: 'cbt',
    status: 'attended',
    start: '2026-08-04T15:00:00Z',
    minutes: 180,
  },
  // A no-show has no Encounter, so it names no episode: linked by its day.
  {
    id: 's2',
    patientId: 'p1',
    modality: 'cbt',
    status: 'missed',
    start: '2026-08-05T15:00:00Z',
    minutes: 180,
  },
];

export const FIXTURE_NAMES: DrillNames = {
  patient: (id) => ({ p1: 'Ash Example', p2: 'Birch Sample', p3: 'Cedar Test' })[id],
  program: (id) => (id === 'adult-iop' ? 'Adult IOP' : 'No program'),
  therapist: (id) => ({ tA: 'Therapist A', tB: 'Therapist B' })[id ?? ''] ?? 'No therapist',
  partTwo: (row) => row.episode.patientId === 'p3',
};

/** The fixture joined as the page's selectors join it. */
export function outcomeFixtureRows(): OutcomeEpisode[] {
  return selectOutcomeRows('phq-9', OUTCOMES_TODAY).projector(
    selectOutcomeIndex.projector(
      FIXTURE_EPISODES,
      scores,
      sessions.map((s) => (s.id === 's2' ? { ...s, episodeId: 'e1' } : s)),
      OUTCOMES_ZONE,
    ),
  );
}
