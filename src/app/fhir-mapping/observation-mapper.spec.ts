import { corpusResource, corpusResources } from '../../testing/fhir/corpus';
import { instrumentById } from '../domain/instruments/instrument-catalogue';
import { safetySignalsIn } from '../domain/instruments/safety-signal';
import { Observation } from './fhir-types';
import { MapResult } from './map-result';
import { mapObservation, mapObservations } from './observation-mapper';
import { indexResources } from './references';

const obs = (name: string) => corpusResource<Observation>(name);
const map = (name: string) => mapObservation(obs(name));
const reasons = (result: MapResult<unknown>) => result.problems.map((p) => p.reason);
const rejection = (name: string) => {
  const result = map(name);
  expect(result.value).withContext(name).toBeUndefined();
  return result.problems.find((p) => p.severity === 'rejected')?.reason;
};

/** Every resource of the US Core PHQ-9 administration: panel, nine items, total, difficulty. */
const US_CORE_SET = [
  'observation-phq9-panel-hasmember-uscore',
  ...[1, 2, 3, 4, 5, 6, 7, 8].map((n) => `usc-phq9-member-item-${n}`),
  'observation-phq9-item9-uscore',
  'observation-phq9-total-valuestring-uscore',
  'usc-phq9-member-difficulty',
];

describe('Observation → ScoreRecord: totals in every value[x]', () => {
  it('reads the PHQ-9 total 12 from valueString "12"', () => {
    expect(map('observation-phq9-total-valuestring-uscore').value).toEqual({
      id: 'phq9-item-ex-44261-6',
      patientId: 'pt-ashgrove',
      instrumentId: 'phq-9',
      date: '2023-04-18T15:22:41.402000+00:00',
      total: 12,
      sourceType: 'Observation',
    });
  });

  it('reads valueInteger, valueQuantity {score}, valueDecimal and a quantity in any unit', () => {
    expect(map('observation-phq9-total-valueinteger-davinci-ra').value).toEqual(
      jasmine.objectContaining({ total: 16, date: '2020-03-11', patientId: 'ra-pt07' }),
    );
    expect(map('observation-phq9-total-valuequantity-mii').value?.total).toBe(27);
    expect(map('obs-phq9-total-valuedecimal').value?.total).toBe(9);
    expect(map('obs-gad7-total-odd-unit').value).toEqual(
      jasmine.objectContaining({ instrumentId: 'gad-7', total: 13 }),
    );
    expect(map('observation-auditc-total-uscore').value).toEqual(
      jasmine.objectContaining({ instrumentId: 'audit-c', total: 0 }),
    );
  });

  it('reads a number from valueCodeableConcept.text or a coding display (CMS MDS codes)', () => {
    expect(map('observation-phq9-mds-total-text-pacio').value).toEqual(
      jasmine.objectContaining({
        instrumentId: 'phq-9',
        total: 3,
        date: '2021-01-20T17:00:00-05:00',
      }),
    );
    const mdsPanel = map('observation-phq9-mds-panel-valuecodeableconcept-pacio');
    expect(mdsPanel.value).toEqual(jasmine.objectContaining({ instrumentId: 'phq-9', total: 3 }));
    expect(reasons(mdsPanel)).toEqual([
      '18 hasMember references not resolved (map the batch with mapObservations)',
    ]);
    const displayOnly: Observation = {
      ...obs('obs-phq9-total-date-only'),
      valueInteger: undefined,
      valueCodeableConcept: { coding: [{ display: ' 15 ' }] },
    };
    expect(mapObservation(displayOnly).value?.total).toBe(15);
  });

  it('takes the first known coding (GAD-7 with a second, local coding) and the future date as sent', () => {
    expect(map('observation-gad7-total-mii').value).toEqual(
      jasmine.objectContaining({ instrumentId: 'gad-7', total: 7, date: '2026-09-02' }),
    );
  });

  it('reads the instruments the profile codes locally, and a program\u2019s own codes from configuration', () => {
    expect(map('obs-ders16-local-code').value).toEqual(
      jasmine.objectContaining({ instrumentId: 'ders-16', total: 52 }),
    );
    expect(map('obs-bam-use-local-code').value).toEqual(
      jasmine.objectContaining({ instrumentId: 'bam-use', total: 2 }),
    );
    expect(rejection('obs-ehr-local-phq9-code')).toBe(
      'unknown instrument code https://ehr.example.org/codes/assessments|PHQ9TOT',
    );
    const configured = mapObservation(obs('obs-ehr-local-phq9-code'), {
      localInstrumentCodes: [
        {
          system: 'https://ehr.example.org/codes/assessments',
          code: 'PHQ9TOT',
          instrumentId: 'phq-9',
          kind: 'total',
        },
      ],
    });
    expect(configured.value).toEqual(jasmine.objectContaining({ instrumentId: 'phq-9', total: 7 }));
  });

  it('tolerates a number sent as a string in valueInteger, unknown extensions and extra elements', () => {
    expect(map('obs-phq9-total-wrong-type').value?.total).toBe(14);
    expect(map('obs-phq9-total-unknown-extension').value?.total).toBe(10);
  });

  it('keeps partial and date-only dates exactly, and effectiveInstant and effectivePeriod.start', () => {
    expect(map('obs-phq9-total-partial-date').value?.date).toBe('2024-05');
    expect(map('obs-phq9-total-date-only').value?.date).toBe('2024-05-01');
    expect(map('obs-phq9-total-effective-instant').value?.date).toBe('2024-05-07T19:30:00.000Z');
    expect(map('obs-phq9-total-valuedecimal').value?.date).toBe('2024-05-06T14:00:00-05:00');
  });

  it('carries the PSY, ETH and R security labels', () => {
    expect(map('obs-phq9-total-security-labels').value?.securityLabels).toEqual([
      'PSY',
      'ETH',
      'R',
    ]);
    expect(map('obs-phq9-total-date-only').value?.securityLabels).toBeUndefined();
  });
});

