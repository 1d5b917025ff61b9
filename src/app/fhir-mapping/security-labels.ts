/**
 * `meta.security` labels the profile carries through: PSY and ETH (v3-ActCode) and R
 * (v3-Confidentiality). Codes are matched with their system, because "R" in another system is not
 * "restricted"; other labels are ignored.
 */
import { SECURITY_LABELS } from '../domain/fhir-codes';
import { ResourceBase } from './fhir-types';
import { isObject, list } from './read';

export type SecurityLabelCode = 'PSY' | 'ETH' | 'R';

/** Optional on every mapped record: present only when the resource carried a known label. */
export interface Labelled {
  readonly securityLabels?: readonly SecurityLabelCode[];
}

const KNOWN: readonly { system: string; code: SecurityLabelCode }[] = [
  { system: SECURITY_LABELS.psychiatry.system, code: 'PSY' },
  { system: SECURITY_LABELS.substanceUse.system, code: 'ETH' },
  { system: SECURITY_LABELS.restricted.system, code: 'R' },
];

export function securityLabelsOf(resource: ResourceBase | undefined): SecurityLabelCode[] {
  if (!isObject(resource) || !isObject(resource.meta)) return [];
  const found = new Set<SecurityLabelCode>();
  for (const label of list(resource.meta.security)) {
    const match = KNOWN.find(
      (k) => isObject(label) && k.system === label.system && k.code === label.code,
    );
    if (match) found.add(match.code);
  }
  return KNOWN.map((k) => k.code).filter((code) => found.has(code));
}

/** `{ securityLabels }` to spread into a mapped record, or nothing when there are none. */
export function labelsField(resource: ResourceBase): Labelled {
  const labels = securityLabelsOf(resource);
  return labels.length ? { securityLabels: labels } : {};
}
