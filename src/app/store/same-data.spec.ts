import { createSelector } from '@ngrx/store';
import { createSameDataSelector, sameData } from './same-data';

describe('sameData', () => {
  it('compares plain data by value', () => {
    expect(sameData({ a: [1, { b: 'x' }], c: NaN }, { a: [1, { b: 'x' }], c: NaN })).toBeTrue();
    expect(sameData({ a: [1, 2] }, { a: [1, 2, 3] })).toBeFalse();
    expect(sameData({ a: 1 }, { a: 1, b: undefined })).toBeFalse();
    expect(sameData({ a: 1, b: 2 }, { b: 2, a: 1 })).toBeTrue();
    expect(sameData([1], { 0: 1 })).toBeFalse();
    expect(sameData(null, {})).toBeFalse();
  });

  it('holds anything not plain data equal to itself only', () => {
    const map = new Map([['a', 1]]);
    expect(sameData(map, map)).toBeTrue();
    expect(sameData(map, new Map([['a', 1]]))).toBeFalse();
  });
});

describe('createSameDataSelector', () => {
  it('hands out its previous result while the new one is equal by value', () => {
    const selectRecords = createSelector(
      (state: { records: { id: string; total: number }[] }) => state.records,
      (records) => records,
    );
    const select = createSameDataSelector(selectRecords, (records) =>
      records.filter((r) => r.total > 5),
    );
    const first = select({ records: [{ id: 'a', total: 9 }] });
    expect(select({ records: [{ id: 'a', total: 9 }] })).toBe(first);
    expect(select({ records: [{ id: 'a', total: 10 }] })).toEqual([{ id: 'a', total: 10 }]);
  });
});