describe('Observation → ScoreRecord: items', () => {
  it('reads component items, carrying PHQ-9 item 9 so the safety signal works', () => {
    const score = map('obs-phq9-total-components').value!;
    expect(score.total).toBe(14);
    expect(score.items).toEqual({
      '1': 2,
      '2': 2,
      '3': 1,
      '4': 2,
      '5': 1,
      '6': 1,
      '7': 2,
      '8': 1,
      '9': 2,
    });
    expect(safetySignalsIn(instrumentById('phq-9')!, score).map((s) => s.reason)).toEqual([
      'PHQ-9 item 9 (thoughts of self-harm) scored 2',
    ]);
  });

  it('scores a panel that carries only item components with the domain\u2019s rules', () => {
    expect(map('obs-phq9-panel-components-only').value).toEqual(
      jasmine.objectContaining({
        total: 11,
        items: { '1': 3, '2': 2, '3': 2, '4': 1, '5': 1, '6': 0, '7': 1, '8': 1, '9': 0 },
      }),
    );
  });

  it('uses the item sum when a stated total disagrees, and says so', () => {
    const result = map('obs-phq9-components-conflict');
    expect(result.value?.total).toBe(9);
    expect(reasons(result)).toEqual(['stated total 5 differs from the item score 9; 9 is used']);
  });

  it('rejects an incomplete panel but hands over its positive item 9', () => {
    const result = map('obs-phq9-panel-components-incomplete');
    expect(rejection('obs-phq9-panel-components-incomplete')).toBe(
      'only 5 of 9 PHQ-9 items answered, and no total was given',
    );
    expect(result.unscoredSafetyItems).toEqual([
      {
        id: 'v-panel-partial',
        patientId: 'pt-wren-halloway',
        instrumentId: 'phq-9',
        date: '2024-05-01T16:00:00-05:00',
        item: '9',
        score: 1,
      },
    ]);
  });

  it('rejects a lone item 9 Observation (LOINC answer code) without losing its score', () => {
    const result = map('observation-phq9-item9-uscore');
    expect(result.value).toBeUndefined();
    expect(result.unscoredSafetyItems).toEqual([
      jasmine.objectContaining({
        id: 'phq9-item-ex-44260-8',
        item: '9',
        score: 1,
        patientId: 'pt-ashgrove',
      }),
    ]);
  });
});

