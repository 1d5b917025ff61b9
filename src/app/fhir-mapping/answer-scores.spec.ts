import { DEFAULT_INSTRUMENTS } from '../domain/instruments/instrument-catalogue';
import {
  ITEM_WEIGHT_URL,
  ORDINAL_VALUE_URL,
  answerScale,
  scoreAnswerCoding,
  statedWeight,
} from './answer-scores';

describe('answer scores', () => {
  it('reads the PHQ frequency scale by LOINC answer code, and by wording when there is no system', () => {
    const frequency = answerScale('phq-9', 'item');
    expect(scoreAnswerCoding({ system: 'http://loinc.org', code: 'LA6571-9' }, frequency)).toBe(3);
    expect(scoreAnswerCoding({ code: 'More than half the days' }, frequency)).toBe(2);
    expect(scoreAnswerCoding({ code: 'x', display: 'Several_days' }, frequency)).toBe(1);
    expect(
      scoreAnswerCoding(
        { system: 'https://ehr.example.org', code: 'LA6571-9', display: 'Nearly every day' },
        frequency,
      ),
    ).toBeUndefined();
  });

  it('keeps each instrument on its own scale', () => {
    expect(
      scoreAnswerCoding(
        { system: 'http://loinc.org', code: 'LA33-6' },
        answerScale('phq-9', 'item'),
      ),
    ).toBeUndefined();
    expect(
      scoreAnswerCoding(
        { system: 'http://loinc.org', code: 'LA33-6' },
        answerScale('c-ssrs', 'item'),
      ),
    ).toBe(1);
    expect(
      scoreAnswerCoding(
        { system: 'http://loinc.org', code: 'LA9193-9' },
        answerScale('c-ssrs', 'total'),
      ),
    ).toBe(3);
    expect(scoreAnswerCoding({ code: 'Moderate' }, answerScale('c-ssrs', 'total'))).toBe(2);
    expect(scoreAnswerCoding({ code: 'LA6568-5' }, answerScale('audit-c', 'item'))).toBeUndefined();
  });

  it('prefers a stated weight: ordinalValue or itemWeight on the coding, then the form\u2019s', () => {
    const scale = answerScale('gad-7', 'item');
    const weighted = (url: string) => ({
      code: 'LA6568-5',
      system: 'http://loinc.org',
      extension: [{ url, valueDecimal: 2 }],
    });
    expect(scoreAnswerCoding(weighted(ORDINAL_VALUE_URL), scale)).toBe(2);
    expect(scoreAnswerCoding(weighted(ITEM_WEIGHT_URL), scale)).toBe(2);
    expect(scoreAnswerCoding({ code: 'opaque' }, scale, () => 3)).toBe(3);
    expect(statedWeight({ extension: [{ url: ITEM_WEIGHT_URL, valueInteger: 4 }] })).toBe(4);
    expect(statedWeight(undefined)).toBeUndefined();
  });

  it('has a scale for every catalogue instrument (possibly empty) without throwing', () => {
    for (const instrument of DEFAULT_INSTRUMENTS) {
      expect(() => answerScale(instrument.id, 'item')).not.toThrow();
    }
  });
});
