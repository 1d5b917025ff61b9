/** The slice of a long list of fixed-height rows to render, and the space to leave around it. */
export interface RowWindow<T> {
  readonly rows: readonly T[];
  /** Pixels above the first rendered row, and below the last. */
  readonly before: number;
  readonly after: number;
}

/**
 * Which rows a scroll box `height` px tall, scrolled to `scrollTop`, shows, plus `buffer` rows
 * either side so fast scrolling does not flash empty space. Renders everything when the list
 * is short enough that windowing would save nothing.
 */
export function rowWindow<T>(
  rows: readonly T[],
  rowHeight: number,
  scrollTop: number,
  height: number,
  buffer = 8,
  renderAllUpTo = 100,
): RowWindow<T> {
  if (rows.length <= renderAllUpTo) return { rows, before: 0, after: 0 };
  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - buffer);
  const last = Math.min(rows.length, Math.ceil((scrollTop + height) / rowHeight) + buffer);
  return {
    rows: rows.slice(first, last),
    before: first * rowHeight,
    after: (rows.length - last) * rowHeight,
  };
}
