/**
 * One example per defect the mapper properties (mappers.property.spec.ts) found, kept as a plain
 * spec so each stays fixed whatever seed a later run draws.
 */
import { DEFAULT_INSTRUMENTS } from '../domain/instruments/instrument-catalogue';
import { SYSTEMS } from '../domain/fhir-codes';
import { mapCarePlan } from './care-plan-mapper';
import { mapEpisodeOfCare } from './episode-mapper';
import {
  Appointment,
  CarePlan,
  Encounter,
  EpisodeOfCare,
  Library,
  Observation,
  PractitionerRole,
  QuestionnaireResponse,
} from './fhir-types';
import { mapResources } from './map-resources';
import { MapResult } from './map-result';
import { mapObservation } from './observation-mapper';
import { mapPractitionerRole } from './practitioner-mapper';
import { mapQuestionnaireResponse } from './questionnaire-response-mapper';
import { mapAppointment, mapEncounter } from './session-mapper';

const BASE = 'https://waypoint.example.org/fhir';
const HUGE = 'x'.repeat(100_000);
const PHQ9 = DEFAULT_INSTRUMENTS.find((i) => i.id === 'phq-9')!;
const reasons = (result: MapResult<unknown>) => result.problems.map((p) => p.reason);
const as = <T>(resource: object) => resource as unknown as T;

const episode = (overrides: object) =>
  as<EpisodeOfCare>({
    resourceType: 'EpisodeOfCare',
    id: 'ep-1',
    status: 'active',
    type: [{ coding: [{ system: `${BASE}/CodeSystem/level-of-care`, code: 'iop' }] }],
    patient: { reference: 'Patient/pt-1' },
    period: { start: '2024-04-01' },
    ...overrides,
  });

const appointment = (overrides: object) =>
  as<Appointment>({
    resourceType: 'Appointment',
    id: 'appt-1',
    status: 'booked',
    serviceType: [{ coding: [{ system: SYSTEMS.modality, code: 'cbt' }] }],
    participant: [{ actor: { reference: 'Patient/pt-1' } }],
    start: '2024-05-13T17:00:00Z',
    minutesDuration: 90,
    ...overrides,
  });

const encounter = (overrides: object) =>
  as<Encounter>({
    resourceType: 'Encounter',
    id: 'enc-1',
    status: 'finished',
    type: [{ coding: [{ system: SYSTEMS.modality, code: 'cbt' }] }],
    subject: { reference: 'Patient/pt-1' },
    period: { start: '2024-05-13' },
    length: { value: 90, unit: 'min' },
    ...overrides,
  });

const phqTotal = (overrides: object) =>
  as<Observation>({
    resourceType: 'Observation',
    id: 'obs-1',
    status: 'final',
    code: { coding: [{ system: SYSTEMS.loinc, code: '44261-6' }] },
    subject: { reference: 'Patient/pt-1' },
    effectiveDateTime: '2024-05-01',
    valueInteger: 12,
    ...overrides,
  });

const phqResponse = (item: object[], overrides: object = {}) =>
  as<QuestionnaireResponse>({
    resourceType: 'QuestionnaireResponse',
    id: 'qr-1',
    status: 'completed',
    subject: { reference: 'Patient/pt-1' },
    authored: '2024-05-01',
    item,
    ...overrides,
  });

