/**
 * Well-formed resources of every type the mappers read, shaped like the corpus (profile codes,
 * references into a small shared pool of ids so they resolve within a batch), with the
 * variation real servers send: value[x] as integer, decimal, string, Quantity or
 * CodeableConcept; panels with components or hasMember; flat and nested QuestionnaireResponses.
 * `variants()` (mutate.ts) turns each into partial and malformed ones.
 */
import fc from 'fast-check';
import {
  CARE_PLAN_CATEGORIES,
  CARE_TEAM_CATEGORY,
  ENTRY_ROUTES,
  EPISODE_END_REASONS,
  EXTENSIONS,
  MODALITIES,
  PROBLEM_ICD10,
  RECOVERY_CURVES_LIBRARY,
  SAFETY_FLAG,
  SYSTEMS,
  StaffRoleCode,
  modalityCodings,
  staffRoleCodings,
} from '../../../app/domain/fhir-codes';
import { DEFAULT_INSTRUMENTS } from '../../../app/domain/instruments/instrument-catalogue';
import { InstrumentDefinition } from '../../../app/domain/instruments/instrument';
import { DEFAULT_LEVEL_CODINGS } from '../../../app/domain/levels/level-codings';
import { encodeBase64Utf8 } from '../../../app/domain/recovery/base64-utf8';
import { curvesToLibraryData } from '../../../app/domain/recovery/curve-format';
import { defaultCurveSet } from '../../../app/fhir-mapping/library-mapper';
import {
  ORGANIZATION_IDS,
  PATIENT_IDS,
  PRACTITIONER_IDS,
  concept,
  hugeString,
  reference,
  resourceId,
  securityMeta,
  unknownCoding,
  validDay,
  validFhirDate,
  validInstant,
} from './primitives';

export type Resource = Record<string, unknown>;

/** Drops keys whose value is undefined, as JSON.stringify would. */
function clean(resource: Record<string, unknown>): Resource {
  return Object.fromEntries(Object.entries(resource).filter(([, v]) => v !== undefined));
}

const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });

const patientRef = reference('Patient', PATIENT_IDS);
const practitionerRef = reference('Practitioner', PRACTITIONER_IDS);
const organizationRef = reference('Organization', ORGANIZATION_IDS);

const humanName = fc.record(
  {
    use: fc.constantFrom('official', 'usual', 'old', 'nickname'),
    given: fc.array(fc.constantFrom('Wren', 'Avery', 'Sam', ''), { maxLength: 2 }),
    family: fc.constantFrom('Halloway', 'Quell', 'Lanternfield'),
    text: fc.constantFrom('Wren Halloway', ''),
    period: fc.constantFrom({ end: '2019-01-01' }, { start: '2020-01-01' }),
  },
  { requiredKeys: ['family'] },
);

export const patient: fc.Arbitrary<Resource> = fc
  .record({
    id: fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...PATIENT_IDS) }, resourceId('pt')),
    meta: securityMeta,
    name: maybe(fc.array(humanName, { maxLength: 3 })),
    birthDate: maybe(validFhirDate),
    gender: maybe(fc.constantFrom('male', 'female', 'other', 'unknown', 'F', 'nonbinary')),
    managingOrganization: maybe(organizationRef),
    active: maybe(fc.boolean()),
  })
  .map((r) => clean({ resourceType: 'Patient', ...r }));

export const organization: fc.Arbitrary<Resource> = fc
  .record({
    id: fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...ORGANIZATION_IDS) }, resourceId('org')),
    name: maybe(fc.constantFrom('Evening IOP', 'Harbor Behavioral Health')),
    partOf: maybe(organizationRef),
    active: maybe(fc.boolean()),
  })
  .map((r) => clean({ resourceType: 'Organization', ...r }));

export const practitioner: fc.Arbitrary<Resource> = fc
  .record({
    id: fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...PRACTITIONER_IDS) }, resourceId('pr')),
    name: maybe(fc.array(humanName, { maxLength: 2 })),
    identifier: maybe(
      fc.array(
        fc.record({
          system: fc.constantFrom('http://hl7.org/fhir/sid/us-npi', 'http://example.org/staff'),
          value: fc.constantFrom('1234567893', ''),
        }),
        { maxLength: 2 },
      ),
    ),
    active: maybe(fc.boolean()),
  })
  .map((r) => clean({ resourceType: 'Practitioner', ...r }));

