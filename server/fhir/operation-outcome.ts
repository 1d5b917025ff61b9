export type IssueSeverity = 'fatal' | 'error' | 'warning' | 'information';

/** An OperationOutcome with one issue: what every error (and every search warning) carries. */
export function operationOutcome(
  severity: IssueSeverity,
  code: string,
  diagnostics: string,
  expression?: readonly string[],
) {
  return {
    resourceType: 'OperationOutcome',
    issue: [{ severity, code, diagnostics, ...(expression ? { expression } : {}) }],
  };
}
