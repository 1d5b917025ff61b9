import { HttpErrorResponse, HttpHeaders } from '@angular/common/http';
import { FhirError, toFhirError } from './fhir-error';

function httpError(status: number, error: unknown, headers: Record<string, string> = {}) {
  return new HttpErrorResponse({
    status,
    error,
    headers: new HttpHeaders(headers),
    url: 'https://fhir.example.org/r4/Patient/1',
  });
}

describe('toFhirError', () => {
  it('builds the message from every issue: diagnostics, details.text, then the code', () => {
    const error = toFhirError(
      httpError(
        422,
        {
          resourceType: 'OperationOutcome',
          issue: [
            { severity: 'error', code: 'required', diagnostics: 'status is required' },
            { severity: 'error', code: 'value', details: { text: 'Period end is before start' } },
            { severity: 'error', code: 'duplicate' },
          ],
        },
        { 'X-Request-Id': 'req-42' },
      ),
    );
    expect(error).toBeInstanceOf(FhirError);
    expect(error).toBeInstanceOf(Error);
    expect(error.kind).toBe('invalid');
    expect(error.status).toBe(422);
    expect(error.message).toBe(
      'Status is required. Period end is before start. The record already exists.',
    );
    expect(error.requestId).toBe('req-42');
    expect(error.issues.length).toBe(3);
  });

  it('counts issues beyond the third instead of listing them', () => {
    const issue = (n: number) => ({
      severity: 'error',
      code: 'value',
      diagnostics: `problem ${n}`,
    });
    const error = toFhirError(
      httpError(400, { resourceType: 'OperationOutcome', issue: [1, 2, 3, 4, 5].map(issue) }),
    );
    expect(error.message).toBe('Problem 1. Problem 2. Problem 3. (2 more problems.)');
  });

  it('reads an OperationOutcome that arrived as text', () => {
    const body = JSON.stringify({
      resourceType: 'OperationOutcome',
      issue: [{ severity: 'error', code: 'not-found', diagnostics: 'Patient/9 not found' }],
    });
    const error = toFhirError(httpError(404, body));
    expect(error.kind).toBe('not-found');
    expect(error.message).toBe('Patient/9 not found.');
  });

  it('never shows a body that is not an OperationOutcome, nor JSON or stack traces in diagnostics', () => {
    const html = toFhirError(httpError(502, '<html><body>Bad gateway</body></html>'));
    expect(html.message).toBe('The server had a problem answering (HTTP 502). Try again later.');
    const json = toFhirError(httpError(500, { name: 'Ada Example', birthDate: '1970-01-01' }));
    expect(json.message).toBe('The server had a problem answering (HTTP 500). Try again later.');
    const dump = toFhirError(
      httpError(500, {
        resourceType: 'OperationOutcome',
        issue: [
          { severity: 'fatal', code: 'exception', diagnostics: '{"name":"Ada Example"}' },
          {
            severity: 'fatal',
            code: 'exception',
            diagnostics: 'TypeError: x is undefined at parse (server.js:10:5)',
          },
        ],
      }),
    );
    expect(dump.message).toBe('The server had an unexpected problem.');
  });

  it('shortens very long diagnostics', () => {
    const error = toFhirError(
      httpError(400, {
        resourceType: 'OperationOutcome',
        issue: [{ severity: 'error', code: 'invalid', diagnostics: 'x'.repeat(1000) }],
      }),
    );
    expect(error.message.length).toBe(300);
    expect(error.message.endsWith('…')).toBeTrue();
  });

  it('maps statuses to kinds, with a plain sentence when there is no OperationOutcome', () => {
    const cases: [number, string, string][] = [
      [0, 'network', 'The FHIR server could not be reached. Check the connection and try again.'],
      [400, 'invalid', 'The server refused the request (HTTP 400).'],
      [401, 'unauthorized', 'Your session has ended. Please sign in again.'],
      [403, 'forbidden', 'You are not permitted to see this.'],
      [404, 'not-found', 'This record was not found.'],
      [410, 'not-found', 'This record has been deleted.'],
      [
        409,
        'conflict',
        'This change conflicts with the record as it is now. Reload and try again.',
      ],
      [
        412,
        'conflict',
        'Someone else changed this record since it was loaded. Reload to see their changes.',
      ],
      [429, 'rate-limited', 'The server is busy. Try again in a moment.'],
      [503, 'server', 'The server had a problem answering (HTTP 503). Try again later.'],
    ];
    for (const [status, kind, message] of cases) {
      const error = toFhirError(httpError(status, null));
      expect([error.kind, error.message]).withContext(`HTTP ${status}`).toEqual([kind, message]);
    }
  });

  it('keeps the fixed sentences for 401 and 403 even when the server explains, and words a refused write', () => {
    const body = {
      resourceType: 'OperationOutcome',
      issue: [{ severity: 'error', code: 'forbidden', diagnostics: 'not permitted to read Flag' }],
    };
    const read = toFhirError(httpError(403, body), 'GET');
    expect(read.message).toBe('You are not permitted to see this.');
    expect(read.issues[0].diagnostics).toBe('not permitted to read Flag');
    expect(toFhirError(httpError(403, body), 'PUT').message).toBe(
      'You are not permitted to make this change.',
    );
    expect(toFhirError(httpError(401, body)).message).toBe(
      'Your session has ended. Please sign in again.',
    );
  });
});
