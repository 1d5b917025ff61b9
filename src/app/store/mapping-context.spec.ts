import { mapResources } from '../fhir-mapping/map-resources';
import { mappingContextOf } from './mapping-context';

describe('mappingContextOf', () => {
  const episode = {
    resourceType: 'EpisodeOfCare',
    id: 'e1',
    status: 'active',
    type: [{ coding: [{ system: 'urn:oid:2.16.840.1.113883.3.999', code: 'DAY-TX-3' }] }],
    patient: { reference: 'Patient/p1' },
    period: { start: '2026-10-01' },
  };

  it('maps an episode coded with the program’s own level code, which the defaults do not know', () => {
    const unmapped = mapResources([episode], mappingContextOf({ codeMaps: {} }));
    expect(unmapped.episodes.items).toEqual([]);
    expect(unmapped.episodes.rejected.length).toBe(1);

    const local = mapResources(
      [episode],
      mappingContextOf({
        codeMaps: {
          levelOfCare: [
            { system: 'urn:oid:2.16.840.1.113883.3.999', code: 'DAY-TX-3', level: 'php' },
          ],
        },
      }),
    );
    expect(local.episodes.items.map((e) => [e.id, e.level])).toEqual([['e1', 'php']]);
  });
});
