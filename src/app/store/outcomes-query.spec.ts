import { Observable, firstValueFrom, of } from 'rxjs';
import { FhirClient, SearchOptions, SearchOutcome, SearchParams } from '../core/fhir/fhir-client';
import { instrumentById } from '../domain/instruments/instrument-catalogue';
import { Appointment, Encounter, mapSessions } from '../fhir-mapping';
import { loadCohort } from './cohort-query';
import {
  OUTCOMES_PAGE_CAP,
  loadOutcomes,
  outcomeSessionsFrom,
  scoreCodeTokens,
} from './outcomes-query';

function fakeClient(capped: Record<string, string> = {}) {
  const calls: { type: string; params: SearchParams; options?: SearchOptions }[] = [];
  const client = {
    search(type: string, params: SearchParams, options?: SearchOptions): Observable<SearchOutcome> {
      calls.push({ type, params, options });
      const reason =
        type === 'Encounter'
          ? 'Only 2000 of 4210 sessions were loaded: page 3 of the results failed'
          : capped[type];
      return of({
        matches: [{ resourceType: type, id: `${type}-1` }],
        includes: type === 'EpisodeOfCare' ? [{ resourceType: 'Patient', id: 'p1' }] : [],
        partial: !!reason,
        partialReasons: reason ? [reason] : [],
        requests: type === 'Encounter' ? 4 : 1,
        warnings: [],
      });
    },
  } as unknown as FhirClient;
  return { client, calls };
}

/** What `_elements` leaves of a resource: the listed elements and the id (`meta` only if asked). */
function subset<T extends object>(resource: T, elements: string): T {
  const keep = new Set(['resourceType', 'id', ...elements.split(',')]);
  return Object.fromEntries(Object.entries(resource).filter(([key]) => keep.has(key))) as never;
}

const encounter = {
  resourceType: 'Encounter',
  id: 'enc-1',
  meta: { security: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'ETH' }] },
  status: 'finished',
  class: { code: 'AMB' },
  type: [
    {
      coding: [{ system: 'https://waypoint.example.org/fhir/CodeSystem/modality', code: 'cbt' }],
    },
  ],
  subject: { reference: 'Patient/p1' },
  participant: [{ individual: { reference: 'Practitioner/t1', display: 'Avery' } }],
  appointment: [{ reference: 'Appointment/a1' }],
  period: { start: '2026-03-02T09:00:00-06:00', end: '2026-03-02T10:30:00-06:00' },
  length: { value: 90, unit: 'min', system: 'http://unitsofmeasure.org', code: 'min' },
  episodeOfCare: [{ reference: 'EpisodeOfCare/e1' }],
  location: [{ location: { display: 'Group room 2' } }],
} as unknown as Encounter;

const missed = {
  resourceType: 'Appointment',
  id: 'a2',
  status: 'noshow',
  serviceType: [
    {
      coding: [
        { system: 'https://waypoint.example.org/fhir/CodeSystem/modality', code: 'dbt-skills' },
      ],
    },
  ],
  start: '2026-03-04T09:00:00-06:00',
  end: '2026-03-04T11:00:00-06:00',
  minutesDuration: 120,
  participant: [
    { actor: { reference: 'Patient/p1' }, status: 'accepted' },
    { actor: { reference: 'Practitioner/t1' }, status: 'accepted' },
  ],
  comment: 'Left a message',
} as unknown as Appointment;

