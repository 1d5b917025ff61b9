import { corpusResource, corpusResources } from '../../testing/fhir/corpus';
import { Appointment, Encounter } from './fhir-types';
import { MapResult } from './map-result';
import { mapAppointment, mapEncounter, mapSessions } from './session-mapper';

const appointment = (name: string) => mapAppointment(corpusResource<Appointment>(name));
const encounter = (name: string) => mapEncounter(corpusResource<Encounter>(name));
const reasons = (result: MapResult<unknown>) => result.problems.map((p) => p.reason);

describe('Appointment → SessionRecord', () => {
  it('maps booked, fulfilled, noshow and cancelled to the session states', () => {
    const status = (name: string) => appointment(name).value?.status;
    expect(status('appointment-waypoint-booked')).toBe('scheduled');
    expect(status('appointment-waypoint-fulfilled')).toBe('attended');
    expect(status('appointment-waypoint-noshow')).toBe('missed');
    expect(status('appointment-waypoint-cancelled')).toBe('cancelled');
  });

  it('reads the modality, the patient participant, the start and the planned minutes', () => {
    expect(appointment('appointment-waypoint-booked').value).toEqual({
      id: 'appt-booked',
      patientId: 'pt-wren-halloway',
      modality: 'cbt',
      status: 'scheduled',
      start: '2024-05-13T17:00:00-05:00',
      minutes: 90,
      sourceType: 'Appointment',
    });
    expect(appointment('appointment-waypoint-noshow').value?.minutes).toBe(90);
    expect(appointment('appointment-snomed-only').value?.modality).toBe('individual-therapy');
  });

  it('rejects what is not a session, with the reason', () => {
    expect(reasons(appointment('appointment-booked-spec'))).toEqual([
      'unknown modality code (no system)|52',
    ]);
    expect(reasons(appointment('appointment-waypoint-proposed'))).toEqual([
      'status proposed is not a session state',
    ]);
    expect(reasons(appointment('appointment-no-patient'))).toEqual(['no patient participant']);
    expect(reasons(appointment('appointment-no-length'))).toEqual([
      'no session length (no minutesDuration, and start and end are not both times)',
    ]);
    const eie = {
      ...corpusResource<Appointment>('appointment-waypoint-booked'),
      status: 'entered-in-error',
    };
    expect(reasons(mapAppointment(eie))).toEqual(['status entered-in-error: excluded']);
    expect(reasons(mapAppointment({ ...eie, status: undefined }))).toEqual(['no status']);
    expect(reasons(mapAppointment(undefined as unknown as Appointment))).toEqual([
      'not a resource',
    ]);
  });

  it('finds the patient through a typed actor or a bundle uuid, and reports a conditional one', () => {
    const base = corpusResource<Appointment>('appointment-waypoint-booked');
    const typed = {
      ...base,
      participant: [
        { actor: { type: 'Patient', reference: 'urn:uuid:11111111-2222-4333-8444-555555555555' } },
      ],
    };
    expect(mapAppointment(typed).value?.patientId).toBe('11111111-2222-4333-8444-555555555555');
    const conditional = {
      ...base,
      participant: [{ actor: { reference: 'Patient?identifier=urn:oid:1|MRN-7' } }],
    };
    expect(reasons(mapAppointment(conditional))).toEqual([
      'patient participant is a conditional reference (Patient?identifier=…), which is not resolved',
    ]);
  });
});

describe('Encounter → SessionRecord', () => {
  it('reads type modality, length in minutes, the episode and an attended status', () => {
    expect(encounter('encounter-waypoint-attended').value).toEqual({
      id: 'enc-attended',
      patientId: 'pt-wren-halloway',
      episodeId: 'ep-halloway-iop',
      modality: 'cbt',
      status: 'attended',
      start: '2024-05-14T17:00:00-05:00',
      minutes: 90,
      sourceType: 'Encounter',
    });
  });

  it('keeps a date-only period start exactly and takes the minutes from length', () => {
    expect(encounter('encounter-waypoint-dateonly-length').value).toEqual(
      jasmine.objectContaining({ start: '2024-05-14', minutes: 60 }),
    );
  });

  it('takes the minutes from the period when there is no length, and converts hours', () => {
    expect(encounter('encounter-waypoint-period-only').value).toEqual(
      jasmine.objectContaining({ modality: 'dbt-skills', minutes: 135 }),
    );
    expect(encounter('encounter-waypoint-length-hours').value?.minutes).toBe(90);
  });

  it('rejects the published non-session encounters and a date-only encounter without a length', () => {
    expect(reasons(encounter('encounter-ed-panic-attack-bhp'))).toEqual([
      'unknown modality code http://snomed.info/sct|50849002',
    ]);
    expect(reasons(encounter('encounter-inpatient-episodeofcare-appointment-spec-r4b'))).toEqual([
      'unknown modality code http://snomed.info/sct|183807002',
    ]);
    expect(reasons(encounter('encounter-cpt-type-dateonly-davinci-ra'))).toEqual([
      'unknown modality code http://www.ama-assn.org/go/cpt|99215',
    ]);
    expect(reasons(encounter('encounter-dateonly-no-length'))).toEqual([
      'no session length (no length in time units, and the period has no times)',
    ]);
    expect(reasons(encounter('encounter-entered-in-error'))).toEqual([
      'status entered-in-error: excluded',
    ]);
  });

  it('accepts a urn:uuid subject with a warning, and warns about an unreadable episode reference', () => {
    const result = encounter('encounter-urn-uuid-subject');
    expect(result.value?.patientId).toBe('5b1d7c9e-3a2f-4e6d-8b0a-9c8d7e6f5a4b');
    expect(reasons(result)).toEqual(['subject urn:uuid reference taken as the Patient id']);
    const noEpisode = {
      ...corpusResource<Encounter>('encounter-waypoint-attended'),
      episodeOfCare: [{ reference: 'Condition/c' }],
    };
    expect(reasons(mapEncounter(noEpisode))).toEqual([
      'episodeOfCare is a Condition reference, not EpisodeOfCare: no episode',
    ]);
    const badLength = {
      ...corpusResource<Encounter>('encounter-waypoint-dateonly-length'),
      length: { value: 2, unit: 'd' },
    };
    expect(reasons(mapEncounter(badLength))).toEqual([
      'no session length (no length in time units, and the period has no times)',
    ]);
  });
});

describe('mapSessions', () => {
  it('counts an attended session once: the Encounter replaces the Appointment it names', () => {
    const batch = mapSessions(
      corpusResources<Appointment | Encounter>(
        'appointment-waypoint-fulfilled',
        'encounter-waypoint-attended',
        'appointment-waypoint-noshow',
      ),
    );
    expect(batch.items.map((s) => [s.id, s.status, s.sourceType])).toEqual([
      ['enc-attended', 'attended', 'Encounter'],
      ['appt-noshow', 'missed', 'Appointment'],
    ]);
  });

  it('does not let a rejected Encounter hide its Appointment', () => {
    const batch = mapSessions(
      corpusResources<Appointment | Encounter>(
        'encounter-inpatient-episodeofcare-appointment-spec-r4b',
        'appointment-booked-spec',
      ),
    );
    expect(batch.rejected.map((r) => r.item.id)).toEqual(['spec-inpatient-demo', 'appt-spec-demo']);
  });

  it('rejects other resource types given to it', () => {
    const batch = mapSessions([{ resourceType: 'Flag', id: 'f' } as unknown as Appointment]);
    expect(batch.rejected).toEqual([
      { item: { resourceType: 'Flag', id: 'f' }, reason: 'not an Appointment or Encounter' },
    ]);
  });
});
