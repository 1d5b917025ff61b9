import { DEFAULT_INSTRUMENTS, instrumentById } from '../domain/instruments/instrument-catalogue';
import {
  ITEM_WEIGHT_URL,
  ORDINAL_VALUE_URL,
  answerScale,
  scoreAnswerCoding,
  statedWeight,
} from './answer-scores';
import { scoreAdministration } from './item-scoring';

const phq9 = instrumentById('phq-9')!;
const gad7 = instrumentById('gad-7')!;
const cssrs = instrumentById('c-ssrs')!;
const all = (score: number, n = 9) =>
  Object.fromEntries(Array.from({ length: n }, (_, i) => [`${i + 1}`, score]));

describe('scoring an administration from items and/or a stated total', () => {
  it('sums complete PHQ-9 and GAD-7 items, and validates the sum with the domain', () => {
    expect(scoreAdministration(phq9, undefined, all(2))).toEqual({
      ok: true,
      total: 18,
      items: all(2),
      notes: [],
    });
    expect(scoreAdministration(gad7, undefined, all(3, 7))).toEqual({
      ok: true,
      total: 21,
      items: all(3, 7),
      notes: [],
    });
  });

  it('never prorates a partial set', () => {
    expect(scoreAdministration(phq9, undefined, { '1': 3, '9': 2 })).toEqual({
      ok: false,
      reason: 'only 2 of 9 PHQ-9 items answered, and no total was given',
      notes: [],
    });
  });

  it('keeps a valid stated total when items are partial, and carries the items', () => {
    expect(scoreAdministration(phq9, 14, { '9': 1 })).toEqual({
      ok: true,
      total: 14,
      items: { '9': 1 },
      notes: [],
    });
  });

  it('drops items outside the item range, with a note', () => {
    const result = scoreAdministration(phq9, 10, { '9': 4, '1': 1.5 });
    expect(result).toEqual({
      ok: true,
      total: 10,
      notes: [
        'PHQ-9 item 1 score 1.5 is not a valid answer: dropped',
        'PHQ-9 item 9 score 4 is not a valid answer: dropped',
      ],
    });
  });

  it('rejects an invalid stated total unless the items can be scored', () => {
    expect(scoreAdministration(phq9, 40, {})).toEqual({
      ok: false,
      reason: 'PHQ-9 score 40 is outside 0–27',
      notes: [],
    });
    expect(scoreAdministration(phq9, 40, all(1))).toEqual({
      ok: true,
      total: 9,
      items: all(1),
      notes: ['stated total rejected (PHQ-9 score 40 is outside 0–27); the item score is used'],
    });
  });

  it('says why an instrument without item scoring cannot be scored from nothing', () => {
    const pcl5 = instrumentById('pcl-5')!;
    expect(scoreAdministration(pcl5, undefined, {})).toEqual({
      ok: false,
      reason: 'PCL-5 has no item scoring, and no total was given',
      notes: [],
    });
  });

  it('triages the C-SSRS screener into a risk level', () => {
    const level = (items: Record<string, number>) => scoreAdministration(cssrs, undefined, items);
    const total = (items: Record<string, number>) => {
      const r = level(items);
      return r.ok ? r.total : r.reason;
    };
    expect(total({ '1': 0, '2': 0 })).toBe(0);
    expect(total({ '1': 1, '2': 0 })).toBe(1);
    expect(total({ '1': 1, '2': 1, '3': 1 })).toBe(2);
    expect(total({ '1': 1, '2': 1, '5': 1 })).toBe(3);
    expect(total({ '1': 0, '2': 0, '6': 1, '6a': 0 })).toBe(2);
    expect(total({ '1': 0, '2': 0, '6': 1 })).toBe(3);
    expect(total({})).toBe('C-SSRS items 1 and 2 not answered, and no risk level was given');
    expect(scoreAdministration(cssrs, 1, { '4': 1 })).toEqual(
      jasmine.objectContaining({ ok: true, total: 3 }),
    );
  });
});

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
