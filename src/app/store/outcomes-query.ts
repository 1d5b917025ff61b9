import { Observable, forkJoin, map } from 'rxjs';
import { FhirClient } from '../core/fhir/fhir-client';
import { DEFAULT_INSTRUMENTS } from '../domain/instruments/instrument-catalogue';
import { InstrumentDefinition } from '../domain/instruments/instrument';
import { QueryRun, combine, directorySearches } from './caseload-query';

/** `system|code` tokens for an instrument's total and panel, with the alternates servers use. */
export function scoreCodeTokens(instruments: readonly InstrumentDefinition[]): string[] {
  const tokens = new Set<string>();
  for (const { codes } of instruments) {
    tokens.add(`${codes.system}|${codes.total}`);
    if (codes.panel) tokens.add(`${codes.system}|${codes.panel}`);
    for (const alt of [...(codes.totalAlternates ?? []), ...(codes.panelAlternates ?? [])])
      tokens.add(`${alt.system}|${alt.code}`);
  }
  return [...tokens];
}

/**
 * Only what the session mapper reads: sessions are the bulk of a program's data, and the other
 * elements (participants, class, locations) roughly double their size.
 */
const ENCOUNTER_ELEMENTS =
  'status,type,serviceType,subject,period,length,episodeOfCare,appointment';
const APPOINTMENT_ELEMENTS = 'status,serviceType,start,end,minutesDuration,participant';

/**
 * Everything the director's outcomes read, for every client the user may see (the server
 * limits a director to their organisation): episodes with their patients and diagnoses, every
 * measure total, and every session. A fixed number of searches whatever the program's size
 * (plus a page per 1,000 results); the run covers no patient (`patientIds: []`), so it adds
 * records without replacing the fuller ones the caseload loaded.
 */
export function loadOutcomes(
  client: FhirClient,
  instruments: readonly InstrumentDefinition[] = DEFAULT_INSTRUMENTS,
): Observable<QueryRun> {
  return forkJoin([
    client.search('EpisodeOfCare', { _include: 'EpisodeOfCare:patient' }),
    client.search('Condition', {}),
    client.search('Observation', { code: scoreCodeTokens(instruments) }),
    client.search('QuestionnaireResponse', {}),
    client.search('Encounter', { _elements: ENCOUNTER_ELEMENTS }),
    client.search('Appointment', { _elements: APPOINTMENT_ELEMENTS }),
    ...directorySearches(client),
  ]).pipe(map((outcomes) => combine(outcomes, [])));
}
