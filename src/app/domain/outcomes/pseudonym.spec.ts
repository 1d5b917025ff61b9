import { fnv1a32, pseudonym } from './pseudonym';

describe('client pseudonyms', () => {
  it('hashes with 32-bit FNV-1a (published test vectors)', () => {
    // Landon Curt Noll's FNV test suite: "", "a", "foobar".
    expect(fnv1a32('')).toBe(0x811c9dc5);
    expect(fnv1a32('a')).toBe(0xe40c292c);
    expect(fnv1a32('foobar')).toBe(0xbf9cf968);
  });

  it('hashes the UTF-8 bytes of non-ASCII ids (2-, 3- and 4-byte characters)', () => {
    // Reference values from Node's Buffer.from(text, 'utf8') through the same loop.
    expect(fnv1a32('é')).toBe(0x1e9de8c1);
    expect(fnv1a32('€')).toBe(0x298f832b);
    expect(fnv1a32('😀x')).toBe(0xb8f2d250);
  });

  it('gives a short, stable, upper-case pseudonym with leading zeros kept', () => {
    expect(pseudonym('a')).toBe('C-E40C292C');
    expect(pseudonym('Patient/123')).toBe('C-3F93CC6D');
    expect(pseudonym('Patient/123')).toBe(pseudonym('Patient/123'));
    expect(pseudonym('client-42')).toBe('C-297E91AF');
    expect(pseudonym('client-42')).not.toBe(pseudonym('client-43'));
    expect(pseudonym('a', 'program salt')).not.toBe(pseudonym('a'));
    expect(pseudonym('')).toMatch(/^C-[0-9A-F]{8}$/);
    // FNV-1a of "p426" is 0x1483FAD: padded to eight digits.
    expect(pseudonym('p426')).toBe('C-01483FAD');
  });

  it('spreads 5,000 sequential ids without a collision', () => {
    const seen = new Set(Array.from({ length: 5000 }, (_, i) => pseudonym(`p${i}`)));
    expect(seen.size).toBe(5000);
  });
});
