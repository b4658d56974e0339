/**
 * The catalog stays in step: every rule has one source file named after its id, one docs page
 * with the standard sections, one test table, and a unique id; every docs page belongs to a rule;
 * every docs page's failing example fires its rule and its fixed example does not.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalog } from '../../src/rules/index.js';
import { docExamples, runExample } from '../support/doc-examples.js';

const root = join(import.meta.dirname, '..', '..');

describe('rule catalog', () => {
  it('has unique, well-formed ids', () => {
    const ids = catalog.map((m) => m.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^MCG\d{3}$/);
  });

  it.each(catalog.map((m) => [m.id, m] as const))('%s has its source file, docs page and test table', (id, m) => {
    // the meta rules raised by core itself (MCG900/990/991/993/995) keep their metadata in core
    const homes = [join('src', 'rules', m.kind), ...(m.kind === 'meta' ? [join('src', 'core', 'meta-rules')] : [])];
    expect(homes.some((d) => existsSync(join(root, d, `${id}-${m.name}.ts`))), `${homes.join(' or ')}/${id}-${m.name}.ts`).toBe(true);
    const doc = join(root, 'docs', 'rules', `${id}.md`);
    expect(existsSync(doc), `docs/rules/${id}.md`).toBe(true);
    const text = readFileSync(doc, 'utf8');
    expect(text.split('\n')[0]).toBe(`# ${id} — ${m.title}`);
    for (const section of ['## Problem', '## Fix', '## Rationale', '## Examples', '## Suppression']) expect(text).toContain(section);
    expect(text).toMatch(new RegExp(`\\| Severity \\| ${m.severity} \\|`));
    const testFile = join(root, 'test', 'unit', 'rules', `${id}.test.ts`);
    expect(existsSync(testFile), `test/unit/rules/${id}.test.ts`).toBe(true);
    expect(readFileSync(testFile, 'utf8')).toContain(id);
    for (const f of ['title', 'description', 'rationale', 'fix'] as const) expect(m[f].length).toBeGreaterThan(10);
  });

  it('has no docs page without a rule', () => {
    const ids = new Set(catalog.map((m) => m.id));
    for (const f of readdirSync(join(root, 'docs', 'rules'))) {
      if (f.endsWith('.md')) expect(ids.has(f.replace(/\.md$/, '')), f).toBe(true);
    }
  });
});

describe('docs examples', () => {
  const withExamples = catalog.filter((m) => m.kind !== 'meta');
  it.each(withExamples.map((m) => [m.id, m] as const))('%s: the failing example fires and the fixed one does not', (id, m) => {
    const ex = docExamples(readFileSync(join(root, 'docs', 'rules', `${id}.md`), 'utf8'));
    expect(ex.failing.length, 'a failing example').toBeGreaterThan(0);
    expect(ex.fixed.length, 'a fixed example').toBeGreaterThan(0);
    for (const e of ex.failing) expect(runExample(m, e).some((f) => f.ruleId === id), `failing example fires ${id}`).toBe(true);
    for (const e of ex.fixed) expect(runExample(m, e).filter((f) => f.ruleId === id), `fixed example is clean of ${id}`).toEqual([]);
  });
});
