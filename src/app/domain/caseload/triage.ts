import { ClientAttention } from './client-attention';

export interface Triageable {
  readonly name: string;
  readonly attention: ClientAttention;
}

/**
 * "Needs attention" order (documented in docs/caseload-triage.md): by the most urgent flag's
 * tier (safety, then red, amber, attendance, measures, reviews, step-up risk, ready to step
 * down, no flag); within a tier, more flags first, then the more severe latest score, then the
 * lower attendance, then by name so the order is stable.
 */
export function compareByNeed(a: Triageable, b: Triageable): number {
  const x = a.attention;
  const y = b.attention;
  return (
    x.tier - y.tier ||
    y.flags.length - x.flags.length ||
    (y.latest?.band?.level ?? -1) - (x.latest?.band?.level ?? -1) ||
    (x.attendance.rate ?? 1) - (y.attendance.rate ?? 1) ||
    a.name.localeCompare(b.name)
  );
}
