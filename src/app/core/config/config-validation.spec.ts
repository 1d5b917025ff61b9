import { LEVELS } from '../../domain/levels/level-of-care';
import { validateAppConfig } from './config-validation';
import { LEVEL_IDS } from './expected-weeks-validation';

const valid = {
  fhirBaseUrl: 'https://ehr.example.org/fhir/r4/',
  auth: 'smart',
  clientId: 'waypoint',
  scopes: ' openid  fhirUser\nonline_access ',
  idleTimeoutMinutes: 20,
  programTimeZone: 'America/Chicago',
  programName: 'Riverside IOP',
};

function problemsOf(raw: unknown) {
  const result = validateAppConfig(raw);
  return result.ok ? [] : result.problems;
}

describe('validateAppConfig', () => {
  it('accepts a complete file and normalises the URL and scopes', () => {
    const result = validateAppConfig(valid);
    expect(result.ok).toBeTrue();
    if (!result.ok) return;
    expect(result.config.fhirBaseUrl).toBe('https://ehr.example.org/fhir/r4');
    expect(result.config.scopes).toBe('openid fhirUser online_access');
    expect(result.config.idleTimeoutMinutes).toBe(20);
    expect(result.config.codeMaps).toEqual({});
    expect(result.config.clinicalThresholds).toEqual({});
  });

  it('defaults the idle timeout to 15 minutes and accepts a same-origin path', () => {
    const result = validateAppConfig({
      ...valid,
      fhirBaseUrl: '/fhir',
      idleTimeoutMinutes: undefined,
    });
    expect(result.ok && result.config.idleTimeoutMinutes).toBe(15);
    expect(result.ok && result.config.fhirBaseUrl).toBe('/fhir');
  });

  it('rejects something that is not an object', () => {
    expect(problemsOf([1, 2])).toEqual([{ field: '(root)', message: 'must be a JSON object' }]);
    expect(problemsOf(null)[0].field).toBe('(root)');
  });

  it('names every wrong field at once', () => {
    const problems = problemsOf({
      fhirBaseUrl: 'ftp://files.example.org',
      auth: 'basic',
      clientId: 7,
      scopes: ['openid'],
      idleTimeoutMinutes: 0,
      programTimeZone: 'Mars/Olympus_Mons',
      programName: 3,
      codeMaps: [],
      clinicalThresholds: 'high',
    });
    expect(problems.map((p) => p.field)).toEqual([
      'fhirBaseUrl',
      'auth',
      'clientId',
      'scopes',
      'idleTimeoutMinutes',
      'programTimeZone',
      'programName',
      'codeMaps',
      'clinicalThresholds',
    ]);
    expect(problems[5].message).toContain('"Mars/Olympus_Mons" is not a known IANA time zone');
  });

  it('reads a program’s own level-of-care codes, naming each bad entry', () => {
    const good = validateAppConfig({
      ...valid,
      codeMaps: {
        levelOfCare: [{ system: ' urn:oid:1.2.3 ', code: ' IOP-A ', level: 'iop' }],
      },
    });
    expect(good.ok && good.config.codeMaps).toEqual({
      levelOfCare: [{ system: 'urn:oid:1.2.3', code: 'IOP-A', level: 'iop' }],
    });
    const problems = problemsOf({
      ...valid,
      codeMaps: {
        levelOfCare: [
          { system: 'urn:x', code: 'A', level: 'iop' },
          { system: 'urn:x', level: 'php' },
          { code: 'B', level: 'php' },
          { system: 'urn:x', code: 'C', level: 'day-program' },
          'IOP',
        ],
      },
    });
    expect(problems).toEqual([
      { field: 'codeMaps.levelOfCare[1].code', message: 'is required' },
      {
        field: 'codeMaps.levelOfCare[2].system',
        message: 'is required (codes are only unique within a system)',
      },
      {
        field: 'codeMaps.levelOfCare[3].level',
        message:
          '"day-program" is not one of inpatient, residential, php, iop, outpatient, aftercare',
      },
      {
        field: 'codeMaps.levelOfCare[4]',
        message: 'must be a { "system", "code", "level" } object',
      },
    ]);
    expect(problemsOf({ ...valid, codeMaps: { levelOfCare: 'iop' } })).toEqual([
      {
        field: 'codeMaps.levelOfCare',
        message: 'must be a list of { "system", "code", "level" } entries',
      },
    ]);
  });

  it('requires the FHIR base URL and the time zone', () => {
    const problems = problemsOf({ auth: 'open' });
    expect(problems.map((p) => p.field)).toEqual(['fhirBaseUrl', 'programTimeZone']);
  });

  it('requires a client id and scopes only for SMART sign-in', () => {
    const smart = problemsOf({ ...valid, clientId: ' ', scopes: '' });
    expect(smart.map((p) => p.field)).toEqual(['clientId', 'scopes']);
    expect(problemsOf({ ...valid, auth: 'open', clientId: undefined, scopes: undefined })).toEqual(
      [],
    );
  });

  it('rejects protocol-relative URLs and fractional or huge idle timeouts', () => {
    expect(problemsOf({ ...valid, fhirBaseUrl: '//evil.example/fhir' })[0].field).toBe(
      'fhirBaseUrl',
    );
    expect(problemsOf({ ...valid, idleTimeoutMinutes: 2.5 })[0].field).toBe('idleTimeoutMinutes');
    expect(problemsOf({ ...valid, idleTimeoutMinutes: 241 })[0].field).toBe('idleTimeoutMinutes');
    expect(problemsOf({ ...valid, idleTimeoutMinutes: '15' })[0].field).toBe('idleTimeoutMinutes');
  });

  describe('clinicalThresholds.expectedWeeks', () => {
    const withWeeks = (expectedWeeks: unknown) =>
      validateAppConfig({ ...valid, clinicalThresholds: { expectedWeeks, instruments: [] } });

    it('accepts a program’s expected lengths, keeps other thresholds, and allows min = max', () => {
      const result = withWeeks({ iop: { min: 6, max: 10 }, php: { min: 2.5, max: 2.5 } });
      expect(result.ok).toBeTrue();
      expect(result.ok && result.config.clinicalThresholds).toEqual({
        expectedWeeks: { iop: { min: 6, max: 10 }, php: { min: 2.5, max: 2.5 } },
        instruments: [],
      });
    });

    it('names each bad level and bound in its own field', () => {
      const problems = problemsOf({
        ...valid,
        clinicalThresholds: {
          expectedWeeks: {
            iop: { min: 12, max: 8 },
            php: { min: 0, max: '4' },
            hospital: { min: 1, max: 2 },
            outpatient: 6,
          },
        },
      });
      expect(problems).toEqual([
        {
          field: 'clinicalThresholds.expectedWeeks.iop',
          message: 'min (12) must not be more than max (8)',
        },
        {
          field: 'clinicalThresholds.expectedWeeks.php.min',
          message: 'must be a positive number of weeks',
        },
        {
          field: 'clinicalThresholds.expectedWeeks.php.max',
          message: 'must be a positive number of weeks',
        },
        {
          field: 'clinicalThresholds.expectedWeeks.hospital',
          message:
            '"hospital" is not a level of care: use inpatient, residential, php, iop, outpatient, aftercare',
        },
        {
          field: 'clinicalThresholds.expectedWeeks.outpatient',
          message: 'must be an object with "min" and "max" in weeks',
        },
      ]);
    });

    it('rejects negative, infinite and missing bounds, and a list instead of an object', () => {
      const fields = (weeks: unknown) =>
        problemsOf({ ...valid, clinicalThresholds: { expectedWeeks: weeks } }).map((p) => p.field);
      expect(fields({ iop: { min: -1, max: 4 } })).toEqual([
        'clinicalThresholds.expectedWeeks.iop.min',
      ]);
      expect(fields({ iop: { min: 2, max: Infinity } })).toEqual([
        'clinicalThresholds.expectedWeeks.iop.max',
      ]);
      expect(fields({ iop: { min: 2 } })).toEqual(['clinicalThresholds.expectedWeeks.iop.max']);
      expect(fields([{ iop: { min: 2, max: 4 } }])).toEqual(['clinicalThresholds.expectedWeeks']);
    });

    it('leaves the thresholds untouched when no lengths are configured', () => {
      const result = validateAppConfig({ ...valid, clinicalThresholds: { instruments: [] } });
      expect(result.ok && result.config.clinicalThresholds).toEqual({ instruments: [] });
    });

    it('knows the same levels as the domain’s ladder', () => {
      expect([...LEVEL_IDS]).toEqual(LEVELS.map((l) => l.level));
    });
  });

  it('reports the file it validated', () => {
    const result = validateAppConfig({}, 'site-config.json');
    expect(!result.ok && result.file).toBe('site-config.json');
  });
});