describe('loadOutcomes', () => {
  it('asks a fixed set of searches, episodes with their patients, covering no patient', async () => {
    const { client, calls } = fakeClient();
    const run = await firstValueFrom(loadOutcomes(client));
    expect(calls.map((c) => c.type)).toEqual([
      'EpisodeOfCare',
      'Condition',
      'Observation',
      'QuestionnaireResponse',
      'Encounter',
      'Appointment',
      'PractitionerRole',
      'Organization',
    ]);
    expect(calls[0].params).toEqual({ _include: 'EpisodeOfCare:patient' });
    expect(run.patientIds).toEqual([]);
    expect(run.resources.map((r) => r.resourceType)).toContain('Patient');
    expect(run.requests).toBe(11);
    expect(run.partial).toBeTrue();
    expect(run.partialReasons).toEqual([
      'Only 2000 of 4210 sessions were loaded: page 3 of the results failed',
    ]);
  });

  it('reads the sessions of the window the page can show, every search past the default cap', async () => {
    const { client, calls } = fakeClient();
    await firstValueFrom(loadOutcomes(client, undefined, new Date('2026-11-29T03:00:00Z')));
    // Today is 28 or 29 November in the program's zone: a day's margin each side.
    expect(outcomeSessionsFrom('2026-11-29')).toBe('2024-05-31');
    const window = { allOf: ['ge2024-05-30', 'le2026-11-30'] };
    expect(calls.find((c) => c.type === 'Encounter')!.params['date']).toEqual(window);
    expect(calls.find((c) => c.type === 'Appointment')!.params['date']).toEqual(window);
    // Measures and episodes are not bounded: trends by admission month read them all.
    expect(calls.find((c) => c.type === 'Observation')!.params['date']).toBeUndefined();
    const outcomeSearches = calls.filter((c) => c.options);
    expect(outcomeSearches.length).toBe(6);
    for (const call of outcomeSearches)
      expect(call.options).toEqual({ pageCap: OUTCOMES_PAGE_CAP });
  });

  it('names the resource type in a partial search’s reason when the reason does not', async () => {
    const { client } = fakeClient({
      Appointment: 'Only the first 400 pages were loaded (400000 of 412000 matches).',
      Observation: 'Only 1000 of 4210 scores were loaded: page 2 of the results failed',
    });
    const run = await firstValueFrom(loadOutcomes(client));
    expect(run.partialReasons).toEqual([
      'Only 1000 of 4210 scores were loaded: page 2 of the results failed',
      'Only 2000 of 4210 sessions were loaded: page 3 of the results failed',
      'Appointments: Only the first 400 pages were loaded (400000 of 412000 matches).',
    ]);
  });

  it('asks for every instrument total by code, alternates and panels included', async () => {
    const { client, calls } = fakeClient();
    await firstValueFrom(loadOutcomes(client));
    const codes = calls.find((c) => c.type === 'Observation')!.params['code'] as string[];
    expect(codes).toContain('http://loinc.org|44261-6');
    expect(codes).toContain('http://loinc.org|54654-9');
    expect(codes).toContain('http://loinc.org|44249-1');
    expect(codes).toContain('http://loinc.org|70274-6');
    expect(new Set(codes).size).toBe(codes.length);
    expect(scoreCodeTokens([instrumentById('gad-7')!])).toEqual([
      'http://loinc.org|70274-6',
      'http://loinc.org|69737-5',
    ]);
  });

  it('trims sessions to elements that map to the same session as the whole resource', async () => {
    const { client, calls } = fakeClient();
    await firstValueFrom(loadOutcomes(client));
    const elementsOf = (type: string) =>
      calls.find((c) => c.type === type)!.params['_elements'] as string;
    const whole = mapSessions([encounter, missed]);
    const trimmed = mapSessions([
      subset(encounter, elementsOf('Encounter')),
      subset(missed, elementsOf('Appointment')),
    ]);
    expect(whole.items.length).toBe(2);
    expect(whole.items.map((s) => s.status)).toEqual(['attended', 'missed']);
    expect(trimmed.items).toEqual(whole.items);
    expect(trimmed.rejected).toEqual(whole.rejected);
    expect(trimmed.warnings).toEqual(whole.warnings);
  });
});

describe('loadCohort', () => {
  it('brings the diagnoses with the episodes, so presenting problems survive the upsert', async () => {
    const { client, calls } = fakeClient();
    const run = await firstValueFrom(loadCohort(client));
    expect(calls.map((c) => c.type)).toEqual(['EpisodeOfCare', 'Condition', 'Observation']);
    expect(run.patientIds).toEqual([]);
  });
});
