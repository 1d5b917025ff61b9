import fc from 'fast-check';
import { CORPUS, corpusResource } from '../../testing/fhir/corpus';
import { fhirBatch } from '../../testing/fhir/arbitraries';
import { Encounter, Observation, Patient } from './fhir-types';
import { mapResources } from './map-resources';
import { createMappingMemo, premap } from './premap';

const CONTEXT = { today: '2024-05-31', timeZone: 'America/Chicago' };

/** Maps `input` with its pages mapped ahead first, as a load does while later pages arrive. */
function mappedAhead(pages: readonly (readonly unknown[])[]) {
  const memo = createMappingMemo(CONTEXT);
  for (const page of pages) premap(page, memo);
  return { memo, mapped: mapResources(pages.flat(), { ...CONTEXT, memo }) };
}

describe('mapping ahead (premap)', () => {
  it('gives the corpus the mapping it has without, whatever the pages', () => {
    const input = CORPUS.map((e) => e.resource);
    const expected = mapResources(input, CONTEXT);
    expect(mappedAhead([input]).mapped).toEqual(expected);
    const third = Math.ceil(input.length / 3);
    const pages = [input.slice(0, third), input.slice(third, 2 * third), input.slice(2 * third)];
    expect(mappedAhead(pages).mapped).toEqual(expected);
  });

  it('gives generated batches, valid and malformed, the mapping they have without', () => {
    fc.assert(
      fc.property(fhirBatch({ minLength: 1, maxLength: 30 }), fc.nat(30), (batch, cut) => {
        const expected = mapResources(batch, CONTEXT);
        expect(mappedAhead([batch.slice(0, cut), batch.slice(cut)]).mapped).toEqual(expected);
      }),
      { numRuns: 60 },
    );
  });

  it('keeps the records it mapped, and the batch takes them instead of mapping again', () => {
    const encounter = corpusResource<Encounter>('encounter-waypoint-attended');
    const total = corpusResource<Observation>('observation-auditc-total-uscore');
    const { memo, mapped } = mappedAhead([[encounter], [total]]);
    const session = memo.sessions.get(encounter)?.value;
    const score = memo.observations.get(total)?.alone?.value;
    expect(session).toBeDefined();
    expect(score).toBeDefined();
    expect(mapped.sessions.items).toContain(session!);
    expect(mapped.scores.items).toContain(score!);
  });

  it('leaves to the batch a resource whose reference only the batch can resolve', () => {
    const uuid = '5b1d7c9e-3a2f-4e6d-8b0a-9c8d7e6f5a4b';
    const encounter: Encounter = {
      ...corpusResource<Encounter>('encounter-waypoint-attended'),
      subject: { reference: `urn:uuid:${uuid}` },
    };
    // The Patient the uuid names arrives on a later page, under its server id.
    const patient: Patient = { resourceType: 'Patient', id: uuid };
    const { memo, mapped } = mappedAhead([[encounter], [patient]]);
    expect(memo.sessions.has(encounter)).toBeFalse();
    expect(mapped).toEqual(mapResources([encounter, patient], CONTEXT));
    expect(mapped.sessions.items[0]?.patientId).toBe(uuid);
  });
});
