import { corpusResource, corpusResources } from '../../testing/fhir/corpus';
import { instrumentById } from '../domain/instruments/instrument-catalogue';
import { safetySignalsIn } from '../domain/instruments/safety-signal';
import { QuestionnaireResponse } from './fhir-types';
import { MapResult } from './map-result';
import {
  mapQuestionnaireResponse,
  mapQuestionnaireResponses,
} from './questionnaire-response-mapper';

const map = (name: string) => mapQuestionnaireResponse(corpusResource<QuestionnaireResponse>(name));
const reasons = (result: MapResult<unknown>) => result.problems.map((p) => p.reason);

describe('QuestionnaireResponse → ScoreRecord', () => {
  it('scores a flat PHQ-9 with LOINC linkIds and LA answer codes; the valueDecimal total agrees', () => {
    const result = map('questionnaireresponse-phq9-valuedecimal-total-uscore');
    expect(result.value).toEqual({
      id: 'phq9-qr-ex-5521',
      patientId: 'pt-ashgrove',
      instrumentId: 'phq-9',
      date: '2023-04-18T15:22:41.402Z',
      total: 12,
      items: { '1': 2, '2': 2, '3': 1, '4': 2, '5': 1, '6': 1, '7': 2, '8': 0, '9': 1 },
      sourceType: 'QuestionnaireResponse',
    });
    expect(result.problems).toEqual([]);
  });

  it('reads nested groups of the SDC form by its canonical, codes without a system by their wording', () => {
    const result = map('questionnaireresponse-phq9-nested-group-sdc');
    expect(result.value).toEqual(
      jasmine.objectContaining({
        patientId: 'pt-kestrel',
        total: 11,
        items: { '1': 1, '2': 0, '3': 0, '4': 1, '5': 2, '6': 1, '7': 3, '8': 2, '9': 1 },
      }),
    );
    expect(reasons(result)).toEqual(['stated total 14 differs from the item score 11; 11 is used']);
    expect(safetySignalsIn(instrumentById('phq-9')!, result.value!).length).toBe(1);
  });

  it('identifies the form through a contained Questionnaire derived from the SDC PHQ-9', () => {
    const result = map('questionnaireresponse-phq9-contained-questionnaire-sdc');
    expect(result.value).toEqual(jasmine.objectContaining({ instrumentId: 'phq-9', total: 10 }));
    expect(result.problems).toEqual([]);
  });

  it('scores answers by the contained Questionnaire\u2019s itemWeight and the contained ValueSet\u2019s ordinalValue', () => {
    expect(map('qr-phq9-itemweight-answer-options').value).toEqual(
      jasmine.objectContaining({
        total: 12,
        items: { '1': 3, '2': 3, '3': 2, '4': 2, '5': 1, '6': 1, '7': 0, '8': 0, '9': 0 },
      }),
    );
    expect(map('qr-phq9-contained-weighted-valueset').value).toEqual(
      jasmine.objectContaining({ total: 27, date: '2024-05-10' }),
    );
    expect(map('qr-phq9-ordinal-extension').value?.total).toBe(18);
  });

  it('reads valueInteger answers and a QR that carries only the total', () => {
    expect(map('qr-phq9-valueinteger-answers').value?.total).toBe(13);
    expect(map('qr-phq9-total-only').value).toEqual(jasmine.objectContaining({ total: 7 }));
    expect(map('qr-phq9-total-only').value?.items).toBeUndefined();
    const decimals: QuestionnaireResponse = {
      ...corpusResource<QuestionnaireResponse>('qr-phq9-valueinteger-answers'),
      item: [
        '44250-9',
        '44255-8',
        '44259-0',
        '44254-1',
        '44251-7',
        '44258-2',
        '44252-5',
        '44253-3',
        '44260-8',
      ].map((code) => ({ linkId: code, answer: [{ valueDecimal: 1 }] })),
    };
    expect(mapQuestionnaireResponse(decimals).value?.total).toBe(9);
  });

  it('scores the C-SSRS by its LOINC linkIds, keeping the stated risk level when it is higher', () => {
    const result = map('questionnaireresponse-cssrs-bhp');
    expect(result.value).toEqual(
      jasmine.objectContaining({
        instrumentId: 'c-ssrs',
        total: 1,
        items: { '1': 0, '2': 0, '3': 0, '4': 0, '5': 0, '6': 0, '6a': 0 },
      }),
    );
    expect(reasons(result)).toEqual(['stated total 1 differs from the item score 0; 1 is used']);
  });

  it('derives the C-SSRS risk level from the items when it is missing or understated', () => {
    const intent = map('qr-cssrs-intent-no-risk-level').value!;
    expect(intent.total).toBe(3);
    expect(safetySignalsIn(instrumentById('c-ssrs')!, intent).map((s) => s.reason)).toEqual([
      'C-SSRS: suicidal ideation with intent or plan',
    ]);
    const conflict = map('qr-cssrs-risk-moderate-items-high');
    expect(conflict.value?.total).toBe(3);
    expect(reasons(conflict)).toEqual(['stated total 2 differs from the item score 3; 3 is used']);
  });

  it('identifies a form by a LOINC canonical even when no linkId is recognisable', () => {
    expect(reasons(map('qr-phq9-loinc-canonical'))).toEqual([
      'only 0 of 9 PHQ-9 items answered, and no total was given',
    ]);
  });

  it('rejects what it cannot score, with the reason', () => {
    expect(reasons(map('qr-phq9-in-progress'))).toEqual([
      'status in-progress: the response is not finished',
    ]);
    expect(reasons(map('qr-phq9-no-authored'))).toEqual(['no authored date']);
    expect(reasons(map('qr-unknown-questionnaire'))).toEqual([
      'unknown questionnaire https://ehr.example.org/Questionnaire/visit-satisfaction',
    ]);
    expect(reasons(map('qr-phq9-garbage-answer'))).toEqual([
      'linkId /44260-8: the answer is not a score',
      'only 8 of 9 PHQ-9 items answered, and no total was given',
    ]);
    const noSubject = {
      ...corpusResource<QuestionnaireResponse>('qr-phq9-total-only'),
      subject: undefined,
    };
    expect(reasons(mapQuestionnaireResponse(noSubject))).toEqual(['no subject']);
    const noId = { ...corpusResource<QuestionnaireResponse>('qr-phq9-total-only'), id: undefined };
    expect(reasons(mapQuestionnaireResponse(noId))).toEqual(['no id']);
    const contained = {
      ...corpusResource<QuestionnaireResponse>('qr-phq9-total-only'),
      questionnaire: '#gone',
      item: [],
    };
    expect(reasons(mapQuestionnaireResponse(contained))).toEqual([
      'unknown questionnaire (contained Questionnaire)',
    ]);
    const none = { ...contained, questionnaire: undefined };
    expect(reasons(mapQuestionnaireResponse(none))).toEqual([
      'unknown questionnaire (no questionnaire canonical)',
    ]);
  });

  it('hands over a positive item 9 from a response it cannot score', () => {
    const batch = mapQuestionnaireResponses(
      corpusResources<QuestionnaireResponse>(
        'qr-phq9-partial-item9-positive',
        'qr-phq9-total-only',
      ),
    );
    expect(batch.items.map((s) => s.id)).toEqual(['qr-total']);
    expect(batch.rejected.map((r) => r.item)).toEqual([
      { resourceType: 'QuestionnaireResponse', id: 'qr-partial' },
    ]);
    expect(batch.unscoredSafetyItems).toEqual([
      {
        id: 'qr-partial',
        patientId: 'pt-wren-halloway',
        instrumentId: 'phq-9',
        date: '2024-05-09T15:00:00-05:00',
        item: '9',
        score: 2,
      },
    ]);
  });
});
