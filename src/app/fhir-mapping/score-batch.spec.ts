import { corpusResource, corpusResources } from '../../testing/fhir/corpus';
import { Observation, QuestionnaireResponse } from './fhir-types';
import { mapScores } from './score-batch';

describe('mapScores: Observations and QuestionnaireResponses together', () => {
  it('counts a response once when a score Observation is derived from it', () => {
    const observations = corpusResources<Observation>(
      'observation-phq9-panel-hasmember-uscore',
      'observation-phq9-item9-uscore',
      'observation-phq9-total-valuestring-uscore',
    );
    const responses = [
      corpusResource<QuestionnaireResponse>('questionnaireresponse-phq9-valuedecimal-total-uscore'),
      corpusResource<QuestionnaireResponse>('qr-phq9-total-only'),
    ];
    const batch = mapScores(observations, responses);
    expect(batch.items.map((s) => [s.sourceType, s.id, s.total])).toEqual([
      ['Observation', 'phq9-panel-ex-5521', 12],
      ['QuestionnaireResponse', 'qr-total', 7],
    ]);
    expect(batch.warnings.map((w) => [w.id, w.reason])).toContain([
      'phq9-qr-ex-5521',
      'scored by Observation/phq9-panel-ex-5521, which is derived from it: counted once',
    ]);
  });

  it('keeps both when the Observation is of another instrument, and merges rejections and safety items', () => {
    const auditc = {
      ...corpusResource<Observation>('observation-auditc-total-uscore'),
      derivedFrom: [{ reference: 'QuestionnaireResponse/qr-partial' }],
    };
    const batch = mapScores(
      [auditc],
      [
        corpusResource<QuestionnaireResponse>('qr-phq9-partial-item9-positive'),
        corpusResource<QuestionnaireResponse>('qr-phq9-total-only'),
      ],
    );
    expect(batch.items.map((s) => s.id)).toEqual(['auditc-item-ex-75626-2', 'qr-total']);
    expect(batch.rejected.map((r) => r.item.id)).toEqual(['qr-partial']);
    expect(batch.unscoredSafetyItems.map((s) => s.id)).toEqual(['qr-partial']);
  });
});
