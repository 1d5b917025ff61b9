/**
 * Practitioner → StaffMember and PractitionerRole → StaffRole. The role is read from
 * `PractitionerRole.code` only — Waypoint's local staff-role code first, then SNOMED CT 80584001
 * for psychiatrists (profile) — never from the narrative, which is free text.
 */
import { staffRoleFromCodings } from '../domain/fhir-codes';
import { toCalendarDay } from '../domain/time/calendar-day';
import { Practitioner, PractitionerRole } from './fhir-types';
import { displayName } from './human-name';
import {
  MapBatch,
  MapResult,
  MappingProblem,
  accepted,
  problem,
  rejected,
  toBatch,
} from './map-result';
import { MappingContext, ResolvedContext, resolveContext } from './mapping-context';
import { codingsOfAll, describeCodings, isObject, list, text } from './read';
import { referencedId } from './references';
import { labelsField } from './security-labels';
import { StaffMember, StaffRole } from './staff-models';

export const NPI_SYSTEM = 'http://hl7.org/fhir/sid/us-npi';

export function mapPractitioner(
  practitioner: Practitioner,
  _context?: MappingContext,
): MapResult<StaffMember> {
  if (!isObject(practitioner)) return rejected(practitioner, 'not a resource');
  const id = text(practitioner.id);
  if (id === undefined) return rejected(practitioner, 'no id');
  const name = displayName(practitioner.name);
  const npi = text(
    list(practitioner.identifier).find((i) => isObject(i) && i.system === NPI_SYSTEM)?.value,
  );
  return accepted<StaffMember>(
    {
      id,
      ...(name ? { name } : {}),
      ...(npi ? { npi } : {}),
      active: practitioner.active !== false,
      ...labelsField(practitioner),
    },
    name ? [] : [problem(practitioner, 'warning', 'no current name')],
  );
}

export function mapPractitioners(
  practitioners: readonly Practitioner[],
  context?: MappingContext,
): MapBatch<StaffMember> {
  return toBatch(list(practitioners).map((p) => mapPractitioner(p, context)));
}

export function mapPractitionerRole(
  role: PractitionerRole,
  context?: MappingContext,
): MapResult<StaffRole> {
  const ctx = resolveContext(context);
  if (!isObject(role)) return rejected(role, 'not a resource');
  const id = text(role.id);
  if (id === undefined) return rejected(role, 'no id');
  const codings = codingsOfAll(role.code);
  const staffRole = staffRoleFromCodings(codings);
  if (!staffRole)
    return rejected(
      role,
      codings.length
        ? `unknown staff role code ${describeCodings(codings)}`
        : 'no staff-role code (the narrative is not read)',
    );
  const practitioner = referencedId(
    role.practitioner,
    'Practitioner',
    'practitioner',
    ctx.index,
    role,
  );
  if ('reason' in practitioner) return rejected(role, practitioner.reason);
  const warnings: MappingProblem[] = practitioner.warning
    ? [problem(role, 'warning', practitioner.warning)]
    : [];
  const organization = role.organization
    ? referencedId(role.organization, 'Organization', 'organization', ctx.index, role)
    : undefined;
  if (organization && 'reason' in organization)
    warnings.push(problem(role, 'warning', `${organization.reason}: no organization`));
  return accepted<StaffRole>(
    {
      id,
      practitionerId: practitioner.id,
      role: staffRole,
      ...(organization && 'id' in organization ? { organizationId: organization.id } : {}),
      active: role.active !== false && !ended(role, ctx),
      ...labelsField(role),
    },
    warnings,
  );
}

export function mapPractitionerRoles(
  roles: readonly PractitionerRole[],
  context?: MappingContext,
): MapBatch<StaffRole> {
  return toBatch(list(roles).map((r) => mapPractitionerRole(r, context)));
}

/** A role whose period ended before today, in the program's time zone. */
function ended(role: PractitionerRole, ctx: ResolvedContext): boolean {
  const end = isObject(role.period) ? text(role.period.end) : undefined;
  const day = toCalendarDay(end, ctx.timeZone);
  return ctx.today !== undefined && day !== undefined && day < ctx.today;
}
