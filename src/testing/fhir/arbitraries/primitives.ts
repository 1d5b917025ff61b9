/**
 * fast-check building blocks for FHIR-shaped test data: valid dates and the absurd ones real
 * feeds carry, references in every form (and the odd ones), codes that exist and codes that do
 * not (including JavaScript's own property names), and junk of every JSON type. Pure
 * TypeScript, like the corpus, so the domain suite can type-check it without Node or the DOM.
 */
import fc from 'fast-check';

/**
 * Property names every plain object inherits: a lookup table indexed by a code from the wire
 * (`TABLE[code]`, `code in TABLE`) finds these unless it checks for own properties.
 */
export const PROTOTYPE_KEYS = [
  'constructor',
  'toString',
  '__proto__',
  'hasOwnProperty',
  'valueOf',
  'isPrototypeOf',
] as const;

/** At least 100 kB: a field of a resource that a server (or an attacker) filled. */
export const hugeString: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom('x', '9', 'é', ' 1', 'Patient/', 'LA6568-5|', '2024-'), fc.nat(64))
  .map(([unit, extra]) => unit.repeat(Math.ceil(100_000 / unit.length) + extra));

export const validDay: fc.Arbitrary<string> = fc
  .date({
    min: new Date('1990-01-01T00:00:00Z'),
    max: new Date('2030-12-31T00:00:00Z'),
    noInvalidDate: true,
  })
  .map((d) => d.toISOString().slice(0, 10));

const OFFSETS = ['Z', '+00:00', '-05:00', '-10:00', '+05:30', '+14:00', '-12:00'] as const;

export const validInstant: fc.Arbitrary<string> = fc
  .tuple(
    validDay,
    fc.integer({ min: 0, max: 23 }),
    fc.integer({ min: 0, max: 59 }),
    fc.constantFrom(...OFFSETS),
    fc.boolean(),
  )
  .map(
    ([day, h, m, zone, seconds]) =>
      `${day}T${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}${seconds ? ':07.402000' : ''}${zone}`,
  );

/** A FHIR date or dateTime that parses: day, month, year or an instant with an offset. */
export const validFhirDate: fc.Arbitrary<string> = fc.oneof(
  { weight: 5, arbitrary: validDay },
  { weight: 4, arbitrary: validInstant },
  { weight: 1, arbitrary: validDay.map((d) => d.slice(0, 7)) },
  { weight: 1, arbitrary: validDay.map((d) => d.slice(0, 4)) },
);

/** Dates no calendar has, years out of range, times without zones, and other date-shaped text. */
export const ABSURD_DATES = [
  '0000-13-45',
  '2026-02-30T25:61',
  '2026-02-30',
  '2023-02-29',
  '99999',
  '99999-01-01',
  '+099999-01-01T00:00:00Z',
  '1899-12-31',
  '2201-01-01',
  '2024-13',
  '2024-00',
  '2024-05-00',
  '2024-05-03T10:00:00',
  '2024-05-03T24:00:00Z',
  '2024-05-03T10:00:00+25:00',
  '-2024-01-01',
  '2024/05/03',
  '03/05/2024',
  '2024-05-03T10:00:00.123456789Z',
  '1900-01-01T00:00:00+14:00',
  '2200-12-31T23:59:59-12:00',
  '1970-01-01T00:00:00Z',
  'NaN',
  'Infinity',
  'yesterday',
  '2024-W01',
  '',
  '   ',
  ' 2024-05-03 ',
] as const;

export const absurdDate: fc.Arbitrary<string> = fc.constantFrom(...ABSURD_DATES);

/** Numbers as strings, the way a misconfigured feed sends them. */
export const NUMERIC_TEXT = [
  '-1',
  '-0',
  'NaN',
  'Infinity',
  '1e309',
  '12.5',
  ' 12 ',
  '012',
  '0x0A',
  '1,000',
  '',
  '9'.repeat(400),
] as const;

/** Anything at all: every JSON type, the values JSON cannot hold, and huge or odd strings. */
export const junk: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: fc.constant(null) },
  { weight: 3, arbitrary: fc.constant(undefined) },
  { weight: 3, arbitrary: fc.boolean() },
  { weight: 3, arbitrary: fc.integer() },
  { weight: 3, arbitrary: fc.double() },
  {
    weight: 3,
    arbitrary: fc.constantFrom(Number.NaN, Infinity, -Infinity, -0, Number.MAX_SAFE_INTEGER + 2),
  },
  { weight: 3, arbitrary: fc.constantFrom<unknown>([], {}, [null], [[]], [{}], '') },
  { weight: 3, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 3, arbitrary: fc.constantFrom(...NUMERIC_TEXT) },
  { weight: 3, arbitrary: fc.constantFrom(...PROTOTYPE_KEYS) },
  { weight: 3, arbitrary: absurdDate },
  // Rarer than the rest only because each costs a pass over 100 kB wherever it lands.
  { weight: 1, arbitrary: hugeString },
);

