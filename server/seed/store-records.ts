import { instrumentForCoding } from '../../src/app/domain/instruments/instrument-catalogue';
import { createLevelCodeMap, mapLevel } from '../../src/app/domain/levels/level-code-map';
import { Episode, EpisodeStatus, ScoreRecord } from '../../src/app/domain/models';
import { ResourceStore } from '../db/resource-store';

type Json = Record<string, unknown>;

/**
 * Reads the episodes and total scores the curve job needs back out of the server's own
 * database. This is not the app's tolerant mapper: it reads the data this server holds in
 * Waypoint's profile, and skips what it cannot read.
 */
export function recordsFromStore(store: ResourceStore): {
  episodes: Episode[];
  scores: ScoreRecord[];
} {
  const { map } = createLevelCodeMap();
  const episodes: Episode[] = [];
  for (const row of store.db
    .prepare("SELECT json FROM resources WHERE type = 'EpisodeOfCare' AND deleted = 0")
    .iterate() as Iterable<{ json: string }>) {
    const r = JSON.parse(row.json) as Json;
    const codings = ((r['type'] as Json[] | undefined) ?? []).flatMap(
      (t) => (t['coding'] as Json[] | undefined) ?? [],
    );
    const level = mapLevel(map, codings as { system?: string; code?: string }[]);
    const period = (r['period'] as Json | undefined) ?? {};
    const patient = String(((r['patient'] as Json | undefined) ?? {})['reference'] ?? '').replace(
      'Patient/',
      '',
    );
    if (!('level' in level) || typeof period['start'] !== 'string' || !patient) continue;
    episodes.push({
      id: String(r['id']),
      patientId: patient,
      level: level.level,
      status: r['status'] as EpisodeStatus,
      start: period['start'],
      ...(typeof period['end'] === 'string' ? { end: period['end'] } : {}),
    });
  }
  const scores: ScoreRecord[] = [];
  for (const row of store.db
    .prepare("SELECT json FROM resources WHERE type = 'Observation' AND deleted = 0")
    .iterate() as Iterable<{ json: string }>) {
    const r = JSON.parse(row.json) as Json;
    const coding =
      (((r['code'] as Json | undefined) ?? {})['coding'] as Json[] | undefined)?.[0] ?? {};
    const found = instrumentForCoding(coding['system'] as string, coding['code'] as string);
    const value =
      typeof r['valueInteger'] === 'number'
        ? r['valueInteger']
        : ((r['valueQuantity'] as Json | undefined)?.['value'] as number | undefined);
    const patient = String(((r['subject'] as Json | undefined) ?? {})['reference'] ?? '').replace(
      'Patient/',
      '',
    );
    if (
      !found ||
      found.kind !== 'total' ||
      typeof value !== 'number' ||
      typeof r['effectiveDateTime'] !== 'string'
    )
      continue;
    scores.push({
      id: String(r['id']),
      patientId: patient,
      instrumentId: found.instrument.id,
      date: r['effectiveDateTime'],
      total: value,
    });
  }
  return { episodes, scores };
}