describe('mapper regressions found by the properties', () => {
  it('a level coding whose code is not a string is an unknown level, not a TypeError', () => {
    const odd = episode({ type: [{ coding: [{ system: 'http://x', code: 42 }] }] });
    expect(() => mapEpisodeOfCare(odd)).not.toThrow();
    expect(reasons(mapEpisodeOfCare(odd))).toEqual(['no level-of-care code']);
    expect(() => mapResources([odd])).not.toThrow();
  });

  it('reasons quote at most an excerpt of a code or system, never a 100 kB value', () => {
    const results = [
      mapEpisodeOfCare(episode({ type: [{ coding: [{ system: HUGE, code: HUGE }] }] })),
      mapAppointment(appointment({ serviceType: [{ coding: [{ system: HUGE, code: HUGE }] }] })),
      mapObservation(phqTotal({ code: { coding: [{ system: SYSTEMS.loinc, code: HUGE }] } })),
      mapEpisodeOfCare(
        episode({
          extension: [
            {
              url: `${BASE}/StructureDefinition/entry-route`,
              valueCoding: { system: HUGE, code: HUGE },
            },
          ],
        }),
      ),
      mapObservation(phqTotal({ subject: { reference: `${'A'.repeat(HUGE.length)}/x` } })),
    ];
    for (const result of results)
      for (const reason of reasons(result)) expect(reason.length).toBeLessThan(1_000);
    const unknownType = mapObservation(phqTotal({ subject: { reference: `Patient?${HUGE}=1` } }));
    expect(reasons(unknownType)[0].length).toBeLessThan(200);
  });

  it('statuses named like Object.prototype properties are statuses, not table hits', () => {
    // Before: EXCLUDED_STATUS['toString'] was the inherited function, handed over as the reason.
    const observation = mapObservation(phqTotal({ status: 'toString' }));
    expect(observation.value?.total).toBe(12);
    const response = mapQuestionnaireResponse(phqResponse([], { status: 'constructor' }));
    expect(reasons(response).every((r) => typeof r === 'string')).toBeTrue();
    // Before: a session mapped with the Object constructor as its status.
    expect(mapAppointment(appointment({ status: 'constructor' })).value).toBeUndefined();
    expect(reasons(mapAppointment(appointment({ status: 'constructor' })))).toEqual([
      'status constructor is not a session state',
    ]);
    expect(mapEncounter(encounter({ status: 'valueOf' })).value).toBeUndefined();
  });

  it('codes named like Object.prototype properties are unknown codes', () => {
    const modality = (code: string) =>
      mapAppointment(
        appointment({ serviceType: [{ coding: [{ system: SYSTEMS.modality, code }] }] }),
      );
    expect(modality('toString').value).toBeUndefined();
    const role = mapPractitionerRole(
      as<PractitionerRole>({
        resourceType: 'PractitionerRole',
        id: 'role-1',
        code: [{ coding: [{ system: SYSTEMS.staffRole, code: 'constructor' }] }],
        practitioner: { reference: 'Practitioner/pr-1' },
      }),
    );
    expect(role.value).toBeUndefined();
    const plan = mapCarePlan(
      as<CarePlan>({
        resourceType: 'CarePlan',
        id: 'cp-1',
        status: 'active',
        category: [{ coding: [{ system: SYSTEMS.carePlanCategory, code: 'valueOf' }] }],
        subject: { reference: 'Patient/pt-1' },
      }),
    );
    expect(plan.value).toBeUndefined();
    const ended = mapEpisodeOfCare(
      episode({
        extension: [
          {
            url: `${BASE}/StructureDefinition/episode-end-reason`,
            valueCoding: { system: `${BASE}/CodeSystem/episode-end-reason`, code: 'toString' },
          },
        ],
      }),
    );
    expect(ended.value?.endReason).toBeUndefined();
    expect(reasons(ended)[0]).toContain('has no known code');
  });

  it('an Encounter length in an inherited unit, or too long to count, is no length', () => {
    // Before: unit "constructor" gave NaN minutes and 1e308 hours Infinity, both accepted.
    for (const length of [
      { value: 60, unit: 'constructor' },
      { value: 1e308, unit: 'h' },
    ]) {
      const result = mapEncounter(encounter({ length }));
      expect(result.value).toBeUndefined();
      expect(reasons(result)[0]).toContain('no session length');
    }
  });

  it('a SDC PHQ-9 linkId named like a prototype property is not an item', () => {
    const sdc = 'http://hl7.org/fhir/uv/sdc/Questionnaire/questionnaire-sdc-profile-example-PHQ9';
    const items = ['1', '2', '3', '4', '5', '6', '7', '8', '9'].map((n) => ({
      linkId: `H1/T1/Q${n}`,
      answer: [{ valueInteger: 1 }],
    }));
    const result = mapQuestionnaireResponse(
      phqResponse([...items, { linkId: 'constructor', answer: [{ valueInteger: 2 }] }], {
        questionnaire: sdc,
      }),
    );
    expect(Object.keys(result.value?.items ?? {}).sort()).toEqual(
      Object.keys(PHQ9.codes.items!).sort(),
    );
  });

  it('a number too long to be finite is not a score (nor a safety item of Infinity)', () => {
    const nines = '9'.repeat(400);
    const result = mapQuestionnaireResponse(
      phqResponse([{ linkId: '/44260-8', answer: [{ valueString: nines }] }]),
    );
    expect(result.value).toBeUndefined();
    expect(result.unscoredSafetyItems ?? []).toEqual([]);
    expect(
      reasons(mapObservation(phqTotal({ valueInteger: undefined, valueString: nines }))),
    ).toEqual(['valueString is not a number']);
  });

  it('a second Library is named in a warning instead of vanishing', () => {
    const library = (id: string) => as<Library>({ resourceType: 'Library', id, status: 'active' });
    const mapped = mapResources([library('lib-a'), library('lib-b')]);
    expect(mapped.unsupported).toEqual([]);
    expect(
      mapped.curves?.problems.some((p) => p.id === 'lib-b' && p.reason.includes('not used')),
    ).toBeTrue();
  });
});
