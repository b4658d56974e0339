/** The fingerprints' SHA-256 against node:crypto: any string, every padding boundary, lone surrogates. */
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sha256HexPrefix } from '../../../src/core/sha256.js';

const reference = (s: string): string => createHash('sha256').update(s, 'utf8').digest('hex');

describe('sha256HexPrefix', () => {
  it('is the SHA-256 of the UTF-8 bytes for any string (lone surrogates as U+FFFD, as Node encodes them)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 300 }), fc.string({ unit: 'grapheme', maxLength: 100 }), fc.string({ maxLength: 300 })), (s) => {
        expect(sha256HexPrefix(s, 64)).toBe(reference(s));
      }),
      { numRuns: 3000 },
    );
  });

  it('pads every length across the block boundaries right', () => {
    for (let n = 0; n <= 260; n++) {
      const s = 'x'.repeat(n);
      expect(sha256HexPrefix(s, 64), `length ${n}`).toBe(reference(s));
      const t = 'é'.repeat(n);
      expect(sha256HexPrefix(t, 64), `two-byte length ${n}`).toBe(reference(t));
    }
    const big = 'a\u{1F600}b'.repeat(50_000);
    expect(sha256HexPrefix(big, 64)).toBe(reference(big));
  });

  it('knows the published test vectors', () => {
    expect(sha256HexPrefix('', 64)).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256HexPrefix('abc', 64)).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('gives the leading digits after a prefix, as one string', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), fc.integer({ min: 1, max: 64 }), fc.string({ maxLength: 4 }), (s, digits, lead) => {
        expect(sha256HexPrefix(s, digits, lead)).toBe(lead + reference(s).slice(0, digits));
      }),
      { numRuns: 500 },
    );
  });
});
