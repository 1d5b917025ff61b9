/**
 * Property-based tests of the instrument catalogue and of programs' overrides: severity bands
 * cover each instrument's whole range, every whole score in it falls in exactly one band, and
 * scoring never throws whatever it is given.
 */
import fc from 'fast-check';
import { junk } from '../../../testing/fhir/arbitraries';
import { InstrumentDefinition, SeverityBand } from './instrument';
import { DEFAULT_INSTRUMENTS } from './instrument-catalogue';
import { validateInstrumentOverrides } from './instrument-config';
import { scoreAdministration } from './item-scoring';
import { severityOf, validateScore } from './scoring';

/** Every whole score in the range is in exactly one band, and no band leaves the range. */
function coverageViolations(instrument: InstrumentDefinition): string[] {
  const { min, max } = instrument.range;
  const out: string[] = [];
  for (let score = min; score <= max; score++) {
    const bands = instrument.bands.filter((b) => score >= b.min && score <= b.max);
    if (bands.length !== 1) out.push(`${instrument.id} ${score} is in ${bands.length} bands`);
  }
  for (const b of instrument.bands)
    if (!(b.min >= min && b.max <= max && b.min <= b.max))
      out.push(`${instrument.id} band ${b.min}–${b.max} outside ${min}–${max}`);
  return out;
}

/** Contiguous bands over [min, max]: cut points between whole scores. */
const partition = (min: number, max: number): fc.Arbitrary<SeverityBand[]> =>
  fc.uniqueArray(fc.integer({ min: min + 1, max }), { maxLength: 5 }).map((cuts) => {
    const starts = [min, ...cuts.sort((a, b) => a - b)];
    return starts.map((start, i) => ({
      min: start,
      max: i + 1 < starts.length ? starts[i + 1] - 1 : max,
      label: `band ${i}`,
      level: Math.min(i, 4) as SeverityBand['level'],
    }));
  });

/** A partition, then perhaps broken: a bound moved by a point or half a point, a band lost, junk. */
const bandsFor = (instrument: InstrumentDefinition): fc.Arbitrary<unknown> =>
  fc
    .tuple(
      partition(instrument.range.min, instrument.range.max),
      fc.constantFrom('keep', 'shift', 'half', 'drop', 'junk', 'null', 'shuffle'),
      fc.nat(),
      junk,
    )
    .map(([bands, edit, at, value]) => {
      const i = at % bands.length;
      const copy: unknown[] = [...bands];
      switch (edit) {
        case 'shift':
          copy[i] = { ...bands[i], max: bands[i].max + 1 };
          return copy;
        case 'half':
          copy[i] = { ...bands[i], max: bands[i].max + 0.5 };
          if (i + 1 < bands.length) copy[i + 1] = { ...bands[i + 1], min: bands[i + 1].min + 0.5 };
          return copy;
        case 'drop':
          return bands.length > 1 ? copy.filter((_, k) => k !== i) : copy;
        case 'junk':
          copy[i] = value;
          return copy;
        case 'null':
          return [...copy, null];
        case 'shuffle':
          return copy.reverse();
        default:
          return copy;
      }
    });

describe('instruments (properties)', () => {
  it('every catalogue instrument: bands cover the whole range, each whole score in exactly one band', () => {
    const violations = DEFAULT_INSTRUMENTS.flatMap(coverageViolations);
    expect(violations).toEqual([]);
    for (const instrument of DEFAULT_INSTRUMENTS)
      for (let s = instrument.range.min; s <= instrument.range.max; s++)
        expect(severityOf(instrument, s)).toBeDefined();
  });

  it('programs’ band overrides: never throws; an accepted override still covers the range', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...DEFAULT_INSTRUMENTS).chain((i) => fc.tuple(fc.constant(i), bandsFor(i))),
        ([instrument, bands]) => {
          const { catalogue, errors } = validateInstrumentOverrides([{ id: instrument.id, bands }]);
          const configured = catalogue.find((i) => i.id === instrument.id)!;
          if (errors.length === 0) {
            const violations = coverageViolations(configured);
            if (violations.length) throw new Error(violations.join('\n'));
          } else if (configured !== instrument) throw new Error('a refused override was applied');
        },
      ),
      { numRuns: 500 },
    );
  });

  it('scoring arbitrary totals and items never throws and only accepts whole scores in range', () => {
    const itemScores = fc.dictionary(
      fc.constantFrom('1', '2', '3', '4', '5', '6', '6a', '7', '8', '9', '10', 'constructor'),
      fc.oneof(fc.integer({ min: -1, max: 5 }), fc.double(), fc.constant(Number.NaN)),
    );
    fc.assert(
      fc.property(
        fc.constantFrom(...DEFAULT_INSTRUMENTS),
        fc.option(fc.oneof(fc.integer({ min: -5, max: 200 }), fc.double()), { nil: undefined }),
        itemScores,
        junk,
        (instrument, stated, items, anything) => {
          expect(validateScore(instrument, anything).ok).toBe(
            typeof anything === 'number' && validateScore(instrument, anything).ok,
          );
          const scoring = scoreAdministration(instrument, stated, items);
          if (scoring.ok && !validateScore(instrument, scoring.total).ok)
            throw new Error(`${instrument.id} scored ${scoring.total}`);
          if (!scoring.ok && !scoring.reason) throw new Error('refused without a reason');
        },
      ),
      { numRuns: 500 },
    );
  });
});
