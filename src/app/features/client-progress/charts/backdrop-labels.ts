/*
 * Where the measure chart's backdrop labels go when the journey is crowded: a short stay (three
 * days inpatient before PHP) or transitions a few days apart, on a range of months, put names on
 * top of each other. Pure arithmetic on pixel extents, so the rules are tested without a canvas.
 */

/** A label's horizontal extent, in pixels. */
export interface LabelSpan {
  readonly left: number;
  readonly right: number;
}

/**
 * Where a label of `half` half-width centred on `x` must move to stay inside `left`–`right`:
 * a transition near either end of the range would otherwise be cut off.
 */
export function keepInside(x: number, half: number, left: number, right: number): number {
  if (x + half > right) return right - half - x;
  if (x - half < left) return left + half - x;
  return 0;
}

/** Space kept between two labels on one row, in pixels. */
export const LABEL_GAP = 4;

/**
 * The row of each label, in the order given (labels sorted left to right): each goes on the
 * first row where it clears the label already there by `gap`, so labels close together stack
 * instead of overlapping. Rows that `blocked` rules out (another label drawn there: a score
 * line's) are passed over while a free one remains; with none, the label takes the first row
 * clear of its own kind rather than be lost. A label that fits on none of `maxRows` rows gets -1
 * and is not drawn (the table behind the chart lists every transition).
 */
export function labelRows(
  spans: readonly LabelSpan[],
  maxRows: number,
  blocked: (span: LabelSpan, row: number) => boolean = () => false,
  gap: number = LABEL_GAP,
): number[] {
  const rightOfRow: number[] = [];
  const clear = (span: LabelSpan, row: number) => {
    const end = rightOfRow[row];
    return end === undefined || span.left >= end + gap;
  };
  return spans.map((span) => {
    const rows = Array.from({ length: maxRows }, (_, row) => row).filter((row) => clear(span, row));
    const row = rows.find((r) => !blocked(span, r)) ?? rows[0] ?? -1;
    if (row >= 0) rightOfRow[row] = span.right;
    return row;
  });
}

/** A label's box, in pixels. */
export interface LabelBox extends LabelSpan {
  readonly top: number;
  readonly bottom: number;
}

/** Whether two boxes share any area (touching edges do not). */
export function overlaps(a: LabelBox, b: LabelBox): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

/**
 * Whether a phase's name, `width` pixels with its padding, fits inside its box: a name wider
 * than its level's stay would run over the next level's name, so it is left out (the phase is
 * named by its transition label and in the table).
 */
export function fitsInside(width: number, left: number, right: number): boolean {
  return width <= right - left;
}
