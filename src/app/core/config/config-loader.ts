import { ConfigResult, validateAppConfig } from './config-validation';

export const CONFIG_FILE = 'config.json';

/**
 * Fetches and validates the runtime configuration before Angular starts. Uses `fetch` rather than
 * HttpClient because no injector exists yet. Never rejects: every failure becomes a
 * `ConfigResult` the error page can explain.
 */
export async function loadAppConfig(
  file: string = CONFIG_FILE,
  fetchFn: typeof fetch = (input, init) => fetch(input, init),
): Promise<ConfigResult> {
  let response: Response;
  try {
    response = await fetchFn(file, { cache: 'no-cache', headers: { Accept: 'application/json' } });
  } catch {
    return problem(file, 'the file could not be fetched (network error)');
  }
  if (!response.ok) {
    return problem(file, `the file could not be loaded (HTTP ${response.status})`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(await response.text());
  } catch (error) {
    const detail = error instanceof SyntaxError ? `: ${error.message}` : '';
    return problem(file, `the file is not valid JSON${detail}`);
  }
  return validateAppConfig(raw, file);
}

function problem(file: string, message: string): ConfigResult {
  return { ok: false, file, problems: [{ field: '(file)', message }] };
}
