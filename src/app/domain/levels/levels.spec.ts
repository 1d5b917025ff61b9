import { createLevelCodeMap, mapLevel } from './level-code-map';
import { DEFAULT_LEVEL_CODINGS, LEVEL_SYSTEMS, waypointLevelCoding } from './level-codings';
import {
  LEVELS,
  compareLevels,
  isLevelOfCare,
  isStepDown,
  isStepUp,
  levelDefinition,
  minimumWeeklyHours,
} from './level-of-care';

describe('levels of care', () => {
  it('orders the ladder from inpatient down to aftercare', () => {
    expect(LEVELS.map((l) => l.level)).toEqual([
      'inpatient',
      'residential',
      'php',
      'iop',
      'outpatient',
      'aftercare',
    ]);
    expect(isStepDown('php', 'iop')).toBeTrue();
    expect(isStepUp('iop', 'php')).toBeTrue();
    expect(isStepUp('iop', 'iop') || isStepDown('iop', 'iop')).toBeFalse();
    expect(compareLevels('inpatient', 'aftercare')).toBeGreaterThan(0);
  });

  it('carries the published hours and the default expected lengths', () => {
    expect(minimumWeeklyHours('iop')).toBe(9);
    expect(minimumWeeklyHours('php')).toBe(20);
    expect(minimumWeeklyHours('outpatient')).toBeUndefined();
    expect(minimumWeeklyHours('iop', { iop: 11 })).toBe(11);
    expect(levelDefinition('iop').expectedWeeks).toEqual({ min: 8, max: 12 });
    expect(levelDefinition('php').expectedWeeks).toEqual({ min: 2, max: 4 });
    expect(levelDefinition('iop').asam).toBe('2.1');
    expect([isLevelOfCare('php'), isLevelOfCare('hospital'), isLevelOfCare(3)]).toEqual([
      true,
      false,
      false,
    ]);
  });
});

describe('level code maps', () => {
  const { map } = createLevelCodeMap();
  const level = (system: string, code: string) => mapLevel(map, [{ system, code }]);

  it('maps every default coding class to the ladder', () => {
    expect(level(LEVEL_SYSTEMS.asamBha, '2.1')).toEqual({ level: 'iop' });
    expect(level(LEVEL_SYSTEMS.asamBha, '2.5')).toEqual({ level: 'php' });
    expect(level(LEVEL_SYSTEMS.asamBha, '3.7')).toEqual({ level: 'residential' });
    expect(level(LEVEL_SYSTEMS.asamBha, '4')).toEqual({ level: 'inpatient' });
    expect(level(LEVEL_SYSTEMS.asam4, '2.7')).toEqual({ level: 'php' });
    expect(level(LEVEL_SYSTEMS.asam4, '1.5')).toEqual({ level: 'outpatient' });
    expect(level(LEVEL_SYSTEMS.locus, '3')).toEqual({ level: 'iop' });
    expect(level(LEVEL_SYSTEMS.locus, '1')).toEqual({ level: 'aftercare' });
    expect(level(LEVEL_SYSTEMS.placeOfService, '52')).toEqual({ level: 'php' });
    expect(level(LEVEL_SYSTEMS.placeOfService, '56')).toEqual({ level: 'residential' });
    expect(level(LEVEL_SYSTEMS.hcpcs, 'S9480')).toEqual({ level: 'iop' });
    expect(level(LEVEL_SYSTEMS.hcpcs, 'H0035')).toEqual({ level: 'php' });
    expect(level(LEVEL_SYSTEMS.revenue, '0905')).toEqual({ level: 'iop' });
    expect(level(LEVEL_SYSTEMS.actCode, 'IMP')).toEqual({ level: 'inpatient' });
    const wp = waypointLevelCoding('aftercare');
    expect(level(wp.system, wp.code)).toEqual({ level: 'aftercare' });
    expect(new Set(DEFAULT_LEVEL_CODINGS.map((e) => e.source)).size).toBe(8);
  });

  it('reports unknown codes instead of guessing, including a right code in the wrong system', () => {
    expect(level(LEVEL_SYSTEMS.asamBha, '0.5')).toEqual({
      unknown: `unrecognised level-of-care code ${LEVEL_SYSTEMS.asamBha}|0.5`,
    });
    expect(level('http://example.org/local', '2.1')).toEqual({
      unknown: 'unrecognised level-of-care code http://example.org/local|2.1',
    });
    expect(mapLevel(map, [{ code: 'IOP' }])).toEqual({
      unknown: 'unrecognised level-of-care code (no system)|IOP',
    });
    expect(mapLevel(map, [])).toEqual({ unknown: 'no level-of-care code' });
    expect(
      mapLevel(map, [{ system: 'x' }, { system: LEVEL_SYSTEMS.hcpcs, code: 'H0015' }]),
    ).toEqual({ level: 'iop' });
  });

  it("takes a program's own codes from configuration, and explains bad entries", () => {
    const { map: local, errors } = createLevelCodeMap({
      entries: [
        { system: 'https://ehr.example/levels', code: 'IOP-A', level: 'iop' },
        { system: LEVEL_SYSTEMS.locus, code: '3', level: 'php' },
        { system: 'https://ehr.example/levels', code: '', level: 'iop' },
        { system: '', code: 'X', level: 'iop' },
        { system: 'https://ehr.example/levels', code: 'Y', level: 'hospital' },
      ],
    });
    expect(mapLevel(local, [{ system: 'https://ehr.example/levels', code: 'IOP-A' }])).toEqual({
      level: 'iop',
    });
    expect(mapLevel(local, [{ system: LEVEL_SYSTEMS.locus, code: '3' }])).toEqual({ level: 'php' });
    expect(errors).toEqual([
      'codeMaps.levelOfCare[2].code is required',
      'codeMaps.levelOfCare[3].system is required (codes are only unique within a system)',
      'codeMaps.levelOfCare[4].level "hospital" is not one of inpatient, residential, php, iop, outpatient, aftercare',
    ]);
  });
});
