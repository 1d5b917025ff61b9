import { corpusResource } from '../../testing/fhir/corpus';
import { Observation } from './fhir-types';
import { labelsField, securityLabelsOf } from './security-labels';

describe('security labels', () => {
  it('carries PSY, ETH and R by system and code, in a fixed order, and ignores the rest', () => {
    const labelled = corpusResource<Observation>('obs-phq9-total-security-labels');
    expect(securityLabelsOf(labelled)).toEqual(['PSY', 'ETH', 'R']);
    expect(labelsField(labelled)).toEqual({ securityLabels: ['PSY', 'ETH', 'R'] });
  });

  it('adds nothing when there are no known labels or no meta', () => {
    expect(labelsField({ resourceType: 'Observation' })).toEqual({});
    expect(
      securityLabelsOf({ resourceType: 'Observation', meta: { security: [{ code: 'R' }] } }),
    ).toEqual([]);
    expect(securityLabelsOf(undefined)).toEqual([]);
  });
});