describe('Observation → ScoreRecord: what is rejected, and why', () => {
  const cases: [string, string][] = [
    ['observation-phq2-total-synthea', 'unknown instrument code http://loinc.org|55758-7'],
    [
      'observation-hark-total-duplicate-profile-synthea',
      'unknown instrument code http://loinc.org|76504-0',
    ],
    [
      'observation-prapare-panel-components-synthea',
      'unknown instrument code http://loinc.org|93025-5',
    ],
    ['observation-anxiety-m3-component-bhp', 'unknown instrument code http://loinc.org|71891-6'],
    [
      'observation-ptsd-pcptsd-score-localcode-mii',
      'unknown instrument code https://www.medizininformatik-initiative.de/fhir/ext/modul-pro/CodeSystem/mii-cs-pro-score-catalogue|pc-ptsd-total',
    ],
    ['obs-phq9-total-coding-not-array', 'unknown instrument code no code'],
    ['obs-wrong-types', 'unknown instrument code no code'],
    ['obs-phq9-total-entered-in-error', 'status entered-in-error: excluded'],
    ['obs-phq9-total-cancelled', 'status cancelled: excluded'],
    ['obs-phq9-total-data-absent-value', 'value absent (data-absent-reason: asked-declined)'],
    ['obs-phq9-total-no-date', 'no effective date'],
    ['obs-phq9-total-bad-date', 'effective date: "31/05/2024" is not a FHIR date'],
    ['obs-phq9-total-data-absent-date', 'effective date absent (data-absent-reason: unknown)'],
    ['obs-phq9-total-no-subject', 'no subject'],
    ['obs-phq9-total-group-subject', 'subject is a Group reference, not Patient'],
    [
      'obs-phq9-total-conditional-subject',
      'subject is a conditional reference (Patient?identifier=…), which is not resolved',
    ],
    ['obs-phq9-total-garbage-string', 'valueString is not a number'],
    ['obs-phq9-total-out-of-range', 'PHQ-9 score 31 is outside 0–27'],
    ['obs-phq9-total-fractional', 'PHQ-9 score 12.5 is not a whole number'],
    ['obs-phq9-total-no-value', 'no value'],
    ['obs-phq9-total-no-id', 'no id'],
    ['observation-auditc-panel-uscore', 'AUDIT-C has no item scoring, and no total was given'],
  ];
  for (const [name, reason] of cases) {
    it(`${name}: ${reason}`, () => expect(rejection(name)).toBe(reason));
  }

  it('never puts free text or identifiers in a reason', () => {
    const all = cases.flatMap(([name]) => reasons(map(name))).join('\n');
    expect(all).not.toContain('MRN');
    expect(all).not.toContain('Pell');
    expect(all).not.toContain('paper form');
  });

  it('names the resource by type and id only', () => {
    expect(map('obs-phq9-total-cancelled').problems).toEqual([
      {
        resourceType: 'Observation',
        id: 'v-cancelled',
        severity: 'rejected',
        reason: 'status cancelled: excluded',
      },
    ]);
    expect(mapObservation(null as unknown as Observation).problems[0]).toEqual(
      jasmine.objectContaining({ resourceType: '(not a resource)', reason: 'not a resource' }),
    );
  });
});

