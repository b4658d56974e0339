/**
 * The test tiers hold (test/tiers.ts): every test file of the repository belongs to exactly one
 * tier, and a unit-tier file imports no child process, network module, rig or process runner —
 * neither itself nor through the test helpers it imports.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import picomatch from 'picomatch';
import { describe, expect, it } from 'vitest';
import { TIERS, UNIT_FORBIDDEN, type Tier } from '../tiers.js';

const root = join(import.meta.dirname, '..', '..');

function testFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(join(root, dir), { withFileTypes: true })) {
    const rel = `${dir === '.' ? '' : `${dir}/`}${e.name}`;
    if (e.isDirectory()) {
      if (!['node_modules', '.git', 'dist', 'coverage'].includes(e.name)) out.push(...testFiles(rel));
    } else if (/\.test\.[cm]?[jt]s$/.test(e.name)) out.push(rel);
  }
  return out;
}

const matchers = Object.entries(TIERS).map(([tier, globs]) => [tier as Tier, picomatch([...globs])] as const);
const tiersOf = (f: string): Tier[] => matchers.filter(([, m]) => m(f)).map(([t]) => t);

/** Module specifiers a file imports: static, side-effect, re-export, dynamic import and require. */
export function importsOf(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/^\s*(?:import|export)\b[^'";]*?\bfrom\s*['"]([^'"]+)['"]/gm)) out.push(m[1]!);
  for (const m of text.matchAll(/^\s*import\s*['"]([^'"]+)['"]/gm)) out.push(m[1]!);
  for (const m of text.matchAll(/\b(?:import|require)\(\s*['"]([^'"]+)['"]\s*\)/g)) out.push(m[1]!);
  return out;
}

/** What a file reaches through its imports inside test/ (src/ files are followed one step: their own imports are theirs). */
function forbiddenReach(file: string): string[] {
  const seen = new Set<string>();
  const found: string[] = [];
  const visit = (abs: string, chain: string[]): void => {
    if (seen.has(abs)) return;
    seen.add(abs);
    for (const spec of importsOf(readFileSync(abs, 'utf8'))) {
      const target = spec.startsWith('.') ? resolve(dirname(abs), spec) : spec;
      const shown = spec.startsWith('.') ? relative(root, target) : spec;
      if (UNIT_FORBIDDEN.some((re) => re.test(spec.startsWith('.') ? `/${relative(root, target)}` : spec))) found.push([...chain, shown].join(' → '));
      const ts = target.replace(/\.js$/, '.ts');
      if (spec.startsWith('.') && ts.startsWith(join(root, 'test')) && existsSync(ts)) visit(ts, [...chain, relative(root, ts)]);
    }
  };
  visit(join(root, file), [file]);
  return found;
}

describe('test tiers', () => {
  const files = testFiles('.');

  it('finds the test files', () => {
    expect(files.length).toBeGreaterThan(150);
  });

  it('every test file belongs to exactly one tier', () => {
    const wrong = files.map((f) => [f, tiersOf(f)] as const).filter(([, t]) => t.length !== 1);
    expect(wrong.map(([f, t]) => `${f}: ${t.length === 0 ? 'no tier' : t.join(' and ')} (test/tiers.ts)`)).toEqual([]);
  });

  it('each tier has files', () => {
    for (const t of Object.keys(TIERS) as Tier[]) expect(files.filter((f) => tiersOf(f)[0] === t).length, t).toBeGreaterThan(0);
  });

  it('unit-tier files import no child process, network, rig or process runner (move such a file to test/integration/)', () => {
    const unit = files.filter((f) => tiersOf(f)[0] === 'unit');
    expect(unit.flatMap(forbiddenReach)).toEqual([]);
  });

  it('the import check has teeth', () => {
    const dyn = ['const h = await import(', "'node:http'", ');'].join('');
    expect(importsOf(`import { spawn } from 'node:child_process';\nimport './x.js';\n${dyn}`)).toEqual(['node:child_process', './x.js', 'node:http']);
    expect(forbiddenReach('test/integration/action/github-io.test.ts').length).toBeGreaterThan(0);
    expect(forbiddenReach('test/integration/cli/stdin.test.ts').some((c) => c.endsWith('child_process'))).toBe(true);
  });
});