export const PATIENT_IDS = ['pt-1', 'pt-2', 'pt-3', 'pt-4', 'pt-5'] as const;
export const PRACTITIONER_IDS = ['pr-1', 'pr-2', 'pr-3'] as const;
export const ORGANIZATION_IDS = ['org-provider', 'prog-day', 'prog-evening'] as const;
/** Ids that are also uuids, as bulk exports (Synthea) write them. */
export const UUIDS = [
  '2d4c6e8a-1b3d-4f5a-9c7e-0a2b4c6d8e10',
  '3f5e2d10-8a4b-4c3d-9e1f-0a2b3c4d5e6f',
  '9b1d2c3e-4f5a-6b7c-8d9e-0f1a2b3c4d5e',
] as const;

/** References the mappers must refuse, report, or read with a warning. */
export const ODD_REFERENCES = [
  'Patient/',
  '/Patient/pt-1',
  'Patient',
  'urn:uuid:x',
  'urn:uuid:',
  `urn:uuid:${'0'.repeat(8)}-0000-0000-0000-000000000000`,
  '#contained',
  '#',
  'Patient?identifier=http://hospital.example/mrn|12345',
  'Practitioner?identifier=http://hl7.org/fhir/sid/us-npi|9999999999',
  'https://other.example/fhir/Patient/pt-1/_history/3',
  'patient/pt-1',
  'Patient/pt-1/extra',
  'Patient/pt 1',
  'Patient/missing-from-batch',
  'Observation/missing-from-batch',
  'Group/pt-1',
  'Patient/__proto__',
  'Patient/constructor',
  '',
  '   ',
] as const;

const referenceTo = (type: string, ids: readonly string[]) =>
  fc.constantFrom(...ids).map((id) => `${type}/${id}`);

/** A `Reference` to one of `ids`, mostly literal, sometimes absolute or by uuid, sometimes odd. */
export function reference(type: string, ids: readonly string[]): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 30, arbitrary: referenceTo(type, ids).map((reference) => ({ reference })) },
    {
      weight: 2,
      arbitrary: referenceTo(type, ids).map((r) => ({
        reference: `https://ehr.example/fhir/${r}`,
      })),
    },
    {
      weight: 1,
      arbitrary: fc.constantFrom(...UUIDS).map((u) => ({ reference: `urn:uuid:${u}`, type })),
    },
    {
      weight: 2,
      arbitrary: fc.constantFrom(...ODD_REFERENCES).map((reference) => ({ reference })),
    },
    {
      weight: 1,
      arbitrary: fc.constantFrom<unknown>(
        { identifier: { system: 'http://hospital.example/mrn', value: '12345' } },
        { display: 'no reference at all' },
        {},
        null,
        'Patient/pt-1',
        [{ reference: 'Patient/pt-1' }],
        { reference: 42 },
        { reference: ['Patient/pt-1'] },
      ),
    },
    { weight: 1, arbitrary: hugeString.map((reference) => ({ reference })) },
  );
}

/** A code nobody defined, a code in the wrong system, or a prototype key. */
export const unknownCode: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(...PROTOTYPE_KEYS),
  fc.constantFrom('UNK', '99999-9', 'LA0000-0', 'F99.9', 'hacc', '0.5', 'iop ', ' IOP', 'Iop'),
  fc.string({ maxLength: 8 }),
  fc.constantFrom<unknown>(42, null, true, ['iop'], { code: 'iop' }),
  hugeString,
);

export const unknownSystem: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(
    'http://example.org/codes',
    'urn:oid:1.2.3',
    'http://loinc.org/',
    'LOINC',
    'http://snomed.info/sct',
    '',
  ),
  fc.constantFrom<unknown>(undefined, null, 7, ['http://loinc.org']),
  hugeString,
);

/** A coding that names nothing Waypoint knows. */
export const unknownCoding: fc.Arbitrary<unknown> = fc.record(
  { system: unknownSystem, code: unknownCode, display: fc.string({ maxLength: 10 }) },
  { requiredKeys: [] },
);

/** Pick one of `codings` (known), or an unknown one, as a CodeableConcept. */
export function concept(
  known: fc.Arbitrary<readonly { system: string; code: string; display?: string }[]>,
): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 8, arbitrary: known.map((coding) => ({ coding })) },
    {
      weight: 2,
      arbitrary: fc
        .array(unknownCoding, { maxLength: 3 })
        .map((coding) => ({ coding, text: 'free text' })),
    },
    { weight: 1, arbitrary: known.map((coding) => ({ coding: coding[0] })) },
  );
}

export const securityMeta: fc.Arbitrary<unknown> = fc.option(
  fc
    .subarray([
      { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'PSY' },
      { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'ETH' },
      { system: 'http://terminology.hl7.org/CodeSystem/v3-Confidentiality', code: 'R' },
      { system: 'http://example.org/other', code: 'R' },
    ])
    .map((security) => ({ versionId: '3', security })),
  { nil: undefined },
);

/** A resource id: usually fine, sometimes missing, blank, of the wrong type or huge. */
export function resourceId(prefix: string): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 30, arbitrary: fc.nat(99_999).map((n) => `${prefix}-${n}`) },
    { weight: 1, arbitrary: fc.constantFrom(...UUIDS) },
    {
      weight: 2,
      arbitrary: fc.constantFrom<unknown>(undefined, '', '  ', 17, null, ['x'], { id: 'x' }),
    },
    { weight: 1, arbitrary: hugeString },
  );
}
