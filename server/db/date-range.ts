/**
 * FHIR date values as [low, high] epoch-millisecond ranges, so that partial dates and periods
 * search with R4 semantics: "2024-05" covers the whole of May. Values without a zone are read
 * as UTC, which is what a server with no zone of its own can do (R4 leaves it to the server).
 */
export interface DateRange {
  readonly low: number;
  readonly high: number;
}

const PARTIAL = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

export function rangeOf(value: string): DateRange | undefined {
  const text = value.trim();
  const partial = PARTIAL.exec(text);
  if (partial) {
    const [, y, m, d] = partial;
    const year = Number(y);
    if (m === undefined) return { low: Date.UTC(year, 0, 1), high: Date.UTC(year + 1, 0, 1) - 1 };
    const month = Number(m) - 1;
    if (d === undefined)
      return { low: Date.UTC(year, month, 1), high: Date.UTC(year, month + 1, 1) - 1 };
    const low = Date.UTC(year, month, Number(d));
    return Number.isNaN(low) ? undefined : { low, high: low + 86_400_000 - 1 };
  }
  const withZone = /[zZ]|[+-]\d{2}:\d{2}$/.test(text) ? text : `${text}Z`;
  const instant = Date.parse(withZone);
  if (Number.isNaN(instant)) return undefined;
  // Precision to the second: a dateTime names the whole second it falls in.
  const seconds = /T\d{2}:\d{2}:\d{2}\.\d/.test(text) ? 0 : 999;
  return { low: instant, high: instant + seconds };
}

/** A date element's range: a date string, or a Period (open ends reach to the extremes). */
export function rangeOfElement(value: unknown): DateRange | undefined {
  if (typeof value === 'string') return rangeOf(value);
  if (value && typeof value === 'object') {
    const start = (value as Record<string, unknown>)['start'];
    const end = (value as Record<string, unknown>)['end'];
    const low = typeof start === 'string' ? rangeOf(start)?.low : undefined;
    const high = typeof end === 'string' ? rangeOf(end)?.high : undefined;
    if (low === undefined && high === undefined) return undefined;
    return { low: low ?? Number.MIN_SAFE_INTEGER, high: high ?? Number.MAX_SAFE_INTEGER };
  }
  return undefined;
}
