// Invalid UTF-8 decoded as Go decodes it (for range / utf8.DecodeRune): one U+FFFD per invalid byte,
// a truncated sequence included. The expected code points were printed by Go 1.26 (`for _, r := range s`).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { visibleText } from '../../../src/core/controls.js';
import { readText } from '../../../src/core/files.js';
import { decodeUtf8Go } from '../../../src/core/utf8-go.js';

const hex = (s: string): string => [...s].map((c) => c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')).join(' ');

describe('decodeUtf8Go', () => {
  it.each([
    ['e2 82 41', 'FFFD FFFD 0041', 0],
    ['e2 82 ac', '20AC', -1],
    ['f0 9f 98', 'FFFD FFFD FFFD', 0],
    ['c0 80', 'FFFD FFFD', 0],
    ['ed a0 80', 'FFFD FFFD FFFD', 0],
    ['f4 90 80 80', 'FFFD FFFD FFFD FFFD', 0],
    ['e0 80 af', 'FFFD FFFD FFFD', 0],
    ['c2', 'FFFD', 0],
    ['61 ff 62 fe', '0061 FFFD 0062 FFFD', 1],
    ['f0 9f 98 80', '1F600', -1],
    ['ef bf bd', 'FFFD', -1],
  ])('%s reads as %s', (bytes, runes, first) => {
    const b = Buffer.from(bytes.replace(/ /g, ''), 'hex');
    expect(hex(decodeUtf8Go(b).text)).toBe(runes);
    expect(decodeUtf8Go(b).firstInvalid).toBe(first);
    // kept bytes: one lone surrogate per invalid byte, shown as U+FFFD when a message leaves the report
    expect(hex(visibleText(decodeUtf8Go(b, true).text))).toBe(runes);
  });

  it('is how the CLI reads a file that is not UTF-8, with the line of the first invalid byte', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mcg-utf8-'));
    const p = join(dir, 'Dockerfile');
    writeFileSync(p, Buffer.concat([Buffer.from('FROM alpine\nRUN echo '), Buffer.from([0xe2, 0x82]), Buffer.from('A\n')]));
    const r = readText(p);
    expect(r.ok && hex(r.text.slice(21, 24))).toBe('FFFD FFFD 0041');
    expect(r.ok && r.warning?.line).toBe(2);
    const kept = readText(p, undefined, true);
    expect(kept.ok && hex(kept.text.slice(21, 24))).toBe('DCE2 DC82 0041');
  });
});
