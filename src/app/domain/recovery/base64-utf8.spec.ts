import { decodeBase64Utf8, encodeBase64Utf8 } from './base64-utf8';

describe('base64 of UTF-8 text', () => {
  // RFC 4648 §10 test vectors, plus 2-, 3- and 4-byte UTF-8 characters.
  const vectors: [string, string][] = [
    ['', ''],
    ['f', 'Zg=='],
    ['fo', 'Zm8='],
    ['foo', 'Zm9v'],
    ['foob', 'Zm9vYg=='],
    ['fooba', 'Zm9vYmE='],
    ['foobar', 'Zm9vYmFy'],
    ['é', 'w6k='],
    ['€', '4oKs'],
    ['😀', '8J+YgA=='],
    ['Ångström → 5 €', 'w4VuZ3N0csO2bSDihpIgNSDigqw='],
  ];

  it('encodes and decodes the published vectors', () => {
    for (const [text, base64] of vectors) {
      expect(encodeBase64Utf8(text)).toBe(base64);
      expect(decodeBase64Utf8(base64)).toBe(text);
    }
    expect(decodeBase64Utf8('Zm9v\nYmFy')).toBe('foobar');
  });

  it('refuses what is not base64 or not UTF-8', () => {
    expect(decodeBase64Utf8('abc')).toBeUndefined();
    expect(decodeBase64Utf8('@@@@')).toBeUndefined();
    expect(decodeBase64Utf8('/w==')).toBeUndefined(); // 0xFF never starts a character
    expect(decodeBase64Utf8('gA==')).toBeUndefined(); // a lone continuation byte
    expect(decodeBase64Utf8('ww==')).toBeUndefined(); // a 2-byte character cut short
    expect(decodeBase64Utf8('w0E=')).toBeUndefined(); // 0xC3 followed by 'A'
    expect(decodeBase64Utf8('97+/vw==')).toBeUndefined(); // beyond U+10FFFF
  });
});
