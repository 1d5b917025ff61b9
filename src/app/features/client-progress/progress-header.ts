import { levelDefinition } from '../../domain/levels/level-of-care';
import { MODALITY_CODES } from '../../domain/fhir-codes';
import { problemLabel } from '../../ui/clinical-labels';
import { ClientSnapshot } from '../../domain/readiness/client-snapshot';
import { ageOn } from '../../domain/time/age';
import { toCalendarDay } from '../../domain/time/calendar-day';
import { MappedEpisode, PatientSummary } from '../../fhir-mapping';
import { CaseloadRow } from '../caseload/caseload-row';
import { ProgressHeader } from './progress-view-model';

export interface HeaderSources {
  readonly patientId: string;
  readonly patient?: PatientSummary;
  /** The active episode's caseload row (flags, week, next session), when in care. */
  readonly row?: CaseloadRow;
  readonly snapshot?: ClientSnapshot;
  /** The current episode, or the last one for a client no longer in care. */
  readonly episode?: MappedEpisode;
  readonly problems: readonly string[];
  readonly therapist?: string;
  readonly program?: string;
}

export function progressHeader(sources: HeaderSources): ProgressHeader {
  const { patient, row, snapshot, episode } = sources;
  const today = snapshot?.today;
  const age = today ? ageOn(patient?.birthDate, today) : undefined;
  const level = episode ? levelDefinition(episode.level) : undefined;
  const start = episode && snapshot ? toCalendarDay(episode.start, snapshot.timeZone) : undefined;
  const end = episode?.end && snapshot ? toCalendarDay(episode.end, snapshot.timeZone) : undefined;
  const next = row?.attention.nextSession;
  const nextSession = next
    ? snapshot?.sessions.find((s) => s.start === next && s.status === 'scheduled')
    : undefined;
  const readiness = row?.attention.readiness;
  return {
    name: patient?.name ?? `Client ${sources.patientId}`,
    ...(age !== undefined ? { age } : {}),
    problems: sources.problems.map(problemLabel),
    inCare: !!row,
    ...(level ? { levelLabel: level.shortLabel, levelName: level.label } : {}),
    ...(row ? { weekLabel: row.weekLabel } : {}),
    ...(sources.therapist ? { therapist: sources.therapist } : {}),
    ...(sources.program ? { program: sources.program } : {}),
    ...(start ? { episodeStart: start } : {}),
    ...(end ? { episodeEnd: end } : {}),
    flags: row?.attention.flags ?? [],
    ...(next
      ? {
          nextSession: {
            start: next,
            modality: nextSession ? MODALITY_CODES[nextSession.modality].display : 'Session',
          },
        }
      : {}),
    ...(readiness
      ? {
          readiness: {
            verdict: readiness.verdict,
            summary: readiness.summary,
            criteria: readiness.criteria.map((c) => ({
              label: c.label,
              status: c.status,
              evidence: c.evidence,
            })),
          },
        }
      : {}),
  };
}