const staffRole = fc.constantFrom<StaffRoleCode>('therapist', 'psychiatrist', 'director');

export const practitionerRole: fc.Arbitrary<Resource> = fc
  .record({
    id: resourceId('role'),
    code: maybe(fc.array(concept(staffRole.map(staffRoleCodings)), { maxLength: 2 })),
    practitioner: practitionerRef,
    organization: maybe(organizationRef),
    period: maybe(fc.record({ start: maybe(validFhirDate), end: maybe(validFhirDate) })),
    active: maybe(fc.boolean()),
  })
  .map((r) => clean({ resourceType: 'PractitionerRole', ...r }));

export const careTeam: fc.Arbitrary<Resource> = fc
  .record({
    id: resourceId('ct'),
    status: maybe(fc.constantFrom('active', 'inactive', 'entered-in-error', 'proposed')),
    category: maybe(fc.constant([{ coding: [CARE_TEAM_CATEGORY] }])),
    subject: patientRef,
    participant: fc.array(
      fc.record({
        member: fc.oneof(
          practitionerRef,
          patientRef,
          reference('PractitionerRole', ['role-1', 'role-2']),
          organizationRef,
        ),
      }),
      { maxLength: 4 },
    ),
  })
  .map((r) => clean({ resourceType: 'CareTeam', ...r }));

const icd10 = fc.constantFrom(...Object.values(PROBLEM_ICD10).flat(), {
  system: SYSTEMS.icd10cm,
  code: 'Z00.00',
});

export const condition: fc.Arbitrary<Resource> = fc
  .record({
    id: resourceId('cond'),
    code: concept(icd10.map((c) => [c])),
    subject: patientRef,
    clinicalStatus: maybe(
      fc.constantFrom('active', 'resolved').map((code) => ({
        coding: [{ system: SYSTEMS.conditionClinical, code }],
      })),
    ),
    verificationStatus: maybe(
      fc.constantFrom('confirmed', 'refuted', 'entered-in-error', 'provisional').map((code) => ({
        coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-ver-status', code }],
      })),
    ),
  })
  .map((r) => clean({ resourceType: 'Condition', ...r }));

const levelCoding = fc.constantFrom(...DEFAULT_LEVEL_CODINGS).map(({ system, code }) => ({
  system,
  code,
}));

const codedExtension = (url: string, system: string, codes: readonly string[]) =>
  fc
    .oneof(
      { weight: 4, arbitrary: fc.constantFrom(...codes).map((code) => ({ system, code })) },
      { weight: 1, arbitrary: unknownCoding },
    )
    .map((valueCoding) => ({ url, valueCoding }));

const plannedTransition = fc
  .record({
    target: fc.oneof(levelCoding, unknownCoding),
    date: fc.oneof(validDay, validFhirDate),
    reason: maybe(fc.constantFrom('Goals met', '')),
    recordedAt: maybe(validInstant),
  })
  .map(({ target, date, reason, recordedAt }) => ({
    url: EXTENSIONS.plannedTransition,
    extension: [
      { url: 'targetLevel', valueCoding: target },
      { url: 'plannedDate', valueDate: date },
      ...(reason === undefined ? [] : [{ url: 'reason', valueString: reason }]),
      { url: 'recordedBy', valueReference: { reference: 'Practitioner/pr-1', display: 'A. L.' } },
      ...(recordedAt ? [{ url: 'recordedAt', valueDateTime: recordedAt }] : []),
      { url: 'plannedEpisode', valueReference: { reference: 'EpisodeOfCare/ep-planned' } },
    ],
  }));

