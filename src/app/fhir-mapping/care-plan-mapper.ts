/**
 * CarePlan → CarePlanRecord. The kind comes from the profile's care-plan category; a plan without
 * one (a diabetes self-management plan) is not one of Waypoint's plans and is rejected. The next
 * review is the profile's `next-review` extension, read only when it is a full calendar day.
 */
import { EXTENSIONS, carePlanKindFromCodings } from '../domain/fhir-codes';
import { CarePlanRecord } from '../domain/models';
import { isCalendarDay, readFhirDate } from './fhir-date';
import { CarePlan } from './fhir-types';
import {
  MapBatch,
  MapResult,
  MappingProblem,
  accepted,
  problem,
  rejected,
  toBatch,
} from './map-result';
import { MappedCarePlan } from './mapped-models';
import { MappingContext, resolveContext } from './mapping-context';
import { codingsOfAll, describeCodings, findExtension, isObject, list, text } from './read';
import { referencedId } from './references';
import { labelsField } from './security-labels';

const STATUSES: readonly CarePlanRecord['status'][] = [
  'draft',
  'active',
  'on-hold',
  'revoked',
  'completed',
  'unknown',
];

export function mapCarePlan(plan: CarePlan, context?: MappingContext): MapResult<MappedCarePlan> {
  const ctx = resolveContext(context);
  if (!isObject(plan)) return rejected(plan, 'not a resource');
  const id = text(plan.id);
  if (id === undefined) return rejected(plan, 'no id');
  const status = text(plan.status);
  if (status === 'entered-in-error') return rejected(plan, 'status entered-in-error: excluded');
  if (!STATUSES.includes(status as CarePlanRecord['status']))
    return rejected(plan, status ? `unknown status "${status.slice(0, 30)}"` : 'no status');
  const categories = codingsOfAll(plan.category);
  const kind = carePlanKindFromCodings(categories);
  if (!kind)
    return rejected(plan, `no Waypoint care-plan category (${describeCodings(categories)})`);
  const patient = referencedId(plan.subject, 'Patient', 'subject', ctx.index, plan);
  if ('reason' in patient) return rejected(plan, patient.reason);
  const warnings: MappingProblem[] = patient.warning
    ? [problem(plan, 'warning', patient.warning)]
    : [];
  const created = optionalCreated(plan, warnings);
  const nextReview = nextReviewOf(plan, warnings);
  return accepted<MappedCarePlan>(
    {
      id,
      patientId: patient.id,
      kind,
      status: status as CarePlanRecord['status'],
      ...(created ? { created } : {}),
      ...(nextReview ? { nextReview } : {}),
      ...labelsField(plan),
    },
    warnings,
  );
}

export function mapCarePlans(
  plans: readonly CarePlan[],
  context?: MappingContext,
): MapBatch<MappedCarePlan> {
  return toBatch(list(plans).map((p) => mapCarePlan(p, context)));
}

function optionalCreated(plan: CarePlan, warnings: MappingProblem[]): string | undefined {
  if (plan.created === undefined) return undefined;
  const read = readFhirDate(plan.created, 'created');
  if ('value' in read) return read.value;
  warnings.push(problem(plan, 'warning', `${read.reason}: ignored`));
  return undefined;
}

function nextReviewOf(plan: CarePlan, warnings: MappingProblem[]): string | undefined {
  const ext = findExtension(plan, EXTENSIONS.nextReview);
  if (!ext) return undefined;
  if (isCalendarDay(ext.valueDate)) return ext.valueDate.trim();
  warnings.push(problem(plan, 'warning', 'next-review extension has no full valueDate: ignored'));
  return undefined;
}
