import {
  CareTeamRecord,
  ConditionRecord,
  MappedCarePlan,
  MappedEpisode,
  MappedFlag,
  MappedResources,
  MappedScore,
  MappedSession,
  MappingProblem,
  OrganizationRecord,
  PatientSummary,
  StaffMember,
  StaffRole,
  UnscoredSafetyItem,
  mappedBatches,
} from '../fhir-mapping';

/** Everything one query brought back, mapped to the domain, ready for the entity slices. */
export interface ClinicalData {
  readonly patients: readonly PatientSummary[];
  readonly episodes: readonly MappedEpisode[];
  readonly scores: readonly MappedScore[];
  readonly unscoredSafetyItems: readonly UnscoredSafetyItem[];
  readonly sessions: readonly MappedSession[];
  readonly flags: readonly MappedFlag[];
  readonly carePlans: readonly MappedCarePlan[];
  readonly careTeams: readonly CareTeamRecord[];
  readonly conditions: readonly ConditionRecord[];
  readonly staff: readonly StaffMember[];
  readonly roles: readonly StaffRole[];
  readonly organizations: readonly OrganizationRecord[];
}

/** What could not be read, by reason, without PHI: resource type and id only. */
export interface MappingSummary {
  /** Resources that could not be used at all. */
  readonly rejected: number;
  /** Resources used, with some part not read. */
  readonly warnings: number;
  /** The first few problems, for the "what was not read" list. */
  readonly examples: readonly MappingProblem[];
  /**
   * Episodes that could not be used, with the reason (an unmapped level-of-care code, most
   * often), so the step-down view can list them for an administrator to fix the code map.
   */
  readonly rejectedEpisodes?: readonly { readonly id: string; readonly reason: string }[];
}

const EXAMPLES = 20;
const REJECTED_EPISODES = 200;

export function toClinicalData(mapped: MappedResources): {
  data: ClinicalData;
  mapping: MappingSummary;
} {
  const batches = mappedBatches(mapped);
  const rejected = batches.flatMap((b) => b.rejected).concat(mapped.unsupported);
  const warnings = batches.flatMap((b) => b.warnings);
  const examples: MappingProblem[] = [
    ...rejected.map((r): MappingProblem => ({ ...r.item, severity: 'rejected', reason: r.reason })),
    ...warnings,
  ].slice(0, EXAMPLES);
  return {
    data: {
      patients: mapped.patients.items,
      episodes: mapped.episodes.items,
      scores: mapped.scores.items,
      unscoredSafetyItems: mapped.scores.unscoredSafetyItems,
      sessions: mapped.sessions.items,
      flags: mapped.flags.items,
      carePlans: mapped.carePlans.items,
      careTeams: mapped.careTeams.items,
      conditions: mapped.conditions.items,
      staff: mapped.practitioners.items,
      roles: mapped.roles.items,
      organizations: mapped.organizations.items,
    },
    mapping: {
      rejected: rejected.length,
      warnings: warnings.length,
      examples,
      ...(mapped.episodes.rejected.length
        ? {
            rejectedEpisodes: mapped.episodes.rejected
              .slice(0, REJECTED_EPISODES)
              .map((r) => ({ id: r.item.id ?? '(no id)', reason: r.reason })),
          }
        : {}),
    },
  };
}