export const episodeOfCare: fc.Arbitrary<Resource> = fc
  .record({
    id: resourceId('ep'),
    meta: securityMeta,
    status: fc.constantFrom(
      'active',
      'finished',
      'planned',
      'waitlist',
      'onhold',
      'cancelled',
      'entered-in-error',
      'Active',
    ),
    type: fc.array(concept(fc.array(levelCoding, { minLength: 1, maxLength: 2 })), {
      minLength: 1,
      maxLength: 2,
    }),
    patient: patientRef,
    managingOrganization: maybe(organizationRef),
    careManager: maybe(fc.oneof(practitionerRef, reference('PractitionerRole', ['role-1']))),
    period: fc.record({ start: validFhirDate, end: maybe(validFhirDate) }, { requiredKeys: [] }),
    diagnosis: maybe(
      fc.array(fc.record({ condition: reference('Condition', ['cond-1', 'cond-2']) }), {
        maxLength: 2,
      }),
    ),
    extension: fc.array(
      fc.oneof(
        codedExtension(
          EXTENSIONS.episodeEndReason,
          SYSTEMS.episodeEndReason,
          Object.keys(EPISODE_END_REASONS),
        ),
        codedExtension(EXTENSIONS.entryRoute, SYSTEMS.entryRoute, Object.keys(ENTRY_ROUTES)),
        plannedTransition,
      ),
      { maxLength: 3 },
    ),
  })
  .map((r) => clean({ resourceType: 'EpisodeOfCare', ...r }));

const modality = fc.constantFrom(...MODALITIES);
const modalityConcept = concept(modality.map(modalityCodings));

export const appointment: fc.Arbitrary<Resource> = fc
  .record({
    id: resourceId('appt'),
    status: fc.constantFrom('booked', 'fulfilled', 'noshow', 'cancelled', 'arrived', 'proposed'),
    serviceType: fc.array(modalityConcept, { minLength: 1, maxLength: 2 }),
    participant: fc.array(
      fc.record({ actor: fc.oneof(patientRef, practitionerRef), status: fc.constant('accepted') }),
      { minLength: 1, maxLength: 3 },
    ),
    start: validFhirDate,
    end: maybe(validInstant),
    minutesDuration: maybe(fc.oneof(fc.constantFrom(30, 60, 90, 180), fc.integer())),
  })
  .map((r) => clean({ resourceType: 'Appointment', ...r }));

const appointmentIds = fc.array(
  fc.nat(99_999).map((n) => `appt-${n}`),
  { maxLength: 1 },
);

export const encounter: fc.Arbitrary<Resource> = fc
  .record({
    id: resourceId('enc'),
    status: fc.constantFrom('finished', 'planned', 'in-progress', 'cancelled', 'onleave'),
    type: fc.array(modalityConcept, { maxLength: 2 }),
    serviceType: maybe(modalityConcept),
    subject: patientRef,
    period: fc.record({ start: validFhirDate, end: maybe(validInstant) }, { requiredKeys: [] }),
    length: maybe(
      fc.record({
        value: fc.oneof(fc.constantFrom(45, 60, 1.5, 3), fc.double()),
        unit: fc.constantFrom('min', 'minutes', 'h', 'hours', 's', 'd'),
        system: fc.constant(SYSTEMS.ucum),
        code: maybe(fc.constantFrom('min', 'h', 's', 'wk')),
      }),
    ),
    episodeOfCare: maybe(fc.array(reference('EpisodeOfCare', ['ep-1', 'ep-2']), { maxLength: 1 })),
    appointment: appointmentIds.map((ids) => ids.map((id) => ({ reference: `Appointment/${id}` }))),
  })
  .map((r) => clean({ resourceType: 'Encounter', ...r }));

export const flag: fc.Arbitrary<Resource> = fc
  .record({
    id: resourceId('flag'),
    status: fc.constantFrom('active', 'inactive', 'entered-in-error', 'unknown'),
    category: maybe(fc.constant([{ coding: [SAFETY_FLAG.category] }])),
    code: concept(fc.constant([SAFETY_FLAG.code])),
    subject: patientRef,
    period: maybe(fc.record({ start: maybe(validFhirDate), end: maybe(validFhirDate) })),
  })
  .map((r) => clean({ resourceType: 'Flag', ...r }));

export const carePlan: fc.Arbitrary<Resource> = fc
  .record({
    id: resourceId('cp'),
    status: fc.constantFrom('active', 'draft', 'completed', 'revoked', 'entered-in-error', 'x'),
    intent: fc.constant('plan'),
    category: fc.array(
      concept(fc.constantFrom(...Object.values(CARE_PLAN_CATEGORIES)).map((c) => [c])),
      { maxLength: 2 },
    ),
    subject: patientRef,
    created: maybe(validFhirDate),
    extension: maybe(
      fc
        .oneof(validDay, validFhirDate)
        .map((valueDate) => [{ url: EXTENSIONS.nextReview, valueDate }]),
    ),
  })
  .map((r) => clean({ resourceType: 'CarePlan', ...r }));

