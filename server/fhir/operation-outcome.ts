export type IssueSeverity = 'fatal' | 'error' | 'warning' | 'information';

export function operationOutcome(severity: IssueSeverity, code: string, diagnostics: string) {
  return { resourceType: 'OperationOutcome', issue: [{ severity, code, diagnostics }] };
}
