import { instrumentById } from './instrument-catalogue';
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