// ---------------------------------------------------------------------------------------------
// Scores

const instrument = fc.constantFrom(...DEFAULT_INSTRUMENTS);

const itemRange = (i: InstrumentDefinition) =>
  i.itemRange ?? (i.id === 'c-ssrs' ? { min: 0, max: 1 } : { min: 0, max: 4 });

/** A score in the instrument's range mostly, out of it or fractional sometimes. */
const scoreIn = (range: { min: number; max: number }) =>
  fc.oneof(
    { weight: 8, arbitrary: fc.integer(range) },
    { weight: 1, arbitrary: fc.constantFrom(range.min - 1, range.max + 1, range.max + 0.5, -1) },
  );

const LOINC_ANSWERS = ['LA6568-5', 'LA6569-3', 'LA6570-1', 'LA6571-9'];
const YES_NO = ['LA32-8', 'LA33-6'];

/** value[x] in every form servers send a number. */
function valueX(score: number, i: InstrumentDefinition): fc.Arbitrary<Resource> {
  const coded = i.id === 'c-ssrs' ? YES_NO[score] : LOINC_ANSWERS[score];
  return fc.constantFrom<Resource>(
    { valueInteger: score },
    { valueQuantity: { value: score, unit: '{score}', system: SYSTEMS.ucum, code: '{score}' } },
    { valueDecimal: score },
    { valueString: String(score) },
    { valueCodeableConcept: { text: String(score) } },
    coded === undefined
      ? { valueInteger: score }
      : { valueCodeableConcept: { coding: [{ system: SYSTEMS.loinc, code: coded }] } },
  );
}

const obsBase = (id: string, code: Resource, date: string, subject: unknown) => ({
  resourceType: 'Observation',
  id,
  status: 'final',
  category: [{ coding: [{ system: SYSTEMS.observationCategory, code: 'survey' }] }],
  code,
  subject,
  effectiveDateTime: date,
});

const codeOf = (system: string, code: string): Resource => ({ coding: [{ system, code }] });

const itemEntries = (i: InstrumentDefinition) => Object.entries(i.codes.items ?? {});

/**
 * One administration, as the resources a server returns for it: a total alone; a total with
 * item components; a panel with components; or a panel whose items (and total) are separate
 * Observations linked by `hasMember` — several resources, hence an array.
 */
export const observationGroup: fc.Arbitrary<Resource[]> = fc
  .record({
    instrument,
    n: fc.nat(999_999),
    date: fc.oneof({ weight: 5, arbitrary: validInstant }, validFhirDate),
    subject: patientRef,
    shape: fc.constantFrom(
      'total',
      'total+components',
      'panel+components',
      'panel+members',
      'items',
    ),
    seed: fc.array(fc.nat(), { minLength: 12, maxLength: 12 }),
  })
  .chain(({ instrument: i, n, date, subject, shape, seed }) => {
    const items = itemEntries(i);
    const range = itemRange(i);
    return fc
      .tuple(
        scoreIn(i.range),
        fc.array(scoreIn(range), { minLength: items.length, maxLength: items.length }),
      )
      .chain(([total, itemScores]) => {
        const id = `obs-${n}`;
        const system = i.codes.system;
        const totalCode = codeOf(system, i.codes.total);
        const panelCode = codeOf(system, i.codes.panel ?? i.codes.total);
        const components = items.map(([, code], k) => ({
          code: codeOf(system, code),
          ...(itemScores[k] >= 0 && itemScores[k] <= 3
            ? {
                valueCodeableConcept: {
                  coding: [{ system: SYSTEMS.loinc, code: LOINC_ANSWERS[itemScores[k]] }],
                },
              }
            : { valueInteger: itemScores[k] }),
        }));
        const pick = (k: number, score: number): fc.Arbitrary<Resource> =>
          valueX(score, i).map((v) =>
            seed[k % seed.length] % 3 === 0 ? v : { valueInteger: score },
          );
        switch (shape) {
          case 'total':
            return pick(0, total).map((v) => [{ ...obsBase(id, totalCode, date, subject), ...v }]);
          case 'total+components':
            return pick(1, total).map((v) => [
              { ...obsBase(id, totalCode, date, subject), ...v, component: components },
            ]);
          case 'panel+components':
            return fc.constant([
              { ...obsBase(id, panelCode, date, subject), component: components },
            ]);
          case 'items':
            return fc.constant(
              items.map(([, code], k) => ({
                ...obsBase(`${id}-i${k}`, codeOf(system, code), date, subject),
                valueInteger: itemScores[k],
              })),
            );
          default: {
            const members = items.map(([, code], k) => ({
              ...obsBase(`${id}-m${k}`, codeOf(system, code), date, subject),
              valueInteger: itemScores[k],
            }));
            const withTotal = seed[0] % 2 === 0;
            const totalObs = {
              ...obsBase(`${id}-t`, totalCode, date, subject),
              valueInteger: total,
            };
            const all = withTotal ? [...members, totalObs] : members;
            const refs = all.map((m) => ({ reference: `Observation/${m.id}` }));
            if (seed[1] % 4 === 0) refs.push({ reference: 'Observation/missing-member' });
            return fc.constant([
              { ...obsBase(id, panelCode, date, subject), hasMember: refs },
              ...all,
            ]);
          }
        }
      });
  });

