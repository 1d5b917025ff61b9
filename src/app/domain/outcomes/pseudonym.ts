/**
 * 32-bit FNV-1a (Fowler–Noll–Vo) over the UTF-8 bytes of `text`: offset basis 0x811C9DC5,
 * prime 0x01000193. Fast, stable across runs and platforms, and not cryptographic.
 */
export function fnv1a32(text: string): number {
  let hash = 0x811c9dc5;
  const byte = (b: number) => {
    hash ^= b;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  };
  for (const char of text) {
    const c = char.codePointAt(0)!;
    if (c < 0x80) byte(c);
    else if (c < 0x800) {
      byte(0xc0 | (c >> 6));
      byte(0x80 | (c & 0x3f));
    } else if (c < 0x10000) {
      byte(0xe0 | (c >> 12));
      byte(0x80 | ((c >> 6) & 0x3f));
      byte(0x80 | (c & 0x3f));
    } else {
      byte(0xf0 | (c >> 18));
      byte(0x80 | ((c >> 12) & 0x3f));
      byte(0x80 | ((c >> 6) & 0x3f));
      byte(0x80 | (c & 0x3f));
    }
  }
  return hash >>> 0;
}

/**
 * A short, stable pseudonym for a client on a shared screen (a director's drill-down on a wall
 * display or in a meeting): `C-` and the 8 uppercase hex digits of `fnv1a32(salt + patientId)`,
 * e.g. `C-E40C292C`. The same id always gives the same pseudonym, so a client can be followed
 * across the dashboard's lists without showing a name.
 *
 * Not a security boundary: anyone holding the list of patient ids (and the salt, if one is
 * configured) can recompute every pseudonym and re-identify the client. Its only job is to keep
 * names and record numbers off a shared screen; access control and audit stay where they are.
 *
 * Collisions: all 32 bits are kept (rather than a shorter 6-digit form) because, by the birthday
 * bound, the chance that any two of n clients share a pseudonym is about 1 − e^(−n² / 2³³):
 * roughly 1 in 340 for 5,000 clients and 1 in 22 for 20,000 (with 6 hex digits, 24 bits, it
 * would be about even odds for 5,000).
 * Where two clients in one list must never be confused, show the pseudonym beside another cue or
 * check the list for duplicates.
 */
export function pseudonym(patientId: string, salt = ''): string {
  return `C-${fnv1a32(salt + patientId)
    .toString(16)
    .toUpperCase()
    .padStart(8, '0')}`;
}
