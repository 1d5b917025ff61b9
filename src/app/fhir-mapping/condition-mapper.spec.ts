import { corpusResource, corpusResources } from '../../testing/fhir/corpus';
import { mapCondition, mapConditions } from './condition-mapper';
import { Condition } from './fhir-types';
import { MapResult } from './map-result';

const map = (name: string) => mapCondition(corpusResource<Condition>(name));
const reasons = (result: MapResult<unknown>) => result.problems.map((p) => p.reason);

describe('Condition → ConditionRecord', () => {
  it('groups an ICD-10-CM code of any specificity and carries the PSY label', () => {
    expect(map('condition-depression').value).toEqual({
      id: 'cond-halloway-1',
      patientId: 'pt-wren-halloway',
      icd10: 'F33.1',
      problem: 'depression',
      clinicalStatus: 'active',
      securityLabels: ['PSY'],
    });
    expect(map('condition-alcohol').value?.problem).toBe('substance-use');
  });

  it('rejects a condition without ICD-10-CM, refuted or without a patient', () => {
    expect(reasons(map('condition-snomed-only'))).toEqual([
      'no ICD-10-CM code (http://snomed.info/sct|35489007)',
    ]);
    expect(reasons(map('condition-refuted'))).toEqual(['verification status refuted: excluded']);
    const base = corpusResource<Condition>('condition-alcohol');
    expect(reasons(mapCondition({ ...base, subject: { reference: 'Group/g' } }))).toEqual([
      'subject is a Group reference, not Patient',
    ]);
    expect(reasons(mapCondition({ ...base, id: undefined }))).toEqual(['no id']);
    expect(reasons(mapCondition(null as unknown as Condition))).toEqual(['not a resource']);
    expect(
      mapConditions(corpusResources<Condition>('condition-alcohol', 'condition-refuted')).rejected
        .length,
    ).toBe(1);
  });
});
