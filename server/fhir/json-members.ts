/** One member of a JSON object's text: its key and where its value's text starts and ends. */
export interface JsonMember {
  readonly key: string;
  readonly start: number;
  readonly end: number;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const COMMA = 0x2c;
const COLON = 0x3a;

/**
 * The top-level members of an object written by `JSON.stringify` (no whitespace), found by
 * skipping over each value rather than parsing it: to keep some elements of a stored resource
 * without building every nested object. Anything else is refused rather than misread.
 */
export function jsonMembers(json: string): JsonMember[] {
  if (json.charCodeAt(0) !== OPEN_BRACE) throw notCompact();
  const members: JsonMember[] = [];
  let i = 1;
  if (json.charCodeAt(i) === CLOSE_BRACE) return done(json, i, members);
  for (;;) {
    if (json.charCodeAt(i) !== QUOTE) throw notCompact();
    const keyEnd = stringEnd(json, i);
    const raw = json.slice(i, keyEnd);
    const key = raw.includes('\\') ? (JSON.parse(raw) as string) : raw.slice(1, -1);
    if (json.charCodeAt(keyEnd) !== COLON) throw notCompact();
    const start = keyEnd + 1;
    const end = valueEnd(json, start);
    members.push({ key, start, end });
    const next = json.charCodeAt(end);
    if (next === CLOSE_BRACE) return done(json, end, members);
    if (next !== COMMA) throw notCompact();
    i = end + 1;
  }
}

function done(json: string, close: number, members: JsonMember[]): JsonMember[] {
  if (close !== json.length - 1) throw notCompact();
  return members;
}

/** The index just past the string starting at `i` (a quote). */
function stringEnd(json: string, i: number): number {
  let at = i + 1;
  for (;;) {
    const quote = json.indexOf('"', at);
    if (quote < 0) throw notCompact();
    let backslashes = 0;
    while (json.charCodeAt(quote - 1 - backslashes) === BACKSLASH) backslashes++;
    if (backslashes % 2 === 0) return quote + 1;
    at = quote + 1;
  }
}

/** The index just past the value starting at `i`. */
function valueEnd(json: string, i: number): number {
  const first = json.charCodeAt(i);
  if (first === QUOTE) return stringEnd(json, i);
  if (first !== OPEN_BRACE && first !== OPEN_BRACKET) {
    // A number, true, false or null: up to the next comma or closing brace.
    let at = i;
    for (;;) {
      const c = json.charCodeAt(at);
      if (c === COMMA || c === CLOSE_BRACE || c === CLOSE_BRACKET || Number.isNaN(c)) break;
      at++;
    }
    if (at === i) throw notCompact();
    return at;
  }
  let depth = 0;
  let at = i;
  for (;;) {
    const c = json.charCodeAt(at);
    if (Number.isNaN(c)) throw notCompact();
    if (c === QUOTE) {
      at = stringEnd(json, at);
      continue;
    }
    if (c === OPEN_BRACE || c === OPEN_BRACKET) depth++;
    else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
      depth--;
      if (depth === 0) return at + 1;
    }
    at++;
  }
}

function notCompact(): Error {
  return new Error('not a JSON object as JSON.stringify writes it');
}
