import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readText, readTextFile } from '../../../src/core/files.js';

const dir = mkdtempSync(join(tmpdir(), 'mcg-files-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, content: string | Buffer): string {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
}

/** Text of `n` bytes (ASCII), lines of 63 characters, different on every call. */
let salt = 0;
function text(n: number): string {
  salt++;
  let s = '';
  for (let i = 0; s.length < n; i++) s += `${String(salt).padStart(6, '0')}-${String(i).padStart(55, 'x')}\n`;
  return s.slice(0, n);
}

describe('readText: one descriptor, a scratch buffer for small files, the size limit for large ones', () => {
  // 64 KiB is the scratch buffer: sizes around it take both paths
  it.each([0, 1, 2260, 64 * 1024 - 1, 64 * 1024, 64 * 1024 + 1, 200_000, 1_500_000])('reads %i bytes exactly', (n) => {
    const t = text(n);
    const r = readText(file(`f${n}`, t));
    expect(r).toEqual({ ok: true, text: t });
  });

  it('gives each caller its own text, not a view of the buffer the next read overwrites', () => {
    const a = text(100);
    const b = text(100);
    const ra = readText(file('a', a));
    const rb = readText(file('b', b));
    expect(ra.ok && ra.text).toBe(a);
    expect(rb.ok && rb.text).toBe(b);
  });

  it('refuses a file over the limit with its size, whether it fits the scratch buffer or not', () => {
    const small = readText(file('over-small', text(3000)), 2048);
    expect(small).toMatchObject({ ok: false, line: 1 });
    expect(!small.ok && small.message).toMatch(/^the file is 0\.0 MiB, over the 0 MiB limit/);
    const big = readText(file('over-big', text(3 * 1024 * 1024)), 1024 * 1024);
    expect(big).toMatchObject({ ok: false, line: 1 });
    expect(!big.ok && big.message).toMatch(/^the file is 3\.0 MiB, over the 1 MiB limit for a text file: it was not checked/);
    // exactly at the limit is allowed
    const at = text(100_000);
    expect(readText(file('at-limit', at), 100_000)).toEqual({ ok: true, text: at });
  });

  it('says why a missing file or a directory cannot be read', () => {
    const missing = readText(join(dir, 'nope'));
    expect(missing).toMatchObject({ ok: false, line: 1 });
    expect(!missing.ok && missing.message).toMatch(/^cannot read the file: ENOENT/);
    mkdirSync(join(dir, 'sub'));
    const d = readText(join(dir, 'sub'));
    expect(d).toMatchObject({ ok: false, line: 1 });
    expect(!d.ok && d.message).toMatch(/^cannot read the file: EISDIR/);
  });

  it('reports a NUL byte with its line, and invalid UTF-8 with a warning, after the fast read', () => {
    expect(readText(file('bin', Buffer.from('FROM a\nRUN b\n\0x')))).toEqual({ ok: false, line: 3, message: 'the file is binary (it contains a NUL byte): it was not checked' });
    const r = readText(file('latin1', Buffer.concat([Buffer.from('FROM a\nENV X=caf'), Buffer.from([0xe9]), Buffer.from('\n')])));
    expect(r).toMatchObject({ ok: true, warning: { line: 2 } });
    expect(r.ok && r.text).toBe('FROM a\nENV X=caf\uFFFD\n');
  });

  it('drops a byte-order mark and splits lines in readTextFile', () => {
    const r = readTextFile(file('bom', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('FROM a\r\nUSER b\n')])));
    expect(r).toMatchObject({ ok: true, text: 'FROM a\r\nUSER b\n', lines: ['FROM a', 'USER b', ''] });
  });
});

describe('repoPath: the fast path below root agrees with path.relative', () => {
  it('on generated roots and paths, odd segments included', async () => {
    const fc = await import('fast-check');
    const { relative } = await import('node:path');
    const { repoPath } = await import('../../../src/core/files.js');
    const seg = fc.constantFrom('a', 'b', 'work', '.', '..', '', 'x.y', '.git', '...', 'Docker file');
    const path = fc.array(seg, { minLength: 0, maxLength: 5 }).map((s) => `/${s.join('/')}`);
    fc.assert(
      fc.property(path, fc.array(seg, { maxLength: 5 }), fc.boolean(), (root, below, inside) => {
        const abs = inside ? `${root}/${below.join('/')}` : `/${below.join('/')}`;
        const want = relative(root, abs).split('\\').join('/') || '.';
        expect(repoPath(root, abs)).toBe(want);
      }),
      { numRuns: 3000 },
    );
  });
});
