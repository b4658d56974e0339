import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { V8_FLAGS } from '../../src/v8-tuning.js';

const root = join(import.meta.dirname, '..', '..');

describe('V8 tuning of the entry points', () => {
  it('names only flags this Node knows (an unknown one is only reported on stderr, never thrown)', () => {
    const known = spawnSync(process.execPath, ['--v8-options'], { encoding: 'utf8' }).stdout;
    // a boolean flag is listed by its positive name: --no-x switches off --x
    for (const f of V8_FLAGS) expect(known, f).toContain(`  ${f.split('=')[0]!.replace(/^--no-/, '--')} (`);
  });

  it('is applied by the CLI bundle without a word on stderr', () => {
    const r = spawnSync(process.execPath, [join(root, 'dist', 'cli.js'), '--version'], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
  });
});
