import fc from 'fast-check';
import { CORPUS } from '../../testing/fhir/corpus';
import { fhirBatch } from '../../testing/fhir/arbitraries';
import { MappedResources, mapResources, mapResourcesInSteps } from './map-resources';
import { Steps, mapEachStep, runSteps } from './steps';

const CONTEXT = { today: '2024-05-31', timeZone: 'America/Chicago' };

/**
 * Two mappings run a step at a time, turn about, as two loads mapped in slices on one thread
 * are: each must come out as if it had run alone (no state shared between runs).
 */
function interleaved(a: Steps<MappedResources>, b: Steps<MappedResources>) {
  let ra: IteratorResult<void, MappedResources> | undefined;
  let rb: IteratorResult<void, MappedResources> | undefined;
  let steps = 0;
  while (!ra?.done || !rb?.done) {
    if (!ra?.done) ra = a.next();
    if (!rb?.done) rb = b.next();
    steps++;
  }
  return { a: ra.value, b: rb.value, steps };
}

describe('mapping in steps', () => {
  it('runs a generator to its result', () => {
    function* three(): Steps<number> {
      yield;
      yield;
      return 3;
    }
    expect(runSteps(three())).toBe(3);
  });

  it('maps each item, pausing after each', () => {
    const steps = mapEachStep([1, 2, 3], (n) => n * 2);
    expect(steps.next().done).toBeFalse();
    expect(steps.next().done).toBeFalse();
    expect(steps.next().done).toBeFalse();
    expect(steps.next()).toEqual({ done: true, value: [2, 4, 6] });
  });

  it('maps the whole corpus to what mapResources gives, a step at a time', () => {
    const input = CORPUS.map((e) => e.resource);
    const expected = mapResources(input, CONTEXT);
    const reversed = [...input].reverse();
    const { a, b, steps } = interleaved(
      mapResourcesInSteps(input, CONTEXT),
      mapResourcesInSteps(reversed, CONTEXT),
    );
    expect(a).toEqual(expected);
    expect(b).toEqual(mapResources(reversed, CONTEXT));
    // Paused along the way: about once per resource of the large types.
    expect(steps).toBeGreaterThan(input.length / 4);
  });

  it('gives mapResources’ result for generated batches, valid and malformed', () => {
    fc.assert(
      fc.property(
        fhirBatch({ minLength: 1, maxLength: 30 }),
        fhirBatch({ minLength: 1, maxLength: 30 }),
        (x, y) => {
          const { a, b } = interleaved(
            mapResourcesInSteps(x, CONTEXT),
            mapResourcesInSteps(y, CONTEXT),
          );
          expect(a).toEqual(mapResources(x, CONTEXT));
          expect(b).toEqual(mapResources(y, CONTEXT));
        },
      ),
      { numRuns: 40 },
    );
  });
});