describe('mapObservations: hasMember panels and separate item Observations', () => {
  it('resolves the US Core panel\u2019s members: total 12 from the member total, items 1–9 from the items', () => {
    const batch = mapObservations(corpusResources<Observation>(...US_CORE_SET));
    expect(batch.items).toEqual([
      {
        id: 'phq9-panel-ex-5521',
        patientId: 'pt-ashgrove',
        instrumentId: 'phq-9',
        date: '2023-04-18T15:22:41.402000+00:00',
        total: 12,
        items: { '1': 2, '2': 2, '3': 1, '4': 2, '5': 1, '6': 1, '7': 2, '8': 0, '9': 1 },
        sourceType: 'Observation',
      },
    ]);
    expect(batch.rejected).toEqual([]);
    expect(batch.warnings.map((w) => w.reason)).toEqual([
      'hasMember Observation/phq9-item-ex-69722-7 (http://loinc.org|69722-7) is not a scored part of PHQ-9: ignored',
    ]);
  });

  it('resolves relative, absolute, urn:uuid and contained member references', () => {
    const names = [
      'obs-phq9-panel-mixed-references',
      ...[1, 2, 3, 5, 6, 7, 8, 9].map((n) => `obs-phq9-mixed-member-${n}`),
    ];
    const batch = mapObservations(corpusResources<Observation>(...names));
    expect(batch.items.map((s) => [s.id, s.total, s.items?.['4'], s.items?.['9']])).toEqual([
      ['mx-panel', 9, 1, 2],
    ]);
    expect(batch.warnings.map((w) => w.reason)).toEqual([
      '1 hasMember reference not among the resources given',
    ]);
  });

  it('resolves members through the outer index (a Bundle) when the batch does not hold them', () => {
    const member = obs('obs-phq9-mixed-member-1');
    const batch = mapObservations([obs('obs-phq9-panel-mixed-references')], {
      index: indexResources([{ resource: member }]),
    });
    expect(batch.rejected.map((r) => r.reason)).toEqual([
      'only 2 of 9 PHQ-9 items answered, and no total was given',
    ]);
  });

  it('scores the AUDIT-C panel from its member total', () => {
    const batch = mapObservations(
      corpusResources<Observation>(
        'observation-auditc-panel-uscore',
        'observation-auditc-total-uscore',
        'usc-auditc-member-68517-2',
      ),
    );
    expect(batch.items.map((s) => [s.id, s.instrumentId, s.total])).toEqual([
      ['auditc-panel-ex-72109-2', 'audit-c', 0],
    ]);
    expect(batch.warnings.length).toBe(2);
  });

  it('groups item Observations with the total of the same patient and time when there is no panel', () => {
    const batch = mapObservations(
      corpusResources<Observation>(
        'observation-phq9-total-valuestring-uscore',
        'observation-phq9-item9-uscore',
      ),
    );
    expect(batch.items.map((s) => [s.id, s.total, s.items])).toEqual([
      ['phq9-item-ex-44261-6', 12, { '9': 1 }],
    ]);
  });

  it('scores nine separate item Observations that have no total', () => {
    const names = [
      ...[1, 2, 3, 4, 5, 6, 7, 8].map((n) => `usc-phq9-member-item-${n}`),
      'observation-phq9-item9-uscore',
    ];
    const batch = mapObservations(corpusResources<Observation>(...names));
    expect(batch.items.map((s) => [s.id, s.total])).toEqual([['phq9-item-ex-44250-9', 12]]);
  });

  it('drops a second Observation with the same id, and reports unscored safety items', () => {
    const batch = mapObservations(
      corpusResources<Observation>(
        'obs-phq9-duplicate-first',
        'obs-phq9-duplicate-second',
        'observation-phq9-item9-uscore',
      ),
    );
    expect(batch.items.map((s) => [s.id, s.total])).toEqual([['v-dup', 6]]);
    expect(batch.rejected).toEqual([
      {
        item: { resourceType: 'Observation', id: 'v-dup' },
        reason: 'duplicate: an Observation with this id was already read',
      },
      {
        item: { resourceType: 'Observation', id: 'phq9-item-ex-44260-8' },
        reason: 'only 1 of 9 PHQ-9 items answered, and no total was given',
      },
    ]);
    expect(batch.unscoredSafetyItems.map((s) => [s.id, s.item, s.score])).toEqual([
      ['phq9-item-ex-44260-8', '9', 1],
    ]);
  });

  it('maps two totals at the same time separately and leaves their items unscored', () => {
    const second = {
      ...obs('observation-phq9-total-valuestring-uscore'),
      id: 'second-total',
      valueString: '13',
    };
    const batch = mapObservations([
      obs('observation-phq9-total-valuestring-uscore'),
      second,
      obs('observation-phq9-item9-uscore'),
    ]);
    expect(batch.items.map((s) => s.total)).toEqual([12, 13]);
    expect(batch.unscoredSafetyItems.length).toBe(1);
  });

  it('skips panel members that are excluded or unreadable, with a warning each', () => {
    const panel: Observation = {
      ...obs('obs-phq9-panel-components-only'),
      id: 'p',
      hasMember: [
        { reference: 'Observation/m1' },
        { reference: 'Observation/m2' },
        { reference: 'Observation/m3' },
      ],
    };
    const member = (id: string, extra: Partial<Observation>): Observation => ({
      resourceType: 'Observation',
      id,
      status: 'final',
      code: { coding: [{ system: 'http://loinc.org', code: '44261-6' }] },
      ...extra,
    });
    const batch = mapObservations([
      panel,
      member('m1', { status: 'entered-in-error', valueInteger: 20 }),
      member('m2', { valueString: 'n/a' }),
      member('m3', { valueInteger: 12 }),
    ]);
    expect(batch.items.map((s) => s.total)).toEqual([11]);
    expect(batch.warnings.map((w) => w.reason)).toEqual([
      'hasMember Observation/m1: status entered-in-error: excluded',
      'hasMember Observation/m2: valueString is not a number',
      'stated total 12 differs from the item score 11; 11 is used',
    ]);
  });

  it('keeps the panel\u2019s own total when a member total disagrees, with a warning', () => {
    const panel: Observation = {
      ...obs('obs-phq9-panel-mixed-references'),
      id: 'p2',
      valueInteger: 10,
      hasMember: [{ reference: 'Observation/t2' }],
      contained: [],
    };
    const total: Observation = {
      resourceType: 'Observation',
      id: 't2',
      code: { coding: [{ system: 'http://loinc.org', code: '44261-6' }] },
      valueInteger: 12,
    };
    const batch = mapObservations([panel, total]);
    expect(batch.items.map((s) => s.total)).toEqual([10]);
    expect(batch.warnings.map((w) => w.reason)).toEqual([
      'hasMember Observation/t2: a second total 12 differs from 10: ignored',
    ]);
  });

  it('leaves an unknown panel\u2019s members to be mapped (and rejected) on their own', () => {
    const unknownPanel: Observation = {
      ...obs('observation-prapare-panel-components-synthea'),
      hasMember: [{ reference: 'Observation/phq9-item-ex-44261-6' }],
    };
    const batch = mapObservations([unknownPanel, obs('observation-phq9-total-valuestring-uscore')]);
    expect(batch.items.map((s) => s.id)).toEqual(['phq9-item-ex-44261-6']);
    expect(batch.rejected.map((r) => r.reason)).toEqual([
      'unknown instrument code http://loinc.org|93025-5',
    ]);
  });

  it('maps a program\u2019s year of scores in one batch (more than a call takes as arguments)', () => {
    // ~156,000 scores at ~2,000 clients in care: spread into one push, they overflowed the stack.
    const total = obs('observation-phq9-total-valuestring-uscore');
    const many: Observation[] = Array.from({ length: 200_000 }, (_, i) => ({
      ...total,
      id: `bulk-${i}`,
      subject: { reference: `Patient/bulk-${i}` },
    }));
    const batch = mapObservations(many);
    expect(batch.items.length).toBe(200_000);
    expect(batch.items[199_999].id).toBe('bulk-199999');
    expect(batch.items[199_999].total).toBe(12);
  });
});
