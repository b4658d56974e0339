/**
 * The committed bundles in dist/ (the action, the CLI, the library and its declarations) are the
 * build of src/: a fresh build must be byte-identical.
 * When this fails, run `npm run bundle` and commit dist/.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');

describe('dist/', () => {
  it('matches a fresh build of src/', { timeout: 120_000 }, () => {
    const out = mkdtempSync(join(tmpdir(), 'mcg-dist-'));
    execFileSync(process.execPath, [join(root, 'scripts', 'bundle.mjs'), out], { cwd: root, stdio: 'pipe' });
    const types = readdirSync(join(out, 'types'), { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => join(e.parentPath, e.name).slice(out.length + 1));
    expect(types).toContain(join('types', 'lib.d.ts'));
    for (const f of ['index.js', 'post.js', 'cli.js', 'lib.js', ...types]) {
      const fresh = readFileSync(join(out, f), 'utf8');
      const committed = readFileSync(join(root, 'dist', f), 'utf8');
      expect(committed === fresh, `dist/${f} differs from a fresh build: run \`npm run bundle\` and commit dist/`).toBe(true);
    }
  });
});
