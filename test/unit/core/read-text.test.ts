/**
 * readText (one open, one fstat, reads on the descriptor): the same text readFileSync and a
 * decode give, and a result (never a throw) for every file it cannot read.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { readText } from '../../../src/core/files.js';

const dir = mkdtempSync(join(tmpdir(), 'mcg-read-text-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let n = 0;
function file(content: string | Buffer): string {
  const p = join(dir, `f${n++}`);
  writeFileSync(p, content);
  return p;
}

describe('readText', () => {
  it('gives the file decoded as UTF-8, a byte-order mark dropped', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 3000 }).filter((s) => !s.includes('\u0000')), fc.boolean(), (text, bom) => {
        const p = file(bom ? `\uFEFF${text}` : text);
        const r = readText(p);
        expect(r).toEqual({ ok: true, text: readFileSync(p, 'utf8').replace(/^\uFEFF/, '') });
      }),
      { numRuns: 100 },
    );
    expect(readText(file(''))).toEqual({ ok: true, text: '' });
    const big = 'services:\n' + '  a: b\n'.repeat(200_000);
    expect(readText(file(big))).toEqual({ ok: true, text: big });
  });

  it('reads files whose size the system does not report to the end', () => {
    if (!existsSync('/proc/self/status')) return;
    const r = readText('/proc/self/status');
    expect(r.ok && r.text.includes('Name:')).toBe(true);
  });

  it('reports, never throws, for missing files, directories, files over the limit, binary and non-UTF-8 files', () => {
    const missing = readText(join(dir, 'nope'));
    expect(missing).toMatchObject({ ok: false, line: 1 });
    expect(!missing.ok && missing.message).toMatch(/^cannot read the file: ENOENT/);
    const d = join(dir, 'a-dir');
    mkdirSync(d);
    const isDir = readText(d);
    expect(isDir).toMatchObject({ ok: false, line: 1 });
    expect(!isDir.ok && isDir.message).toMatch(/^cannot read the file: EISDIR/);
    const over = readText(file('x'.repeat(2048)), 1024);
    expect(!over.ok && over.message).toMatch(/over the 0 MiB limit for a text file/);
    expect(readText(file('x'.repeat(1024)), 1024)).toEqual({ ok: true, text: 'x'.repeat(1024) });
    expect(readText(file(Buffer.from('a\nb\n\u0000c')))).toEqual({ ok: false, line: 3, message: 'the file is binary (it contains a NUL byte): it was not checked' });
    const latin1 = readText(file(Buffer.from([0x61, 0x0a, 0xe9, 0x0a])));
    expect(latin1).toMatchObject({ ok: true, text: 'a\n\uFFFD\n', warning: { line: 2 } });
  });
});
