/** An error that becomes an OperationOutcome with this HTTP status. */
export class FhirError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly code = 'processing',
  ) {
    super(message);
  }
}
