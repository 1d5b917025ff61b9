import { CalendarDay } from '../../domain/models';
import { MappedEpisode, MappedScore, MappedSession, PatientSummary } from '../../fhir-mapping';
import { CaseloadRow, ClientRecords, caseloadRow } from './caseload-row';

/** Test data for the caseload specs (not used by production code): "today" is 2026-11-27. */
export const TODAY: CalendarDay = '2026-11-27';

export interface ClientSpec {
  readonly id: string;
  readonly name: string;
  readonly level?: MappedEpisode['level'];
  readonly start?: CalendarDay;
  readonly careManagerId?: string;
  readonly programId?: string;
  /** PHQ-9 totals, weekly from the start; `item9` on the last. */
  readonly phq?: readonly number[];
  readonly item9?: number;
  readonly missedLast?: number;
  readonly eth?: boolean;
  readonly problems?: MappedEpisode['presentingProblems'];
}

export function client(spec: ClientSpec): {
  episode: MappedEpisode;
  patient: PatientSummary;
  records: ClientRecords;
} {
  const start = spec.start ?? '2026-10-05';
  const episode: MappedEpisode = {
    id: `e-${spec.id}`,
    patientId: spec.id,
    level: spec.level ?? 'iop',
    status: 'active',
    start,
    careManagerId: spec.careManagerId ?? 't1',
    programId: spec.programId ?? 'adult-iop',
    presentingProblems: spec.problems ?? ['depression'],
    ...(spec.eth ? { securityLabels: ['ETH'] } : {}),
  };
  const day = (offset: number) => {
    const d = new Date(`${start}T12:00:00Z`);
    d.setUTCDate(d.getUTCDate() + offset);
    return d.toISOString().slice(0, 10);
  };
  const phq = spec.phq ?? [];
  const scores: MappedScore[] = phq.map((total, i) => ({
    id: `o-${spec.id}-${i}`,
    patientId: spec.id,
    instrumentId: 'phq-9',
    date: day(i * 7),
    total,
    items: { '9': i === phq.length - 1 ? (spec.item9 ?? 0) : 0 },
    sourceType: 'Observation',
  }));
  const sessions: MappedSession[] = [];
  for (let offset = 0; day(offset) <= TODAY; offset++) {
    const weekday = new Date(`${day(offset)}T12:00:00Z`).getUTCDay();
    if (weekday < 1 || weekday > 3) continue;
    sessions.push({
      id: `s-${spec.id}-${offset}`,
      patientId: spec.id,
      modality: 'cbt',
      status: 'attended',
      start: `${day(offset)}T15:00:00Z`,
      minutes: 180,
      sourceType: 'Encounter',
    });
  }
  for (let i = 1; i <= (spec.missedLast ?? 0); i++) {
    sessions[sessions.length - i] = { ...sessions[sessions.length - i], status: 'missed' };
  }
  return {
    episode,
    patient: { id: spec.id, name: spec.name, birthDate: '1990-03-01', active: true },
    records: {
      episodes: [episode],
      scores,
      safetyItems: [],
      sessions,
      flags: [],
      carePlans: [],
      conditions: [],
    },
  };
}

export function row(spec: ClientSpec): CaseloadRow {
  const c = client(spec);
  return caseloadRow(c.episode, c.patient, c.records, {
    today: TODAY,
    timeZone: 'America/Chicago',
  });
}

/** A small caseload: one safety signal, one deteriorating, two steady, one in PHP. */
export function caseload(): CaseloadRow[] {
  return [
    row({ id: 'p1', name: 'Ash Fernhollow', phq: [14, 12, 10, 9, 8, 8, 7, 7] }),
    row({ id: 'p2', name: 'Briar Quillfeather', phq: [12, 14, 16, 18, 19, 20, 21, 21] }),
    row({ id: 'p3', name: 'Cedar Mossbank', phq: [16, 15, 13, 11, 10, 9, 9, 8], item9: 1 }),
    row({
      id: 'p4',
      name: 'Dune Larkspur',
      phq: [18, 16, 14, 12, 11, 10, 9, 9],
      missedLast: 2,
      eth: true,
    }),
    row({
      id: 'p5',
      name: 'Elm Thistledown',
      level: 'php',
      start: '2026-11-16',
      phq: [22, 20],
      careManagerId: 't2',
      programId: 'young-adult',
    }),
  ];
}
