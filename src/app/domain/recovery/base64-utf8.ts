/**
 * Base64 (RFC 4648, standard alphabet, padded) of UTF-8 text, for FHIR `Attachment.data`. Written
 * out because domain code may use neither the DOM's btoa/TextEncoder nor Node's Buffer.
 */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

function utf8Bytes(text: string): number[] {
  const bytes: number[] = [];
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) bytes.push(c);
    else if (c < 0x800) bytes.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) bytes.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else
      bytes.push(
        0xf0 | (c >> 18),
        0x80 | ((c >> 12) & 63),
        0x80 | ((c >> 6) & 63),
        0x80 | (c & 63),
      );
  }
  return bytes;
}

export function encodeBase64Utf8(text: string): string {
  const bytes = utf8Bytes(text);
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const [a, b, c] = [bytes[i], bytes[i + 1], bytes[i + 2]];
    const n = (a << 16) | ((b ?? 0) << 8) | (c ?? 0);
    out += ALPHABET[(n >> 18) & 63] + ALPHABET[(n >> 12) & 63];
    out +=
      b === undefined ? '==' : ALPHABET[(n >> 6) & 63] + (c === undefined ? '=' : ALPHABET[n & 63]);
  }
  return out;
}

/** Decodes base64 to UTF-8 text; undefined when the input is not valid base64 or not UTF-8. */
export function decodeBase64Utf8(data: string): string | undefined {
  const clean = data.replace(/\s+/g, '');
  if (clean.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(clean)) return undefined;
  const bytes: number[] = [];
  for (let i = 0; i < clean.length; i += 4) {
    const q = [...clean.slice(i, i + 4)].map((ch) => (ch === '=' ? 0 : ALPHABET.indexOf(ch)));
    const n = (q[0] << 18) | (q[1] << 12) | (q[2] << 6) | q[3];
    bytes.push((n >> 16) & 255);
    if (clean[i + 2] !== '=') bytes.push((n >> 8) & 255);
    if (clean[i + 3] !== '=') bytes.push(n & 255);
  }
  return utf8Text(bytes);
}

function utf8Text(bytes: readonly number[]): string | undefined {
  let out = '';
  for (let i = 0; i < bytes.length;) {
    const b = bytes[i];
    const extra = b < 0x80 ? 0 : b >= 0xf0 && b < 0xf8 ? 3 : b >= 0xe0 ? 2 : b >= 0xc0 ? 1 : -1;
    if (extra < 0 || i + extra >= bytes.length) return undefined;
    let c = extra === 0 ? b : b & (0x3f >> extra);
    for (let k = 1; k <= extra; k++) {
      const next = bytes[i + k];
      if ((next & 0xc0) !== 0x80) return undefined;
      c = (c << 6) | (next & 63);
    }
    if (c > 0x10ffff) return undefined;
    out += String.fromCodePoint(c);
    i += extra + 1;
  }
  return out;
}
