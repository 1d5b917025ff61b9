/**
 * Condition → ConditionRecord: a presenting problem, grouped from its ICD-10-CM code of any
 * specificity. A Condition without an ICD-10-CM coding cannot be grouped and is rejected; one
 * refuted or entered in error is not a problem the client has.
 */
import { SYSTEMS, presentingProblemForIcd10 } from '../domain/fhir-codes';
import { Condition } from './fhir-types';
import {
  MapBatch,
  MapResult,
  MappingProblem,
  accepted,
  problem,
  rejected,
  toBatch,
} from './map-result';
import { MappingContext, resolveContext } from './mapping-context';
import { codingsOf, describeCodings, isObject, list, text } from './read';
import { referencedId } from './references';
import { labelsField } from './security-labels';
import { ConditionRecord } from './staff-models';

const NOT_A_PROBLEM = ['entered-in-error', 'refuted'];

export function mapCondition(
  condition: Condition,
  context?: MappingContext,
): MapResult<ConditionRecord> {
  const ctx = resolveContext(context);
  if (!isObject(condition)) return rejected(condition, 'not a resource');
  const id = text(condition.id);
  if (id === undefined) return rejected(condition, 'no id');
  const verification = text(codingsOf(condition.verificationStatus)[0]?.code);
  if (verification && NOT_A_PROBLEM.includes(verification))
    return rejected(condition, `verification status ${verification}: excluded`);
  const codings = codingsOf(condition.code);
  const icd10 = text(codings.find((c) => c.system === SYSTEMS.icd10cm && text(c.code))?.code);
  if (!icd10) return rejected(condition, `no ICD-10-CM code (${describeCodings(codings)})`);
  const patient = referencedId(condition.subject, 'Patient', 'subject', ctx.index, condition);
  if ('reason' in patient) return rejected(condition, patient.reason);
  const warnings: MappingProblem[] = patient.warning
    ? [problem(condition, 'warning', patient.warning)]
    : [];
  const clinicalStatus = text(codingsOf(condition.clinicalStatus)[0]?.code);
  return accepted<ConditionRecord>(
    {
      id,
      patientId: patient.id,
      icd10,
      problem: presentingProblemForIcd10(icd10),
      ...(clinicalStatus ? { clinicalStatus } : {}),
      ...labelsField(condition),
    },
    warnings,
  );
}

export function mapConditions(
  conditions: readonly Condition[],
  context?: MappingContext,
): MapBatch<ConditionRecord> {
  return toBatch(list(conditions).map((c) => mapCondition(c, context)));
}
