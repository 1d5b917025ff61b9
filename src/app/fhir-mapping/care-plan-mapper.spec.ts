import { corpusResource, corpusResources } from '../../testing/fhir/corpus';
import { mapCarePlan, mapCarePlans } from './care-plan-mapper';
import { CarePlan } from './fhir-types';
import { MapResult } from './map-result';

const map = (name: string) => mapCarePlan(corpusResource<CarePlan>(name));
const reasons = (result: MapResult<unknown>) => result.problems.map((p) => p.reason);

describe('CarePlan → CarePlanRecord', () => {
  it('reads kind, status, created and the next-review extension', () => {
    expect(map('careplan-waypoint-treatment-plan').value).toEqual({
      id: 'cp-treatment',
      patientId: 'pt-wren-halloway',
      kind: 'treatment-plan',
      status: 'active',
      created: '2024-04-03',
      nextReview: '2024-06-03',
    });
    expect(map('careplan-waypoint-aftercare-draft').value).toEqual(
      jasmine.objectContaining({ kind: 'aftercare', status: 'draft' }),
    );
  });

  it('ignores a review date that is not a full day, with a warning', () => {
    const result = map('careplan-partial-review-date');
    expect(result.value?.nextReview).toBeUndefined();
    expect(reasons(result)).toEqual(['next-review extension has no full valueDate: ignored']);
  });

  it('rejects plans that are not Waypoint\u2019s, and unusable ones', () => {
    expect(reasons(map('careplan-narrative-activity-synthea'))).toEqual([
      'no Waypoint care-plan category (http://hl7.org/fhir/us/core/CodeSystem/careplan-category|assess-plan, http://snomed.info/sct|698360004)',
    ]);
    expect(reasons(map('careplan-entered-in-error'))).toEqual([
      'status entered-in-error: excluded',
    ]);
    const base = corpusResource<CarePlan>('careplan-waypoint-treatment-plan');
    expect(reasons(mapCarePlan({ ...base, status: 'paused' }))).toEqual([
      'unknown status "paused"',
    ]);
    expect(reasons(mapCarePlan({ ...base, status: undefined }))).toEqual(['no status']);
    expect(reasons(mapCarePlan({ ...base, subject: undefined }))).toEqual(['no subject']);
    expect(reasons(mapCarePlan({ ...base, id: undefined }))).toEqual(['no id']);
    expect(reasons(mapCarePlan(null as unknown as CarePlan))).toEqual(['not a resource']);
    const badCreated = mapCarePlan({ ...base, created: 'April' });
    expect(badCreated.value?.created).toBeUndefined();
    expect(reasons(badCreated)).toEqual(['created: "April" is not a FHIR date: ignored']);
  });

  it('maps a batch', () => {
    const batch = mapCarePlans(
      corpusResources<CarePlan>(
        'careplan-waypoint-treatment-plan',
        'careplan-narrative-activity-synthea',
      ),
    );
    expect([batch.items.length, batch.rejected.length]).toEqual([1, 1]);
  });
});
