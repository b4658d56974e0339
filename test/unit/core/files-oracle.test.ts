/**
 * readText and repoPath against plain oracles: readText gives what readFileSync and a UTF-8 decode
 * give for any text (a byte-order mark dropped), sizes across the scratch buffer's edge and files
 * whose size the system does not report included; repoPath gives path.relative in POSIX form.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve, sep } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { readText, repoPath, underRoot } from '../../../src/core/files.js';

const dir = mkdtempSync(join(tmpdir(), 'mcg-files-oracle-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let n = 0;
function file(content: string | Buffer): string {
  const p = join(dir, `f${n++}`);
  writeFileSync(p, content);
  return p;
}

describe('readText against readFileSync', () => {
  it('gives the file decoded as UTF-8, a byte-order mark dropped, for any text and size', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 3000 }).filter((s) => !s.includes('\u0000')),
        fc.boolean(),
        fc.constantFrom(0, 65_535, 65_536, 65_537, 200_000),
        (text, bom, pad) => {
          const p = file(`${bom ? '\uFEFF' : ''}${'x'.repeat(pad)}${text}`);
          expect(readText(p)).toEqual({ ok: true, text: readFileSync(p, 'utf8').replace(/^\uFEFF/, '') });
        },
      ),
      { numRuns: 60 },
    );
  });

  it('reads a file whose size the system does not report (/proc) to its end', () => {
    if (!existsSync('/proc/self/status')) return;
    const r = readText('/proc/self/status');
    expect(r.ok && r.text.includes('Name:')).toBe(true);
  });
});

describe('repoPath against path.relative', () => {
  it('is path.relative in POSIX form for roots and paths with odd segments, either way round', () => {
    const segment = fc.constantFrom('a', 'b', 'ab', '.', '..', '', '.git', '...', '.a', 'a.', 'é', 'x y');
    const absPath = fc.array(segment, { maxLength: 6 }).map((s) => `/${s.join('/')}`);
    fc.assert(
      fc.property(absPath, fc.array(segment, { maxLength: 4 }), fc.boolean(), (root, below, trailing) => {
        const abs = `${root}${root.endsWith('/') ? '' : '/'}${below.join('/')}${trailing ? '/' : ''}`;
        for (const [r, p] of [
          [root, abs],
          [abs, root],
          [root, root],
          ['/', abs],
        ] as const) {
          expect(repoPath(r, p)).toBe(relative(r, p).split(sep).join('/') || '.');
        }
      }),
      { numRuns: 2000 },
    );
  });
});

describe('underRoot against path.join', () => {
  it('is path.join for a normalised root (as confine gives) and any relative path', () => {
    const segment = fc.constantFrom('a', 'b', 'ab', '.', '..', '', '.git', '...', '.a', 'a.', 'é', 'x y', 'a\\b');
    fc.assert(
      fc.property(fc.array(segment, { maxLength: 5 }), fc.array(segment, { maxLength: 5 }), fc.boolean(), (r, below, trailing) => {
        const root = resolve(`/${r.join('/')}`);
        const rel = `${below.join('/')}${trailing ? '/' : ''}`;
        expect(underRoot(root, rel)).toBe(join(root, rel));
      }),
      { numRuns: 3000 },
    );
  });
});
