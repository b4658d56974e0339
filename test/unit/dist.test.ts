/**
 * The committed bundles in dist/ are the build of src/: a fresh build must be byte-identical.
 * When this fails, run `npm run bundle` and commit dist/.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');

describe('dist/', () => {
  it('matches a fresh build of src/', { timeout: 120_000 }, () => {
    const out = mkdtempSync(join(tmpdir(), 'mcg-dist-'));
    execFileSync(process.execPath, [join(root, 'scripts', 'bundle.mjs'), out], { cwd: root, stdio: 'pipe' });
    for (const f of ['index.js', 'post.js', 'cli.js']) {
      const fresh = readFileSync(join(out, f), 'utf8');
      const committed = readFileSync(join(root, 'dist', f), 'utf8');
      expect(committed === fresh, `dist/${f} differs from a fresh build: run \`npm run bundle\` and commit dist/`).toBe(true);
    }
  });
});