/** A QuestionnaireResponse for a PHQ-9, GAD-7 or C-SSRS: flat or nested, coded or numeric. */
export const questionnaireResponse: fc.Arbitrary<Resource> = fc
  .record({
    instrument: fc.constantFrom(
      ...DEFAULT_INSTRUMENTS.filter((i) => ['phq-9', 'gad-7', 'c-ssrs'].includes(i.id)),
    ),
    id: resourceId('qr'),
    status: fc.constantFrom('completed', 'amended', 'in-progress', 'stopped', 'entered-in-error'),
    subject: patientRef,
    authored: validFhirDate,
    nested: fc.boolean(),
    canonical: fc.constantFrom(
      'http://loinc.org/q/44249-1',
      'http://example.org/Questionnaire/phq9|1.0',
      '#q1',
      undefined,
    ),
    answers: fc.array(fc.tuple(fc.nat(3), fc.nat(4)), { minLength: 9, maxLength: 9 }),
    withTotal: fc.boolean(),
    total: fc.nat(30),
  })
  .map(
    ({
      instrument: i,
      id,
      status,
      subject,
      authored,
      nested,
      canonical,
      answers,
      withTotal,
      total,
    }) => {
      const yesNo = i.id === 'c-ssrs';
      const items = itemEntries(i).map(([, code], k) => {
        const [score, form] = answers[k];
        const s = yesNo ? score % 2 : score;
        const answer =
          form === 0
            ? { valueInteger: s }
            : form === 1
              ? { valueDecimal: s }
              : form === 2
                ? { valueString: String(s) }
                : {
                    valueCoding: {
                      system: SYSTEMS.loinc,
                      code: (yesNo ? YES_NO : LOINC_ANSWERS)[s],
                    },
                  };
        return { linkId: `/${code}`, answer: [answer] };
      });
      const totalItem = withTotal
        ? [{ linkId: `/${i.codes.total}`, answer: [{ valueInteger: total }] }]
        : [];
      const item = nested
        ? [{ linkId: 'group-1', item: [...items, ...totalItem] }]
        : [...items, ...totalItem];
      return clean({
        resourceType: 'QuestionnaireResponse',
        id,
        status,
        questionnaire: canonical,
        subject,
        authored,
        item,
      });
    },
  );

/** Well-formed curves for one instrument (the whole catalogue's would only be slower to decode). */
const curvesData = curvesToLibraryData(defaultCurveSet(DEFAULT_INSTRUMENTS.slice(0, 1)));

export const library: fc.Arbitrary<Resource> = fc
  .record({
    id: resourceId('lib'),
    url: fc.constantFrom(RECOVERY_CURVES_LIBRARY.url, 'http://example.org/Library/other'),
    status: fc.constantFrom('active', 'draft', 'retired'),
    content: fc.array(
      fc.record({
        contentType: fc.constantFrom(
          'application/json',
          'application/json; charset=utf-8',
          'text/plain',
        ),
        data: fc.oneof(
          { weight: 4, arbitrary: fc.constant(curvesData) },
          fc.constantFrom(encodeBase64Utf8('{"format":'), '!!not base64!!', encodeBase64Utf8('[]')),
          hugeString,
        ),
      }),
      { maxLength: 2 },
    ),
  })
  .map((r) => clean({ resourceType: 'Library', ...r }));
