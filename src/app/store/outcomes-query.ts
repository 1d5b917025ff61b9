import { Observable, forkJoin, map } from 'rxjs';
import { FhirClient, SearchOutcome, SearchParams } from '../core/fhir/fhir-client';
import { recordsOfType } from '../core/fhir/search-results';
import { DEFAULT_INSTRUMENTS } from '../domain/instruments/instrument-catalogue';
import { InstrumentDefinition } from '../domain/instruments/instrument';
import { CalendarDay } from '../domain/models';
import { dayFromIndex, dayIndex } from '../domain/outcomes/day-index';
import { PageSink, QueryRun, combine, directorySearches } from './caseload-query';
import { SESSION_APPOINTMENT_ELEMENTS, SESSION_ENCOUNTER_ELEMENTS } from './session-elements';

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
 * Days of sessions the outcomes page reads, back from today: the longest period it offers (the
 * last 12 months) and the period before it that every figure is compared with (730 days), plus
 * half a year for the episodes that ended in them to have started in. Trends by admission month
 * and the census read episodes and scores, which are not bounded; the page says so when a
 * figure covers an episode that started before the window (a custom period, a long stay).
 */
export const OUTCOME_SESSION_DAYS = 730 + 182;

/** The first day whose sessions the outcomes query loads, as of `today`. */
export function outcomeSessionsFrom(today: CalendarDay): CalendarDay {
  return dayFromIndex(dayIndex(today) - OUTCOME_SESSION_DAYS);
}

/**
 * Pages per search (1,000 results each). The client's default of 50 stopped the session searches
 * at 50,000 of the 213,582 Appointments of a 5,000-episode year, silently; at about 42
 * Appointments an episode, 400 reads some 9,000 episodes' sessions in the window, and beyond
 * that the page says it is partial.
 */
export const OUTCOMES_PAGE_CAP = 400;

/**
 * One search of the outcomes query. A partial result's reasons name the records (the client's
 * page-cap reason does not, and the page lists every search's reasons side by side).
 */
function search(
  client: FhirClient,
  type: string,
  params: SearchParams,
  onPage?: PageSink,
): Observable<SearchOutcome> {
  const records = recordsOfType(type);
  const label = records.charAt(0).toUpperCase() + records.slice(1);
  return client
    .search(type, params, { pageCap: OUTCOMES_PAGE_CAP, ...(onPage ? { onPage } : {}) })
    .pipe(
      map((outcome) =>
        outcome.partial
          ? {
              ...outcome,
              partialReasons: outcome.partialReasons.map((reason) =>
                reason.toLowerCase().includes(records) ? reason : `${label}: ${reason}`,
              ),
            }
          : outcome,
      ),
    );
}

/**
 * Everything the director's outcomes read, for every client the user may see (the server
 * limits a director to their organisation): episodes with their patients and diagnoses, every
 * measure total, and the sessions of the window the page can show (`outcomeSessionsFrom`, up to
 * tomorrow: booked sessions to come count in no figure). A fixed number of searches whatever the
 * program's size (plus a page per 1,000 results, up to `OUTCOMES_PAGE_CAP`); the run covers no
 * patient (`patientIds: []`), so it adds records without replacing the fuller ones the caseload
 * loaded. `now` is read as a UTC day with a day's margin each side, so the window holds the
 * program's own days whatever its time zone. `onPage` is given the scores' and sessions' pages
 * as they arrive.
 */
export function loadOutcomes(
  client: FhirClient,
  instruments: readonly InstrumentDefinition[] = DEFAULT_INSTRUMENTS,
  now: Date = new Date(),
  onPage?: PageSink,
): Observable<QueryRun> {
  const utcDay = Math.floor(now.getTime() / 86_400_000);
  const window = {
    allOf: [`ge${outcomeSessionsFrom(dayFromIndex(utcDay - 1))}`, `le${dayFromIndex(utcDay + 1)}`],
  };
  return forkJoin([
    search(client, 'EpisodeOfCare', { _include: 'EpisodeOfCare:patient' }),
    search(client, 'Condition', {}),
    search(client, 'Observation', { code: scoreCodeTokens(instruments) }, onPage),
    search(client, 'QuestionnaireResponse', {}),
    search(client, 'Encounter', { date: window, _elements: SESSION_ENCOUNTER_ELEMENTS }, onPage),
    search(
      client,
      'Appointment',
      { date: window, _elements: SESSION_APPOINTMENT_ELEMENTS },
      onPage,
    ),
    ...directorySearches(client),
  ]).pipe(map((outcomes) => combine(outcomes, [])));
}
