import { corpusResource, corpusResources } from '../../testing/fhir/corpus';
import { Flag } from './fhir-types';
import { mapFlag, mapFlags } from './flag-mapper';
import { MapResult } from './map-result';

const TODAY = { today: '2024-05-31', timeZone: 'America/Chicago' };
const map = (name: string, context = TODAY) => mapFlag(corpusResource<Flag>(name), context);
const reasons = (result: MapResult<unknown>) => result.problems.map((p) => p.reason);

describe('Flag → SafetyFlagRecord', () => {
  it('reads the profile\u2019s suicide-risk flag with its period, text and R label', () => {
    expect(map('flag-waypoint-active').value).toEqual({
      id: 'flag-active',
      patientId: 'pt-wren-halloway',
      active: true,
      start: '2024-05-02',
      text: 'Safety plan in place after PHQ-9 item 9 response',
      securityLabels: ['R'],
    });
  });

  it('is inactive by status, or by a period that ended or has not begun', () => {
    expect(map('flag-waypoint-inactive').value).toEqual(
      jasmine.objectContaining({ active: false, start: '2024-04-10', end: '2024-04-24' }),
    );
    const stale = map('flag-active-period-ended');
    expect(stale.value?.active).toBeFalse();
    expect(reasons(stale)).toEqual(['status active but the period ended 2024-03-20: inactive']);
    expect(reasons(map('flag-active-starts-later'))).toEqual([
      'status active but the period starts 2024-07-01: inactive',
    ]);
  });

  it('judges by status alone when it is not told what day it is', () => {
    expect(mapFlag(corpusResource<Flag>('flag-active-period-ended')).value?.active).toBeTrue();
  });

  it('accepts the code without a category', () => {
    expect(map('flag-code-only').value?.active).toBeTrue();
  });

  it('rejects safety flags that are not about suicide risk, and other unusable flags', () => {
    expect(reasons(map('flag-safety-inactive-spec'))).toEqual([
      'not a suicide-risk flag (code http://example.org/local|bigdog)',
    ]);
    expect(reasons(map('flag-entered-in-error'))).toEqual(['status entered-in-error: excluded']);
    expect(reasons(map('flag-no-subject'))).toEqual(['no subject']);
    const odd = { ...corpusResource<Flag>('flag-waypoint-active'), status: 'paused' };
    expect(reasons(mapFlag(odd))).toEqual(['unknown status "paused"']);
    expect(reasons(mapFlag({ ...odd, id: undefined }))).toEqual(['no id']);
    expect(reasons(mapFlag(3 as unknown as Flag))).toEqual(['not a resource']);
  });

  it('ignores an unreadable period date with a warning', () => {
    const flag = {
      ...corpusResource<Flag>('flag-waypoint-active'),
      period: { start: 'yesterday' },
    };
    const result = mapFlag(flag, TODAY);
    expect(result.value?.start).toBeUndefined();
    expect(reasons(result)).toEqual(['period.start: "yesterday" is not a FHIR date: ignored']);
  });

  it('maps a batch', () => {
    const batch = mapFlags(
      corpusResources<Flag>('flag-waypoint-active', 'flag-safety-inactive-spec'),
      TODAY,
    );
    expect([batch.items.length, batch.rejected.length]).toEqual([1, 1]);
  });
});
