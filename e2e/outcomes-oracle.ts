import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * An independent reading of the seed's NDJSON (the files the e2e server loaded), written from
 * the definitions in docs/outcomes.md and sharing no code with the app, so the dashboard's
 * numbers can be checked against it.
 */
interface Coding {
  readonly system?: string;
  readonly code?: string;
}
interface EpisodeJson {
  readonly id: string;
  readonly status: string;
  readonly patient: { readonly reference: string };
  readonly period: { readonly start: string; readonly end?: string };
  readonly type: readonly { readonly coding: readonly Coding[] }[];
  readonly managingOrganization?: { readonly reference: string };
  readonly extension?: readonly { readonly url: string; readonly valueCoding?: Coding }[];
}
interface PatientJson {
  readonly id: string;
  readonly name?: readonly { readonly family?: string; readonly given?: readonly string[] }[];
}

export interface SeedEpisode {
  readonly id: string;
  readonly patientId: string;
  readonly status: string;
  readonly level: string;
  readonly program?: string;
  readonly start: string;
  readonly end?: string;
  readonly endReason?: string;
}

function ndjson<T>(dir: string, type: string): T[] {
  return readFileSync(join(dir, `${type}.ndjson`), 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as T);
}

export function seedEpisodes(dir: string): SeedEpisode[] {
  return ndjson<EpisodeJson>(dir, 'EpisodeOfCare').map((e) => ({
    id: e.id,
    patientId: e.patient.reference.replace('Patient/', ''),
    status: e.status,
    level: e.type[0].coding.find((c) => c.system?.endsWith('/level-of-care'))!.code!,
    program: e.managingOrganization?.reference.replace('Organization/', ''),
    start: e.period.start.slice(0, 10),
    end: e.period.end?.slice(0, 10),
    endReason: e.extension?.find((x) => x.url.endsWith('/episode-end-reason'))?.valueCoding?.code,
  }));
}

export function seedPatientNames(dir: string): Map<string, string> {
  return new Map(
    ndjson<PatientJson>(dir, 'Patient').map((p) => [
      p.id,
      [...(p.name?.[0]?.given ?? []), p.name?.[0]?.family ?? ''].join(' ').trim(),
    ]),
  );
}

const DAY = 86_400_000;
const days = (a: string, b: string) => (Date.parse(b) - Date.parse(a)) / DAY;
const inPeriod = (day: string | undefined, from: string, to: string) =>
  day !== undefined && day >= from && day <= to;

/** Finished episodes at a level ending in the period; completed or stepped down counts. */
export function completion(
  episodes: readonly SeedEpisode[],
  level: string,
  from: string,
  to: string,
): { completed: number; n: number; patients: string[] } {
  const cohort = episodes.filter(
    (e) => e.level === level && e.status === 'finished' && inPeriod(e.end, from, to),
  );
  const completed = cohort.filter(
    (e) => e.endReason === 'completed' || e.endReason === 'stepped-down',
  ).length;
  return { completed, n: cohort.length, patients: cohort.map((e) => e.patientId) };
}

/**
 * Admissions: a client's first episode in a program, or a return to it that is not a
 * continuation (a continuation overlaps the stay, or follows within 7 days a move recorded as a
 * step or with no reason). Planned, wait-listed and cancelled episodes are not stays.
 */
export function admissions(episodes: readonly SeedEpisode[], from: string, to: string): number {
  const chains = new Map<string, SeedEpisode[]>();
  for (const e of episodes) {
    if (!e.program || ['planned', 'waitlist', 'cancelled', 'entered-in-error'].includes(e.status))
      continue;
    const key = `${e.patientId}|${e.program}`;
    chains.set(key, [...(chains.get(key) ?? []), e]);
  }
  let count = 0;
  for (const chain of chains.values()) {
    chain.sort((a, b) => a.start.localeCompare(b.start));
    let stay: { open: boolean; end?: string; reason?: string } | undefined;
    for (const e of chain) {
      const open = e.end === undefined || e.status !== 'finished';
      const continues =
        stay !== undefined &&
        (stay.open ||
          e.start <= stay.end! ||
          (days(stay.end!, e.start) - 1 <= 7 &&
            (stay.reason === undefined ||
              stay.reason === 'stepped-down' ||
              stay.reason === 'stepped-up')));
      if (!continues) {
        if (inPeriod(e.start, from, to)) count++;
        stay = { open, end: e.end, reason: e.endReason };
      } else if (open) stay!.open = true;
      else if (!stay!.open && e.end! > stay!.end!) {
        stay!.end = e.end;
        stay!.reason = e.endReason;
      }
    }
  }
  return count;
}

/** FNV-1a, 32 bits: the pseudonym the dashboard shows for a client, computed here on its own. */
export function pseudonymOf(patientId: string): string {
  let hash = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(patientId)) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return `C-${hash.toString(16).toUpperCase().padStart(8, '0')}`;
}

/** Today in the program's time zone, and the day `n` days before it. */
export function programDays(timeZone: string, back: number): { today: string; from: string } {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone }).format(new Date());
  const from = new Date(Date.parse(today) - back * DAY).toISOString().slice(0, 10);
  return { today, from };
}
