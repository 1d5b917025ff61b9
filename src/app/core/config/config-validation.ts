import { AppConfig, AuthMode } from './app-config';
import { validateCodeMaps } from './code-maps-validation';
import { validateExpectedWeeks } from './expected-weeks-validation';

/** One problem with the configuration file, naming the field it concerns. */
export interface ConfigProblem {
  readonly field: string;
  readonly message: string;
}

export type ConfigResult =
  | { readonly ok: true; readonly config: AppConfig }
  | { readonly ok: false; readonly file: string; readonly problems: readonly ConfigProblem[] };

const AUTH_MODES: readonly AuthMode[] = ['smart', 'open'];
const DEFAULT_IDLE_MINUTES = 15;
const MAX_IDLE_MINUTES = 240;

type Raw = Record<string, unknown>;

function isRecord(value: unknown): value is Raw {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function isValidTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

function isValidBaseUrl(value: string): boolean {
  if (value.startsWith('/')) return !value.startsWith('//');
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

/**
 * Validates the parsed contents of `config.json`. Every problem is reported at once, each with
 * the field it concerns, so an administrator can fix the file in one pass.
 */
export function validateAppConfig(raw: unknown, file = 'config.json'): ConfigResult {
  if (!isRecord(raw)) {
    return { ok: false, file, problems: [{ field: '(root)', message: 'must be a JSON object' }] };
  }
  const problems: ConfigProblem[] = [];
  const fail = (field: string, message: string) => problems.push({ field, message });

  const fhirBaseUrl = raw['fhirBaseUrl'];
  if (typeof fhirBaseUrl !== 'string' || fhirBaseUrl.trim() === '') {
    fail('fhirBaseUrl', 'is required: the base URL of the FHIR R4 server');
  } else if (!isValidBaseUrl(fhirBaseUrl)) {
    fail('fhirBaseUrl', `"${fhirBaseUrl}" is not an http(s) URL or a path starting with "/"`);
  }

  const auth = raw['auth'];
  if (typeof auth !== 'string' || !AUTH_MODES.includes(auth as AuthMode)) {
    fail('auth', `must be one of ${AUTH_MODES.map((m) => `"${m}"`).join(', ')}`);
  }

  const clientId = raw['clientId'] ?? '';
  if (typeof clientId !== 'string') {
    fail('clientId', 'must be a string');
  } else if (auth === 'smart' && clientId.trim() === '') {
    fail('clientId', 'is required when auth is "smart"');
  }

  const scopes = raw['scopes'] ?? '';
  if (typeof scopes !== 'string') {
    fail('scopes', 'must be a space-separated string of SMART scopes');
  } else if (auth === 'smart' && scopes.trim() === '') {
    fail('scopes', 'is required when auth is "smart"');
  }

  const idle = raw['idleTimeoutMinutes'] ?? DEFAULT_IDLE_MINUTES;
  if (typeof idle !== 'number' || !Number.isInteger(idle) || idle < 1 || idle > MAX_IDLE_MINUTES) {
    fail('idleTimeoutMinutes', `must be a whole number of minutes from 1 to ${MAX_IDLE_MINUTES}`);
  }

  const zone = raw['programTimeZone'];
  if (typeof zone !== 'string' || zone.trim() === '') {
    fail('programTimeZone', 'is required: an IANA time zone such as "America/Chicago"');
  } else if (!isValidTimeZone(zone)) {
    fail('programTimeZone', `"${zone}" is not a known IANA time zone`);
  }

  const programName = raw['programName'] ?? '';
  if (typeof programName !== 'string') fail('programName', 'must be a string');

  for (const field of ['codeMaps', 'clinicalThresholds']) {
    const value = raw[field];
    if (value !== undefined && !isRecord(value)) fail(field, 'must be a JSON object');
  }
  const thresholds = isRecord(raw['clinicalThresholds']) ? raw['clinicalThresholds'] : {};
  const expectedWeeks = validateExpectedWeeks(thresholds['expectedWeeks'], fail);
  const codeMaps = validateCodeMaps(raw['codeMaps'], fail);

  if (problems.length > 0) return { ok: false, file, problems };
  return {
    ok: true,
    config: {
      fhirBaseUrl: (fhirBaseUrl as string).replace(/\/+$/, ''),
      auth: auth as AuthMode,
      clientId: clientId as string,
      scopes: (scopes as string).trim().split(/\s+/).filter(Boolean).join(' '),
      idleTimeoutMinutes: idle as number,
      programTimeZone: zone as string,
      programName: programName as string,
      codeMaps,
      clinicalThresholds: {
        ...thresholds,
        ...('expectedWeeks' in thresholds ? { expectedWeeks } : {}),
      },
    },
  };
}
