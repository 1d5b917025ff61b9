/**
 * FHIR date, dateTime and instant values as inclusive [low, high] epoch-millisecond ranges, so
 * partial dates and periods search with R4 semantics: "2024-05" covers the whole of May, and
 * "2024-05-03T10:00" the whole minute. Values without a zone are read as UTC: a server with no
 * zone of its own has to pick one, and R4 leaves that choice to the server.
 */
export interface DateRange {
  readonly low: number;
  readonly high: number;
}

/** Open ends of a Period reach to the ends of what a JavaScript Date can hold. */
export const DATE_MIN = -8_640_000_000_000_000;
export const DATE_MAX = 8_640_000_000_000_000;

const DATE_TIME =
  /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:\d{2})?)?)?)?$/;

/** The range a FHIR date/dateTime/instant string names, or undefined when it is not one. */
export function rangeOf(value: string): DateRange | undefined {
  const match = DATE_TIME.exec(value.trim());
  if (!match) return undefined;
  const [, y, mo, d, h, mi, s, fraction, zone] = match;
  const year = Number(y);
  const month = mo === undefined ? 0 : Number(mo) - 1;
  const day = d === undefined ? 1 : Number(d);
  if (month < 0 || month > 11 || day < 1 || day > daysIn(year, month)) return undefined;
  if (mo === undefined) return span(Date.UTC(year, 0, 1), Date.UTC(year + 1, 0, 1));
  if (d === undefined) return span(Date.UTC(year, month, 1), Date.UTC(year, month + 1, 1));
  if (h === undefined) return span(Date.UTC(year, month, day), Date.UTC(year, month, day + 1));
  const hour = Number(h);
  const minute = Number(mi);
  const second = s === undefined ? 0 : Number(s);
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  const offset = zoneOffsetMs(zone);
  if (offset === undefined) return undefined;
  const millis = fraction === undefined ? 0 : Number(fraction.slice(0, 3).padEnd(3, '0'));
  const low = Date.UTC(year, month, day, hour, minute, second, millis) - offset;
  // The precision given decides the width: a minute, a second, or the digits of the fraction.
  const width =
    s === undefined
      ? 60_000
      : fraction === undefined
        ? 1000
        : Math.max(1, 10 ** (3 - Math.min(3, fraction.length)));
  return { low, high: low + width - 1 };
}

function span(start: number, nextStart: number): DateRange {
  return { low: start, high: nextStart - 1 };
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
}

function zoneOffsetMs(zone: string | undefined): number | undefined {
  if (zone === undefined || zone === 'Z') return 0;
  const hours = Number(zone.slice(1, 3));
  const minutes = Number(zone.slice(4, 6));
  if (hours > 14 || minutes > 59) return undefined;
  return (zone[0] === '-' ? -1 : 1) * (hours * 60 + minutes) * 60_000;
}

/**
 * The range of a date-typed element: a date string, a Period (an absent end means ongoing, so
 * it reaches to the far future), or a Timing (its events and bounds). Undefined when the element
 * holds no date at all; `invalid` when it holds a malformed one, which the caller refuses.
 */
export function rangesOfElement(value: unknown): DateRange[] | 'invalid' {
  if (typeof value === 'string') {
    const range = rangeOf(value);
    return range ? [range] : 'invalid';
  }
  if (!value || typeof value !== 'object') return [];
  const element = value as Record<string, unknown>;
  if ('start' in element || 'end' in element) {
    const start = element['start'];
    const end = element['end'];
    const low = typeof start === 'string' ? rangeOf(start) : undefined;
    const high = typeof end === 'string' ? rangeOf(end) : undefined;
    if ((start !== undefined && !low) || (end !== undefined && !high)) return 'invalid';
    return [{ low: low?.low ?? DATE_MIN, high: high?.high ?? DATE_MAX }];
  }
  const ranges: DateRange[] = [];
  const events = Array.isArray(element['event']) ? element['event'] : [];
  for (const event of events) {
    const range = typeof event === 'string' ? rangeOf(event) : undefined;
    if (!range) return 'invalid';
    ranges.push(range);
  }
  const repeat = element['repeat'] as Record<string, unknown> | undefined;
  if (repeat && typeof repeat === 'object' && repeat['boundsPeriod']) {
    const bounds = rangesOfElement(repeat['boundsPeriod']);
    if (bounds === 'invalid') return 'invalid';
    ranges.push(...bounds);
  }
  return ranges;
}
