import { instrumentById } from './instrument-catalogue';
import { bandProblems, validateInstrumentOverrides } from './instrument-config';

describe('instrument configuration', () => {
  it('keeps the defaults when nothing is configured', () => {
    const { catalogue, errors } = validateInstrumentOverrides(undefined);
    expect(errors).toEqual([]);
    expect(catalogue.length).toBe(10);
  });

  it('lets a program move the PCL-5 reliable-change threshold to 18 (Marx et al. 2022)', () => {
    const { catalogue, errors } = validateInstrumentOverrides([
      { id: 'pcl-5', reliableChange: 18 },
    ]);
    expect(errors).toEqual([]);
    expect(instrumentById('pcl-5', catalogue)!.reliableChange).toBe(18);
    expect(instrumentById('pcl-5')!.reliableChange).toBe(15);
  });

  it('adds a new instrument given a complete definition', () => {
    const { catalogue, errors } = validateInstrumentOverrides([
      {
        id: 'core-10',
        name: 'CORE-10',
        shortName: 'CORE-10',
        codes: { system: 'https://program.example/instruments', total: 'core10' },
        range: { min: 0, max: 40 },
        bands: [
          { min: 0, max: 10, label: 'Low', level: 0 },
          { min: 11, max: 40, label: 'Clinical', level: 3 },
        ],
        caseness: 11,
        reliableChange: 6,
        direction: 'higher-is-worse',
      },
    ]);
    expect(errors).toEqual([]);
    expect(instrumentById('core-10', catalogue)?.modalities).toEqual([]);
  });

  it('names the instrument and field of every problem and keeps the default in force', () => {
    const { catalogue, errors } = validateInstrumentOverrides([
      { id: 'phq-9', caseness: 40, name: 'Renamed' },
      { id: 'gad-7', reliabilityInputs: { sd: 5, reliability: 1.2 } },
      { id: 'new', name: 'New', shortName: 'N', codes: {}, range: { min: 5, max: 1 } },
      { name: 'no id' },
      'not an object',
    ]);
    expect(errors).toEqual([
      'instrument "phq-9": field "name" cannot be overridden',
      'instrument "phq-9": caseness must be a number within the range',
      'instrument "gad-7": reliabilityInputs.reliability must be between 0 and 1',
      'instrument "new": codes.system and codes.total are required',
      'instrument "new": range must be { min, max } with min < max',
      'instruments[3]: id is required',
      'instruments[4]: id is required',
    ]);
    expect(instrumentById('phq-9', catalogue)!.caseness).toBe(10);
  });

  it('rejects a configuration that is not a list', () => {
    expect(validateInstrumentOverrides({ id: 'phq-9' }).errors).toEqual([
      'instruments must be an array',
    ]);
  });

  it('finds gaps, overlaps and ends in bands', () => {
    expect(bandProblems([], 0, 10)).toEqual(['bands must be a non-empty array']);
    expect(
      bandProblems(
        [
          { min: 1, max: 4, label: 'a' },
          { min: 6, max: 9, label: 'b' },
        ],
        0,
        10,
      ),
    ).toEqual([
      'bands must start at 0',
      'bands must end at 10',
      'bands leave a gap or overlap between 4 and 6',
    ]);
    expect(bandProblems([{ min: 0, max: 'x' }], 0, 10)).toEqual([
      'each band needs numeric min <= max and a label',
    ]);
  });

  it('checks direction, frequency and SD of a new instrument', () => {
    const { errors } = validateInstrumentOverrides([
      {
        id: 'x',
        name: 'X',
        shortName: 'X',
        codes: { system: 's', total: 't' },
        range: { min: 0, max: 3 },
        bands: [{ min: 0, max: 3, label: 'all', level: 0 }],
        direction: 'sideways',
        expectedFrequencyDays: 0,
        reliabilityInputs: { sd: -1, reliability: 0.8 },
      },
    ]);
    expect(errors).toEqual([
      'instrument "x": direction must be "higher-is-worse" or "higher-is-better"',
      'instrument "x": expectedFrequencyDays must be a positive number',
      'instrument "x": reliabilityInputs.sd must be positive',
    ]);
  });
});
