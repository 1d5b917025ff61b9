/**
 * CareTeam → CareTeamRecord: who may see the client. Members are practitioners (a PractitionerRole
 * member is followed to its practitioner when the batch holds it); the patient, organisations and
 * related persons on the team are not staff and are skipped. Conditional member references
 * (Synthea's `Practitioner?identifier=…`) cannot be resolved without a search and are reported.
 */
import { CARE_TEAM_CATEGORY } from '../domain/fhir-codes';
import { CareTeam, PractitionerRole, Reference } from './fhir-types';
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
import { codingsOfAll, hasCoding, isObject, list, text } from './read';
import { parseReference, referencedId } from './references';
import { labelsField } from './security-labels';
import { CareTeamRecord } from './staff-models';

const STAFF_TYPES = ['Practitioner', 'PractitionerRole'];

export function mapCareTeam(team: CareTeam, context?: MappingContext): MapResult<CareTeamRecord> {
  const ctx = resolveContext(context);
  if (!isObject(team)) return rejected(team, 'not a resource');
  const id = text(team.id);
  if (id === undefined) return rejected(team, 'no id');
  const status = text(team.status);
  if (status === 'entered-in-error') return rejected(team, 'status entered-in-error: excluded');
  const patient = referencedId(team.subject, 'Patient', 'subject', ctx.index, team);
  if ('reason' in patient) return rejected(team, patient.reason);
  const warnings: MappingProblem[] = patient.warning
    ? [problem(team, 'warning', patient.warning)]
    : [];
  const memberIds = new Set<string>();
  list(team.participant).forEach((participant, i) => {
    const member = isObject(participant) ? participant.member : undefined;
    const read = staffMemberId(member, team, ctx);
    if (read === undefined) return;
    if ('reason' in read)
      warnings.push(problem(team, 'warning', `participant ${i}: ${read.reason}`));
    else memberIds.add(read.id);
  });
  return accepted<CareTeamRecord>(
    {
      id,
      patientId: patient.id,
      status: status ?? 'unknown',
      memberIds: [...memberIds],
      treatmentTeam: hasCoding(
        codingsOfAll(team.category),
        CARE_TEAM_CATEGORY.system,
        CARE_TEAM_CATEGORY.code,
      ),
      ...labelsField(team),
    },
    warnings,
  );
}

export function mapCareTeams(
  teams: readonly CareTeam[],
  context?: MappingContext,
): MapBatch<CareTeamRecord> {
  return toBatch(list(teams).map((t) => mapCareTeam(t, context)));
}

/** undefined: not staff (skipped); otherwise the practitioner id or why it could not be read. */
function staffMemberId(
  member: Reference | undefined,
  team: CareTeam,
  ctx: ResolvedContext,
): { id: string } | { reason: string } | undefined {
  const target = ctx.index.resolve(member, team);
  const parsed = parseReference(member);
  const type =
    target?.resourceType ??
    (parsed.kind === 'literal' ? parsed.resourceType : undefined) ??
    text(member?.type) ??
    conditionalType(member);
  if (type === undefined) {
    // The client is usually a participant too; any other unresolved member is reported.
    if (parsed.kind === 'uuid' && member?.reference === team.subject?.reference) return undefined;
    return { reason: `member is ${describe(parsed)}` };
  }
  if (!STAFF_TYPES.includes(type)) return undefined;
  if (type === 'PractitionerRole') {
    const practitioner = (target as PractitionerRole | undefined)?.practitioner;
    if (!practitioner) return { reason: 'member PractitionerRole not among the resources given' };
    return referencedId(practitioner, 'Practitioner', 'member practitioner', ctx.index);
  }
  const read = referencedId(member, 'Practitioner', 'member', ctx.index, team);
  return 'reason' in read ? read : { id: read.id };
}

function conditionalType(member: Reference | undefined): string | undefined {
  return /^([A-Z][A-Za-z]+)\?/.exec(text(member?.reference) ?? '')?.[1];
}

function describe(parsed: ReturnType<typeof parseReference>): string {
  if (parsed.kind === 'unresolvable') return parsed.reason;
  return parsed.kind === 'uuid'
    ? 'a urn:uuid reference not among the resources given'
    : 'a contained resource';
}
