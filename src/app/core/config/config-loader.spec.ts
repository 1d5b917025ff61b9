import { loadAppConfig } from './config-loader';

const goodFile = JSON.stringify({
  fhirBaseUrl: '/fhir',
  auth: 'open',
  programTimeZone: 'Europe/London',
});

function respond(body: string, status = 200): typeof fetch {
  return () => Promise.resolve(new Response(body, { status }));
}

describe('loadAppConfig', () => {
  it('loads and validates the file', async () => {
    const result = await loadAppConfig('config.json', respond(goodFile));
    expect(result.ok).toBeTrue();
  });

  it('asks for a fresh copy so a corrected file takes effect on reload', async () => {
    const fetchSpy = jasmine.createSpy('fetch').and.resolveTo(new Response(goodFile));
    await loadAppConfig('config.json', fetchSpy);
    expect(fetchSpy).toHaveBeenCalledWith(
      'config.json',
      jasmine.objectContaining({ cache: 'no-cache' }),
    );
  });

  it('explains a missing file with its HTTP status', async () => {
    const result = await loadAppConfig('config.json', respond('Not found', 404));
    expect(result).toEqual({
      ok: false,
      file: 'config.json',
      problems: [{ field: '(file)', message: 'the file could not be loaded (HTTP 404)' }],
    });
  });

  it('explains a file that is not JSON', async () => {
    const result = await loadAppConfig('config.json', respond('{ "fhirBaseUrl": '));
    expect(!result.ok && result.problems[0].message).toMatch(/^the file is not valid JSON: /);
  });

  it('explains a network failure', async () => {
    const result = await loadAppConfig('config.json', () =>
      Promise.reject(new TypeError('offline')),
    );
    expect(!result.ok && result.problems[0].message).toContain('network error');
  });

  it('passes validation problems through', async () => {
    const result = await loadAppConfig('config.json', respond('{"auth":"open"}'));
    expect(!result.ok && result.problems.map((p) => p.field)).toEqual([
      'fhirBaseUrl',
      'programTimeZone',
    ]);
  });
});
