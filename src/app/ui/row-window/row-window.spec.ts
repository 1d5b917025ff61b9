import { rowWindow } from './row-window';

describe('rowWindow', () => {
  const rows = Array.from({ length: 300 }, (_, i) => i);

  it('renders short lists whole', () => {
    expect(rowWindow(rows.slice(0, 100), 96, 5000, 760)).toEqual({
      rows: rows.slice(0, 100),
      before: 0,
      after: 0,
    });
  });

  it('renders the rows in view and a buffer either side, keeping the scroll height', () => {
    // Scrolled to 9,600 px: rows 100–107 are in view (760 px / 96), plus 8 either side.
    const w = rowWindow(rows, 96, 9_600, 760);
    expect(w.rows[0]).toBe(92);
    expect(w.rows.at(-1)).toBe(115);
    expect(w.before).toBe(92 * 96);
    expect(w.before + w.rows.length * 96 + w.after).toBe(300 * 96);
  });

  it('stops at both ends', () => {
    expect(rowWindow(rows, 96, 0, 760).rows[0]).toBe(0);
    const end = rowWindow(rows, 96, 300 * 96, 760);
    expect(end.rows.at(-1)).toBe(299);
    expect(end.after).toBe(0);
  });
});
