/**
 * Minimal structural FHIR R4 types: only what the client itself reads. Mappers in
 * `fhir-mapping/` narrow resources further; a full FHIR types package would add weight and
 * still not describe what real servers send.
 */

export interface FhirCoding {
  readonly system?: string;
  readonly code?: string;
  readonly display?: string;
}

export interface FhirMeta {
  readonly versionId?: string;
  readonly lastUpdated?: string;
  readonly security?: readonly FhirCoding[];
  readonly [key: string]: unknown;
}

export interface FhirResource {
  readonly resourceType: string;
  readonly id?: string;
  readonly meta?: FhirMeta;
  readonly [key: string]: unknown;
}

export type SearchEntryMode = 'match' | 'include' | 'outcome';

export interface BundleEntry {
  readonly fullUrl?: string;
  readonly resource?: FhirResource;
  readonly search?: { readonly mode?: SearchEntryMode; readonly score?: number };
  readonly [key: string]: unknown;
}

export interface BundleLink {
  readonly relation: string;
  readonly url: string;
}

export interface Bundle extends FhirResource {
  readonly resourceType: 'Bundle';
  readonly type: string;
  readonly total?: number;
  readonly link?: readonly BundleLink[];
  readonly entry?: readonly BundleEntry[];
}

export type IssueSeverity = 'fatal' | 'error' | 'warning' | 'information';

export interface OperationOutcomeIssue {
  readonly severity: IssueSeverity;
  readonly code: string;
  readonly diagnostics?: string;
  readonly details?: { readonly text?: string; readonly coding?: readonly FhirCoding[] };
  readonly expression?: readonly string[];
}

export interface OperationOutcome extends FhirResource {
  readonly resourceType: 'OperationOutcome';
  readonly issue: readonly OperationOutcomeIssue[];
}

export function isFhirResource(value: unknown): value is FhirResource {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    typeof (value as { resourceType?: unknown }).resourceType === 'string'
  );
}

export function isBundle(value: unknown): value is Bundle {
  return (
    isFhirResource(value) &&
    value.resourceType === 'Bundle' &&
    typeof value['type'] === 'string' &&
    (value['entry'] === undefined || Array.isArray(value['entry'])) &&
    (value['link'] === undefined || Array.isArray(value['link']))
  );
}

export function isOperationOutcome(value: unknown): value is OperationOutcome {
  return (
    isFhirResource(value) &&
    value.resourceType === 'OperationOutcome' &&
    Array.isArray(value['issue'])
  );
}

/**
 * The issues of an OperationOutcome that are shaped as R4 says; servers (and proxies) send
 * odd things on error paths, and a malformed issue must not break the error message.
 */
export function issuesOf(outcome: unknown): OperationOutcomeIssue[] {
  if (!isOperationOutcome(outcome)) return [];
  return outcome.issue.filter(
    (issue): issue is OperationOutcomeIssue =>
      typeof issue === 'object' &&
      issue !== null &&
      typeof issue.severity === 'string' &&
      typeof issue.code === 'string',
  );
}
