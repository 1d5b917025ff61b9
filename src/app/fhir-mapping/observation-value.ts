/**
 * A number out of Observation.value[x] (or a component's) in every form servers send it:
 * valueInteger, valueQuantity with any unit, valueDecimal, valueString "12", and
 * valueCodeableConcept whose text or a coding's display is a number — or, for items, a coded
 * answer on the instrument's scale. Free text is never echoed in a reason.
 */
import { AnswerScale, scoreAnswerCoding } from './answer-scores';
import { ObservationValue } from './fhir-types';
import { codingsOf, finiteNumber, isObject, numberFromText, text } from './read';

export type NumberRead = { readonly value: number } | { readonly reason: string };

/** Reads a number from a value that may be a number or a numeric string. */
const numeric = (v: unknown) => finiteNumber(v) ?? numberFromText(v);

export function readObservationNumber(source: ObservationValue, scale?: AnswerScale): NumberRead {
  if (!isObject(source)) return { reason: 'no value' };
  const absent = codingsOf(source.dataAbsentReason)[0]?.code ?? text(source.dataAbsentReason?.text);
  if (source.dataAbsentReason !== undefined)
    return { reason: `value absent (data-absent-reason: ${absent ?? 'unknown'})` };
  const direct = firstDefined([
    source.valueInteger,
    isObject(source.valueQuantity) ? source.valueQuantity.value : undefined,
    source.valueDecimal,
  ]);
  if (direct !== undefined) {
    const value = numeric(direct);
    return value === undefined ? { reason: 'value is not a number' } : { value };
  }
  if (source.valueString !== undefined) {
    const value = numberFromText(source.valueString);
    return value === undefined ? { reason: 'valueString is not a number' } : { value };
  }
  if (source.valueCodeableConcept !== undefined) return fromConcept(source, scale);
  return { reason: 'no value' };
}

function fromConcept(source: ObservationValue, scale?: AnswerScale): NumberRead {
  const concept = source.valueCodeableConcept;
  const codings = codingsOf(concept);
  const candidates = [
    isObject(concept) ? concept.text : undefined,
    ...codings.map((c) => c.display),
  ];
  for (const candidate of candidates) {
    const value = numberFromText(candidate);
    if (value !== undefined) return { value };
  }
  if (scale) {
    for (const coding of codings) {
      const value = scoreAnswerCoding(coding, scale);
      if (value !== undefined) return { value };
    }
  }
  return { reason: 'valueCodeableConcept holds no number or known answer code' };
}

function firstDefined(values: readonly unknown[]): unknown {
  return values.find((v) => v !== undefined && v !== null);
}
