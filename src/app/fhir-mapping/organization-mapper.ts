/**
 * Organization → OrganizationRecord. The profile makes a program an Organization that is `partOf`
 * the provider, so `partOf` alone decides provider or program.
 */
import { Organization } from './fhir-types';
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
import { isObject, list, text } from './read';
import { referencedId } from './references';
import { labelsField } from './security-labels';
import { OrganizationRecord } from './staff-models';

export function mapOrganization(
  organization: Organization,
  context?: MappingContext,
): MapResult<OrganizationRecord> {
  const ctx = resolveContext(context);
  if (!isObject(organization)) return rejected(organization, 'not a resource');
  const id = text(organization.id);
  if (id === undefined) return rejected(organization, 'no id');
  const warnings: MappingProblem[] = [];
  const parent = organization.partOf
    ? referencedId(organization.partOf, 'Organization', 'partOf', ctx.index, organization)
    : undefined;
  if (parent && 'reason' in parent)
    warnings.push(problem(organization, 'warning', `${parent.reason}: read as a provider`));
  const partOfId = parent && 'id' in parent ? parent.id : undefined;
  const name = text(organization.name);
  return accepted<OrganizationRecord>(
    {
      id,
      ...(name ? { name } : {}),
      kind: partOfId ? 'program' : 'provider',
      ...(partOfId ? { partOfId } : {}),
      active: organization.active !== false,
      ...labelsField(organization),
    },
    warnings,
  );
}

export function mapOrganizations(
  organizations: readonly Organization[],
  context?: MappingContext,
): MapBatch<OrganizationRecord> {
  return toBatch(list(organizations).map((o) => mapOrganization(o, context)));
}
