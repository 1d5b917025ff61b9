import { LABEL_GAP, fitsInside, labelRows, overlaps } from './backdrop-labels';

describe('backdrop label layout', () => {
  it('keeps labels that are far apart on the first row', () => {
    const spans = [
      { left: 10, right: 90 },
      { left: 200, right: 280 },
      { left: 400, right: 470 },
    ];
    expect(labelRows(spans, 3)).toEqual([0, 0, 0]);
  });

  it('stacks a label that would touch the one before it onto the next free row', () => {
    const spans = [
      { left: 100, right: 200 },
      // Starts inside the first label.
      { left: 150, right: 260 },
      // Clears the first by exactly the gap: back on the first row.
      { left: 200 + LABEL_GAP, right: 300 },
      // Overlaps both rows' last labels: a third row.
      { left: 255, right: 350 },
    ];
    expect(labelRows(spans, 3)).toEqual([0, 1, 0, 2]);
  });

  it('leaves out a label that fits on no row', () => {
    const crowded = [0, 5, 10, 15].map((x) => ({ left: x, right: x + 100 }));
    expect(labelRows(crowded, 3)).toEqual([0, 1, 2, -1]);
    expect(labelRows(crowded, 1)).toEqual([0, -1, -1, -1]);
  });

  it('skips a row another label already holds there', () => {
    const spans = [
      { left: 10, right: 90 },
      { left: 200, right: 280 },
    ];
    // A score line's label sits on row 0 between 150 and 250.
    const blocked = (span: { left: number; right: number }, row: number) =>
      row === 0 && span.left < 250 && 150 < span.right;
    expect(labelRows(spans, 3, blocked)).toEqual([0, 1]);
    // With every row held there, the label still goes where no label of its own kind is.
    expect(labelRows(spans, 1, blocked)).toEqual([0, 0]);
    expect(labelRows(spans, 3, () => true)).toEqual([0, 0]);
  });

  it('tells boxes that share area from boxes that only touch', () => {
    const a = { left: 0, right: 10, top: 0, bottom: 10 };
    expect(overlaps(a, { left: 9, right: 20, top: 9, bottom: 20 })).toBeTrue();
    expect(overlaps(a, { left: 10, right: 20, top: 0, bottom: 10 })).toBeFalse();
    expect(overlaps(a, { left: 0, right: 10, top: 10, bottom: 20 })).toBeFalse();
  });

  it('lets a phase name stand only inside its own box', () => {
    expect(fitsInside(40, 100, 140)).toBeTrue();
    expect(fitsInside(41, 100, 140)).toBeFalse();
    expect(fitsInside(10, 100, 100)).toBeFalse();
  });
});
