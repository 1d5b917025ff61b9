/** Property-based tests of the Wilson interval over arbitrary counts (see `wilson.ts`). */
import fc from 'fast-check';
import { proportionViolations } from '../../../testing/fhir/arbitraries';
import { Z_95, wilsonInterval } from './wilson';

const count = fc.oneof(
  { weight: 6, arbitrary: fc.nat(2_000) },
  fc.integer(),
  fc.double(),
  fc.constantFrom(0, -1, 0.5, Number.NaN, Infinity, -Infinity, Number.MAX_SAFE_INTEGER + 2, 1e308),
);
const z = fc.oneof(
  { weight: 4, arbitrary: fc.constant(Z_95) },
  fc.double({ min: 1e-6, max: 10, noNaN: true }),
  fc.double(),
  fc.constantFrom(0, -1, 1e200, Infinity, Number.NaN),
);

describe('wilsonInterval (properties)', () => {
  it('stays within [0, 1] with low <= rate <= high, and reports impossible counts instead of throwing', () => {
    fc.assert(
      fc.property(count, count, z, (successes, n, zValue) => {
        const p = wilsonInterval(successes, n, zValue);
        const violations = proportionViolations(p as never, `${successes} of ${n}, z ${zValue}`);
        if (violations.length) throw new Error(violations.join('\n'));
        const impossible =
          !Number.isInteger(successes) ||
          !Number.isInteger(n) ||
          n < 0 ||
          successes < 0 ||
          successes > n;
        if (impossible && p.invalid === undefined)
          throw new Error('impossible counts not reported');
      }),
      { numRuns: 3_000 },
    );
  });

  it('whole counts in range always give a rate, successes / n', () => {
    fc.assert(
      fc.property(
        fc.nat(100_000).chain((n) => fc.tuple(fc.integer({ min: 0, max: n }), fc.constant(n))),
        ([successes, n]) => {
          const p = wilsonInterval(successes, n);
          return n === 0
            ? p.rate === undefined
            : p.rate === successes / n && p.invalid === undefined;
        },
      ),
      { numRuns: 1_000 },
    );
  });
});
