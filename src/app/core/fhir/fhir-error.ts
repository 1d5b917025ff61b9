import { HttpErrorResponse } from '@angular/common/http';
import { OperationOutcomeIssue, issuesOf } from './fhir-resource';

export type FhirErrorKind =
  | 'unauthorized'
  | 'forbidden'
  | 'not-found'
  | 'conflict'
  | 'invalid'
  | 'rate-limited'
  | 'server'
  | 'network';

export interface FhirErrorInit {
  readonly kind: FhirErrorKind;
  readonly status: number;
  readonly message: string;
  readonly requestId?: string;
  readonly issues?: readonly OperationOutcomeIssue[];
}

/**
 * A failed FHIR interaction, with a message fit to show staff. The OperationOutcome's issues
 * are kept for code that needs the detail; the raw body is not, as it may carry PHI.
 */
export class FhirError extends Error {
  readonly kind: FhirErrorKind;
  readonly status: number;
  /** The X-Request-Id the server logged the request under, to quote to support. */
  readonly requestId?: string;
  readonly issues: readonly OperationOutcomeIssue[];

  constructor(init: FhirErrorInit) {
    super(init.message);
    this.name = 'FhirError';
    this.kind = init.kind;
    this.status = init.status;
    this.requestId = init.requestId;
    this.issues = init.issues ?? [];
  }
}

/** Longest diagnostics text taken from one issue: servers sometimes put whole stack traces there. */
const MAX_ISSUE_LENGTH = 300;
/** Issues named in the message; the rest are counted, so a validation storm stays readable. */
const MAX_ISSUES_IN_MESSAGE = 3;

const ISSUE_CODE_SENTENCES: Readonly<Record<string, string>> = {
  invalid: 'The request was not valid',
  structure: 'The data was not structured as FHIR requires',
  required: 'A required element is missing',
  value: 'A value is not valid',
  security: 'The request was refused for security reasons',
  login: 'You need to sign in again',
  forbidden: 'You are not permitted to do this',
  suppressed: 'Some information was withheld',
  processing: 'The server could not process the request',
  'not-supported': 'The server does not support this request',
  duplicate: 'The record already exists',
  'multiple-matches': 'More than one record matched',
  'not-found': 'The record was not found',
  deleted: 'The record has been deleted',
  'too-long': 'The request was too long',
  'too-costly': 'The request would take the server too long to answer',
  conflict: 'Someone else changed this record',
  transient: 'The server had a temporary problem',
  'lock-error': 'The record is locked',
  exception: 'The server had an unexpected problem',
  timeout: 'The server took too long to answer',
  incomplete: 'The results are incomplete',
  throttled: 'The server is limiting how many requests it accepts',
};

/** One readable sentence for an issue: diagnostics, else details.text, else its code. */
export function issueText(issue: OperationOutcomeIssue): string | undefined {
  const candidates = [issue.diagnostics, issue.details?.text];
  for (const candidate of candidates) {
    const text = readable(candidate);
    if (text) return sentence(text);
  }
  const byCode = ISSUE_CODE_SENTENCES[issue.code];
  return byCode ? sentence(byCode) : undefined;
}

/** The issues as one message, or undefined when none reads as text. */
export function issuesMessage(issues: readonly OperationOutcomeIssue[]): string | undefined {
  const texts = [...new Set(issues.map(issueText).filter((t): t is string => !!t))];
  if (texts.length === 0) return undefined;
  const shown = texts.slice(0, MAX_ISSUES_IN_MESSAGE);
  const more = texts.length - shown.length;
  return [...shown, ...(more > 0 ? [`(${more} more problem${more === 1 ? '' : 's'}.)`] : [])].join(
    ' ',
  );
}

export function kindForStatus(status: number): FhirErrorKind {
  if (status === 0) return 'network';
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 404 || status === 410) return 'not-found';
  if (status === 409 || status === 412) return 'conflict';
  if (status === 429) return 'rate-limited';
  if (status >= 500) return 'server';
  return 'invalid';
}

function isWrite(method: string | undefined): boolean {
  return !!method && !['GET', 'HEAD', 'OPTIONS'].includes(method.toUpperCase());
}

/** The plain sentence shown when the server gave no readable OperationOutcome. */
export function statusSentence(status: number, method?: string): string {
  switch (kindForStatus(status)) {
    case 'network':
      return 'The FHIR server could not be reached. Check the connection and try again.';
    case 'unauthorized':
      return 'Your session has ended. Please sign in again.';
    case 'forbidden':
      return isWrite(method)
        ? 'You are not permitted to make this change.'
        : 'You are not permitted to see this.';
    case 'not-found':
      return status === 410 ? 'This record has been deleted.' : 'This record was not found.';
    case 'conflict':
      return status === 412
        ? 'Someone else changed this record since it was loaded. Reload to see their changes.'
        : 'This change conflicts with the record as it is now. Reload and try again.';
    case 'rate-limited':
      return 'The server is busy. Try again in a moment.';
    case 'server':
      return `The server had a problem answering (HTTP ${status}). Try again later.`;
    case 'invalid':
      return `The server refused the request (HTTP ${status}).`;
  }
}

/**
 * Maps an HttpErrorResponse to a FhirError. 401 and 403 always get the fixed sentences: the
 * server's wording ("invalid_token", "not permitted to read Practitioner") means nothing to
 * staff, and the issues are still on the error.
 */
export function toFhirError(error: HttpErrorResponse, method?: string): FhirError {
  const status = error.status;
  const issues = issuesOf(parseBody(error.error));
  const kind = kindForStatus(status);
  const fixed = kind === 'unauthorized' || kind === 'forbidden' || kind === 'network';
  const message = (!fixed && issuesMessage(issues)) || statusSentence(status, method);
  const requestId = error.headers?.get('X-Request-Id') ?? undefined;
  return new FhirError({ kind, status, message, issues, ...(requestId ? { requestId } : {}) });
}

/** HttpClient leaves the body a string when it is not JSON or the response type was text. */
function parseBody(body: unknown): unknown {
  if (typeof body !== 'string') return body;
  try {
    return JSON.parse(body) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * Text from a server that reads as a sentence: not JSON, markup or a stack trace, which would
 * confuse staff and may echo PHI from the request.
 */
function readable(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const text = value.replace(/\s+/g, ' ').trim();
  if (text === '' || /^[[{<]/.test(text) || /\bat \S+ \(.*:\d+:\d+\)/.test(text)) return undefined;
  return text.length > MAX_ISSUE_LENGTH ? `${text.slice(0, MAX_ISSUE_LENGTH - 1)}…` : text;
}

function sentence(text: string): string {
  const capital = text.charAt(0).toUpperCase() + text.slice(1);
  return /[.!?…]$/.test(capital) ? capital : `${capital}.`;
}
